#include "app/check_buffer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

namespace migsafe {

namespace {

const std::string kRailsFile = std::string(MIGSAFE_SOURCE_DIR) +
                               "/testdata/migrations/concurrent-in-transaction/rails-wrapped/db/"
                               "migrate/20240101000000_add_index.rb";

bool has(const FileResult& r, RuleId rule, uint32_t line) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
        return d.rule == rule && r.file->source.line_of(d.span.begin) == line;
    });
}

}  // namespace

TEST_CASE("check_buffer: an unsaved Rails migration is checked through its SQL") {
    // The buffer, not the file on disk: the index moved to line 4 and lost CONCURRENTLY.
    const std::string buffer =
        "class AddIndex < ActiveRecord::Migration[7.1]\n"
        "  def up\n"
        "    # comment\n"
        "    execute \"CREATE INDEX orders_customer_idx ON orders (customer_id)\"\n"
        "  end\n"
        "end\n";
    REQUIRE(is_host_language_migration(kRailsFile));
    const FileResult r = check_buffer(kRailsFile, buffer, Options{});
    CHECK(r.file->source.bytes() == buffer);
    CHECK(has(r, RuleId::index_not_concurrent, 4));
    // Ruby is not SQL: no syntax errors from the host code around the string.
    CHECK_FALSE(std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                            [](const Diagnostic& d) { return d.rule == RuleId::syntax_error; }));
}

TEST_CASE("check_buffer: the runner's transaction model applies") {
    const std::string buffer =
        "class AddIndex < ActiveRecord::Migration[7.1]\n"
        "  def up\n"
        "    execute \"CREATE INDEX CONCURRENTLY i ON orders (customer_id)\"\n"
        "  end\n"
        "end\n";
    CHECK(has(check_buffer(kRailsFile, buffer, Options{}), RuleId::concurrent_in_transaction, 3));
    const std::string no_tx =
        "class AddIndex < ActiveRecord::Migration[7.1]\n"
        "  disable_ddl_transaction!\n"
        "  def up\n"
        "    execute \"CREATE INDEX CONCURRENTLY i ON orders (customer_id)\"\n"
        "  end\n"
        "end\n";
    CHECK_FALSE(
        has(check_buffer(kRailsFile, no_tx, Options{}), RuleId::concurrent_in_transaction, 4));
}

TEST_CASE("check_buffer: SQL files are loose SQL") {
    CHECK_FALSE(is_host_language_migration("/tmp/x.sql"));
    const FileResult r = check_buffer("/tmp/x.sql", "CREATE INDEX i ON t (a);\n", Options{});
    CHECK(has(r, RuleId::index_not_concurrent, 1));
}

}  // namespace migsafe
