#include <doctest/doctest.h>

#include "migration/host/extract.hpp"
#include "migration/host/host_test_support.hpp"

using namespace migsafe::migration;
using namespace migsafe::migration::host::testing;

namespace {
const std::initializer_list<std::string_view> js_code = {
    "pgm", "createTable", "dropTable", "exports", "=>", "\"", "customers", "noTransaction"};
const std::string dir = "node-pg-migrate/migrations/";
}  // namespace

TEST_CASE("node-pg-migrate: pgm.sql next to builder calls") {
    const std::string path = dir + "1700000000000_create-orders.js";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::NodePgMigrate, path, text);
    REQUIRE(migration);
    CHECK(migration->id == "1700000000000");
    CHECK(migration->name == "create-orders");
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    CHECK(up.transaction == TransactionModel::Wrapped);
    CHECK(up.problems.empty());
    check_sql_at_file_offset(up, text,
                             "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)");
    CHECK(squeezed(up.sql) == "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);");
    CHECK(squeezed(migration->down->sql) == "DROP TABLE orders;");
    check_no_host_code(up, js_code);
    check_no_host_code(*migration->down, js_code);
}

TEST_CASE("node-pg-migrate: pgm.noTransaction() per direction") {
    const std::string path = dir + "1700000001000_orders-customer-index.js";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::NodePgMigrate, path, text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    check_byte_aligned(*migration->up, text);
    CHECK(migration->up->transaction == TransactionModel::AsWritten);
    CHECK(migration->up->transaction_reason == "pgm.noTransaction()");
    CHECK(migration->down->transaction == TransactionModel::AsWritten);
    check_sql_at_file_offset(
        *migration->up, text,
        "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)");
    CHECK(squeezed(migration->down->sql) == "DROP INDEX CONCURRENTLY orders_customer_idx;");
    check_no_host_code(*migration->up, js_code);
}

TEST_CASE("node-pg-migrate: + concatenation with a variable is a problem (TypeScript)") {
    const std::string path = dir + "1700000002000_backfill.ts";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::NodePgMigrate, path, text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    CHECK(up.transaction == TransactionModel::Wrapped);
    REQUIRE(up.problems.size() == 1);
    const size_t variable = text.find("+ table +") + 2;
    CHECK(up.problems[0].span.begin == variable);
    CHECK(up.problems[0].span.end == variable + 5);
    CHECK(up.problems[0].message.find("`table`") != std::string::npos);
    // The literal parts stay, as one statement.
    check_sql_at_file_offset(up, text, "UPDATE ");
    check_sql_at_file_offset(up, text, " SET note = 'none' WHERE note IS NULL");
    CHECK(squeezed(up.sql) == "UPDATE SET note = 'none' WHERE note IS NULL;");
    REQUIRE(migration->down);
    CHECK(squeezed(migration->down->sql) == "UPDATE orders SET note = NULL;");
    check_no_host_code(up, js_code);
}
