#include "util/read_input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace migsafe {

namespace {

constexpr size_t kChunk = size_t{1} << 16;

std::string size_text(uintmax_t bytes) {
    constexpr uintmax_t kMiB = uintmax_t{1} << 20;
    if (bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
    if (bytes < kMiB) return std::to_string(bytes) + " bytes";
    char out[32];
    std::snprintf(out, sizeof out, "%.1f MiB", static_cast<double>(bytes) / kMiB);
    return out;
}

InputError too_large(const std::string& display, uintmax_t limit) {
    return {InputError::Kind::TooLarge,
            display + ": larger than " + size_text(limit) +
                ", the most migsafe checks in one file; not checked (split the migration)"};
}

InputError failed(const std::string& display, int error) {
    const InputError::Kind kind =
        error == ENOENT ? InputError::Kind::Missing : InputError::Kind::Unreadable;
    const std::string reason =
        error == ENOENT ? "no such file (or a broken symbolic link)" : std::strerror(error);
    return {kind, display + ": cannot read file: " + reason};
}

// Closes the descriptor on every path out of read_input.
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

  private:
    int fd_;
};

}  // namespace

ReadResult read_input(const std::filesystem::path& path, const std::string& display,
                      uintmax_t max_bytes) {
    // O_NONBLOCK: opening a FIFO that has no writer must not wait for one (cleared below).
    const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    if (fd.get() < 0) {
        if (errno == EISDIR)
            return InputError{InputError::Kind::NotAFile, display + ": is a directory, not a file"};
        return failed(display, errno);
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) return failed(display, errno);
    if (S_ISDIR(info.st_mode))
        return InputError{InputError::Kind::NotAFile, display + ": is a directory, not a file"};
    const bool regular = S_ISREG(info.st_mode);
    if (!regular && !S_ISFIFO(info.st_mode) && !S_ISCHR(info.st_mode))
        return InputError{InputError::Kind::NotAFile,
                          display + ": not a regular file, pipe or terminal; not checked"};
    if (regular && static_cast<uintmax_t>(info.st_size) > max_bytes)
        return too_large(display, max_bytes);
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags < 0 || ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK) != 0)
        return failed(display, errno);

    std::string bytes;
    if (regular) bytes.reserve(static_cast<size_t>(info.st_size));
    char chunk[kChunk];
    while (true) {
        const ssize_t got = ::read(fd.get(), chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return failed(display, errno);
        if (got == 0) break;
        // A regular file that grows while it is read is still bounded here.
        if (bytes.size() + static_cast<size_t>(got) > max_bytes)
            return too_large(display, max_bytes);
        bytes.append(chunk, static_cast<size_t>(got));
    }
    return bytes;
}

ReadResult read_input_stream(std::istream& in, const std::string& display, uintmax_t max_bytes) {
    std::string bytes;
    char chunk[kChunk];
    while (in) {
        in.read(chunk, sizeof chunk);
        const auto got = static_cast<size_t>(in.gcount());
        if (bytes.size() + got > max_bytes) return too_large(display, max_bytes);
        bytes.append(chunk, got);
    }
    if (in.bad()) return InputError{InputError::Kind::Unreadable, display + ": cannot read input"};
    return bytes;
}

}  // namespace migsafe
