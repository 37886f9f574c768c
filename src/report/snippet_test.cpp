#include "report/snippet.hpp"

#include <doctest/doctest.h>

#include <string>

using migsafe::kMaxSnippetColumns;
using migsafe::make_snippet;
using migsafe::terminal_safe;

TEST_CASE("snippet: a short line is shown whole with the span's columns unchanged") {
    const auto s = make_snippet("CREATE INDEX a ON t (x);", 1, 24);
    CHECK(s.text == "CREATE INDEX a ON t (x);");
    CHECK(s.start_column == 1);
    CHECK(s.end_column == 24);
}

TEST_CASE("snippet: control characters cannot reach the terminal") {
    const auto s = make_snippet(
        "SELECT '\x1b[2J\x07', '\xc2\x9b"
        "31m'; -- \x7f",
        8, 8);
    CHECK(s.text == "SELECT '?[2J?', '?31m'; -- ?");
    CHECK(s.start_column == 8);
    CHECK(terminal_safe("a\tb\x1b"
                        "c\r\n") == "a\tb?c??");
    CHECK(terminal_safe("caf\xc3\xa9") == "caf\xc3\xa9");
}

TEST_CASE("snippet: a long line becomes a window around the span, cut ends marked") {
    const std::string line = std::string(100000, 'x') + "BAD" + std::string(100000, 'y');
    const auto s = make_snippet(line, 100001, 100003);
    CHECK(s.text.size() < kMaxSnippetColumns + 10);
    CHECK(s.text.starts_with("…"));
    CHECK(s.text.ends_with("…"));
    // The span's columns in the window point at BAD (the ellipsis is one column).
    const size_t bad = s.text.find("BAD");
    REQUIRE(bad != std::string::npos);
    CHECK(s.start_column == bad - std::string("…").size() + 2);
    CHECK(s.end_column == s.start_column + 2);
}

TEST_CASE("snippet: a span longer than the window is underlined to the window's end") {
    const std::string line(1000, 'z');
    const auto s = make_snippet(line, 1, 1000);
    CHECK(s.text == std::string(kMaxSnippetColumns, 'z') + "…");
    CHECK(s.start_column == 1);
    CHECK(s.end_column == kMaxSnippetColumns + 1);
}
