#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace migsafe::migration {

// A half-open byte range of a file.
struct TextRange {
    size_t begin = 0;
    size_t end = 0;
};

// One line of a file: [begin, end) without its terminator; `next` is where the next line starts.
struct Line {
    size_t begin = 0;
    size_t end = 0;
    size_t next = 0;
};

std::vector<Line> split_lines(std::string_view text);

// The text with every byte inside `blanked` turned into a space, except line terminators, so the
// result stays byte-aligned with the file.
std::string blank_ranges(std::string_view text, const std::vector<TextRange>& blanked);

// Whether the text holds anything but whitespace and comments (a down that only says "-- nothing
// to undo" is no down).
bool has_sql(std::string_view text);

// A `-- migsafe: irreversible` comment anywhere in the text.
bool has_irreversible_marker(std::string_view text);

std::string_view trim(std::string_view text);
std::string lowercase(std::string_view text);

}  // namespace migsafe::migration
