#include "sql/values_insert.hpp"

#include <doctest/doctest.h>

#include <string>

#include "sql/lexer.hpp"

namespace migsafe::sql {

namespace {

std::string head(const std::string& sql) {
    const std::vector<Token> tokens = lex(sql);
    const auto span = values_insert_head(tokens, sql);
    return span ? sql.substr(span->begin, span->end - span->begin) : "<none>";
}

}  // namespace

TEST_CASE("values_insert_head: plain data inserts") {
    CHECK(head("INSERT INTO t VALUES (1), (2);") == "INSERT INTO t VALUES");
    CHECK(head("insert into ref.\"Icpc\" (a, b) values ('x', (SELECT 1 FROM y));") ==
          "insert into ref.\"Icpc\" (a, b) values");
    CHECK(head("-- note\nINSERT INTO t AS x (a) VALUES (1) /* c */ , (2)") ==
          "INSERT INTO t AS x (a) VALUES");
}

TEST_CASE("values_insert_head: everything else needs the whole tree") {
    CHECK(head("INSERT INTO t SELECT * FROM u;") == "<none>");
    CHECK(head("INSERT INTO t DEFAULT VALUES;") == "<none>");
    CHECK(head("INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;") == "<none>");
    CHECK(head("INSERT INTO t VALUES (1) RETURNING id;") == "<none>");
    CHECK(head("INSERT INTO t (a) OVERRIDING SYSTEM VALUE VALUES (1);") == "<none>");
    CHECK(head("WITH x AS (SELECT 1) INSERT INTO t VALUES (1);") == "<none>");
    CHECK(head("INSERT INTO t VALUES (1;") == "<none>");
    CHECK(head("INSERT INTO t VALUES (1), ;") == "<none>");
    CHECK(head("UPDATE t SET a = 1;") == "<none>");
    CHECK(head("") == "<none>");
}

}  // namespace migsafe::sql
