#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "sql/parsed_file.hpp"

namespace migsafe::sql {

// The first word token equal to `keyword` (lower case) at or after byte `from`.
const Token* find_keyword(const Statement& stmt, std::string_view text, std::string_view keyword,
                          uint32_t from = 0);

// The span of each comma-separated sub-command of an ALTER TABLE (or ALTER INDEX …), after the
// relation name, in order. Empty when the statement does not have that shape.
std::vector<ByteSpan> alter_command_spans(const Statement& stmt, std::string_view text);

// The statement's span without its terminating semicolon.
ByteSpan without_semicolon(const Statement& stmt);

}  // namespace migsafe::sql
