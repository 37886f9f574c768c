#include "lsp/framing.hpp"

#include <doctest/doctest.h>

using migsafe::lsp::frame_message;
using migsafe::lsp::split_frames;

TEST_CASE("lsp framing: complete messages are split, a partial one is kept") {
    const std::string input = frame_message("{\"a\":1}") + frame_message("{\"b\":2}") +
                              "Content-Length: 10\r\n\r\n{\"c\"";
    const auto frames = split_frames(input);
    REQUIRE(frames.bodies.size() == 2);
    CHECK(frames.bodies[0] == "{\"a\":1}");
    CHECK(frames.bodies[1] == "{\"b\":2}");
    CHECK(frames.errors.empty());
    CHECK(frames.rest == "Content-Length: 10\r\n\r\n{\"c\"");
}

TEST_CASE("lsp framing: header names are case-insensitive and other headers are ignored") {
    const auto frames = split_frames(
        "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}");
    REQUIRE(frames.bodies.size() == 1);
    CHECK(frames.bodies[0] == "{}");
    CHECK(frames.rest.empty());
}

TEST_CASE("lsp framing: a malformed header is reported and skipped") {
    const std::string input = "Content-Length: abc\r\n\r\n" + frame_message("{}");
    const auto frames = split_frames(input);
    CHECK(frames.errors.size() == 1);
    REQUIRE(frames.bodies.size() == 1);
    CHECK(frames.bodies[0] == "{}");

    const auto missing = split_frames("X-Other: 1\r\n\r\n");
    CHECK(missing.errors.size() == 1);
    CHECK(missing.bodies.empty());
    CHECK(missing.rest.empty());
}

TEST_CASE("lsp framing: a header without its blank line waits for more bytes") {
    const auto frames = split_frames("Content-Length: 2\r\n");
    CHECK(frames.bodies.empty());
    CHECK(frames.errors.empty());
    CHECK(frames.rest == "Content-Length: 2\r\n");
}

TEST_CASE("lsp framing: after a bad header with a body, the next message is still found") {
    const std::string input = "Content-Length: -1\r\n\r\n{\"x\":1}" + frame_message("{\"ok\":1}");
    const auto frames = split_frames(input);
    CHECK(frames.errors.size() == 1);
    REQUIRE(frames.bodies.size() == 1);
    CHECK(frames.bodies[0] == "{\"ok\":1}");
    CHECK(frames.rest.empty());
}
