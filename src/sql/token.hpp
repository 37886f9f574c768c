#pragma once

#include <cstdint>
#include <string_view>

#include "util/source_text.hpp"

namespace migsafe::sql {

enum class TokenKind : uint8_t {
    Word,         // keyword or unquoted identifier
    QuotedIdent,  // "Name"
    String,       // '…', E'…', U&'…', B'…', X'…', $tag$…$tag$
    Number,
    Operator,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Semicolon,
    Dot,
    Colon,         // a lone ':' (array slices) or '::' cast
    Param,         // $1
    PsqlVariable,  // :name, :'name', :"name" (psql interpolation)
    Placeholder,   // ${name} (Flyway, Liquibase), {{ name }} (Jinja, dbt), @name@ (extension
                   // scripts)
    LineComment,   // -- …
    BlockComment,  // /* … */ (nested)
    PsqlMeta,      // a psql backslash command up to the end of its line
    CopyData,      // the data lines after COPY … FROM STDIN, up to and including "\."
};

// 12 bytes: a big file has millions of tokens.
struct Token {
    ByteSpan span;
    TokenKind kind = TokenKind::Word;
    // An unterminated quote or comment ran to the end of input.
    bool unterminated = false;

    bool is_comment() const {
        return kind == TokenKind::LineComment || kind == TokenKind::BlockComment;
    }
    // Comments, psql meta-commands and COPY data are not part of any SQL statement.
    bool is_trivia() const {
        return is_comment() || kind == TokenKind::PsqlMeta || kind == TokenKind::CopyData;
    }
};
static_assert(sizeof(Token) == 12);

// Case-insensitive comparison of a word token's text with a lower-case keyword.
bool keyword_equals(std::string_view text, std::string_view lower_keyword);

}  // namespace migsafe::sql
