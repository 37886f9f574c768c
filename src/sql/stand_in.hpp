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

// For `CREATE [OR REPLACE] [TEMP] VIEW name [(cols)] [WITH (…)] AS query`: the span from its
// start to the end of the AS keyword. Rules and the catalog read only the view's name and
// OR REPLACE; its query can be the biggest tree of a migration. nullopt for any other shape
// (RECURSIVE, MATERIALIZED).
std::optional<ByteSpan> view_head(std::span<const Token> tokens, std::string_view text);

// Statements whose parse tree no rule reads beyond their kind (and, for a data insert, its
// head): the SQL to parse instead, whose tree then stands in for theirs. A data insert gets its
// own head plus ` (NULL)`, so locations in the head stay right, a view its head plus
// ` SELECT 1`; a plain `SELECT f(…)` (no INTO,
// no FOR UPDATE, no set_config), COMMENT ON, GRANT and REVOKE get a fixed statement of their
// kind. The statement itself is still syntax-checked (StatementParser::finish). nullopt: parse
// the statement itself.
std::optional<std::string> stand_in_sql(std::span<const Token> tokens, std::string_view text);

}  // namespace migsafe::sql
