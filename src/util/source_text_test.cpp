#include "util/source_text.hpp"

#include <doctest/doctest.h>

using namespace migsafe;

TEST_CASE("source text: a UTF-8 BOM is not a column") {
    const SourceText src("\xEF\xBB\xBFSELECT 1;");
    CHECK(src.has_bom());
    CHECK(src.line_start(1) == 3);
    CHECK(src.position(3) == Position{1, 1});
    CHECK(src.position(10) == Position{1, 8});
    CHECK(src.line_text(1) == "SELECT 1;");
}

TEST_CASE("source text: CRLF line endings") {
    const SourceText src("SELECT 1;\r\nSELECT 2;\r\n");
    CHECK(src.line_text(1) == "SELECT 1;");
    CHECK(src.line_start(2) == 11);
    CHECK(src.line_of(11) == 2);
    CHECK(src.position(18) == Position{2, 8});
    CHECK(src.offset(Position{2, 8}) == 18);
}

TEST_CASE("source text: columns count code points, not bytes") {
    // "é" is 2 bytes, "—" 3 bytes.
    const SourceText src("-- é—\nx\t'ü' y");
    CHECK(src.position(8) == Position{1, 6});  // the newline after "-- é—"
    const uint32_t y = static_cast<uint32_t>(std::string_view(src.bytes()).find('y'));
    CHECK(src.position(y) == Position{2, 7});  // a tab is one column
    CHECK(src.offset(Position{2, 7}) == y);
}

TEST_CASE("source text: UTF-16 columns count an emoji as two units") {
    const SourceText src("'😀' x");  // the emoji is 4 bytes in UTF-8, a surrogate pair in UTF-16
    const uint32_t x = 7;
    REQUIRE(src.bytes()[x] == 'x');
    CHECK(src.position(x, ColumnUnit::CodePoint) == Position{1, 5});
    CHECK(src.position(x, ColumnUnit::Utf16) == Position{1, 6});
    CHECK(src.offset(Position{1, 6}, ColumnUnit::Utf16) == x);
}

TEST_CASE("source text: a range's end is its last character, inclusive") {
    const SourceText src("SELECT 1;\nCREATE INDEX i ON t (a);");
    const Range r = src.range({10, 34});
    CHECK(r.start == Position{2, 1});
    CHECK(r.end == Position{2, 24});
    // A span ending after a multi-byte character ends on that character.
    const SourceText accented("x = 'é'");
    CHECK(accented.range({4, 9}).end == Position{1, 7});
    // An empty span ends where it starts.
    CHECK(src.range({10, 10}).end == Position{2, 1});
}

TEST_CASE("source text: invalid UTF-8 is found") {
    CHECK(find_invalid_utf8("ok é") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xFF") == 2);
    CHECK(utf8_sequence_length(static_cast<unsigned char>('a')) == 1);
    CHECK(utf8_sequence_length(0xF0) == 4);
}
