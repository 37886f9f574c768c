#include "pg/schema_changes.hpp"

#include <doctest/doctest.h>

#include "sql/parsed_file.hpp"

namespace migsafe::pg {

namespace {

SchemaChanges of(const std::string& sql) {
    static thread_local std::unique_ptr<sql::ParsedFile> file;
    file = sql::parse_file(sql);
    REQUIRE(file->statements.size() == 1);
    return schema_changes(file->statements[0].node);
}

}  // namespace

TEST_CASE("schema_changes: drops, renames and additions application code can name") {
    SchemaChanges c = of("DROP TABLE IF EXISTS public.users, orders CASCADE;");
    REQUIRE(c.removed.size() == 2);
    CHECK(c.removed[0].object.display() == "public.users");
    CHECK(c.removed[1].object.display() == "orders");

    c = of("ALTER TABLE users DROP COLUMN email_verified, ADD COLUMN verified_at timestamptz;");
    REQUIRE(c.removed.size() == 1);
    CHECK(c.removed[0].object.display() == "users.email_verified");
    REQUIRE(c.added.size() == 1);
    CHECK(c.added[0].display() == "users.verified_at");

    c = of("ALTER TABLE users RENAME COLUMN email TO email_address;");
    REQUIRE(c.removed.size() == 1);
    CHECK(c.removed[0].object.display() == "users.email");
    CHECK(c.removed[0].renamed_to == "email_address");
    CHECK(c.added[0].display() == "users.email_address");

    c = of("ALTER TABLE users RENAME TO accounts;");
    CHECK(c.removed[0].object.display() == "users");
    CHECK(c.added[0].display() == "accounts");

    c = of("CREATE TABLE audit (id bigint);");
    CHECK(c.removed.empty());
    CHECK(c.added[0].display() == "audit");

    CHECK(of("DROP INDEX users_email_idx;").removed.empty());
    CHECK(of("ALTER TYPE mood DROP ATTRIBUTE x;").removed.empty());
    CHECK(of("UPDATE users SET a = 1;").added.empty());
}

}  // namespace migsafe::pg
