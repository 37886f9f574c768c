#include "migration/file_root.hpp"

#include <doctest/doctest.h>

namespace migsafe::migration {

TEST_CASE("migration_root_of: files that name their runner, and loose SQL") {
    CHECK(migration_root_of("db/migrations/00001_init.sql", "-- +goose Up\nCREATE TABLE t();") ==
          std::filesystem::path("db/migrations"));
    CHECK(migration_root_of("db/migrations/2024_x.sql", "-- migrate:up\n") ==
          std::filesystem::path("db/migrations"));
    CHECK(migration_root_of("m/1_add.up.sql", "") == std::filesystem::path("m"));
    CHECK(migration_root_of("sql/V1.2__add.sql", "") == std::filesystem::path("sql"));
    CHECK(migration_root_of("migrations/2024-01-01-000000_x/up.sql", "") ==
          std::filesystem::path("migrations"));
    CHECK(migration_root_of("prisma/migrations/20240101_init/migration.sql", "") ==
          std::filesystem::path("prisma/migrations"));
    CHECK(migration_root_of("deploy/users.sql", "") == std::filesystem::path("."));
    CHECK(migration_root_of("db/migrate/20240101_x.rb", "") == std::filesystem::path("db/migrate"));
    // Loose SQL: no directory is walked for it.
    CHECK_FALSE(migration_root_of("/tmp/report.sql", "SELECT 1;").has_value());
    CHECK_FALSE(migration_root_of("testdata/rules/truncate/bad.sql", "TRUNCATE t;").has_value());
    CHECK_FALSE(migration_root_of("notes.txt", "").has_value());
}

}  // namespace migsafe::migration
