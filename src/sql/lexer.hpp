#pragma once

#include <string_view>
#include <vector>

#include "sql/token.hpp"

namespace migsafe::sql {

// Tokenizes PostgreSQL SQL the way psql sends it: quotes, dollar quotes, nested comments, psql
// backslash commands and variables, and COPY … FROM STDIN data. Never fails: an unterminated quote
// or comment becomes a token marked `unterminated` that runs to the end of input.
// `base` is added to every offset so that tokens of an embedded region carry file offsets.
std::vector<Token> lex(std::string_view text, uint32_t base = 0);

}  // namespace migsafe::sql
