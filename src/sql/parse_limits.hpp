#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "sql/token.hpp"

namespace migsafe::sql {

// libpg_query's parse-tree reader recurses once per tree level, so a statement nested thousands
// of levels deep (`1+1+…`, `NOT NOT …`, `(SELECT (SELECT …))`, long JOIN chains) overflows the
// stack. Statements whose estimate exceeds this are reported instead of parsed.
inline constexpr size_t kMaxNesting = 2000;

// An upper-bound estimate of how deep the parse tree of one statement's tokens nests. Lists are
// flat in the tree, so commas, AND/OR and CASE arms start a new element; every bracket and every
// other token inside an element may add a level. `text` is what the token spans index.
size_t nesting_estimate(std::span<const Token> tokens, std::string_view text);

// libpg_query's tree takes about 600 bytes per token: a flat statement of millions of tokens
// (`SELECT 1, 1, …` over megabytes) would take gigabytes. Data inserts are exempt: only their
// head is parsed into a tree (stand_in.hpp).
inline constexpr size_t kMaxStatementTokens = 250'000;

// A PL/pgSQL body's parse (libpg_query's JSON, then every statement in it) takes about 250
// bytes per byte of body; longer bodies are reported as not analysed.
inline constexpr size_t kMaxPlpgsqlBodyBytes = size_t{512} << 10;

// Why `sql` (one statement) must not be handed to libpg_query, or nullopt when it may be.
// Cheap for short statements: they cannot exceed either limit and are not lexed.
std::optional<std::string> parse_refusal(std::string_view sql);
// The same for a statement already lexed: `tokens` index `text`.
std::optional<std::string> parse_refusal(std::span<const Token> tokens, std::string_view text);

}  // namespace migsafe::sql
