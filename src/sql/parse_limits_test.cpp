#include "sql/parse_limits.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sql/lexer.hpp"
#include "sql/parsed_file.hpp"

using namespace migsafe::sql;

namespace {

size_t estimate(const std::string& sql) {
    return nesting_estimate(lex(sql), sql);
}

std::string repeat(std::string_view piece, size_t n) {
    std::string out;
    for (size_t i = 0; i < n; ++i)
        out += piece;
    return out;
}

}  // namespace

TEST_CASE("parse limits: operator chains, NOT chains, casts and brackets grow the estimate") {
    CHECK(estimate("SELECT " + repeat("1+", 3000) + "1") > kMaxNesting);
    CHECK(estimate("SELECT " + repeat("NOT ", 3000) + "true") > kMaxNesting);
    CHECK(estimate("SELECT x" + repeat("::int", 3000)) > kMaxNesting);
    CHECK(estimate("SELECT " + repeat("(SELECT ", 600) + "1" + repeat(")", 600)) > kMaxNesting);
    CHECK(estimate("SELECT * FROM a" + repeat(" JOIN a ON a.x = a.y AND true", 2500)) >
          kMaxNesting);
}

TEST_CASE("parse limits: flat lists stay shallow however long they are") {
    CHECK(estimate("SELECT " + repeat("1, ", 10000) + "1") < 10);
    CHECK(estimate("INSERT INTO t VALUES " + repeat("(1, 'a'), ", 10000) + "(1, 'a')") < 10);
    CHECK(estimate("SELECT CASE " + repeat("WHEN x = 1 THEN 'a' ", 10000) + "END") < 10);
    CHECK(estimate("SELECT 1 WHERE " + repeat("a = 1 AND ", 10000) + "true") < 10);
    CHECK(estimate("CREATE TABLE t (" + repeat("c bigint NOT NULL DEFAULT 0, ", 5000) + "d int)") <
          20);
}

TEST_CASE("parse limits: a deep statement is reported as not checked instead of parsed") {
    const auto file = parse_file("SELECT " + repeat("1+", 100000) + "1;\nSELECT 1;\n");
    REQUIRE(file->statements.size() == 2);
    REQUIRE(file->statements[0].error.has_value());
    CHECK(file->statements[0].error->message.find("nested too deeply") != std::string::npos);
    CHECK(file->statements[0].error->offset == 0);
    CHECK_FALSE(file->statements[1].error.has_value());
    CHECK(file->statements[1].node != nullptr);
}

TEST_CASE("parse limits: a flat statement of too many tokens is refused, a data insert is not") {
    const auto file = parse_file("SELECT " + repeat("1,", 300000) + "1;\n");
    REQUIRE(file->statements.size() == 1);
    REQUIRE(file->statements[0].error.has_value());
    CHECK(file->statements[0].error->message.find("too large to analyse") != std::string::npos);
    // The check gives a data insert a stand-in tree of its head and syntax-checks the rest.
    const auto data = parse_file("INSERT INTO t (a) VALUES " + repeat("(1),", 300000) + "(1);\n",
                                 TreeDetail::ForRules);
    REQUIRE(data->statements.size() == 1);
    CHECK_FALSE(data->statements[0].error.has_value());
    CHECK(data->statements[0].tree_elided);
}

TEST_CASE("parse limits: short statements are not lexed again") {
    CHECK_FALSE(parse_refusal(repeat("(", kMaxNesting / 3)).has_value());
    CHECK(parse_refusal(repeat("(", kMaxNesting)).has_value());
}

TEST_CASE("parse limits: an oversized PL/pgSQL body is reported, not analysed") {
    const std::string body = repeat("  PERFORM 1;\n", kMaxPlpgsqlBodyBytes / 12);
    const auto file = parse_file("DO $$\nBEGIN\n" + body +
                                 "END\n$$;\nDO $$ BEGIN CREATE TABLE x (a int); END $$;\n");
    REQUIRE(file->problems.size() == 1);
    CHECK(file->problems[0].message.find("PL/pgSQL body not analysed: larger than") !=
          std::string::npos);
    // Both DO blocks, and the CREATE TABLE of the small body.
    CHECK(file->statements.size() == 3);
}
