#include <doctest/doctest.h>

#include "migration/host/extract.hpp"
#include "migration/host/host_test_support.hpp"

using namespace migsafe::migration;
using namespace migsafe::migration::host::testing;

namespace {
const std::initializer_list<std::string_view> python_code = {
    "migrations", "RunSQL", "reverse_sql", "sql=", "\"", "AddField", "operations"};
const std::string app = "django/shop/migrations/";
}  // namespace

TEST_CASE("django: RunSQL with positional sql and keyword reverse_sql") {
    const std::string path = app + "0001_initial.py";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Django, path, text);
    REQUIRE(migration);
    CHECK(migration->id == "shop.0001_initial");
    CHECK(migration->name == "0001_initial");
    CHECK(migration->depends_on.empty());
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    check_byte_aligned(*migration->up, text);
    check_byte_aligned(*migration->down, text);
    CHECK(migration->up->transaction == TransactionModel::Wrapped);
    check_sql_at_file_offset(
        *migration->up, text,
        "CREATE TABLE shop_order (id bigint PRIMARY KEY, customer_id bigint);");
    check_sql_at_file_offset(*migration->down, text, "DROP TABLE shop_order;");
    CHECK(squeezed(migration->down->sql) == "DROP TABLE shop_order;;");
    CHECK(migration->up->sql.find("DROP") == std::string::npos);
    check_no_host_code(*migration->up, python_code);
    check_no_host_code(*migration->down, python_code);
}

TEST_CASE("django: atomic = False, sql as a list, RunSQL.noop down") {
    const std::string path = app + "0002_order_customer_index.py";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Django, path, text);
    REQUIRE(migration);
    CHECK(migration->id == "shop.0002_order_customer_index");
    CHECK(migration->depends_on == std::vector<std::string>{"shop.0001_initial"});
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    CHECK(up.transaction == TransactionModel::AsWritten);
    CHECK(up.transaction_reason == "atomic = False");
    check_sql_at_file_offset(
        up, text, "CREATE INDEX CONCURRENTLY shop_order_customer_idx ON shop_order (customer_id);");
    // RunSQL.noop: a deliberate empty down, not an irreversible migration.
    REQUIRE(migration->down);
    CHECK(squeezed(migration->down->sql).empty());
    CHECK_FALSE(migration->irreversible);
    check_no_host_code(up, python_code);
}

TEST_CASE("django: % formatting is a problem; RunSQL without reverse_sql has no down") {
    const std::string path = app + "0003_backfill.py";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Django, path, text);
    REQUIRE(migration);
    CHECK(migration->depends_on == std::vector<std::string>{"shop.0002_order_customer_index"});
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    REQUIRE(up.problems.size() == 1);
    const size_t placeholder = text.find("%s");
    CHECK(up.problems[0].span.begin == placeholder);
    CHECK(up.problems[0].span.end == placeholder + 2);
    CHECK(up.problems[0].message.find("%s") != std::string::npos);
    CHECK(squeezed(up.sql) == "UPDATE SET note = '' WHERE note IS NULL;");
    CHECK(up.sql.find("TABLE") == std::string::npos);  // the `% TABLE` operand is code
    CHECK_FALSE(migration->down);
    check_no_host_code(up, python_code);
}

TEST_CASE("django: a module without a Migration class is not a migration") {
    CHECK_FALSE(extract_host_migration(Runner::Django, app + "__init__.py", ""));
}

TEST_CASE("django: (sql, params) pairs: the parameters are problems") {
    const std::string text =
        "from django.db import migrations\n\n"
        "class Migration(migrations.Migration):\n"
        "    operations = [\n"
        "        migrations.RunSQL(\n"
        "            [(\"INSERT INTO shop_flag (name) VALUES (%s)\", [\"on\"]), \"SELECT 1\"],\n"
        "            [\"DELETE FROM shop_flag\"],\n"
        "        ),\n"
        "    ]\n";
    const auto migration =
        extract_host_migration(Runner::Django, "x/migrations/0004_flags.py", text);
    REQUIRE(migration);
    CHECK(migration->id == "x.0004_flags");
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    REQUIRE(up.problems.size() == 1);
    CHECK(up.problems[0].span.begin == text.find("%s"));
    CHECK(squeezed(up.sql) == "INSERT INTO shop_flag (name) VALUES ( ); SELECT 1;");
    CHECK(up.sql.find("on") == std::string::npos);
    REQUIRE(migration->down);
    CHECK(squeezed(migration->down->sql) == "DELETE FROM shop_flag;");
}
