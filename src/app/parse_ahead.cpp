#include "app/parse_ahead.hpp"

#include <algorithm>

namespace migsafe {

ParseAhead::ParseAhead(std::vector<const std::string*> texts, unsigned threads, Limits limits)
    : texts_(std::move(texts)),
      limits_(limits),
      slots_(texts_.size()),
      threads_(std::max(1U, threads)) {
    const size_t count = std::min<size_t>(threads_, texts_.size());
    for (size_t t = 0; t < count; ++t)
        workers_.emplace_back([this] { work(); });
}

ParseAhead::~ParseAhead() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    workers_.clear();  // joins
}

bool ParseAhead::may_start() const {
    if (next_ >= texts_.size()) return false;
    // The next few are always started, however big, so the consumer never waits on the limits.
    if (next_ < taken_ + 2 * static_cast<size_t>(threads_)) return true;
    return next_ - taken_ < limits_.files && in_flight_ + texts_[next_]->size() <= limits_.bytes;
}

void ParseAhead::work() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [this] { return stopping_ || may_start(); });
        if (stopping_) return;
        const size_t i = next_++;
        in_flight_ += texts_[i]->size();
        lock.unlock();
        Slot slot;
        try {
            slot.parsed = sql::parse_file(*texts_[i], sql::TreeDetail::ForRules);
        } catch (...) {
            slot.error = std::current_exception();
        }
        slot.done = true;
        lock.lock();
        slots_[i] = std::move(slot);
        changed_.notify_all();
    }
}

std::unique_ptr<sql::ParsedFile> ParseAhead::take(size_t i) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return slots_[i].done; });
    Slot slot = std::move(slots_[i]);
    slots_[i] = Slot{};
    taken_ = std::max(taken_, i + 1);
    in_flight_ -= texts_[i]->size();
    lock.unlock();
    changed_.notify_all();
    if (slot.error) std::rethrow_exception(slot.error);
    return std::move(slot.parsed);
}

}  // namespace migsafe
