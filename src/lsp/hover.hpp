#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe::lsp {

struct StatementHover {
    ByteSpan span;         // the statement under the cursor
    std::string markdown;  // locks per relation, what they block, rewrite / scan, findings
};

// Describes the innermost statement at `offset`: what PostgreSQL locks while it runs. `findings`
// are the file's diagnostics; those inside the statement are listed too. Nullopt outside any
// statement or on one the parser rejected.
std::optional<StatementHover> hover_statement(const sql::ParsedFile& file, uint32_t offset,
                                              const std::vector<Diagnostic>& findings);

}  // namespace migsafe::lsp
