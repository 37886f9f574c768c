#include "lsp/framing.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

namespace migsafe::lsp {

namespace {

constexpr std::string_view kHeaderEnd = "\r\n\r\n";
// Larger bodies are refused rather than buffered: no editor sends a 256 MiB migration.
constexpr size_t kMaxBody = size_t{256} << 20;
// A real header block is a few dozen bytes; junk without a blank line is not buffered forever.
constexpr size_t kMaxHeader = 8192;

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

// The Content-Length of a header block (without the blank line), or nullopt when missing/bad.
std::optional<size_t> content_length(std::string_view headers) {
    std::optional<size_t> length;
    while (!headers.empty()) {
        const size_t eol = headers.find("\r\n");
        const std::string_view line = headers.substr(0, eol);
        headers = eol == std::string_view::npos ? std::string_view{} : headers.substr(eol + 2);
        const size_t colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        if (!iequals(trim(line.substr(0, colon)), "Content-Length")) continue;
        const std::string_view value = trim(line.substr(colon + 1));
        size_t parsed = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (ec != std::errc{} || end != value.data() + value.size() || parsed > kMaxBody)
            return std::nullopt;
        length = parsed;
    }
    return length;
}

// Where the next "Content-Length" header starts at or after `from`, case-insensitively.
size_t find_length_header(std::string_view buffer, size_t from) {
    constexpr std::string_view name = "content-length";
    const auto it = std::search(
        buffer.begin() + static_cast<std::ptrdiff_t>(from), buffer.end(), name.begin(), name.end(),
        [](char x, char y) { return std::tolower(static_cast<unsigned char>(x)) == y; });
    return it == buffer.end() ? std::string_view::npos : static_cast<size_t>(it - buffer.begin());
}

}  // namespace

Frames split_frames(std::string_view buffer) {
    Frames out;
    while (!buffer.empty()) {
        const size_t header_end = buffer.substr(0, kMaxHeader + kHeaderEnd.size()).find(kHeaderEnd);
        if (header_end == std::string_view::npos) {
            if (buffer.size() <= kMaxHeader) break;  // more of the header may still arrive
            out.errors.push_back("message header longer than 8 KiB without an end: skipped");
            const size_t next = find_length_header(buffer, 1);
            buffer.remove_prefix(next != std::string_view::npos ? next : buffer.size() - 13);
            continue;
        }
        const std::string_view headers = buffer.substr(0, header_end);
        const auto length = content_length(headers);
        if (!length) {
            out.errors.push_back("malformed message header: `" +
                                 std::string(headers.substr(0, 80)) + "`");
            // Resynchronise on the next header; keep a tail that may be the start of one.
            const size_t next = find_length_header(buffer, 1);
            if (next != std::string_view::npos) {
                buffer.remove_prefix(next);
                continue;
            }
            const size_t after = header_end + kHeaderEnd.size();
            const size_t keep = std::min<size_t>(buffer.size() - after, 13);
            buffer.remove_prefix(buffer.size() - keep);
            break;
        }
        const size_t body_start = header_end + kHeaderEnd.size();
        if (buffer.size() - body_start < *length) break;
        out.bodies.emplace_back(buffer.substr(body_start, *length));
        buffer.remove_prefix(body_start + *length);
    }
    out.rest = std::string(buffer);
    return out;
}

std::string frame_message(std::string_view body) {
    std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    out += body;
    return out;
}

}  // namespace migsafe::lsp
