#include "sql/stand_in.hpp"

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

namespace migsafe::sql {

namespace {

std::string stand_in(const std::string& sql) {
    const std::vector<Token> tokens = lex(sql);
    return stand_in_sql(tokens, sql).value_or("<itself>");
}

}  // namespace

TEST_CASE("stand_in_sql: statements no rule reads in detail") {
    CHECK(stand_in("INSERT INTO t (a) VALUES (1), (2);") == "INSERT INTO t (a) VALUES (NULL)");
    CHECK(stand_in("select gm.log_script_insertion('v22', true);") == "SELECT 1");
    CHECK(stand_in("COMMENT ON TABLE t IS 'x';") == "COMMENT ON SCHEMA s IS NULL");
    CHECK(stand_in("GRANT SELECT ON t TO alice;") == "GRANT USAGE ON SCHEMA s TO PUBLIC");
    CHECK(stand_in("REVOKE ALL ON t FROM bob;") == "REVOKE USAGE ON SCHEMA s FROM PUBLIC");
    // What rules read keeps its own tree.
    CHECK(stand_in("SELECT set_config('lock_timeout', '5s', false);") == "<itself>");
    CHECK(stand_in("SELECT * INTO archive FROM orders;") == "<itself>");
    CHECK(stand_in("SELECT id FROM orders FOR UPDATE;") == "<itself>");
    CHECK(stand_in("UPDATE t SET a = 1;") == "<itself>");
    CHECK(stand_in("WITH x AS (SELECT 1) SELECT * FROM x;") == "<itself>");
    CHECK(stand_in("-- only a comment") == "<itself>");
}

TEST_CASE("stand_in_sql: a view keeps its head, its query is replaced") {
    CHECK(stand_in("CREATE VIEW v AS SELECT a, b FROM t JOIN u USING (id);") ==
          "CREATE VIEW v AS SELECT 1");
    CHECK(stand_in("create or replace temp view app.\"V\" (x, y) with (security_barrier) as "
                   "select 1, 2 with check option;") ==
          "create or replace temp view app.\"V\" (x, y) with (security_barrier) as SELECT 1");
    CHECK(stand_in("CREATE RECURSIVE VIEW r (n) AS SELECT 1;") == "<itself>");
    CHECK(stand_in("CREATE MATERIALIZED VIEW m AS SELECT 1;") == "<itself>");
    CHECK(stand_in("CREATE VIEW v (a AS SELECT 1;") == "<itself>");
    CHECK(stand_in("CREATE OR VIEW v AS SELECT 1;") == "<itself>");
}

}  // namespace migsafe::sql
