#include <array>
#include <utility>

#include "migration/migration.hpp"

namespace migsafe::migration {

namespace {

constexpr std::array<std::pair<Runner, std::string_view>, 14> kRunnerNames{{
    {Runner::Plain, "plain"},
    {Runner::GolangMigrate, "golang-migrate"},
    {Runner::Goose, "goose"},
    {Runner::Dbmate, "dbmate"},
    {Runner::Flyway, "flyway"},
    {Runner::Sqitch, "sqitch"},
    {Runner::Diesel, "diesel"},
    {Runner::Sqlx, "sqlx"},
    {Runner::Prisma, "prisma"},
    {Runner::Rails, "rails"},
    {Runner::Alembic, "alembic"},
    {Runner::Django, "django"},
    {Runner::Knex, "knex"},
    {Runner::NodePgMigrate, "node-pg-migrate"},
}};

}  // namespace

std::optional<Runner> runner_from_name(std::string_view name) {
    for (const auto& [runner, runner_text] : kRunnerNames) {
        if (runner_text == name) return runner;
    }
    return std::nullopt;
}

std::string_view runner_name(Runner runner) {
    for (const auto& [known, runner_text] : kRunnerNames) {
        if (known == runner) return runner_text;
    }
    return "plain";
}

std::string_view transaction_model_name(TransactionModel model) {
    switch (model) {
        case TransactionModel::AsWritten:
            return "as-written";
        case TransactionModel::Wrapped:
            return "wrapped";
        case TransactionModel::ImplicitWhenMultiStatement:
            return "implicit-when-multi-statement";
    }
    return "as-written";
}

}  // namespace migsafe::migration
