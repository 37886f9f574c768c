#include "sql/stand_in.hpp"

#include <vector>

namespace migsafe::sql {

namespace {

class Cursor {
  public:
    Cursor(std::span<const Token> tokens, std::string_view text) : text_(text) {
        for (const Token& t : tokens) {
            if (!t.is_trivia()) tokens_.push_back(&t);
        }
    }
    bool done() const { return i_ >= tokens_.size(); }
    const Token& peek() const { return *tokens_[i_]; }
    bool word(std::string_view lower) {
        if (done() || peek().kind != TokenKind::Word || !keyword_equals(text(peek()), lower))
            return false;
        ++i_;
        return true;
    }
    bool kind(TokenKind k) {
        if (done() || peek().kind != k) return false;
        ++i_;
        return true;
    }
    bool identifier() {
        if (done()) return false;
        const Token& t = peek();
        if (t.kind == TokenKind::QuotedIdent) return kind(TokenKind::QuotedIdent);
        if (t.kind != TokenKind::Word || keyword_equals(text(t), "values") ||
            keyword_equals(text(t), "default") || keyword_equals(text(t), "select") ||
            keyword_equals(text(t), "overriding"))
            return false;
        ++i_;
        return true;
    }
    // Skips a parenthesised group starting at the current '('.
    bool group() {
        if (!kind(TokenKind::LParen)) return false;
        for (int depth = 1; !done(); ++i_) {
            const TokenKind k = peek().kind;
            if (k == TokenKind::LParen) ++depth;
            if (k == TokenKind::RParen && --depth == 0) {
                ++i_;
                return true;
            }
            if (k == TokenKind::Semicolon) return false;
        }
        return false;
    }
    const Token& previous() const { return *tokens_[i_ - 1]; }

  private:
    std::string_view text(const Token& t) const {
        return text_.substr(t.span.begin, t.span.end - t.span.begin);
    }
    std::string_view text_;
    std::vector<const Token*> tokens_;
    size_t i_ = 0;
};

}  // namespace

std::optional<ByteSpan> values_insert_head(std::span<const Token> tokens, std::string_view text) {
    Cursor c(tokens, text);
    if (c.done()) return std::nullopt;
    const uint32_t begin = c.peek().span.begin;
    if (!c.word("insert") || !c.word("into") || !c.identifier()) return std::nullopt;
    while (c.kind(TokenKind::Dot)) {
        if (!c.identifier()) return std::nullopt;
    }
    if (c.word("as") && !c.identifier()) return std::nullopt;
    if (!c.done() && c.peek().kind == TokenKind::LParen && !c.group()) return std::nullopt;
    if (!c.word("values")) return std::nullopt;
    const uint32_t head_end = c.previous().span.end;
    do {
        if (!c.group()) return std::nullopt;
    } while (c.kind(TokenKind::Comma));
    c.kind(TokenKind::Semicolon);
    if (!c.done()) return std::nullopt;
    return ByteSpan{begin, head_end};
}

std::optional<ByteSpan> view_head(std::span<const Token> tokens, std::string_view text) {
    Cursor c(tokens, text);
    if (c.done()) return std::nullopt;
    const uint32_t begin = c.peek().span.begin;
    if (!c.word("create")) return std::nullopt;
    if (c.word("or") && !c.word("replace")) return std::nullopt;
    if (!c.word("temp")) c.word("temporary");
    if (!c.word("view") || !c.identifier()) return std::nullopt;
    while (c.kind(TokenKind::Dot)) {
        if (!c.identifier()) return std::nullopt;
    }
    if (!c.done() && c.peek().kind == TokenKind::LParen && !c.group()) return std::nullopt;
    if (c.word("with") && !c.group()) return std::nullopt;
    if (!c.word("as")) return std::nullopt;
    return ByteSpan{begin, c.previous().span.end};
}

namespace {

bool has_word(std::span<const Token> tokens, std::string_view text, std::string_view lower) {
    for (const Token& t : tokens) {
        if (t.kind == TokenKind::Word &&
            keyword_equals(text.substr(t.span.begin, t.span.end - t.span.begin), lower))
            return true;
    }
    return false;
}

}  // namespace

std::optional<std::string> stand_in_sql(std::span<const Token> tokens, std::string_view text) {
    if (const auto head = values_insert_head(tokens, text))
        return std::string(text.substr(head->begin, head->end - head->begin)) + " (NULL)";
    if (const auto head = view_head(tokens, text))
        return std::string(text.substr(head->begin, head->end - head->begin)) + " SELECT 1";
    const Token* first = nullptr;
    for (const Token& t : tokens) {
        if (!t.is_trivia()) {
            first = &t;
            break;
        }
    }
    if (first == nullptr || first->kind != TokenKind::Word) return std::nullopt;
    const std::string_view word =
        text.substr(first->span.begin, first->span.end - first->span.begin);
    if (keyword_equals(word, "select")) {
        // SELECT … INTO creates a table; set_config changes timeouts rules track; FOR UPDATE
        // and FOR SHARE take row locks.
        if (has_word(tokens, text, "into") || has_word(tokens, text, "set_config") ||
            has_word(tokens, text, "for"))
            return std::nullopt;
        return std::string("SELECT 1");
    }
    if (keyword_equals(word, "comment")) return std::string("COMMENT ON SCHEMA s IS NULL");
    if (keyword_equals(word, "grant")) return std::string("GRANT USAGE ON SCHEMA s TO PUBLIC");
    if (keyword_equals(word, "revoke")) return std::string("REVOKE USAGE ON SCHEMA s FROM PUBLIC");
    return std::nullopt;
}

}  // namespace migsafe::sql
