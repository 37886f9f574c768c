#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace migsafe {

// Bump allocation for objects that die together (a file's parse trees): allocating is a pointer
// increment, and everything is released at once, without walking the objects.
class Arena {
  public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    Arena(Arena&&) = default;
    Arena& operator=(Arena&&) = default;
    ~Arena() = default;

    // `size` bytes aligned for any scalar type; never null (throws std::bad_alloc).
    void* allocate(size_t size);
    // Frees every allocation.
    void release();
    size_t bytes_reserved() const { return reserved_; }

  private:
    static constexpr size_t kChunk = 64 * 1024;
    std::vector<std::unique_ptr<std::byte[]>> chunks_;
    std::byte* next_ = nullptr;
    size_t left_ = 0;
    size_t reserved_ = 0;
};

}  // namespace migsafe
