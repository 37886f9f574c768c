#include "code/names.hpp"

#include <doctest/doctest.h>

#include "code/reference.hpp"

using namespace migsafe::code;

TEST_CASE("code names: SQL identifiers fold unless quoted") {
    CHECK(fold_identifier("Email") == "email");
    CHECK(fold_identifier("\"Email\"") == "Email");
    CHECK(fold_identifier("\"a\"\"b\"") == "a\"b");
}

TEST_CASE("code names: snake_case and plural") {
    CHECK(snake_case("emailVerified") == "email_verified");
    CHECK(snake_case("HTTPServer") == "http_server");
    CHECK(snake_case("User") == "user");
    CHECK(snake_case("address2Line") == "address2_line");
    CHECK(snake_case("already_snake") == "already_snake");
    CHECK(plural("user") == "users");
    CHECK(plural("category") == "categories");
    CHECK(plural("address") == "addresses");
    CHECK(plural("day") == "days");
}

TEST_CASE("code names: ORM names match database names") {
    CHECK(names_match("emailVerified", "email_verified"));
    CHECK(names_match("Email", "email"));
    CHECK(names_match("email", "email"));
    CHECK_FALSE(names_match("email", "email_verified"));
    CHECK_FALSE(names_match("", "email"));
    CHECK(table_names_match("User", "users"));
    CHECK(table_names_match("OrderItem", "order_items"));
    CHECK_FALSE(table_names_match("User", "accounts"));
}

TEST_CASE("code names: a reference names a column by its naming") {
    Reference exact{"", "users", "email_verified", {}, "SQL string", Naming::Exact};
    CHECK(exact.refers_to_column("users", "email_verified"));
    CHECK(exact.refers_to_table("users"));
    CHECK_FALSE(exact.refers_to_column("accounts", "email_verified"));
    CHECK_FALSE(exact.refers_to_column("users", "email"));

    Reference mapped{"", "user", "emailVerified", {}, "Prisma query", Naming::OrmMapped};
    CHECK(mapped.refers_to_column("users", "email_verified"));
    CHECK_FALSE(mapped.refers_to_column("accounts", "email_verified"));

    Reference unknown_table{"", "", "email", {}, "ORM query", Naming::Exact};
    CHECK(unknown_table.refers_to_column("accounts", "email"));
    CHECK_FALSE(unknown_table.refers_to_table("accounts"));

    Reference table_only{"", "users", "", {}, "SQL string", Naming::Exact};
    CHECK(table_only.refers_to_table("users"));
    CHECK_FALSE(table_only.refers_to_column("users", "email"));
}
