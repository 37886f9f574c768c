// Discovery on the layouts under testdata/layouts/<runner>/: detection, order, pairing,
// transaction models, byte alignment and skipped files.

#include "migration/discover.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>

using namespace migsafe::migration;
namespace fs = std::filesystem;

namespace {

fs::path layout(std::string_view runner) {
    return fs::path(MIGSAFE_SOURCE_DIR) / "testdata" / "layouts" / runner;
}

std::string file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::vector<std::string> ids(const MigrationSet& set) {
    std::vector<std::string> result;
    for (const Migration& migration : set.migrations)
        result.push_back(migration.id);
    return result;
}

std::vector<std::string> skipped_names(const MigrationSet& set) {
    std::vector<std::string> result;
    for (const auto& [path, reason] : set.skipped) {
        result.push_back(fs::path(path).filename().string());
    }
    return result;
}

std::string file_name_of(const std::optional<Script>& script) {
    return script ? fs::path(script->path).filename().string() : std::string("<none>");
}

// Same length as the file, newlines at the same offsets, and every other byte either the
// file's own byte or a space.
void check_aligned(const Script& script) {
    const std::string file = file_bytes(script.path);
    INFO(script.path);
    REQUIRE(script.sql.size() == file.size());
    for (size_t i = 0; i < file.size(); ++i) {
        CHECK((file[i] == '\n') == (script.sql[i] == '\n'));
        if (script.sql[i] != file[i]) CHECK(script.sql[i] == ' ');
    }
}

bool mentions(const std::string& text, std::string_view needle) {
    return text.find(needle) != std::string::npos;
}

MigrationSet discover_detected(std::string_view runner) {
    return discover(layout(runner), {});
}

// A scratch directory that is removed again.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        std::random_device seed;
        path = fs::temp_directory_path() / ("migsafe_discover_" + std::to_string(seed()));
        fs::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    void write(const std::string& relative, std::string_view text) const {
        const fs::path file = path / relative;
        fs::create_directories(file.parent_path());
        std::ofstream(file, std::ios::binary) << text;
    }
};

}  // namespace

TEST_CASE("discover plain: every .sql file, numeric-aware path order, as written") {
    const MigrationSet set = discover_detected("plain");
    CHECK(set.runner == Runner::Plain);
    CHECK(mentions(set.detected_by, "plain"));
    CHECK(ids(set) == std::vector<std::string>{"1_create_users", "2_add_email",
                                               "10_index_users_email", "2024/3_add_orders"});
    for (const Migration& migration : set.migrations) {
        REQUIRE(migration.up);
        CHECK(migration.up->transaction == TransactionModel::AsWritten);
        CHECK_FALSE(migration.down);
        CHECK_FALSE(migration.runner_has_downs);
        check_aligned(*migration.up);
        CHECK(migration.up->sql == file_bytes(migration.up->path));
    }
    CHECK(set.skipped.empty());
}

TEST_CASE("discover golang-migrate: up/down pairs, one implicit transaction per file") {
    const MigrationSet set = discover_detected("golang-migrate");
    CHECK(set.runner == Runner::GolangMigrate);
    CHECK(mentions(set.detected_by, ".up.sql"));
    CHECK(ids(set) == std::vector<std::string>{"000001", "000002", "000003"});
    const Migration& index = set.migrations[2];
    CHECK(index.name == "index_users_email");
    CHECK(file_name_of(index.up) == "000003_index_users_email.up.sql");
    CHECK(file_name_of(index.down) == "000003_index_users_email.down.sql");
    CHECK(index.down->direction == Direction::Down);
    for (const Migration& migration : set.migrations) {
        REQUIRE(migration.up);
        REQUIRE(migration.down);
        CHECK(migration.runner_has_downs);
        CHECK(migration.up->transaction == TransactionModel::ImplicitWhenMultiStatement);
        CHECK(migration.down->transaction == TransactionModel::ImplicitWhenMultiStatement);
        check_aligned(*migration.up);
        check_aligned(*migration.down);
    }
    CHECK(skipped_names(set) == std::vector<std::string>{"000004_drop_legacy.down.sql"});
    CHECK(mentions(set.skipped[0].second, "without an up"));
}

