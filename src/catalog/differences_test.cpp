#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "catalog/seed.hpp"

namespace migsafe::catalog {

namespace {

const char* const kSchema =
    "CREATE TYPE mood AS ENUM ('sad', 'happy');"
    "CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(100) NOT NULL,"
    " name varchar(100), state mood);"
    "CREATE TABLE orders (id int PRIMARY KEY, user_id bigint REFERENCES users);"
    "CREATE INDEX orders_user_id_idx ON orders (user_id);"
    "CREATE VIEW active_users AS SELECT * FROM users;";

// The catalog after `migration` ran on kSchema.
Catalog after(const std::string& migration) {
    return catalog_from_sql(std::string(kSchema) + migration);
}

std::vector<std::string> differences_after(const std::string& up_and_down) {
    return differences(catalog_from_sql(kSchema), after(up_and_down));
}

}  // namespace

TEST_CASE("an up/down pair that restores everything leaves no differences") {
    CHECK(differences_after("") == std::vector<std::string>{});
    CHECK(differences_after(
              // up
              "ALTER TABLE users ADD COLUMN email_verified boolean NOT NULL DEFAULT false;"
              "ALTER TABLE users ALTER COLUMN name TYPE text;"
              "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);"
              "ALTER TABLE orders ADD CONSTRAINT orders_id_positive CHECK (id > 0) NOT VALID;"
              "CREATE TABLE audit (id int PRIMARY KEY);"
              "DROP VIEW active_users;"
              "ALTER TABLE orders RENAME COLUMN user_id TO account_id;"
              // down
              "ALTER TABLE orders RENAME COLUMN account_id TO user_id;"
              "CREATE VIEW active_users AS SELECT * FROM users;"
              "DROP TABLE audit;"
              "ALTER TABLE orders DROP CONSTRAINT orders_id_positive;"
              "DROP INDEX CONCURRENTLY users_email_idx;"
              "ALTER TABLE users ALTER COLUMN name TYPE varchar(100);"
              "ALTER TABLE users DROP COLUMN email_verified;") == std::vector<std::string>{});
}

TEST_CASE("a down migration that leaves an index behind") {
    CHECK(differences_after("CREATE INDEX users_email_idx ON users (email);") ==
          std::vector<std::string>{"index users_email_idx remains"});
}

TEST_CASE("a down migration that misses a column or a table") {
    CHECK(differences_after("ALTER TABLE users DROP COLUMN name;") ==
          std::vector<std::string>{"column users.name is not restored"});
    CHECK(differences_after("ALTER TABLE users ADD COLUMN email_verified boolean;") ==
          std::vector<std::string>{"column users.email_verified remains"});
    CHECK(differences_after("DROP TABLE orders;") ==
          std::vector<std::string>{"table orders is not restored",
                                   "index orders_pkey is not restored",
                                   "index orders_user_id_idx is not restored"});
    CHECK(differences_after("CREATE TABLE audit (id int);") ==
          std::vector<std::string>{"table audit remains"});
}

TEST_CASE("a down migration that changes a type back wrongly") {
    CHECK(differences_after("ALTER TABLE users ALTER COLUMN name TYPE text;") ==
          std::vector<std::string>{"column users.name has type text, not varchar(100)"});
    CHECK(differences_after("ALTER TABLE users ALTER COLUMN name TYPE varchar(200);") ==
          std::vector<std::string>{"column users.name has type varchar(200), not varchar(100)"});
}

TEST_CASE("NOT NULL, defaults, constraints, validity, views and enum values") {
    CHECK(differences_after("ALTER TABLE users ALTER COLUMN name SET NOT NULL,"
                            " ALTER COLUMN name SET DEFAULT 'x';") ==
          std::vector<std::string>{"column users.name is NOT NULL, but was nullable",
                                   "column users.name has a default, but had none"});
    CHECK(differences_after("ALTER TABLE users ALTER COLUMN email DROP NOT NULL,"
                            " ALTER COLUMN id DROP DEFAULT;") ==
          std::vector<std::string>{"column users.id has no default, but had one",
                                   "column users.email is nullable, but was NOT NULL"});
    CHECK(differences_after("ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;"
                            "ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey"
                            " FOREIGN KEY (user_id) REFERENCES users NOT VALID;") ==
          std::vector<std::string>{
              "constraint orders_user_id_fkey on orders is NOT VALID, but was validated"});
    CHECK(differences_after("ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;"
                            "ALTER TABLE orders ADD CHECK (id > 0);") ==
          std::vector<std::string>{"constraint orders_user_id_fkey on orders is not restored",
                                   "constraint orders_id_check on orders remains"});
    CHECK(differences_after("DROP VIEW active_users;") ==
          std::vector<std::string>{"view active_users is not restored"});
    CHECK(differences_after("ALTER TYPE mood ADD VALUE 'ok';") ==
          std::vector<std::string>{"enum type mood has values (sad, happy, ok), not (sad, happy)"});
    CHECK(differences_after("DROP INDEX orders_user_id_idx;"
                            "CREATE UNIQUE INDEX orders_user_id_idx ON orders (id, user_id);") ==
          std::vector<std::string>{"index orders_user_id_idx is on (id, user_id), not (user_id)",
                                   "index orders_user_id_idx is unique, but was not"});
}

TEST_CASE("a constraint recreated under its old name but on other columns") {
    CHECK(
        differences_after("ALTER TABLE orders DROP CONSTRAINT orders_pkey;"
                          "ALTER TABLE orders ADD CONSTRAINT orders_pkey UNIQUE (id, user_id);") ==
        std::vector<std::string>{
            "constraint orders_pkey on orders is UNIQUE (id, user_id), not PRIMARY KEY (id)",
            "index orders_pkey is on (id, user_id), not (id)"});
}

TEST_CASE("index and constraint names matter") {
    CHECK(differences_after("ALTER INDEX orders_user_id_idx RENAME TO orders_user_idx;") ==
          std::vector<std::string>{"index orders_user_id_idx is not restored",
                                   "index orders_user_idx remains"});
}

TEST_CASE("a schema dump's qualified names match a migration's unqualified ones") {
    const Catalog dumped = catalog_from_sql(
        "CREATE TABLE public.users (id bigint NOT NULL, name public.citext);"
        "CREATE INDEX users_name_idx ON public.users USING btree (name);");
    const Catalog replayed = catalog_from_sql(
        "CREATE TABLE users (id bigint NOT NULL, name citext);"
        "CREATE INDEX users_name_idx ON users (name);");
    CHECK(differences(dumped, replayed) == std::vector<std::string>{});
    CHECK(differences(replayed, dumped) == std::vector<std::string>{});
}

}  // namespace migsafe::catalog
