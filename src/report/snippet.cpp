#include "report/snippet.hpp"

#include <algorithm>

#include "util/source_text.hpp"

namespace migsafe {

namespace {

// Columns shown before the span when the line is cut.
constexpr uint32_t kContextColumns = 40;
constexpr std::string_view kEllipsis = "…";

// One code point of `text` at `i` (an invalid byte counts alone), as the report prints it.
std::string_view code_point_at(std::string_view text, size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t len = std::min<size_t>(
        static_cast<size_t>(std::max(utf8_sequence_length(lead), 1)), text.size() - i);
    return text.substr(i, len);
}

bool is_control(std::string_view cp) {
    const auto c = static_cast<unsigned char>(cp[0]);
    if (cp.size() == 1) return (c < 0x20U && c != '\t') || c == 0x7FU;
    // U+0080..U+009F: C2 80..C2 9F; some terminals act on them (CSI is U+009B).
    return cp.size() == 2 && c == 0xC2U && static_cast<unsigned char>(cp[1]) < 0xA0U;
}

void append_safe(std::string& out, std::string_view cp) {
    if (is_control(cp)) {
        out.push_back('?');
    } else {
        out.append(cp);
    }
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        const std::string_view cp = code_point_at(text, i);
        append_safe(out, cp);
        i += cp.size();
    }
    return out;
}

Snippet make_snippet(std::string_view line, uint32_t start_column, uint32_t end_column) {
    end_column = std::max(end_column, start_column);
    const uint32_t first = start_column > kContextColumns + 1 ? start_column - kContextColumns : 1;
    const uint32_t last = first + kMaxSnippetColumns - 1;
    Snippet out;
    const bool cut_before = first > 1;
    if (cut_before) out.text.append(kEllipsis);
    uint32_t column = 1;
    size_t i = 0;
    for (; i < line.size() && column <= last; ++column) {
        const std::string_view cp = code_point_at(line, i);
        if (column >= first) append_safe(out.text, cp);
        i += cp.size();
    }
    if (i < line.size()) out.text.append(kEllipsis);
    const uint32_t shift = first - (cut_before ? 2 : 1);
    out.start_column = start_column - shift;
    out.end_column = std::min(end_column, last + 1) - shift;
    return out;
}

}  // namespace migsafe
