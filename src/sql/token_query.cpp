#include "sql/token_query.hpp"

namespace migsafe::sql {

namespace {

std::string_view token_text(const Token& t, std::string_view text) {
    if (t.span.end > text.size() || t.span.begin > t.span.end) return {};
    return text.substr(t.span.begin, t.span.end - t.span.begin);
}

bool is_word(const Token& t, std::string_view text, std::string_view keyword) {
    return t.kind == TokenKind::Word && keyword_equals(token_text(t, text), keyword);
}

}  // namespace

const Token* find_keyword(const Statement& stmt, std::string_view text, std::string_view keyword,
                          uint32_t from) {
    for (const Token& t : stmt.tokens) {
        if (t.span.begin >= from && is_word(t, text, keyword)) return &t;
    }
    return nullptr;
}

ByteSpan without_semicolon(const Statement& stmt) {
    ByteSpan span = stmt.span;
    for (auto it = stmt.tokens.rbegin(); it != stmt.tokens.rend(); ++it) {
        if (it->is_trivia()) continue;
        if (it->kind == TokenKind::Semicolon) {
            // End at the last meaningful token before the semicolon.
            for (auto prev = it + 1; prev != stmt.tokens.rend(); ++prev) {
                if (!prev->is_trivia()) {
                    span.end = prev->span.end;
                    break;
                }
            }
        }
        break;
    }
    return span;
}

std::vector<ByteSpan> alter_command_spans(const Statement& stmt, std::string_view text) {
    std::vector<ByteSpan> out;
    const auto& tokens = stmt.tokens;
    size_t i = 0;
    const auto skip_trivia = [&] {
        while (i < tokens.size() && tokens[i].is_trivia())
            ++i;
    };
    // ALTER <object kind words> [IF EXISTS] [ONLY] name [*]
    skip_trivia();
    if (i >= tokens.size() || !is_word(tokens[i], text, "alter")) return out;
    ++i;
    while (true) {
        skip_trivia();
        if (i >= tokens.size()) return out;
        const Token& t = tokens[i];
        if (is_word(t, text, "table") || is_word(t, text, "materialized") ||
            is_word(t, text, "view") || is_word(t, text, "foreign") || is_word(t, text, "index") ||
            is_word(t, text, "if") || is_word(t, text, "exists") || is_word(t, text, "only")) {
            ++i;
            continue;
        }
        break;
    }
    // The (possibly qualified) relation name.
    bool expect_name = true;
    for (; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.is_trivia()) continue;
        if (expect_name && (t.kind == TokenKind::Word || t.kind == TokenKind::QuotedIdent)) {
            expect_name = false;
        } else if (!expect_name && t.kind == TokenKind::Dot) {
            expect_name = true;
        } else if (!expect_name && t.kind == TokenKind::Operator && token_text(t, text) == "*") {
            continue;
        } else {
            break;
        }
    }
    int depth = 0;
    ByteSpan current{UINT32_MAX, 0};
    for (; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.is_trivia()) continue;
        if (t.kind == TokenKind::LParen) ++depth;
        if (t.kind == TokenKind::RParen && depth > 0) --depth;
        if (depth == 0 && (t.kind == TokenKind::Comma || t.kind == TokenKind::Semicolon)) {
            if (current.begin != UINT32_MAX) out.push_back(current);
            current = {UINT32_MAX, 0};
            continue;
        }
        if (current.begin == UINT32_MAX) current.begin = t.span.begin;
        current.end = t.span.end;
    }
    if (current.begin != UINT32_MAX) out.push_back(current);
    return out;
}

}  // namespace migsafe::sql
