#include "util/paths.hpp"

#include <doctest/doctest.h>

namespace migsafe {

TEST_CASE("path_under: inside the root relative, outside unchanged") {
    CHECK(path_under("/repo/db/migrations/1.sql", "/repo") == "db/migrations/1.sql");
    CHECK(path_under("/repo/db/../x.sql", "/repo") == "x.sql");
    CHECK(path_under("/elsewhere/x.sql", "/repo") == "/elsewhere/x.sql");
    CHECK(path_under("/repository/x.sql", "/repo") == "/repository/x.sql");
}

TEST_CASE("canonical_path resolves dot-dot and keeps paths that do not exist") {
    CHECK(canonical_path("/tmp/../tmp") == "/tmp");
    CHECK(canonical_path("/no/such/dir/../file.sql") == "/no/such/file.sql");
}

}  // namespace migsafe