TEST_CASE("discover goose: sections split, other direction blanked, NO TRANSACTION") {
    const MigrationSet set = discover_detected("goose");
    CHECK(set.runner == Runner::Goose);
    CHECK(mentions(set.detected_by, "goose annotations in 00001_create_users.sql"));
    CHECK(ids(set) == std::vector<std::string>{"00001", "00002", "00003"});

    const Migration& create = set.migrations[0];
    REQUIRE(create.up);
    REQUIRE(create.down);
    CHECK(create.up->path == create.down->path);
    CHECK(create.up->transaction == TransactionModel::Wrapped);
    CHECK(mentions(create.up->transaction_reason, "goose default"));
    CHECK(mentions(create.up->sql, "CREATE TABLE users"));
    CHECK_FALSE(mentions(create.up->sql, "DROP TABLE"));
    CHECK(mentions(create.down->sql, "DROP TABLE users"));
    CHECK_FALSE(mentions(create.down->sql, "CREATE TABLE"));
    // The annotation comments stay in both directions.
    CHECK(mentions(create.down->sql, "-- +goose Up"));
    CHECK(mentions(create.up->sql, "-- +goose Down"));

    // StatementBegin/End blocks are kept as written.
    const Migration& trigger = set.migrations[1];
    CHECK(mentions(trigger.up->sql, "-- +goose StatementBegin\nCREATE FUNCTION"));
    CHECK(mentions(trigger.up->sql, "NEW.updated_at := now();"));

    const Migration& index = set.migrations[2];
    CHECK(index.up->transaction == TransactionModel::AsWritten);
    CHECK(index.down->transaction == TransactionModel::AsWritten);
    CHECK(index.up->transaction_reason == "-- +goose NO TRANSACTION");
    CHECK(mentions(index.up->sql, "CREATE INDEX CONCURRENTLY"));

    for (const Migration& migration : set.migrations) {
        check_aligned(*migration.up);
        check_aligned(*migration.down);
    }
    CHECK(skipped_names(set) == std::vector<std::string>{"00004_seed_admins.go"});
    CHECK(mentions(set.skipped[0].second, "Go migration"));
}

TEST_CASE("discover dbmate: markers, transaction:false, irreversible without a down") {
    const MigrationSet set = discover_detected("dbmate");
    CHECK(set.runner == Runner::Dbmate);
    CHECK(mentions(set.detected_by, "-- migrate:up marker in 20240101120000_create_users.sql"));
    CHECK(ids(set) ==
          std::vector<std::string>{"20240101120000", "20240102120000", "20240103120000"});
    const Migration& create = set.migrations[0];
    CHECK(create.up->transaction == TransactionModel::Wrapped);
    REQUIRE(create.down);
    CHECK(mentions(create.down->sql, "DROP TABLE users"));
    CHECK_FALSE(mentions(create.up->sql, "DROP TABLE users"));

    const Migration& index = set.migrations[1];
    CHECK(index.up->transaction == TransactionModel::AsWritten);
    CHECK(index.up->transaction_reason == "-- migrate:up transaction:false");
    REQUIRE(index.down);
    CHECK(index.down->transaction == TransactionModel::AsWritten);

    const Migration& drop = set.migrations[2];
    CHECK(drop.irreversible);
    CHECK_FALSE(drop.down);  // the down section holds only a comment
    CHECK_FALSE(create.irreversible);

    for (const Migration& migration : set.migrations) {
        check_aligned(*migration.up);
        if (migration.down) check_aligned(*migration.down);
    }
    CHECK(skipped_names(set) == std::vector<std::string>{"schema.sql"});
}

TEST_CASE("discover flyway: numeric versions, undo pairing, .sql.conf, repeatables last") {
    const MigrationSet set = discover_detected("flyway");
    CHECK(set.runner == Runner::Flyway);
    CHECK(mentions(set.detected_by, "Flyway versioned name"));
    CHECK(ids(set) == std::vector<std::string>{"1", "1.1", "2", "10", "R__users_view"});

    const Migration& email = set.migrations[1];
    CHECK(email.name == "add email");
    CHECK(file_name_of(email.down) == "U1.1__add_email.sql");
    CHECK(email.down->transaction == TransactionModel::Wrapped);
    CHECK(email.runner_has_downs);  // the project uses undo scripts
    CHECK_FALSE(set.migrations[0].down);

    const Migration& index = set.migrations[2];
    CHECK(index.up->transaction == TransactionModel::AsWritten);
    CHECK(mentions(index.up->transaction_reason, "executeInTransaction=false"));
    CHECK(set.migrations[0].up->transaction == TransactionModel::Wrapped);

    // Placeholders stay for the SQL lexer to report.
    CHECK(mentions(set.migrations[3].up->sql, "${reporting_role}"));
    CHECK_FALSE(set.migrations[4].runner_has_downs);

    for (const Migration& migration : set.migrations)
        check_aligned(*migration.up);
    CHECK(skipped_names(set) == std::vector<std::string>{"Vx__typo.sql"});
    CHECK(mentions(set.skipped[0].second, "bad Flyway version"));
}

