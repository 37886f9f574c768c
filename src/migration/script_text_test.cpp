#include "migration/script_text.hpp"

#include <doctest/doctest.h>

using namespace migsafe::migration;

TEST_CASE("script text: lines keep their offsets and CRLF terminators") {
    const auto lines = split_lines("a\r\nbc\n\nd");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].begin == 0);
    CHECK(lines[0].end == 1);
    CHECK(lines[0].next == 3);
    CHECK(lines[1].begin == 3);
    CHECK(lines[1].end == 5);
    CHECK(lines[2].begin == lines[2].end);
    CHECK(lines[3].begin == 7);
    CHECK(lines[3].next == 8);
}

TEST_CASE("script text: blanking keeps length and line terminators") {
    const std::string text = "SELECT 1;\r\nDROP TABLE t;\nSELECT 2;";
    const std::string blanked = blank_ranges(text, {{11, 25}});
    CHECK(blanked.size() == text.size());
    CHECK(blanked == "SELECT 1;\r\n             \nSELECT 2;");
}

TEST_CASE("script text: comments and whitespace are not SQL") {
    CHECK_FALSE(has_sql(""));
    CHECK_FALSE(has_sql("  -- nothing to undo\n/* really\n nothing */\n"));
    CHECK(has_sql("-- undo\nDROP TABLE t;"));
    CHECK(has_sql("/* x */ SELECT 1"));
}

TEST_CASE("script text: the irreversible marker") {
    CHECK(has_irreversible_marker("SELECT 1;\n-- migsafe: irreversible\n"));
    CHECK(has_irreversible_marker("--migsafe:irreversible (data is gone)"));
    CHECK_FALSE(has_irreversible_marker("-- migsafe: ignore foo"));
    CHECK_FALSE(has_irreversible_marker("-- migsafe: irreversibleish"));
    CHECK_FALSE(has_irreversible_marker("SELECT 'migsafe: irreversible';"));
    CHECK(has_irreversible_marker("-- irreversible?\n--\tmigsafe:  irreversible"));
    CHECK_FALSE(has_irreversible_marker("irreversible"));
}
