#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/source_text.hpp"

namespace migsafe::migration {

// The migration tools whose conventions migsafe knows (`--runner`, config `runner`).
enum class Runner : uint8_t {
    Plain,
    GolangMigrate,
    Goose,
    Dbmate,
    Flyway,
    Sqitch,
    Diesel,
    Sqlx,
    Prisma,
    Rails,
    Alembic,
    Django,
    Knex,
    NodePgMigrate,
};

// "plain", "golang-migrate", … as on the command line; nullopt for an unknown name.
std::optional<Runner> runner_from_name(std::string_view name);
std::string_view runner_name(Runner runner);

// How the runner sends one script to PostgreSQL.
enum class TransactionModel : uint8_t {
    // Statement by statement as written: only the script's own BEGIN / COMMIT make transactions
    // (plain SQL, sqitch, goose NO TRANSACTION, dbmate transaction:false, Rails
    // disable_ddl_transaction!, Django atomic = False, …).
    AsWritten,
    // The runner wraps the whole script in BEGIN … COMMIT (goose, dbmate, Flyway, Diesel, sqlx,
    // Rails, Alembic, Django, knex and node-pg-migrate by default).
    Wrapped,
    // The script is sent as one simple-protocol string: with two or more statements PostgreSQL
    // runs them as one implicit transaction, a single statement runs on its own (golang-migrate,
    // sqlx with its `-- no-transaction` first line, Prisma).
    ImplicitWhenMultiStatement,
};

std::string_view transaction_model_name(TransactionModel model);  // "as-written", "wrapped", …

enum class Direction : uint8_t { Up, Down };

// Something in a script that cannot be analysed as SQL (an interpolated host-language string, a
// placeholder the runner substitutes): reported as `unanalyzable-sql` at `span`.
struct ScriptProblem {
    ByteSpan span;
    std::string message;
};

// One direction of one migration, as SQL that PostgreSQL will run.
//
// `sql` is byte-aligned with the file at `path`: it has exactly the file's length, and every
// byte that is not SQL of this script (the other direction's section, host-language code around
// an extracted string, string delimiters) is a space, except that newlines stay where they are
// and a `;` may stand where a host-language string ended, so that two extracted strings never run
// together. Every offset into `sql` is therefore the same offset in the file, and diagnostics
// need no position mapping.
struct Script {
    std::string path;  // the file, as discovered (relative to the checked root when under it)
    Direction direction = Direction::Up;
    std::string sql;
    TransactionModel transaction = TransactionModel::AsWritten;
    // Why `transaction` is what it is, for reports ("goose default", "-- +goose NO TRANSACTION").
    std::string transaction_reason;
    std::vector<ScriptProblem> problems;
};

// One migration: its place in the runner's order and its scripts.
struct Migration {
    // The runner's ordering key (a version number, timestamp or plan position) and the
    // migration's name, e.g. "20240101120000" and "add_orders_index". `id` is what reports show
    // and what `start_after` compares with.
    std::string id;
    std::string name;
    // Migrations that must run before this one when the runner orders by a graph rather than
    // by id: Alembic `down_revision`, Django `dependencies`, sqitch requirements. Empty: by id.
    std::vector<std::string> depends_on;
    std::optional<Script> up;
    std::optional<Script> down;
    // The migration's author marked it as having no down on purpose (a comment such as
    // "-- migsafe: irreversible", Rails `raise ActiveRecord::IrreversibleMigration`, an empty
    // Django reverse_sql=RunSQL.noop is NOT irreversible but a deliberate no-op), with where it
    // says so.
    bool irreversible = false;
    // The runner has no down migrations at all (Prisma, Flyway community edition without U
    // files, plain SQL): a missing down is not a finding.
    bool runner_has_downs = true;
};

// A directory of migrations in the runner's order (oldest first).
struct MigrationSet {
    Runner runner = Runner::Plain;
    std::string root;         // the migrations directory
    std::string detected_by;  // why this runner ("goose annotations in 0001_init.sql", "--runner")
    std::vector<Migration> migrations;
    // Files under `root` that look like migrations but could not be placed (a down without an
    // up, a Flyway file with a bad version), each with the reason.
    std::vector<std::pair<std::string, std::string>> skipped;
};

}  // namespace migsafe::migration
