#include "sql/splitter.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "sql/lexer.hpp"

using namespace migsafe;
using namespace migsafe::sql;

namespace {

// The statements of `text`, each as its text from first to last token.
std::vector<std::string> split(const std::string& text) {
    const std::vector<Token> tokens = lex(text);
    std::vector<std::string> out;
    for (const TokenRange& r : split_statements(tokens, text)) {
        if (r.empty()) continue;
        const uint32_t begin = tokens[r.first].span.begin;
        const uint32_t end = tokens[r.end - 1].span.end;
        out.push_back(text.substr(begin, end - begin));
    }
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("splitter: top-level semicolons only") {
    CHECK(split("SELECT 1; SELECT ';', $$;$$; SELECT (1);") ==
          Strings{"SELECT 1;", "SELECT ';', $$;$$;", "SELECT (1);"});
}

TEST_CASE("splitter: a BEGIN ATOMIC body is one statement") {
    const std::string fn =
        "CREATE FUNCTION f(i int) RETURNS int LANGUAGE sql BEGIN ATOMIC\n"
        "  SELECT i + 1;\n"
        "  SELECT i + 2;\n"
        "END;";
    const Strings statements = split(fn + "\nSELECT 3;");
    REQUIRE(statements.size() == 2);
    CHECK(statements[0] == fn);
    CHECK(statements[1] == "SELECT 3;");
}

TEST_CASE("splitter: BEGIN ATOMIC with CASE … END inside") {
    const std::string fn =
        "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC\n"
        "  SELECT CASE WHEN true THEN 1 END;\n"
        "END;";
    const Strings statements = split(fn + " SELECT 4;");
    REQUIRE(statements.size() == 2);
    CHECK(statements[0] == fn);
}

TEST_CASE("splitter: a transaction BEGIN is not an ATOMIC body") {
    CHECK(split("BEGIN; SELECT 1; COMMIT;") == Strings{"BEGIN;", "SELECT 1;", "COMMIT;"});
}

TEST_CASE("splitter: unbalanced parentheses end at the first semicolon") {
    CHECK(split("SELECT (1 + 2;\nCREATE INDEX i ON t (a);\nSELECT 5;") ==
          Strings{"SELECT (1 + 2;", "CREATE INDEX i ON t (a);", "SELECT 5;"});
    CHECK(split("SELECT 1);\nSELECT 2;") == Strings{"SELECT 1);", "SELECT 2;"});
}

TEST_CASE("splitter: a last statement without semicolon, comments between statements") {
    CHECK(split("-- lead\nSELECT 1; /* mid */ SELECT 2") == Strings{"SELECT 1;", "SELECT 2"});
}
