#include "code/path_filter.hpp"

#include <doctest/doctest.h>

#include "code/language.hpp"

using namespace migsafe::code;

TEST_CASE("code paths: glob matching") {
    CHECK(glob_match("**/test/**", "test/a.py"));
    CHECK(glob_match("**/test/**", "app/test/sub/a.py"));
    CHECK_FALSE(glob_match("**/test/**", "app/testing/a.py"));
    CHECK(glob_match("**/*_test.*", "pkg/store_test.go"));
    CHECK(glob_match("**/*_test.*", "store_test.go"));
    CHECK_FALSE(glob_match("**/*_test.*", "pkg/store.go"));
    CHECK(glob_match("src/*.ts", "src/a.ts"));
    CHECK_FALSE(glob_match("src/*.ts", "src/x/a.ts"));
    CHECK(glob_match("a?c.rb", "abc.rb"));
    CHECK(glob_match("**/schema.rb", "./db/schema.rb"));
}

TEST_CASE("code paths: tests, migrations and dumps are ignored") {
    const std::vector<std::string> none;
    CHECK(is_ignored_path("tests/test_users.py", none));
    CHECK(is_ignored_path("app/test_users.py", none));
    CHECK(is_ignored_path("spec/models/user_spec.rb", none));
    CHECK(is_ignored_path("src/users.spec.ts", none));
    CHECK(is_ignored_path("store/users_test.go", none));
    CHECK(is_ignored_path("db/migrate/20240101_add_email.rb", none));
    CHECK(is_ignored_path("shop/migrations/0002_user_email.py", none));
    CHECK(is_ignored_path("alembic/versions/a1b2_add.py", none));
    CHECK(is_ignored_path("db/schema.rb", none));
    CHECK(is_ignored_path("db/structure.sql", none));
    CHECK(is_ignored_path("node_modules/knex/lib/index.js", none));
    CHECK_FALSE(is_ignored_path("prisma/schema.prisma", none));
    CHECK_FALSE(is_ignored_path("app/models/user.rb", none));
    CHECK_FALSE(is_ignored_path("src/latest/users.ts", none));
    CHECK(is_ignored_path("fixtures/users.py", {"fixtures/**"}));
}

TEST_CASE("code paths: language by extension") {
    CHECK(language_for_path("a/models.py") == Language::Python);
    CHECK(language_for_path("user.rb") == Language::Ruby);
    CHECK(language_for_path("x.mjs") == Language::JavaScript);
    CHECK(language_for_path("x.ts") == Language::TypeScript);
    CHECK(language_for_path("x.tsx") == Language::Tsx);
    CHECK(language_for_path("x.go") == Language::Go);
    CHECK(language_for_path("User.java") == Language::Java);
    CHECK(language_for_path("prisma/schema.prisma") == Language::PrismaSchema);
    CHECK_FALSE(language_for_path("schema.sql"));
    CHECK_FALSE(language_for_path("dir.py/README"));
}
