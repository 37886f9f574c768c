#include "util/source_text.hpp"

#include <algorithm>

namespace migsafe {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_continuation(unsigned char c) {
    return (c & 0xC0U) == 0x80U;
}

}  // namespace

int utf8_sequence_length(unsigned char lead) {
    if (lead < 0x80U) return 1;
    if (lead >= 0xC2U && lead <= 0xDFU) return 2;
    if (lead >= 0xE0U && lead <= 0xEFU) return 3;
    if (lead >= 0xF0U && lead <= 0xF4U) return 4;
    return 0;
}

size_t find_invalid_utf8(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        const int len = utf8_sequence_length(lead);
        if (len == 0 || i + static_cast<size_t>(len) > text.size()) return i;
        for (int k = 1; k < len; ++k) {
            if (!is_continuation(static_cast<unsigned char>(text[i + k]))) return i;
        }
        const unsigned second = len > 1 ? static_cast<unsigned char>(text[i + 1]) : 0U;
        // Reject overlong forms and surrogates, as PostgreSQL's pg_utf8_islegal does.
        if ((lead == 0xE0U && second < 0xA0U) || (lead == 0xEDU && second > 0x9FU) ||
            (lead == 0xF0U && second < 0x90U) || (lead == 0xF4U && second > 0x8FU)) {
            return i;
        }
        i += static_cast<size_t>(len);
    }
    return std::string_view::npos;
}

SourceText::SourceText(std::string bytes) : bytes_(std::move(bytes)) {
    has_bom_ = std::string_view(bytes_).starts_with(kBom);
    line_starts_.push_back(has_bom_ ? static_cast<uint32_t>(kBom.size()) : 0U);
    for (uint32_t i = 0; i < bytes_.size(); ++i) {
        if (bytes_[i] == '\n') line_starts_.push_back(i + 1);
    }
}

std::string_view SourceText::view(ByteSpan span) const {
    const auto begin = std::min<size_t>(span.begin, bytes_.size());
    const auto end = std::clamp<size_t>(span.end, begin, bytes_.size());
    return std::string_view(bytes_).substr(begin, end - begin);
}

uint32_t SourceText::line_start(uint32_t line) const {
    const auto index = std::clamp<uint32_t>(line, 1, line_count()) - 1;
    return line_starts_[index];
}

std::string_view SourceText::line_text(uint32_t line) const {
    const uint32_t begin = line_start(line);
    uint32_t end = line < line_count() ? line_starts_[line] - 1 : size();
    if (end > begin && bytes_[end - 1] == '\r') --end;
    return std::string_view(bytes_).substr(begin, end - begin);
}

uint32_t SourceText::line_of(uint32_t offset) const {
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    if (it == line_starts_.begin()) return 1;
    return static_cast<uint32_t>(it - line_starts_.begin());
}

Position SourceText::position(uint32_t offset, ColumnUnit unit) const {
    offset = std::min(offset, size());
    const uint32_t line = line_of(offset);
    uint32_t column = 1;
    uint32_t i = std::min(line_start(line), offset);
    while (i < offset) {
        const auto lead = static_cast<unsigned char>(bytes_[i]);
        const int len = std::max(utf8_sequence_length(lead), 1);
        column += (unit == ColumnUnit::Utf16 && len == 4) ? 2 : 1;
        i += static_cast<uint32_t>(len);
    }
    return {line, column};
}

Range SourceText::range(ByteSpan span, ColumnUnit unit) const {
    const Position start = position(span.begin, unit);
    if (span.empty()) return {start, start};
    // The last character's first byte: step back over UTF-8 continuation bytes.
    uint32_t last = std::min(span.end, size());
    if (last == 0) return {start, start};
    --last;
    while (last > span.begin && is_continuation(static_cast<unsigned char>(bytes_[last])))
        --last;
    // An inclusive end on a line terminator reads better as the end of that line's text.
    while (last > span.begin && (bytes_[last] == '\n' || bytes_[last] == '\r'))
        --last;
    return {start, position(last, unit)};
}

uint32_t SourceText::offset(Position pos, ColumnUnit unit) const {
    const uint32_t begin = line_start(pos.line);
    const std::string_view text = line_text(pos.line);
    uint32_t column = 1;
    uint32_t i = 0;
    while (i < text.size() && column < pos.column) {
        const int len = std::max(utf8_sequence_length(static_cast<unsigned char>(text[i])), 1);
        column += (unit == ColumnUnit::Utf16 && len == 4) ? 2 : 1;
        i += static_cast<uint32_t>(len);
    }
    return begin + std::min<uint32_t>(i, static_cast<uint32_t>(text.size()));
}

}  // namespace migsafe
