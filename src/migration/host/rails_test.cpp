#include <doctest/doctest.h>

#include "migration/host/extract.hpp"
#include "migration/host/host_test_support.hpp"

using namespace migsafe::migration;
using namespace migsafe::migration::host::testing;

namespace {
const std::initializer_list<std::string_view> ruby_code = {
    "execute", "def ", "SQL\n", "<<", "safety_assured", "ActiveRecord", "%q", "raise", " do\n"};
}

TEST_CASE("rails: heredoc in change with disable_ddl_transaction!") {
    const std::string path = "db/migrate/20240101120000_add_orders_index.rb";
    const std::string text = read_layout_file("rails/" + path);
    const auto migration = extract_host_migration(Runner::Rails, path, text);
    REQUIRE(migration);
    CHECK(migration->id == "20240101120000");
    CHECK(migration->name == "add_orders_index");
    CHECK(migration->depends_on.empty());
    CHECK_FALSE(migration->irreversible);
    REQUIRE(migration->up);
    CHECK_FALSE(migration->down);  // `change`: Rails derives the down, no SQL for it
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    CHECK(up.path == path);
    CHECK(up.direction == Direction::Up);
    CHECK(up.transaction == TransactionModel::AsWritten);
    CHECK(up.transaction_reason == "disable_ddl_transaction!");
    CHECK(up.problems.empty());
    check_sql_at_file_offset(up, text, "CREATE INDEX CONCURRENTLY index_orders_on_customer_id\n");
    check_sql_at_file_offset(up, text, "  ON orders (customer_id);");
    // The closing heredoc marker became the `;` that ends the extracted string.
    const size_t marker = text.find("      SQL\n") + 6;
    CHECK(up.sql[marker] == ';');
    CHECK(squeezed(up.sql) ==
          "CREATE INDEX CONCURRENTLY index_orders_on_customer_id ON orders (customer_id); ;");
    check_no_host_code(up, ruby_code);
}

TEST_CASE("rails: up and down with double, single-quoted, %q strings and <<- heredoc") {
    const std::string path = "db/migrate/20240102090000_add_status_to_orders.rb";
    const std::string text = read_layout_file("rails/" + path);
    const auto migration = extract_host_migration(Runner::Rails, path, text);
    REQUIRE(migration);
    CHECK(migration->name == "add_status_to_orders");
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    const Script& up = *migration->up;
    const Script& down = *migration->down;
    check_byte_aligned(up, text);
    check_byte_aligned(down, text);
    CHECK(up.transaction == TransactionModel::Wrapped);
    CHECK(down.transaction == TransactionModel::Wrapped);
    CHECK(down.direction == Direction::Down);
    CHECK(up.problems.empty());
    CHECK(down.problems.empty());
    check_sql_at_file_offset(up, text, "ALTER TABLE orders ADD COLUMN status text");
    // \' becomes a space and the quote, keeping 'new' one SQL literal.
    const size_t update = check_sql_at_file_offset(up, text, "UPDATE orders SET status = ");
    CHECK(up.sql.substr(update, 36) == "UPDATE orders SET status =  'new' ;\n");
    check_sql_at_file_offset(up, text, "CREATE INDEX index_orders_on_status ON orders (status)");
    CHECK(squeezed(up.sql) ==
          "ALTER TABLE orders ADD COLUMN status text; UPDATE orders SET status = 'new' ; "
          "CREATE INDEX index_orders_on_status ON orders (status);");
    CHECK(squeezed(down.sql) ==
          "DROP INDEX index_orders_on_status; ALTER TABLE orders DROP COLUMN status; ;");
    check_sql_at_file_offset(down, text, "DROP INDEX index_orders_on_status;");
    // Each direction holds only its own method's SQL.
    CHECK(down.sql.find("ALTER TABLE orders ADD") == std::string::npos);
    CHECK(up.sql.find("DROP INDEX") == std::string::npos);
    check_no_host_code(up, ruby_code);
    check_no_host_code(down, ruby_code);
}

TEST_CASE("rails: #{} interpolation is a problem; IrreversibleMigration in down") {
    const std::string path = "db/migrate/20240103100000_backfill_orders.rb";
    const std::string text = read_layout_file("rails/" + path);
    const auto migration = extract_host_migration(Runner::Rails, path, text);
    REQUIRE(migration);
    CHECK(migration->irreversible);
    REQUIRE(migration->up);
    const Script& up = *migration->up;
    check_byte_aligned(up, text);
    REQUIRE(up.problems.size() == 1);
    const size_t interpolation = text.find("#{TABLE}");
    CHECK(up.problems[0].span.begin == interpolation);
    CHECK(up.problems[0].span.end == interpolation + 8);
    CHECK(up.problems[0].message.find("TABLE") != std::string::npos);
    CHECK(up.sql.substr(interpolation, 8) == "        ");
    check_sql_at_file_offset(up, text, "UPDATE ");
    check_sql_at_file_offset(up, text, " SET status = 'new' WHERE status IS NULL");
    REQUIRE(migration->down);
    CHECK(squeezed(migration->down->sql).empty());
}

TEST_CASE("rails: files that are not migrations") {
    CHECK_FALSE(extract_host_migration(Runner::Rails, "db/migrate/readme.rb", "puts 1\n"));
    CHECK_FALSE(
        extract_host_migration(Runner::Rails, "db/migrate/20240101_x.rb", "class X < Base\nend\n"));
    CHECK_FALSE(extract_host_migration(Runner::Rails, "db/migrate/20240101_x.sql", "SELECT 1;"));
}

TEST_CASE("rails: reversible blocks in change split the directions") {
    const std::string text =
        "class AddCheck < ActiveRecord::Migration[7.1]\n"
        "  def change\n"
        "    reversible do |dir|\n"
        "      dir.up { execute \"ALTER TABLE t ADD CHECK (a > 0) NOT VALID\" }\n"
        "      dir.down do\n"
        "        execute \"ALTER TABLE t DROP CONSTRAINT t_a_check\"\n"
        "      end\n"
        "    end\n"
        "  end\n"
        "end\n";
    const auto migration =
        extract_host_migration(Runner::Rails, "db/migrate/20240104000000_add_check.rb", text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    check_byte_aligned(*migration->up, text);
    check_byte_aligned(*migration->down, text);
    CHECK(squeezed(migration->up->sql) == "ALTER TABLE t ADD CHECK (a > 0) NOT VALID;");
    CHECK(squeezed(migration->down->sql) == "ALTER TABLE t DROP CONSTRAINT t_a_check;");
    check_sql_at_file_offset(*migration->down, text, "ALTER TABLE t DROP CONSTRAINT t_a_check");
    check_no_host_code(*migration->up, ruby_code);
}

TEST_CASE("rails: old-style def self.up / self.down") {
    const std::string text =
        "class Old < ActiveRecord::Migration\n"
        "  def self.up\n"
        "    execute \"CREATE TABLE t (id int)\"\n"
        "  end\n\n"
        "  def self.down\n"
        "    execute \"DROP TABLE t\"\n"
        "  end\n"
        "end\n";
    const auto migration =
        extract_host_migration(Runner::Rails, "db/migrate/20100101000000_old.rb", text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    REQUIRE(migration->down);
    CHECK(squeezed(migration->up->sql) == "CREATE TABLE t (id int);");
    CHECK(squeezed(migration->down->sql) == "DROP TABLE t;");
}
