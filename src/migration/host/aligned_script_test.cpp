#include "migration/host/aligned_script.hpp"

#include <doctest/doctest.h>

using namespace migsafe;
using namespace migsafe::migration;
using namespace migsafe::migration::host;

TEST_CASE("aligned script: starts blank with the file's newlines") {
    const std::string_view file = "ab\ncd\n";
    AlignedScript script(file);
    const Script done =
        std::move(script).finish("f.rb", Direction::Down, TransactionModel::Wrapped, "reason");
    CHECK(done.sql == "  \n  \n");
    CHECK(done.path == "f.rb");
    CHECK(done.direction == Direction::Down);
    CHECK(done.transaction == TransactionModel::Wrapped);
    CHECK(done.transaction_reason == "reason");
    CHECK(done.problems.empty());
}

TEST_CASE("aligned script: copy, write, end_string and problems") {
    const std::string_view file = "x(\"SELECT 1\")\n";
    AlignedScript script(file);
    script.copy({3, 11});
    script.end_string(11);
    script.add_problem({0, 1}, "m");
    const Script done =
        std::move(script).finish("f", Direction::Up, TransactionModel::AsWritten, "");
    CHECK(done.sql == "   SELECT 1; \n");
    REQUIRE(done.problems.size() == 1);
    CHECK(done.problems[0].span == ByteSpan{0, 1});
    CHECK(done.problems[0].message == "m");
}

TEST_CASE("aligned script: tracks SQL quotes and -- comments") {
    const std::string_view file = "SELECT 'a', \"b\" -- c\nd";
    AlignedScript script(file);
    script.copy({0, 8});  // SELECT '
    CHECK(script.inside_quote_or_comment());
    CHECK(script.open_quote() == '\'');
    script.copy({8, 12});  // a',
    CHECK_FALSE(script.inside_quote_or_comment());
    script.copy({12, 13});  // "
    CHECK(script.open_quote() == '"');
    script.copy({13, 15});  // b"
    CHECK_FALSE(script.inside_quote_or_comment());
    script.copy({15, 18});  //  --
    CHECK(script.inside_quote_or_comment());
    CHECK(script.open_quote() == 0);
    script.copy({18, 21});  // " c\n"
    CHECK_FALSE(script.inside_quote_or_comment());
    script.copy({0, 8});
    script.end_string(22);  // a new host string starts outside any quote
    CHECK_FALSE(script.inside_quote_or_comment());
}

TEST_CASE("aligned script: writes past the end of the file are clipped") {
    const std::string_view file = "abc";
    AlignedScript script(file);
    script.write(2, "xyz");
    script.end_string(3);
    const Script done =
        std::move(script).finish("f", Direction::Up, TransactionModel::AsWritten, "");
    CHECK(done.sql == "  x");
}
