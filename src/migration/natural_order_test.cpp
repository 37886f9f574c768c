#include "migration/natural_order.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace migsafe::migration;

TEST_CASE("natural order: numbers compare by value, text byte by byte") {
    CHECK(natural_less("2_x.sql", "10_x.sql"));
    CHECK_FALSE(natural_less("10_x.sql", "2_x.sql"));
    CHECK(natural_less("a/9.sql", "a/10.sql"));
    CHECK(natural_less("0001_a.sql", "0001_b.sql"));
    CHECK(natural_less("abc", "abd"));
    CHECK(natural_less("abc", "abc1"));
    CHECK_FALSE(natural_less("same", "same"));
}

TEST_CASE("natural order: zero padding ties break deterministically") {
    CHECK(natural_less("01_x", "1_x"));
    CHECK_FALSE(natural_less("1_x", "01_x"));
    std::vector<std::string> names{"10_c", "1_a", "2_b", "01_a", "100_d"};
    std::sort(names.begin(), names.end(), natural_less);
    CHECK(names == std::vector<std::string>{"01_a", "1_a", "2_b", "10_c", "100_d"});
}

TEST_CASE("natural order: digit runs longer than any integer type") {
    CHECK(natural_less("99999999999999999999999_a", "100000000000000000000000_a"));
}

TEST_CASE("dotted versions: Flyway's numeric parts") {
    CHECK(compare_dotted_versions("1.9", "1.10") < 0);
    CHECK(compare_dotted_versions("2_1", "2.1") == 0);
    CHECK(compare_dotted_versions("1", "1.0") == 0);
    CHECK(compare_dotted_versions("1.1", "1") > 0);
    CHECK(compare_dotted_versions("20240101", "3") > 0);
}
