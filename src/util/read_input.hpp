#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>
#include <variant>

namespace migsafe {

// Larger inputs are refused before they are read: checking costs 15–60 bytes of memory per
// input byte, and no hand-written migration comes near this.
inline constexpr uintmax_t kMaxInputBytes = uintmax_t{64} << 20;

// Why an input was not read. `message` is one line that names the file.
struct InputError {
    enum class Kind { Missing, NotAFile, TooLarge, Unreadable };
    Kind kind;
    std::string message;
};

using ReadResult = std::variant<std::string, InputError>;

// Reads one input whole. Regular files larger than `max_bytes` are refused from their size;
// pipes and character devices (`/dev/stdin`) are read up to `max_bytes` and refused beyond it,
// so memory stays bounded whatever the input. Directories, sockets and block devices are
// refused. `display` is the name the messages use.
ReadResult read_input(const std::filesystem::path& path, const std::string& display,
                      uintmax_t max_bytes = kMaxInputBytes);

// The same for a stream already open (`--stdin-filename`): read up to `max_bytes`.
ReadResult read_input_stream(std::istream& in, const std::string& display,
                             uintmax_t max_bytes = kMaxInputBytes);

}  // namespace migsafe
