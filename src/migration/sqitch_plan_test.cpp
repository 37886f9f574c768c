#include "migration/sqitch_plan.hpp"

#include <doctest/doctest.h>

using namespace migsafe::migration;

TEST_CASE("sqitch plan: changes, requirements, pragmas, tags and comments") {
    const auto changes = parse_sqitch_plan(
        "%syntax-version=1.0.0\n"
        "%project=shop\n"
        "\n"
        "# a comment\n"
        "users 2024-01-01T12:00:00Z Ada <ada@example.com> # note [not deps]\n"
        "orders [users !legacy other:thing@v1] 2024-01-02T12:00:00Z Ada <ada@example.com>\n"
        "@v1.0 2024-01-03T12:00:00Z Ada <ada@example.com>\n");
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].name == "users");
    CHECK(changes[0].requires_changes.empty());
    CHECK(changes[0].script_stem == "users");
    CHECK(changes[1].name == "orders");
    CHECK(changes[1].requires_changes == std::vector<std::string>{"users", "other:thing"});
}

TEST_CASE("sqitch plan: a reworked change keeps its old scripts under the next tag") {
    const auto changes = parse_sqitch_plan(
        "users 2024-01-01T12:00:00Z Ada <ada@example.com>\n"
        "@v1.0 2024-01-02T12:00:00Z Ada <ada@example.com>\n"
        "audit 2024-01-03T12:00:00Z Ada <ada@example.com>\n"
        "@v1.1 2024-01-04T12:00:00Z Ada <ada@example.com>\n"
        "users [users@v1.0] 2024-01-05T12:00:00Z Ada <ada@example.com>\n");
    REQUIRE(changes.size() == 3);
    CHECK(changes[0].script_stem == "users@v1.0");
    CHECK(changes[1].script_stem == "audit");
    CHECK(changes[2].script_stem == "users");
    CHECK(changes[2].requires_changes == std::vector<std::string>{"users"});
}
