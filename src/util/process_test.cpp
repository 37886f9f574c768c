#include "util/process.hpp"

#include <doctest/doctest.h>

namespace migsafe {

TEST_CASE("run_process passes arguments verbatim and collects both outputs") {
    const auto result = run_process(
        {"sh", "-c", "printf '%s' \"$1\"; printf err >&2; exit 3", "sh", "a b; $(no) 'quoted'"},
        ".");
    REQUIRE(result.has_value());
    CHECK(result->out == "a b; $(no) 'quoted'");
    CHECK(result->err == "err");
    CHECK(result->exit_code == 3);
}

TEST_CASE("run_process reports a program that does not exist") {
    const auto result = run_process({"migsafe-no-such-program"}, ".");
    CHECK_FALSE((result.has_value() && result->exit_code == 0));
}

TEST_CASE("run_process runs in the given directory") {
    const auto result = run_process({"pwd"}, "/tmp");
    REQUIRE(result.has_value());
    CHECK(result->out == "/tmp\n");
}

}  // namespace migsafe
