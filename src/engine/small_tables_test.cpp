#include "engine/small_tables.hpp"

#include <doctest/doctest.h>

namespace migsafe {

TEST_CASE("is_small_table: configured tables, catalogs and version bookkeeping") {
    Options options;
    options.small_tables = {"countries", "billing.plans"};
    CHECK(is_small_table(options, {"", "countries"}));
    CHECK(is_small_table(options, {"public", "countries"}));
    CHECK(is_small_table(options, {"billing", "plans"}));
    CHECK_FALSE(is_small_table(options, {"", "plans"}));

    CHECK(is_small_table(options, {"pg_catalog", "pg_proc"}));
    CHECK(is_small_table(options, {"", "pg_depend"}));
    CHECK_FALSE(is_small_table(options, {"app", "pg_stats_cache"}));

    CHECK(is_small_table(options, {"", "ttrss_version"}));
    CHECK(is_small_table(options, {"", "schema_version"}));
    CHECK(is_small_table(options, {"", "alembic_version"}));
    CHECK(is_small_table(options, {"", "flyway_schema_history"}));
    CHECK(is_small_table(options, {"", "schema_migrations"}));
    CHECK(is_small_table(options, {"", "version"}));
    // A word that merely ends in "version" is not a bookkeeping table.
    CHECK_FALSE(is_small_table(options, {"", "conversion"}));
    CHECK_FALSE(is_small_table(options, {"", "currency_conversions"}));
    CHECK_FALSE(is_small_table(options, {"", "document_versions_archive"}));
    CHECK_FALSE(is_small_table(options, {"", "orders"}));
}

}  // namespace migsafe
