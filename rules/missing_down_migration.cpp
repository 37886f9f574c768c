#include <string>

#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

// How to add the down migration in this runner.
std::string how_to_add(migration::Runner runner, const migration::Migration& m) {
    using migration::Runner;
    switch (runner) {
        case Runner::GolangMigrate:
            return "add " + m.id + "_" + m.name + ".down.sql next to the up file";
        case Runner::Goose:
            return "add a `-- +goose Down` section that undoes the up section";
        case Runner::Dbmate:
            return "add a `-- migrate:down` section that undoes the up section";
        case Runner::Flyway:
            return "add an undo script U" + m.id + "__" + m.name + ".sql";
        case Runner::Sqitch:
            return "add revert/" + m.name + ".sql";
        case Runner::Diesel:
            return "write the statements that undo up.sql into down.sql";
        case Runner::Sqlx:
            return "make it a reversible pair: " + m.id + "_" + m.name + ".up.sql and " + m.id +
                   "_" + m.name + ".down.sql";
        case Runner::Rails:
            return "add a `down` method (or, in `change`, a `reversible do |dir| … dir.down { "
                   "execute … } end` block) that undoes the SQL of `up`";
        case Runner::Alembic:
            return "undo the upgrade's SQL in `downgrade()`";
        case Runner::Django:
            return "give RunSQL a reverse_sql that undoes its sql";
        case Runner::Knex:
        case Runner::NodePgMigrate:
            return "export a `down` function that undoes `up`";
        case Runner::Plain:
        case Runner::Prisma:
            break;
    }
    return "add a down migration";
}

ByteSpan first_statement(const sql::ParsedFile& file) {
    for (const sql::Statement& s : file.statements) {
        if (s.origin == sql::StatementOrigin::TopLevel) return s.span;
    }
    return {};
}

void check(const MigrationContext& ctx, MigrationFindings& out) {
    const migration::Migration& m = ctx.migration;
    if (!m.runner_has_downs || m.irreversible || ctx.down != nullptr || ctx.up == nullptr) return;
    Diagnostic& d = out.up.report(
        first_statement(*ctx.up),
        "migration " + m.id + (m.name.empty() ? "" : " (" + m.name + ")") + " has no down " +
            "migration, so a bad deploy cannot be rolled back with " +
            std::string(migration::runner_name(ctx.runner)) +
            ": the schema has to be repaired by hand, under time pressure");
    d.help = how_to_add(ctx.runner, m) +
             ". If it cannot be undone (dropped data), say so on purpose: a "
             "`-- migsafe: irreversible` comment in the migration (Rails: raise "
             "ActiveRecord::IrreversibleMigration in `down`)";
}

}  // namespace

RuleHooks hooks_missing_down_migration() {
    return {.on_migration = &check};
}

}  // namespace migsafe::rules
