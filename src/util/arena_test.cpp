#include "util/arena.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>

namespace migsafe {

TEST_CASE("Arena: aligned, distinct, large blocks, released together") {
    Arena arena;
    auto* a = static_cast<char*>(arena.allocate(3));
    auto* b = static_cast<char*>(arena.allocate(5));
    CHECK(reinterpret_cast<uintptr_t>(a) % alignof(std::max_align_t) == 0);
    CHECK(reinterpret_cast<uintptr_t>(b) % alignof(std::max_align_t) == 0);
    CHECK(b >= a + 3);
    std::memset(a, 'x', 3);
    std::memset(b, 'y', 5);
    CHECK(a[2] == 'x');
    auto* big = static_cast<char*>(arena.allocate(1 << 20));
    std::memset(big, 0, 1 << 20);
    auto* c = static_cast<char*>(arena.allocate(8));
    CHECK(c >= b + 5);  // the open chunk keeps serving small requests
    CHECK(arena.bytes_reserved() >= (1u << 20) + 64 * 1024);
    arena.release();
    CHECK(arena.bytes_reserved() == 0);
    CHECK(arena.allocate(0) != nullptr);
}

}  // namespace migsafe