TEST_CASE("discover sqitch: plan order, deploy/revert pairing, dependencies") {
    const MigrationSet set = discover_detected("sqitch");
    CHECK(set.runner == Runner::Sqitch);
    CHECK(mentions(set.detected_by, "sqitch.plan"));
    CHECK(ids(set) == std::vector<std::string>{"0001", "0002", "0003"});
    std::vector<std::string> names;
    for (const Migration& migration : set.migrations)
        names.push_back(migration.name);
    CHECK(names == std::vector<std::string>{"users", "users_email_idx", "audit"});

    CHECK(file_name_of(set.migrations[1].up) == "users_email_idx.sql");
    CHECK(fs::path(set.migrations[1].down->path).parent_path().filename() == "revert");
    CHECK(set.migrations[1].depends_on == std::vector<std::string>{"0001"});
    // `!legacy_audit` is a conflict, not a requirement.
    CHECK(set.migrations[2].depends_on == std::vector<std::string>{"0001"});
    CHECK_FALSE(set.migrations[2].down);
    for (const Migration& migration : set.migrations) {
        CHECK(migration.up->transaction == TransactionModel::AsWritten);
        check_aligned(*migration.up);
    }
    CHECK(set.skipped.empty());
}

TEST_CASE("discover diesel: directories, metadata.toml, a comment-only down is no down") {
    const MigrationSet set = discover_detected("diesel");
    CHECK(set.runner == Runner::Diesel);
    CHECK(mentions(set.detected_by, "diesel"));
    CHECK(ids(set) ==
          std::vector<std::string>{"00000000000000", "2024-01-01-120000", "2024-01-02-120000"});
    CHECK(set.migrations[1].name == "create_users");
    CHECK(set.migrations[0].up->transaction == TransactionModel::Wrapped);
    CHECK_FALSE(set.migrations[1].down);

    const Migration& index = set.migrations[2];
    REQUIRE(index.down);
    CHECK(index.up->transaction == TransactionModel::AsWritten);
    CHECK(index.down->transaction == TransactionModel::AsWritten);
    CHECK(mentions(index.up->transaction_reason, "run_in_transaction = false"));
    CHECK(file_name_of(index.down) == "down.sql");
    for (const Migration& migration : set.migrations)
        check_aligned(*migration.up);
    CHECK(set.skipped.empty());
}

TEST_CASE("discover sqlx: wrapped by default, -- no-transaction first line") {
    const MigrationSet set = discover_detected("sqlx");
    CHECK(set.runner == Runner::Sqlx);
    CHECK(mentions(set.detected_by, "sqlx"));
    CHECK(ids(set) == std::vector<std::string>{"20240101120000", "20240102120000"});
    const Migration& create = set.migrations[0];
    CHECK(create.up->transaction == TransactionModel::Wrapped);
    CHECK(create.down->transaction == TransactionModel::Wrapped);
    const Migration& index = set.migrations[1];
    CHECK(index.up->transaction == TransactionModel::ImplicitWhenMultiStatement);
    CHECK(index.down->transaction == TransactionModel::ImplicitWhenMultiStatement);
    CHECK(mentions(index.up->transaction_reason, "-- no-transaction"));
    for (const Migration& migration : set.migrations) {
        check_aligned(*migration.up);
        check_aligned(*migration.down);
    }
    CHECK(skipped_names(set) == std::vector<std::string>{"notes.sql"});
}

TEST_CASE("discover prisma: migration.sql per directory, no downs") {
    const MigrationSet set = discover_detected("prisma");
    CHECK(set.runner == Runner::Prisma);
    CHECK(mentions(set.detected_by, "migration_lock.toml"));
    CHECK(ids(set) == std::vector<std::string>{"20240101120000", "20240102120000"});
    CHECK(set.migrations[1].name == "index_user_email");
    for (const Migration& migration : set.migrations) {
        CHECK(migration.up->transaction == TransactionModel::ImplicitWhenMultiStatement);
        CHECK_FALSE(migration.down);
        CHECK_FALSE(migration.runner_has_downs);
        check_aligned(*migration.up);
    }
    CHECK(set.skipped.empty());
}

TEST_CASE("discover: --runner overrides detection") {
    DiscoverOptions options;
    options.runner = Runner::Plain;
    const MigrationSet set = discover(layout("goose"), options);
    CHECK(set.runner == Runner::Plain);
    CHECK(set.detected_by == "--runner");
    CHECK(set.migrations.size() == 3);  // the .go file is not SQL
}

