#include "pg/partitions.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "sql/ast.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe::pg {

namespace {

// Parses `ALTER TABLE c ADD CHECK (<check>)` and `ALTER TABLE p ATTACH PARTITION c <bound>`.
bool implies(const std::string& check, const std::string& bound) {
    const std::unique_ptr<sql::ParsedFile> file = sql::parse_file(
        "ALTER TABLE c ADD CHECK (" + check + "); ALTER TABLE p ATTACH PARTITION c " + bound + ";");
    REQUIRE(file->statements.size() == 2);
    const PgQuery__Node* add = file->statements[0].node->alter_table_stmt->cmds[0];
    const PgQuery__Node* attach = file->statements[1].node->alter_table_stmt->cmds[0];
    return check_implies_bound(add->alter_table_cmd->def->constraint->raw_expr,
                               *attach->alter_table_cmd->def->partition_cmd->bound);
}

}  // namespace

TEST_CASE("check_implies_bound: range bounds") {
    CHECK(implies("k IS NOT NULL AND k >= 1 AND k < 10", "FOR VALUES FROM (1) TO (10)"));
    CHECK(implies("k >= 2 AND k < 5 AND k IS NOT NULL", "FOR VALUES FROM (1) TO (10)"));
    CHECK(implies("k IS NOT NULL AND k < 10", "FOR VALUES FROM (MINVALUE) TO (10)"));
    CHECK(implies("k IS NOT NULL AND k >= '2024-01-01'::date AND k < '2025-01-01'",
                  "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"));
    CHECK_FALSE(implies("k >= 1 AND k < 10", "FOR VALUES FROM (1) TO (10)"));  // NULL passes
    CHECK_FALSE(implies("k IS NOT NULL AND k >= 0 AND k < 10", "FOR VALUES FROM (1) TO (10)"));
    CHECK_FALSE(implies("k IS NOT NULL AND k >= 1 AND k <= 10", "FOR VALUES FROM (1) TO (10)"));
    CHECK_FALSE(implies("k IS NOT NULL AND k >= 1 AND j < 10", "FOR VALUES FROM (1) TO (10)"));
    CHECK_FALSE(implies("k IS NOT NULL AND k >= 1 OR k < 10", "FOR VALUES FROM (1) TO (10)"));
}

TEST_CASE("check_implies_bound: list, default and hash bounds") {
    CHECK(implies("k IS NOT NULL AND k IN ('a', 'b')", "FOR VALUES IN ('a', 'b', 'c')"));
    CHECK(implies("k = 'a'", "FOR VALUES IN ('a', NULL)"));
    CHECK_FALSE(implies("k IN ('a', 'b')", "FOR VALUES IN ('a', 'b')"));  // NULL passes
    CHECK_FALSE(implies("k IS NOT NULL AND k IN ('a', 'z')", "FOR VALUES IN ('a', 'b')"));
    CHECK_FALSE(implies("k IS NOT NULL AND k = 'a'", "DEFAULT"));
    CHECK_FALSE(implies("k IS NOT NULL", "FOR VALUES WITH (MODULUS 4, REMAINDER 0)"));
}

TEST_CASE("bound_check_condition writes the CHECK that proves a bound") {
    const std::unique_ptr<sql::ParsedFile> file = sql::parse_file(
        "ALTER TABLE p ATTACH PARTITION c FOR VALUES FROM (MINVALUE) TO ('it''s');");
    const PgQuery__Node* attach = file->statements[0].node->alter_table_stmt->cmds[0];
    CHECK(bound_check_condition(*attach->alter_table_cmd->def->partition_cmd->bound, "k") ==
          "k IS NOT NULL AND k < 'it''s'");
}

}  // namespace migsafe::pg
