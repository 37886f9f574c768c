#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace migsafe::lsp {

// The result of splitting received bytes into JSON-RPC messages (LSP base protocol framing).
struct Frames {
    std::vector<std::string> bodies;  // complete message bodies, in order
    std::vector<std::string> errors;  // one line per malformed header that was skipped
    std::string rest;                 // bytes of an incomplete message, to prepend to the next read
};

// Splits `buffer` into `Content-Length`-framed messages. Pure: a header block without a valid
// Content-Length is reported in `errors` and skipped, so one bad message never stalls the stream.
Frames split_frames(std::string_view buffer);

// Frames one message body for sending.
std::string frame_message(std::string_view body);

}  // namespace migsafe::lsp
