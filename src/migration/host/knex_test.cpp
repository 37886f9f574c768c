#include <doctest/doctest.h>

#include "migration/host/extract.hpp"
#include "migration/host/host_test_support.hpp"

using namespace migsafe::migration;
using namespace migsafe::migration::host::testing;

namespace {
const std::initializer_list<std::string_view> js_code = {
    "knex", "raw", "await", "exports", "function", "`", "\"", "schema", "Promise"};
}

TEST_CASE("knex: exports.up/down with knex.raw and a multi-line template literal") {
    const std::string path = "knex/migrations/20240101120000_create_orders.js";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Knex, path, text);
    REQUIRE(migration);
    CHECK(migration->id == "20240101120000");
    CHECK(migration->name == "create_orders");
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    check_byte_aligned(*migration->down, text);
    CHECK(up.transaction == TransactionModel::Wrapped);
    CHECK(up.problems.empty());
    check_sql_at_file_offset(up, text,
                             "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)");
    check_sql_at_file_offset(up, text, "ALTER TABLE orders\n    ADD COLUMN note text");
    CHECK(squeezed(up.sql) ==
          "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint); "
          "ALTER TABLE orders ADD COLUMN note text;");
    CHECK(squeezed(migration->down->sql) == "DROP TABLE orders;");
    check_no_host_code(up, js_code);
    check_no_host_code(*migration->down, js_code);
}

TEST_CASE("knex: TypeScript export function with config transaction false") {
    const std::string path = "knex/migrations/20240102090000_orders_customer_index.ts";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Knex, path, text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    CHECK(up.transaction == TransactionModel::AsWritten);
    CHECK(up.transaction_reason.find("transaction: false") != std::string::npos);
    CHECK(migration->down->transaction == TransactionModel::AsWritten);
    check_sql_at_file_offset(
        up, text, "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)");
    CHECK(squeezed(up.sql) ==
          "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);");
    CHECK(squeezed(migration->down->sql) == "DROP INDEX CONCURRENTLY orders_customer_idx;");
    check_no_host_code(up, js_code);
}

TEST_CASE("knex: ${} substitution is a problem") {
    const std::string path = "knex/migrations/20240103100000_backfill.js";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Knex, path, text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    REQUIRE(up.problems.size() == 1);
    const size_t substitution = text.find("${TABLE}");
    CHECK(up.problems[0].span == migsafe::ByteSpan{static_cast<uint32_t>(substitution),
                                                   static_cast<uint32_t>(substitution + 8)});
    CHECK(up.problems[0].message.find("TABLE") != std::string::npos);
    CHECK(squeezed(up.sql) == "UPDATE SET note = 'none' WHERE note IS NULL;");
    REQUIRE(migration->down);
    CHECK(squeezed(migration->down->sql).empty());
}

TEST_CASE("knex: files without an exported up are not migrations") {
    CHECK_FALSE(extract_host_migration(Runner::Knex, "knex/knexfile.js", "module.exports = {};\n"));
    CHECK_FALSE(extract_host_migration(Runner::Knex, "knex/migrations/x.json", "{}"));
}

TEST_CASE("knex: raw fragments passed to builder calls are not statements") {
    const std::string text =
        "exports.up = async (knex) => {\n"
        "  await knex.schema.alterTable('orders', (t) => {\n"
        "    t.timestamp('created_at').defaultTo(knex.raw('now()'));\n"
        "  });\n"
        "  await Promise.all([knex.raw('SELECT 1'), knex.raw('SELECT 2')]);\n"
        "  const rows = await knex.raw('SELECT 3');\n"
        "};\n";
    const auto migration = extract_host_migration(Runner::Knex, "m/1_x.js", text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    check_byte_aligned(*migration->up, text);
    CHECK(squeezed(migration->up->sql) == "SELECT 1; SELECT 2; SELECT 3;");
    CHECK_FALSE(migration->down);
}

TEST_CASE("knex: module.exports = { up, down } naming top-level functions") {
    const std::string text =
        "async function up(db) {\n"
        "  await db.raw('CREATE TABLE a (id int)');\n"
        "}\n"
        "const down = (db) => db.schema.raw('DROP TABLE a');\n"
        "module.exports = { up, down, config: { transaction: false } };\n";
    const auto migration = extract_host_migration(Runner::Knex, "m/20240105000000_a.cjs", text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    CHECK(squeezed(migration->up->sql) == "CREATE TABLE a (id int);");
    CHECK(squeezed(migration->down->sql) == "DROP TABLE a;");
    CHECK(migration->up->transaction == TransactionModel::AsWritten);
}
