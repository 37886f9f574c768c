#include "code/sql_references.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace migsafe::code;

namespace {

// "table.column@offset" for each reference of `sql` placed at file offset 100.
std::vector<std::string> read(const std::string& sql, const std::string& default_table = "") {
    std::vector<Reference> out;
    EmbeddedSql embedded;
    embedded.sql = sql;
    embedded.file_base = 100;
    embedded.default_table = default_table;
    add_sql_references(embedded, out);
    std::vector<std::string> shown;
    for (const Reference& r : out) {
        std::string item = r.table;
        if (!r.column.empty()) item += "." + r.column;
        shown.push_back(item + "@" + std::to_string(r.span.begin - 100));
    }
    return shown;
}

using Items = std::vector<std::string>;

}  // namespace

TEST_CASE("code SQL: a single table owns unqualified columns") {
    CHECK(read("SELECT email FROM users WHERE id = ?") ==
          Items{"users@18", "users.email@7", "users.id@30"});
}

TEST_CASE("code SQL: aliases and qualifiers resolve; several tables leave it open") {
    CHECK(read("SELECT u.email, name FROM users u JOIN accounts a ON a.user_id = u.id") ==
          Items{"users@26", "accounts@39", "users.email@9", ".name@16", "accounts.user_id@55",
                "users.id@67"});
}

TEST_CASE("code SQL: INSERT columns and UPDATE targets") {
    CHECK(read("INSERT INTO users (email) VALUES (%s)") == Items{"users@12", "users.email@19"});
    CHECK(read("UPDATE public.users SET email = :email WHERE id = $1") ==
          Items{"users@14", "users.email@24", "users.id@45"});
}

TEST_CASE("code SQL: a placeholder that completes a name leaves the SQL unknown") {
    CHECK(read("SELECT value%s FROM users").empty());
    CHECK(read("SELECT email FROM users_%s").empty());
    CHECK(read("SELECT email FROM users WHERE id=%s") ==
          Items{"users@18", "users.email@7", "users.id@30"});
}

TEST_CASE("code SQL: an output name is not a column") {
    CHECK(read("SELECT count(*) AS n FROM users ORDER BY n") == Items{"users@26"});
}

TEST_CASE("code SQL: a CTE is not a table") {
    CHECK(read("WITH recent AS (SELECT id FROM users) SELECT id FROM recent") ==
          Items{"users@31", "users.id@45", "users.id@23"});
}

TEST_CASE("code SQL: text that does not parse as a query names nothing") {
    CHECK(read("email_verified changed for user").empty());
    CHECK(read("could not update email").empty());
    CHECK(read("CREATE TABLE users (email text)").empty());
}

TEST_CASE("code SQL: a fragment takes the model's table") {
    std::vector<Reference> out;
    EmbeddedSql fragment;
    fragment.sql = "SELECT 1 WHERE lower(email) = ?";
    fragment.prefix_length = 15;
    fragment.file_base = 40;
    fragment.default_table = "users";
    CHECK(add_sql_references(fragment, out));
    REQUIRE(out.size() == 1);
    CHECK(out[0].table == "users");
    CHECK(out[0].column == "email");
    CHECK(out[0].span.begin == 46);
    CHECK(out[0].span.end == 51);
}

TEST_CASE("code SQL: query words") {
    CHECK(may_be_query("SELECT 1"));
    CHECK(may_be_query("  with x as (select 1) select * from x"));
    CHECK_FALSE(may_be_query("updated email"));
    CHECK_FALSE(may_be_query("email"));
}

TEST_CASE("code SQL: columns of no table are not a query over the database") {
    CHECK(read("SELECT-FOCUSED-ROW").empty());
    CHECK(read("SELECT email").empty());
    CHECK(read("SELECT email", "users") == Items{"users.email@7"});
}
