#include "code/find_references.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "util/source_text.hpp"

using namespace migsafe;
using namespace migsafe::code;

namespace {

std::string read_sample(const std::string& relative) {
    std::ifstream in(std::string(MIGSAFE_SOURCE_DIR) + "/testdata/code/" + relative,
                     std::ios::binary);
    REQUIRE_MESSAGE(in.good(), relative);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Each reference as "line table.column" ("line table" for a table), checking that its span
// covers exactly the name.
std::string references_in(const std::string& relative) {
    const std::string text = read_sample(relative);
    const auto language = language_for_path(relative);
    REQUIRE(language);
    const SourceText source(text);
    std::string out;
    for (const Reference& reference : find_references(*language, text, relative)) {
        const std::string_view token = source.view(reference.span);
        const std::string& named = reference.column.empty() ? reference.table : reference.column;
        // A to-one relation's field names its <field>_id column.
        CHECK_MESSAGE((token == named || named == std::string(token) + "_id"),
                      relative << ": span '" << token << "' for " << named);
        std::string shown =
            std::to_string(source.position(reference.span.begin).line) + " " + reference.table;
        if (!reference.column.empty()) shown += "." + reference.column;
        out += (out.empty() ? "" : ", ") + shown;
    }
    return out;
}

std::string Lines(std::initializer_list<std::string_view> items) {
    std::string out;
    for (const std::string_view item : items)
        out += std::string(out.empty() ? "" : ", ") + std::string(item);
    return out;
}

}  // namespace

TEST_CASE("code references: Django and SQLAlchemy models") {
    CHECK(references_in("python/shop/models.py") ==
          Lines({"7 users.email", "8 users.email_verified", "9 users.name", "10 users.team_id",
                 "18 .created_at", "25 shop_team.title", "34 invoices.id",
                 "35 invoices.amount_cents", "36 invoices.currency", "37 invoices.status"}));
}

TEST_CASE("code references: Python queries") {
    CHECK(references_in("python/shop/queries.py") ==
          Lines({"5 .email_verified", "5 .email", "10 users.email", "10 users.created_at",
                 "10 users", "11 users.email_verified", "11 users.created_at", "18 users",
                 "18 users.email_verified", "18 users.id"}));
}

TEST_CASE("code references: Python traps name only another table") {
    CHECK(references_in("python/shop/traps.py") ==
          Lines({"16 accounts.email", "16 accounts.email_verified", "16 accounts",
                 "16 accounts.id"}));
}

TEST_CASE("code references: ActiveRecord model") {
    CHECK(references_in("ruby/user.rb") ==
          Lines({"4 users.email_verified", "5 users.email", "8 users.email"}));
}

TEST_CASE("code references: ActiveRecord queries and heredoc SQL") {
    CHECK(references_in("ruby/signup_report.rb") ==
          Lines({"3 users.email_verified", "3 users.created_at", "7 accounts.email",
                 "7 accounts.email", "11 .published_at", "11 .created_at", "16 users.id",
                 "16 users.email_verified", "17 users", "18 users.created_at"}));
}

TEST_CASE("code references: Ruby traps name only another table") {
    CHECK(references_in("ruby/traps.rb") == Lines({"7 accounts.email_verified", "7 accounts"}));
}

TEST_CASE("code references: TypeORM entity") {
    CHECK(references_in("typescript/user.entity.ts") ==
          Lines({"3 users", "6 users.id", "8 users.email_verified", "12 users.displayName"}));
}

TEST_CASE("code references: knex, Prisma and SQL in TypeScript") {
    CHECK(references_in("typescript/queries.ts") ==
          Lines({"5 users", "5 users.email", "5 users.created_at", "5 users.email_verified",
                 "9 users", "9 users.created_at", "9 users.logins", "14 user.emailVerified",
                 "14 user.lastLoginAt", "15 user.email", "20 users", "20 users.email_verified"}));
}

TEST_CASE("code references: TypeScript traps name only another table") {
    CHECK(references_in("typescript/traps.ts") ==
          Lines({"7 accounts.email_verified", "7 accounts", "7 accounts.id",
                 "13 accounts.email_verified", "13 accounts"}));
}

TEST_CASE("code references: Go struct tags") {
    CHECK(references_in("go/models.go") ==
          Lines({"4 users.id", "5 users.email", "6 users.email_verified", "10 users",
                 "13 accounts.ID", "14 accounts.email", "15 accounts.EmailVerified"}));
}

TEST_CASE("code references: Go SQL strings, raw and concatenated") {
    CHECK(references_in("go/queries.go") ==
          Lines({"4 users.id", "4 users.email", "5 users", "6 users.email_verified", "9 users",
                 "9 users.email_verified", "10 users.id"}));
}

TEST_CASE("code references: Go traps name only another table") {
    CHECK(references_in("go/traps.go") == Lines({"15 accounts.email_verified", "15 accounts"}));
}

TEST_CASE("code references: JPA entity") {
    CHECK(references_in("java/User.java") ==
          Lines({"6 users", "9 users.id", "11 users.email_verified", "14 users.displayName",
                 "24 .street_line", "27 .city"}));
}

TEST_CASE("code references: Java native queries") {
    CHECK(references_in("java/UserRepository.java") ==
          Lines({"4 users", "4 users.email_verified", "7 users", "8 users.email_verified",
                 "11 users.email_verified", "11 users", "11 users.id"}));
}

TEST_CASE("code references: Java traps name only another table") {
    CHECK(references_in("java/Traps.java") == Lines({"10 accounts.email_verified", "10 accounts"}));
}

TEST_CASE("code references: Prisma schema models") {
    CHECK(references_in("prisma/schema.prisma") ==
          Lines({"12 users.id", "13 users.email", "14 users.email_verified", "15 users.role",
                 "16 users.last_login_at", "19 users", "23 Post.id", "24 Post.title",
                 "26 Post.authorId", "27 Post.tags"}));
}

TEST_CASE("code references: TSX reads Prisma calls, not JSX text") {
    CHECK(references_in("typescript/UserList.tsx") == Lines({"4 user.emailVerified"}));
}

TEST_CASE("code references: every sample but the traps names users.email_verified") {
    const std::filesystem::path root = std::string(MIGSAFE_SOURCE_DIR) + "/testdata/code";
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const std::string relative = std::filesystem::relative(entry.path(), root).string();
        const auto language = language_for_path(relative);
        REQUIRE_MESSAGE(language, relative);
        ++files;
        int naming = 0;
        for (const Reference& reference :
             find_references(*language, read_sample(relative), relative))
            if (reference.refers_to_column("users", "email_verified")) ++naming;
        const bool trap = entry.path().stem() == "traps" || entry.path().stem() == "Traps";
        CHECK_MESSAGE((trap ? naming == 0 : naming > 0), relative << ": " << naming);
    }
    CHECK(files == 17);
}
