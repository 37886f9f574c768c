#include "util/arena.hpp"

#include <algorithm>

namespace migsafe {

void* Arena::allocate(size_t size) {
    constexpr size_t kAlign = alignof(std::max_align_t);
    size = (std::max<size_t>(size, 1) + kAlign - 1) & ~(kAlign - 1);
    if (size > left_) {
        // A request bigger than a chunk gets a block of its own; the current chunk stays open.
        const size_t block = std::max(size, kChunk);
        chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(block));
        reserved_ += block;
        if (block > kChunk) return chunks_.back().get();
        next_ = chunks_.back().get();
        left_ = block;
    }
    void* out = next_;
    next_ += size;
    left_ -= size;
    return out;
}

void Arena::release() {
    chunks_.clear();
    chunks_.shrink_to_fit();
    next_ = nullptr;
    left_ = 0;
    reserved_ = 0;
}

}  // namespace migsafe
