#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "sql/parsed_file.hpp"

namespace migsafe {

// Parses scripts on worker threads ahead of a consumer that takes them in order. The look-ahead
// is bounded in files and bytes, so memory does not grow with the set, but it is wide enough
// that the workers keep busy while one huge file is parsed or the consumer checks.
class ParseAhead {
  public:
    struct Limits {
        size_t files = 256;
        size_t bytes = size_t{32} << 20;
    };
    // `texts` must outlive this object.
    ParseAhead(std::vector<const std::string*> texts, unsigned threads, Limits limits);
    ParseAhead(std::vector<const std::string*> texts, unsigned threads)
        : ParseAhead(std::move(texts), threads, Limits{}) {}
    ParseAhead(const ParseAhead&) = delete;
    ParseAhead& operator=(const ParseAhead&) = delete;
    ~ParseAhead();

    // The parse of texts[i]; each index is taken once, in increasing order. Rethrows what the
    // parse threw.
    std::unique_ptr<sql::ParsedFile> take(size_t i);

  private:
    struct Slot {
        std::unique_ptr<sql::ParsedFile> parsed;
        std::exception_ptr error;
        bool done = false;
    };
    void work();
    // Under mutex_: whether texts_[next_] may start now.
    bool may_start() const;

    std::vector<const std::string*> texts_;
    Limits limits_;
    std::vector<Slot> slots_;
    std::mutex mutex_;
    std::condition_variable changed_;
    size_t next_ = 0;       // the next index to parse
    size_t taken_ = 0;      // indexes below this were taken
    size_t in_flight_ = 0;  // bytes started but not taken
    unsigned threads_ = 1;
    bool stopping_ = false;
    std::vector<std::jthread> workers_;
};

}  // namespace migsafe
