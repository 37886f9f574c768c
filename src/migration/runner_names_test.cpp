#include <doctest/doctest.h>

#include "migration/migration.hpp"

using namespace migsafe::migration;

TEST_CASE("runner names: every runner round-trips through its CLI name") {
    const std::vector<std::string_view> names{
        "plain", "golang-migrate", "goose", "dbmate",  "flyway", "sqitch", "diesel",
        "sqlx",  "prisma",         "rails", "alembic", "django", "knex",   "node-pg-migrate"};
    for (const std::string_view name : names) {
        const auto runner = runner_from_name(name);
        REQUIRE_MESSAGE(runner.has_value(), name);
        CHECK(runner_name(*runner) == name);
    }
    CHECK(runner_from_name("golang_migrate") == std::nullopt);
    CHECK(runner_from_name("auto") == std::nullopt);
    CHECK(runner_from_name("") == std::nullopt);
}

TEST_CASE("transaction model names") {
    CHECK(transaction_model_name(TransactionModel::AsWritten) == "as-written");
    CHECK(transaction_model_name(TransactionModel::Wrapped) == "wrapped");
    CHECK(transaction_model_name(TransactionModel::ImplicitWhenMultiStatement) ==
          "implicit-when-multi-statement");
}
