#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace migsafe {

// What the text report shows of one source line: safe for a terminal (control characters
// become '?', so a file cannot send escape sequences) and at most kMaxSnippetColumns wide (a
// window around the span, cut ends marked with '…'), with the span's columns inside it.
struct Snippet {
    std::string text;
    uint32_t start_column = 1;  // 1-based code point columns in `text`, end inclusive
    uint32_t end_column = 1;
};

inline constexpr uint32_t kMaxSnippetColumns = 160;

Snippet make_snippet(std::string_view line, uint32_t start_column, uint32_t end_column);

// `text` with C0 control characters (other than tab), DEL and C1 controls replaced by '?'.
std::string terminal_safe(std::string_view text);

}  // namespace migsafe
