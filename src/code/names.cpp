#include "code/names.hpp"

#include <cctype>

namespace migsafe::code {

namespace {

char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
bool is_upper(char c) {
    return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool is_lower_or_digit(char c) {
    return std::islower(static_cast<unsigned char>(c)) != 0 ||
           std::isdigit(static_cast<unsigned char>(c)) != 0;
}

std::string lower_case(std::string_view name) {
    std::string out;
    for (const char c : name)
        out += lower(c);
    return out;
}

}  // namespace

std::string fold_identifier(std::string_view written) {
    if (written.size() >= 2 && written.front() == '"' && written.back() == '"') {
        std::string out;
        const std::string_view inner = written.substr(1, written.size() - 2);
        for (size_t i = 0; i < inner.size(); ++i) {
            out += inner[i];
            if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') ++i;
        }
        return out;
    }
    return lower_case(written);
}

std::string snake_case(std::string_view name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        const char c = name[i];
        if (is_upper(c) && i > 0 && name[i - 1] != '_') {
            const bool after_lower = is_lower_or_digit(name[i - 1]);
            const bool acronym_end = is_upper(name[i - 1]) && i + 1 < name.size() &&
                                     std::islower(static_cast<unsigned char>(name[i + 1])) != 0;
            if (after_lower || acronym_end) out += '_';
        }
        out += lower(c);
    }
    return out;
}

std::string plural(std::string_view snake_name) {
    const std::string name(snake_name);
    auto ends_with = [&](std::string_view suffix) { return name.ends_with(suffix); };
    if (name.empty() || ends_with("data") || ends_with("_info")) return name;
    if (ends_with("y") && name.size() > 1 &&
        std::string_view("aeiou").find(name[name.size() - 2]) == std::string_view::npos)
        return name.substr(0, name.size() - 1) + "ies";
    if (ends_with("s") || ends_with("x") || ends_with("z") || ends_with("ch") || ends_with("sh"))
        return name + "es";
    return name + "s";
}

bool names_match(std::string_view code_name, std::string_view db_name) {
    if (code_name.empty() || db_name.empty()) return false;
    if (code_name == db_name) return true;
    const std::string folded = lower_case(code_name);
    if (folded == db_name) return true;
    return snake_case(code_name) == db_name || snake_case(code_name) == lower_case(db_name);
}

bool table_names_match(std::string_view code_name, std::string_view db_name) {
    return names_match(code_name, db_name) || plural(snake_case(code_name)) == db_name;
}

}  // namespace migsafe::code
