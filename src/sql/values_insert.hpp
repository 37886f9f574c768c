#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "sql/token.hpp"

namespace migsafe::sql {

// Data-loading statements (`INSERT INTO t [(cols)] VALUES (…)[, (…)]…;`) make up most of the
// bytes of big migration files, and no rule looks inside their VALUES. For such a statement this
// returns the span from its start to the end of the VALUES keyword: the part a parse tree is
// needed for. nullopt for any other shape (ON CONFLICT, RETURNING, SELECT, DEFAULT VALUES, WITH).
std::optional<ByteSpan> values_insert_head(std::span<const Token> tokens, std::string_view text);

}  // namespace migsafe::sql
