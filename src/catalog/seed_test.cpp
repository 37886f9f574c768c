#include "catalog/seed.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace migsafe::catalog {

namespace {

std::string read_testdata(const std::string& name) {
    std::ifstream in(std::string(MIGSAFE_SOURCE_DIR) + "/testdata/catalog/" + name,
                     std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read testdata/catalog/" << name);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("catalog_from_sql reads a real pg_dump --schema-only") {
    const Catalog catalog = catalog_from_sql(read_testdata("schema_dump.sql"));

    const Table* users = catalog.table({"public", "users"});
    REQUIRE(users != nullptr);
    CHECK(users->name == pg::QualifiedName{"public", "users"});
    CHECK(users->columns.size() == 4);
    REQUIRE(users->column("email") != nullptr);
    CHECK(users->column("email")->type.display() == "varchar(200)");
    CHECK(users->column("email")->not_null);
    CHECK(users->column("id")->identity_or_generated);
    CHECK(users->column("created_at")->has_default);
    CHECK(users->column("created_at")->type.name == "timestamptz");
    CHECK_FALSE(users->column("name")->not_null);
    REQUIRE(users->constraint("users_pkey") != nullptr);
    CHECK(users->constraint("users_pkey")->kind == ConstraintKind::PrimaryKey);
    REQUIRE(users->constraint("users_email_key") != nullptr);
    CHECK(users->constraint("users_email_key")->columns == std::vector<std::string>{"email"});

    // A migration writes `orders`; the dump writes `public.orders`.
    const Table* orders = catalog.table({"", "orders"});
    REQUIRE(orders != nullptr);
    CHECK(orders->column("id")->type.name == "int8");
    CHECK(orders->column("id")->has_default);  // the dump's SET DEFAULT nextval(…)
    CHECK(orders->column("status")->type.display() == "public.order_status");
    CHECK(orders->column("total")->type.display() == "numeric(12,2)");
    REQUIRE(orders->constraint("orders_total_check") != nullptr);
    CHECK(orders->constraint("orders_total_check")->columns == std::vector<std::string>{"total"});
    const Constraint* note = orders->constraint("orders_note_not_null");
    REQUIRE(note != nullptr);
    CHECK(note->kind == ConstraintKind::NotNullCheck);
    CHECK_FALSE(note->validated);
    const Constraint* fk = orders->constraint("orders_user_id_fkey");
    REQUIRE(fk != nullptr);
    CHECK(fk->references == pg::QualifiedName{"public", "users"});
    CHECK(orders->constraint("orders_pkey") != nullptr);

    REQUIRE(catalog.index({"", "orders_user_id_idx"}) != nullptr);
    CHECK(catalog.index({"", "orders_user_id_idx"})->columns ==
          std::vector<std::string>{"user_id"});
    CHECK_FALSE(catalog.index({"", "orders_user_id_idx"})->unique);
    CHECK(catalog.indexes_on({"", "orders"}).size() == 2);
    CHECK(catalog.indexes_on({"", "users"}).size() == 2);
    REQUIRE(catalog.index({"public", "users_email_key"}) != nullptr);
    CHECK(catalog.index({"public", "users_email_key"})->unique);

    REQUIRE(catalog.view({"", "paid_orders"}) != nullptr);
    CHECK_FALSE(catalog.view({"", "paid_orders"})->materialized);
    REQUIRE(catalog.enum_type({"", "order_status"}) != nullptr);
    CHECK(catalog.enum_type({"", "order_status"})->values ==
          std::vector<std::string>{"pending", "paid", "shipped"});
    CHECK(catalog.tables().size() == 2);
}

TEST_CASE("the dump and the SQL that made it describe the same catalog") {
    const Catalog from_dump = catalog_from_sql(read_testdata("schema_dump.sql"));
    const Catalog from_source = catalog_from_sql(read_testdata("schema.sql"));
    std::string listed;
    for (const std::string& line : differences(from_dump, from_source))
        listed += line + "\n";
    CHECK(listed == "");
}

TEST_CASE("replaying every SQL file in the repository neither crashes nor varies") {
    namespace fs = std::filesystem;
    size_t files = 0;
    size_t non_empty = 0;
    for (const char* folder : {"testdata", "tests", "rules"}) {
        for (const auto& entry :
             fs::recursive_directory_iterator(fs::path(MIGSAFE_SOURCE_DIR) / folder)) {
            if (!entry.is_regular_file() || entry.path().extension() != ".sql") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream text;
            text << in.rdbuf();
            const Catalog first = catalog_from_sql(text.str());
            const Catalog second = catalog_from_sql(text.str());
            INFO(entry.path().string());
            CHECK(differences(first, second).empty());
            ++files;
            if (!first.empty()) ++non_empty;
        }
    }
    CHECK(files > 100);
    CHECK(non_empty > 50);
}

}  // namespace migsafe::catalog