TEST_CASE("detect: specific evidence wins over generic, and the reason says so") {
    ScratchDir dir;
    dir.write("0001_users.up.sql", "CREATE TABLE users (id int);\n");
    dir.write("0001_users.down.sql", "DROP TABLE users;\n");
    dir.write("0002_index.sql", "-- +goose Up\nCREATE INDEX ON users (id);\n");
    const auto [runner, reason] = detect_runner(dir.path);
    CHECK(runner == Runner::Goose);
    CHECK(mentions(reason, "goose annotations in 0002_index.sql"));
    CHECK(mentions(reason, "golang-migrate"));
}

TEST_CASE("detect: a marker counts only as a comment line of its own") {
    ScratchDir indented;
    indented.write("0001_a.sql", "SELECT 1 - -2; -- note\n\t  -- +GOOSE UP\nSELECT 1;\n");
    CHECK(detect_runner(indented.path).first == Runner::Goose);
    ScratchDir dbmate;
    dbmate.write("0001_a.sql", "-- header\n--\n-- migrate:up\nSELECT 1;\n");
    CHECK(detect_runner(dbmate.path).first == Runner::Dbmate);
    ScratchDir trailing;
    trailing.write("0001_a.sql", "SELECT 1; -- +goose Up\nSELECT '\n-- migrate:UP';\n");
    CHECK(detect_runner(trailing.path).first == Runner::Plain);
}

TEST_CASE("detect: an empty or missing directory is plain SQL") {
    ScratchDir dir;
    const auto [runner, reason] = detect_runner(dir.path);
    CHECK(runner == Runner::Plain);
    CHECK(mentions(reason, "no runner markers"));
    const MigrationSet set = discover(dir.path, {});
    CHECK(set.migrations.empty());
    CHECK(set.skipped.empty());
    CHECK(detect_runner(dir.path / "missing").first == Runner::Plain);
}

TEST_CASE("detect: host-language layouts") {
    ScratchDir rails;
    rails.write("db/migrate/20240101120000_create_users.rb",
                "class CreateUsers < ActiveRecord::Migration[7.1]\nend\n");
    CHECK(detect_runner(rails.path).first == Runner::Rails);

    ScratchDir alembic;
    alembic.write("env.py", "from alembic import context\n");
    alembic.write("versions/1a2b_create_users.py", "revision = '1a2b'\ndown_revision = None\n");
    CHECK(detect_runner(alembic.path).first == Runner::Alembic);

    ScratchDir django;
    django.write("shop/migrations/0001_initial.py",
                 "from django.db import migrations\n\nclass Migration(migrations.Migration):\n"
                 "    pass\n");
    CHECK(detect_runner(django.path).first == Runner::Django);

    ScratchDir knex;
    knex.write("migrations/20240101_users.js",
               "exports.up = function (knex) { return knex.raw('SELECT 1'); };\n");
    CHECK(detect_runner(knex.path).first == Runner::Knex);

    ScratchDir pgm;
    pgm.write("migrations/1700000000000_users.js",
              "exports.up = (pgm) => { pgm.sql('SELECT 1'); };\n");
    const auto [runner, reason] = detect_runner(pgm.path);
    CHECK(runner == Runner::NodePgMigrate);
    CHECK(mentions(reason, "1700000000000_users.js"));
}

TEST_CASE("discover host runners: the extractor's migrations, ordered by dependencies") {
    ScratchDir dir;
    dir.write("versions/aaa_third.py", "revision = 'c'\n");
    dir.write("versions/bbb_first.py", "revision = 'a'\n");
    dir.write("versions/ccc_second.py", "revision = 'b'\n");
    dir.write("versions/helpers.py", "# not a migration\n");
    dir.write("env.py", "");
    DiscoverOptions options;
    options.runner = Runner::Alembic;
    std::vector<std::string> seen;
    options.extract_host = [&](Runner runner, const std::string& path,
                               std::string_view text) -> std::optional<Migration> {
        CHECK(runner == Runner::Alembic);
        seen.push_back(fs::path(path).filename().string());
        const size_t quote = text.find('\'');
        if (quote == std::string_view::npos) return std::nullopt;
        Migration migration;
        migration.id = std::string(text.substr(quote + 1, 1));
        if (migration.id == "c") migration.depends_on = {"b"};
        if (migration.id == "b") migration.depends_on = {"a"};
        migration.up.emplace();
        migration.up->path = path;
        migration.up->sql = std::string(text.size(), ' ');
        return migration;
    };
    const MigrationSet set = discover(dir.path, options);
    CHECK(seen.size() == 4);  // env.py is not a candidate
    CHECK(ids(set) == std::vector<std::string>{"a", "b", "c"});

    options.extract_host = nullptr;
    const MigrationSet without = discover(dir.path, options);
    CHECK(without.migrations.empty());
    REQUIRE(without.skipped.size() == 4);
    CHECK(mentions(without.skipped[0].second, "no SQL extractor for alembic"));
}

