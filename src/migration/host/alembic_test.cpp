#include <doctest/doctest.h>

#include "migration/host/extract.hpp"
#include "migration/host/host_test_support.hpp"

using namespace migsafe::migration;
using namespace migsafe::migration::host::testing;

namespace {
const std::initializer_list<std::string_view> python_code = {
    "op.", "execute", "sa.text", "text(", "def ", "with ", "\"", "revision"};
const std::string versions = "alembic/alembic/versions/";
}  // namespace

TEST_CASE("alembic: root revision, op.execute and sa.text with implicit concatenation") {
    const std::string path = versions + "1a2b3c4d5e6f_create_orders.py";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Alembic, path, text);
    REQUIRE(migration);
    CHECK(migration->id == "1a2b3c4d5e6f");
    CHECK(migration->name == "create_orders");
    CHECK(migration->depends_on.empty());  // down_revision = None
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    check_byte_aligned(migration->down.value(), text);
    CHECK(up.transaction == TransactionModel::Wrapped);
    CHECK(up.problems.empty());
    check_sql_at_file_offset(up, text,
                             "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint)");
    check_sql_at_file_offset(up, text, "ALTER TABLE orders ");
    check_sql_at_file_offset(up, text, "ADD COLUMN note text");
    // Implicitly concatenated strings are one statement: one `;`, at the last closing quote.
    CHECK(squeezed(up.sql) ==
          "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint); "
          "ALTER TABLE orders ADD COLUMN note text;");
    CHECK(up.sql[text.find("\"ADD COLUMN note text\"") + 21] == ';');
    CHECK(squeezed(migration->down->sql) == "DROP TABLE orders;");
    CHECK(migration->down->direction == Direction::Down);
    check_no_host_code(up, python_code);
    check_no_host_code(*migration->down, python_code);
}

TEST_CASE("alembic: autocommit_block and a triple-quoted CONCURRENTLY index") {
    const std::string path = versions + "2b3c4d5e6f7a_orders_customer_index.py";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Alembic, path, text);
    REQUIRE(migration);
    CHECK(migration->id == "2b3c4d5e6f7a");
    CHECK(migration->depends_on == std::vector<std::string>{"1a2b3c4d5e6f"});
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    CHECK(up.transaction == TransactionModel::AsWritten);
    CHECK(up.transaction_reason.find("autocommit_block") != std::string::npos);
    check_sql_at_file_offset(up, text, "CREATE INDEX CONCURRENTLY ix_orders_customer_id\n");
    check_sql_at_file_offset(up, text, "ON orders (customer_id)\n");
    CHECK(squeezed(up.sql) ==
          "CREATE INDEX CONCURRENTLY ix_orders_customer_id ON orders (customer_id) ;");
    REQUIRE(migration->down);
    CHECK(migration->down->transaction == TransactionModel::AsWritten);
    CHECK(squeezed(migration->down->sql) == "DROP INDEX CONCURRENTLY ix_orders_customer_id;");
    check_no_host_code(up, python_code);
}

TEST_CASE("alembic: f-string interpolation, \\n escape, tuple down_revision") {
    const std::string path = versions + "3c4d5e6f7a8b_backfill.py";
    const std::string text = read_layout_file(path);
    const auto migration = extract_host_migration(Runner::Alembic, path, text);
    REQUIRE(migration);
    CHECK(migration->depends_on == std::vector<std::string>{"2b3c4d5e6f7a"});
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    CHECK(up.transaction == TransactionModel::Wrapped);
    REQUIRE(up.problems.size() == 1);
    const size_t interpolation = text.find("{TABLE}");
    CHECK(up.problems[0].span.begin == interpolation);
    CHECK(up.problems[0].span.end == interpolation + 7);
    CHECK(up.problems[0].message.find("TABLE") != std::string::npos);
    // `\n` outside an SQL literal is whitespace: two spaces keep the alignment.
    const size_t escape = text.find("\\nWHERE");
    CHECK(up.sql.substr(escape, 7) == "  WHERE");
    check_sql_at_file_offset(up, text, " SET note = 'none'");
    CHECK(squeezed(up.sql) == "UPDATE SET note = 'none' WHERE note IS NULL;");
    REQUIRE(migration->down);
    CHECK(squeezed(migration->down->sql).empty());  // `pass`
    check_no_host_code(up, python_code);
}

TEST_CASE("alembic: a module without revision is not a migration") {
    CHECK_FALSE(extract_host_migration(Runner::Alembic, "alembic/env.py", "import os\n"));
}

TEST_CASE("alembic: annotated revision variables of the current template") {
    const std::string text =
        "from typing import Sequence, Union\n\n"
        "revision: str = \"9f8e7d\"\n"
        "down_revision: Union[str, None] = \"1a2b3c\"\n"
        "branch_labels: Union[str, Sequence[str], None] = None\n\n"
        "def upgrade() -> None:\n"
        "    op.execute(\"SELECT 1\")\n";
    const auto migration = extract_host_migration(Runner::Alembic, "versions/9f8e7d_x.py", text);
    REQUIRE(migration);
    CHECK(migration->id == "9f8e7d");
    CHECK(migration->name == "x");
    CHECK(migration->depends_on == std::vector<std::string>{"1a2b3c"});
    REQUIRE(migration->up);
    CHECK(squeezed(migration->up->sql) == "SELECT 1;");
    CHECK_FALSE(migration->down);  // no downgrade()
}
