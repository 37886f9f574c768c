#include "migration/script_text.hpp"

#include <cctype>

namespace migsafe::migration {

namespace {

bool is_space(char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    size_t begin = 0;
    while (begin < text.size()) {
        const size_t newline = text.find('\n', begin);
        if (newline == std::string_view::npos) {
            lines.push_back({begin, text.size(), text.size()});
            break;
        }
        const size_t end = newline > begin && text[newline - 1] == '\r' ? newline - 1 : newline;
        lines.push_back({begin, end, newline + 1});
        begin = newline + 1;
    }
    return lines;
}

std::string blank_ranges(std::string_view text, const std::vector<TextRange>& blanked) {
    std::string result(text);
    for (const TextRange& range : blanked) {
        for (size_t i = range.begin; i < range.end && i < result.size(); ++i) {
            if (result[i] != '\n' && result[i] != '\r') result[i] = ' ';
        }
    }
    return result;
}

bool has_sql(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
        if (is_space(text[i])) {
            ++i;
        } else if (text.substr(i, 2) == "--") {
            const size_t newline = text.find('\n', i);
            i = newline == std::string_view::npos ? text.size() : newline + 1;
        } else if (text.substr(i, 2) == "/*") {
            const size_t close = text.find("*/", i + 2);
            i = close == std::string_view::npos ? text.size() : close + 2;
        } else {
            return true;
        }
    }
    return false;
}

bool has_irreversible_marker(std::string_view text) {
    // Found from the rare word backwards: every script is scanned, multi-megabyte dumps too.
    constexpr std::string_view kWord = "irreversible";
    for (size_t word = text.find(kWord); word != std::string_view::npos;
         word = text.find(kWord, word + kWord.size())) {
        const size_t after = word + kWord.size();
        if (after < text.size() && std::isalnum(static_cast<unsigned char>(text[after])) != 0)
            continue;
        size_t at = word;
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t'))
            --at;
        if (at < 8 || text.substr(at - 8, 8) != "migsafe:") continue;
        at -= 8;
        while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t'))
            --at;
        if (at >= 2 && text.substr(at - 2, 2) == "--") return true;
    }
    return false;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string lowercase(std::string_view text) {
    std::string result(text);
    for (char& c : result)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

}  // namespace migsafe::migration
