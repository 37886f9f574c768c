#include "sql/lexer.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace migsafe;
using namespace migsafe::sql;

namespace {

struct Lexed {
    std::string text;
    std::vector<Token> tokens;

    explicit Lexed(std::string t) : text(std::move(t)), tokens(lex(text)) {}

    std::string_view at(size_t i) const {
        return std::string_view(text).substr(tokens[i].span.begin,
                                             tokens[i].span.end - tokens[i].span.begin);
    }
    // Tokens of one kind, as text.
    std::vector<std::string> of(TokenKind kind) const {
        std::vector<std::string> out;
        for (size_t i = 0; i < tokens.size(); ++i) {
            if (tokens[i].kind == kind) out.emplace_back(at(i));
        }
        return out;
    }
};

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("lexer: dollar quotes with and without tags") {
    const Lexed l("SELECT $$a;b$$, $fn$ x $$ y ; $fn$, $1;");
    CHECK(l.of(TokenKind::String) == Strings{"$$a;b$$", "$fn$ x $$ y ; $fn$"});
    CHECK(l.of(TokenKind::Param) == Strings{"$1"});
    CHECK(l.of(TokenKind::Semicolon).size() == 1);
}

TEST_CASE("lexer: an unterminated dollar quote runs to the end") {
    const Lexed l("SELECT $body$ never closed;");
    REQUIRE(l.tokens.size() == 2);
    CHECK(l.tokens[1].unterminated);
    CHECK(l.tokens[1].span.end == l.text.size());
}

TEST_CASE("lexer: nested block comments") {
    const Lexed l("/* a /* b */ still comment; */ SELECT 1;");
    CHECK(l.of(TokenKind::BlockComment) == Strings{"/* a /* b */ still comment; */"});
    CHECK(l.of(TokenKind::Semicolon).size() == 1);
}

TEST_CASE("lexer: E'' strings with backslash escapes, standard strings with doubled quotes") {
    const Lexed l(R"(SELECT E'it\'s;', 'don''t;', e'\\';)");
    CHECK(l.of(TokenKind::String) == Strings{R"(E'it\'s;')", "'don''t;'", R"(e'\\')"});
    CHECK(l.of(TokenKind::Semicolon).size() == 1);
}

TEST_CASE("lexer: psql meta-commands take the rest of their line") {
    const Lexed l("\\set ON_ERROR_STOP on\n\\echo a; b\nSELECT 1;\n\\quit\n");
    CHECK(l.of(TokenKind::PsqlMeta) == Strings{"\\set ON_ERROR_STOP on", "\\echo a; b", "\\quit"});
    CHECK(l.of(TokenKind::Semicolon).size() == 1);
}

TEST_CASE("lexer: COPY FROM STDIN data runs up to and including \\.") {
    const Lexed l("COPY t (a, b) FROM STDIN;\n1\tx;y\n2\t'z\n\\.\nSELECT 1;\n");
    const Strings data = l.of(TokenKind::CopyData);
    REQUIRE(data.size() == 1);
    CHECK(data[0].starts_with("1\tx;y"));
    CHECK(data[0].ends_with("\\."));
    // The COPY's semicolon and the SELECT's; nothing from the data.
    CHECK(l.of(TokenKind::Semicolon).size() == 2);
    CHECK(l.of(TokenKind::Word).back() == "SELECT");
}

TEST_CASE("lexer: psql variables versus casts and array slices") {
    const Lexed l("SELECT :foo, :'bar', :\"baz\", x::int, a[1:2], a[1 : n];");
    CHECK(l.of(TokenKind::PsqlVariable) == Strings{":foo", ":'bar'", ":\"baz\""});
    CHECK(l.of(TokenKind::Colon) == Strings{"::", ":", ":"});
}

TEST_CASE("lexer: offsets carry the base") {
    const std::vector<Token> tokens = lex("SELECT 1", 100);
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].span.begin == 100);
    CHECK(tokens[1].span.end == 108);
}

TEST_CASE("lexer: template placeholders are single tokens, quoted text and @ operators are not") {
    const std::string sql = "SELECT ${a}, {{ b }}, @c@, '${d}', x @> y, @e;";
    const auto tokens = migsafe::sql::lex(sql);
    std::vector<std::string> placeholders;
    for (const auto& t : tokens) {
        if (t.kind == migsafe::sql::TokenKind::Placeholder) {
            placeholders.emplace_back(sql.substr(t.span.begin, t.span.end - t.span.begin));
        }
    }
    CHECK(placeholders == std::vector<std::string>{"${a}", "{{ b }}", "@c@"});
}