TEST_CASE("discover sqlx: one-way files next to Cargo.toml; golang-migrate duplicates") {
    ScratchDir project;
    project.write("Cargo.toml", "[dependencies]\nsqlx = \"0.8\"\n");
    project.write("migrations/2_add_email.sql", "ALTER TABLE users ADD COLUMN email text;\n");
    project.write("migrations/1_create_users.sql", "CREATE TABLE users (id int);\n");
    const MigrationSet set = discover(project.path / "migrations", {});
    CHECK(set.runner == Runner::Sqlx);
    CHECK(mentions(set.detected_by, "sqlx in "));
    CHECK(ids(set) == std::vector<std::string>{"1", "2"});
    CHECK_FALSE(set.migrations[0].runner_has_downs);  // a one-way sqlx migration
    CHECK(set.migrations[0].up->transaction == TransactionModel::Wrapped);

    ScratchDir golang;
    golang.write("1_a.up.sql", "SELECT 1;\n");
    golang.write("001_b.up.sql", "SELECT 2;\n");
    const MigrationSet duplicate = discover(golang.path, {});
    CHECK(duplicate.runner == Runner::GolangMigrate);
    CHECK(ids(duplicate) == std::vector<std::string>{"1"});  // 1_a sorts before 001_b
    CHECK(skipped_names(duplicate) == std::vector<std::string>{"001_b.up.sql"});
}

TEST_CASE("discover sqitch: a deploy script the plan does not list is skipped") {
    ScratchDir dir;
    dir.write("sqitch.plan", "%project=x\nusers 2024-01-01T00:00:00Z A <a@example.com>\n");
    dir.write("deploy/users.sql", "CREATE TABLE users (id int);\n");
    dir.write("deploy/orders.sql", "CREATE TABLE orders (id int);\n");
    const MigrationSet set = discover(dir.path, {});
    CHECK(set.runner == Runner::Sqitch);
    CHECK(ids(set) == std::vector<std::string>{"0001"});
    CHECK(skipped_names(set) == std::vector<std::string>{"orders.sql"});
    CHECK(mentions(set.skipped[0].second, "does not list"));
}

TEST_CASE("discover: a single file as the root") {
    const MigrationSet set = discover(layout("goose") / "00003_index_users_name.sql", {});
    CHECK(set.runner == Runner::Goose);
    REQUIRE(set.migrations.size() == 1);
    CHECK(set.migrations[0].id == "00003");
    check_aligned(*set.migrations[0].up);
}

TEST_CASE("discover goose: a .sql file without an Up annotation is skipped") {
    ScratchDir dir;
    dir.write("00001_ok.sql", "-- +goose Up\nSELECT 1;\n");
    dir.write("00002_forgotten.sql", "SELECT 2;\n");
    const MigrationSet set = discover(dir.path, {});
    CHECK(set.runner == Runner::Goose);
    CHECK(ids(set) == std::vector<std::string>{"00001"});
    REQUIRE(set.skipped.size() == 1);
    CHECK(set.skipped[0].second == "no -- +goose Up annotation");
}

TEST_CASE("detect: a Rails db/migrate/ root written with a trailing slash") {
    ScratchDir dir;
    dir.write("db/migrate/20240101120000_create_users.rb", "class CreateUsers; end\n");
    CHECK(detect_runner((dir.path / "db" / "migrate").string() + "/").first == Runner::Rails);
}

TEST_CASE("discover host runners: only the runner's own migration files are candidates") {
    ScratchDir dir;
    dir.write("shop/settings.py", "INSTALLED_APPS = []\n");
    dir.write("shop/migrations/__init__.py", "");
    dir.write("shop/migrations/0001_initial.py", "from django.db import migrations\n");
    const MigrationSet set = discover(dir.path, {});
    CHECK(set.runner == Runner::Django);
    CHECK(set.migrations.empty());
    CHECK(skipped_names(set) == std::vector<std::string>{"0001_initial.py"});
}
