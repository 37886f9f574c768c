// schema.prisma: each model's table and the fields stored as its columns.
#include <cctype>
#include <set>

#include "code/code_file.hpp"

namespace migsafe::code {

namespace {

struct Line {
    std::string_view text;  // without its // comment
    uint32_t offset = 0;    // of text in the file
};

std::vector<Line> lines_of(std::string_view text) {
    std::vector<Line> out;
    size_t at = 0;
    while (at <= text.size()) {
        size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(at, end - at);
        bool quoted = false;
        for (size_t i = 0; i + 1 < line.size(); ++i) {
            if (line[i] == '"') quoted = !quoted;
            if (!quoted && line[i] == '/' && line[i + 1] == '/') {
                line = line.substr(0, i);
                break;
            }
        }
        out.push_back({line, static_cast<uint32_t>(at)});
        at = end + 1;
    }
    return out;
}

// The whitespace-separated words of a line, each with its offset in the file.
std::vector<std::pair<std::string_view, uint32_t>> words_of(const Line& line) {
    std::vector<std::pair<std::string_view, uint32_t>> out;
    size_t at = 0;
    while (at < line.text.size()) {
        while (at < line.text.size() && std::isspace(static_cast<unsigned char>(line.text[at])))
            ++at;
        size_t end = at;
        while (end < line.text.size() && !std::isspace(static_cast<unsigned char>(line.text[end])))
            ++end;
        if (end > at)
            out.push_back(
                {line.text.substr(at, end - at), line.offset + static_cast<uint32_t>(at)});
        at = end;
    }
    return out;
}

// The string argument of `attribute("…")` in the line (@map, @@map), with its file span.
std::optional<PlainString> attribute_argument(const Line& line, std::string_view attribute) {
    size_t at = 0;
    while ((at = line.text.find(attribute, at)) != std::string_view::npos) {
        const size_t after = at + attribute.size();
        const bool whole = (at == 0 || line.text[at - 1] != '@') && after < line.text.size() &&
                           line.text[after] == '(';
        at = after;
        if (!whole) continue;
        const size_t open = line.text.find('"', after);
        const size_t close = open == std::string_view::npos ? open : line.text.find('"', open + 1);
        if (close == std::string_view::npos) return std::nullopt;
        const uint32_t begin = line.offset + static_cast<uint32_t>(open + 1);
        return PlainString{line.text.substr(open + 1, close - open - 1),
                           {begin, begin + static_cast<uint32_t>(close - open - 1)}};
    }
    return std::nullopt;
}

bool is_scalar(std::string_view type) {
    static const std::set<std::string_view> scalars = {
        "String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes"};
    return scalars.contains(type) || type.starts_with("Unsupported(");
}

struct Field {
    std::string column;
    ByteSpan span;
};

}  // namespace

void add_prisma_schema_references(std::string_view text, std::vector<Reference>& out) {
    const std::vector<Line> lines = lines_of(text);
    std::set<std::string_view> enums;
    for (const Line& line : lines) {
        const auto words = words_of(line);
        if (words.size() >= 2 && words[0].first == "enum") enums.insert(words[1].first);
    }
    bool in_model = false;
    std::string table;
    std::optional<PlainString> mapped_table;
    std::vector<Field> fields;
    for (const Line& line : lines) {
        const auto words = words_of(line);
        if (!in_model) {
            if (words.size() >= 3 && words[0].first == "model" && words[2].first == "{") {
                in_model = true;
                table = std::string(words[1].first);
                mapped_table.reset();
                fields.clear();
            }
            continue;
        }
        if (!words.empty() && words[0].first == "}") {
            in_model = false;
            if (mapped_table) {
                table = std::string(mapped_table->value);
                out.push_back({"", table, "", mapped_table->span, "Prisma @@map", Naming::Exact});
            }
            for (const Field& field : fields)
                out.push_back(
                    {"", table, field.column, field.span, "Prisma model field", Naming::Exact});
            continue;
        }
        if (words.empty()) continue;
        if (words[0].first.starts_with("@@")) {
            if (const auto name = attribute_argument(line, "@@map")) mapped_table = name;
            continue;
        }
        if (words.size() < 2) continue;
        std::string_view type = words[1].first;
        while (type.ends_with("?") || type.ends_with("[]"))
            type.remove_suffix(type.ends_with("?") ? 1 : 2);
        if (words[1].first.ends_with("[]") && !is_scalar(type)) continue;  // a relation list
        if (!is_scalar(type) && !enums.contains(type)) continue;           // a relation
        if (const auto name = attribute_argument(line, "@map")) {
            fields.push_back({std::string(name->value), name->span});
            continue;
        }
        const auto [name, offset] = words[0];
        fields.push_back(
            {std::string(name), {offset, offset + static_cast<uint32_t>(name.size())}});
    }
}

}  // namespace migsafe::code
