#include "sql/parse_limits.hpp"

#include <algorithm>
#include <vector>

#include "sql/lexer.hpp"

namespace migsafe::sql {

namespace {

// A bracket costs more stack than an operator: `(SELECT …)` is several tree levels.
constexpr size_t kGroupWeight = 3;

struct Group {
    size_t base = 0;     // levels above this bracket
    size_t chain = 0;    // JOINs and set operations so far: left-deep, never reset
    size_t element = 0;  // tokens in the current list element
    size_t depth() const { return base + chain + element; }
};

bool any_keyword(std::string_view word, std::initializer_list<std::string_view> keywords) {
    return std::any_of(keywords.begin(), keywords.end(),
                       [&](std::string_view k) { return keyword_equals(word, k); });
}

}  // namespace

size_t nesting_estimate(std::span<const Token> tokens, std::string_view text) {
    std::vector<Group> groups(1);
    size_t deepest = 0;
    for (const Token& t : tokens) {
        Group& group = groups.back();
        switch (t.kind) {
            case TokenKind::LParen:
            case TokenKind::LBracket:
                groups.push_back({group.depth() + kGroupWeight});
                break;
            case TokenKind::RParen:
            case TokenKind::RBracket:
                if (groups.size() > 1) groups.pop_back();
                break;
            case TokenKind::Comma:
            case TokenKind::Semicolon:
                group.element = 0;
                break;
            case TokenKind::Word: {
                const std::string_view word = text.substr(t.span.begin, t.span.end - t.span.begin);
                if (any_keyword(word, {"and", "or", "when", "then", "else"})) {
                    group.element = 0;
                } else if (any_keyword(word, {"join", "union", "intersect", "except"})) {
                    ++group.chain;
                    group.element = 0;
                } else {
                    ++group.element;
                }
                break;
            }
            case TokenKind::Operator:
            case TokenKind::Colon:
            case TokenKind::QuotedIdent:
                ++group.element;
                break;
            default:
                break;
        }
        deepest = std::max(deepest, groups.back().depth());
    }
    return deepest;
}

std::optional<std::string> parse_refusal(std::string_view sql) {
    // Every token is at least one byte and adds at most kGroupWeight levels.
    if (sql.size() * kGroupWeight <= kMaxNesting) return std::nullopt;
    const std::vector<Token> tokens = lex(sql);
    return parse_refusal(tokens, sql);
}

std::optional<std::string> parse_refusal(std::span<const Token> tokens, std::string_view text) {
    if (tokens.size() * kGroupWeight <= kMaxNesting) return std::nullopt;
    const auto significant = static_cast<size_t>(
        std::count_if(tokens.begin(), tokens.end(), [](const Token& t) { return !t.is_trivia(); }));
    if (significant > kMaxStatementTokens) {
        return "statement too large to analyse (" + std::to_string(significant) +
               " tokens, at most " + std::to_string(kMaxStatementTokens) + "): not checked";
    }
    if (nesting_estimate(tokens, text) > kMaxNesting) {
        return "statement nested too deeply to analyse (more than " + std::to_string(kMaxNesting) +
               " levels of expressions, brackets, joins or set operations): not checked";
    }
    return std::nullopt;
}

}  // namespace migsafe::sql
