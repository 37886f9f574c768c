#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/rule_id.hpp"
#include "pg/statement_facts.hpp"
#include "util/source_text.hpp"

namespace migsafe {

struct Edit {
    ByteSpan span;  // replaced bytes; empty for an insertion
    std::string text;
};

// A titled list of edits. Safe fixes keep the migration's meaning and only change how it locks.
struct Fix {
    std::string title;
    std::vector<Edit> edits;
    bool safe = true;
};

// Another place a finding is about, in another file (application code that uses a dropped
// column, the migration a code reference depends on). Positions are 1-based; `column` counts
// code points, `utf16_column` UTF-16 code units (SARIF).
struct RelatedLocation {
    std::string path;
    uint32_t line = 0;
    uint32_t column = 0;
    uint32_t utf16_column = 0;
    std::string message;
};

struct Diagnostic {
    RuleId rule = RuleId::syntax_error;
    // Off means "the rule's configured severity"; a rule sets another value only when this
    // finding is worse or milder than the rule's usual case.
    Severity severity = Severity::Off;
    ByteSpan span;
    std::string message;  // what is wrong
    std::string help;     // what to do instead, with SQL
    std::optional<pg::RelationLock> lock;
    std::optional<Fix> fix;
    std::vector<RelatedLocation> related;
};

}  // namespace migsafe
