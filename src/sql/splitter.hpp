#pragma once

#include <vector>

#include "sql/token.hpp"

namespace migsafe::sql {

// One statement as a half-open range of token indices; trivia before it is not included.
struct TokenRange {
    uint32_t first = 0;
    uint32_t end = 0;
    bool empty() const { return end <= first; }
};

// Splits a token stream into statements at top-level semicolons (outside parentheses and
// BEGIN ATOMIC bodies). A statement whose parentheses never balance ends at its first
// semicolon, so one typo does not swallow the rest of the file.
std::vector<TokenRange> split_statements(const std::vector<Token>& tokens, std::string_view text,
                                         uint32_t base = 0);

}  // namespace migsafe::sql
