#pragma once

#include <string>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/options.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe {

// One rule named in one suppression comment.
struct Suppression {
    ByteSpan comment;            // the whole comment, for unused-suppression reports
    std::string rule_name;       // as written
    std::optional<RuleId> rule;  // nullopt: unknown rule
    bool whole_file = false;
    bool all_rules = false;  // squawk-ignore-file without names
    ByteSpan target;         // the statement it applies to (whole_file: unused)
};

// Finds `-- migsafe: ignore …`, `-- migsafe: ignore-file …`, `-- squawk-ignore …` and
// `-- squawk-ignore-file …` comments and the statement each one applies to: the statement whose
// first line it ends, or the one that directly follows the comment block it is in.
std::vector<Suppression> find_suppressions(const sql::ParsedFile& file);

// Drops suppressed diagnostics and adds unused-suppression findings.
void apply_suppressions(const sql::ParsedFile& file, const Options& options,
                        std::vector<Diagnostic>& diagnostics);

}  // namespace migsafe
