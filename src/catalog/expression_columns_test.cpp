#include "catalog/expression_columns.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "sql/parsed_file.hpp"

namespace migsafe::catalog {

namespace {

// Runs `check` on the WHERE expression of `SELECT 1 FROM t WHERE <expr>`.
template <typename Check>
void with_expression(const std::string& expr, Check check) {
    const std::unique_ptr<sql::ParsedFile> file =
        sql::parse_file("SELECT 1 FROM t WHERE " + expr + ";");
    REQUIRE(file->statements.size() == 1);
    REQUIRE(file->statements[0].node != nullptr);
    check(file->statements[0].node->select_stmt->where_clause);
}

}  // namespace

TEST_CASE("expression_columns lists each column once, in order") {
    with_expression("b > a AND lower(c) = b AND t.d IS NULL", [](const PgQuery__Node* expr) {
        CHECK(expression_columns(expr) == std::vector<std::string>{"b", "a", "c", "d"});
    });
    with_expression("a", [](const PgQuery__Node* expr) {
        CHECK(expression_columns(expr) == std::vector<std::string>{"a"});
    });
    CHECK(expression_columns(nullptr).empty());
}

TEST_CASE("expression_text renders calls and drops casts") {
    with_expression("lower((email)::text)", [](const PgQuery__Node* expr) {
        CHECK(expression_text(expr) == "lower(email)");
    });
    with_expression("public.f(a, b)",
                    [](const PgQuery__Node* expr) { CHECK(expression_text(expr) == "f(a, b)"); });
    with_expression("a + 1",
                    [](const PgQuery__Node* expr) { CHECK(expression_text(expr) == "expr"); });
    CHECK(expression_text(nullptr) == "expr");
}

TEST_CASE("object_name shortens the longer name to fit 63 bytes") {
    CHECK(object_name("orders", "user_id", "fkey") == "orders_user_id_fkey");
    CHECK(object_name("orders", "", "pkey") == "orders_pkey");
    const std::string long_table(60, 'a');
    const std::string name = object_name(long_table, "col", "key");
    CHECK(name.size() == 63);
    CHECK(name == std::string(55, 'a') + "_col_key");
    CHECK(object_name(long_table, std::string(60, 'b'), "idx") ==
          std::string(29, 'a') + "_" + std::string(29, 'b') + "_idx");
}

}  // namespace migsafe::catalog
