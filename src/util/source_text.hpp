#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace migsafe {

// A half-open byte range [begin, end) into a file's original bytes.
struct ByteSpan {
    uint32_t begin = 0;
    uint32_t end = 0;

    bool empty() const { return end <= begin; }
    bool contains(uint32_t offset) const { return offset >= begin && offset < end; }
    friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// 1-based line and column. Columns count Unicode code points (text, JSON) or
// UTF-16 code units (SARIF, LSP), depending on which accessor produced them.
struct Position {
    uint32_t line = 1;
    uint32_t column = 1;
    friend bool operator==(const Position&, const Position&) = default;
};

// Inclusive start and end positions of a span, as the reports print them.
struct Range {
    Position start;
    Position end;
};

enum class ColumnUnit { CodePoint, Utf16 };

// The bytes of one input file plus the only byte-offset to line/column conversion in migsafe.
class SourceText {
  public:
    explicit SourceText(std::string bytes);

    const std::string& bytes() const { return bytes_; }
    std::string_view view(ByteSpan span) const;
    uint32_t size() const { return static_cast<uint32_t>(bytes_.size()); }
    bool has_bom() const { return has_bom_; }

    uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
    // Byte offset where the 1-based line starts (after a BOM on line 1).
    uint32_t line_start(uint32_t line) const;
    // The line's text without its terminator (\n or \r\n).
    std::string_view line_text(uint32_t line) const;
    uint32_t line_of(uint32_t offset) const;

    Position position(uint32_t offset, ColumnUnit unit = ColumnUnit::CodePoint) const;
    // Start of the span and its last character (end inclusive); an empty span ends where it starts.
    Range range(ByteSpan span, ColumnUnit unit = ColumnUnit::CodePoint) const;
    // Inverse of position(): clamps to the line's end.
    uint32_t offset(Position pos, ColumnUnit unit = ColumnUnit::CodePoint) const;

  private:
    std::string bytes_;
    std::vector<uint32_t> line_starts_;
    bool has_bom_ = false;
};

// Length in bytes of the UTF-8 sequence starting with `lead`, or 0 when `lead` cannot start one.
int utf8_sequence_length(unsigned char lead);
// Offset of the first byte that is not part of valid UTF-8, or npos.
size_t find_invalid_utf8(std::string_view text);

}  // namespace migsafe
