#include "migration/sqitch_plan.hpp"

#include <sstream>

#include "migration/script_text.hpp"

namespace migsafe::migration {

namespace {

std::string first_word(std::string_view text) {
    const size_t end = text.find_first_of(" \t");
    return std::string(text.substr(0, end));
}

std::vector<std::string> read_requirements(std::string_view line, size_t open) {
    std::vector<std::string> names;
    const size_t close = line.find(']', open);
    std::istringstream words(std::string(line.substr(open + 1, close - open - 1)));
    std::string word;
    while (words >> word) {
        if (word.front() == '!') continue;  // a conflict, not a requirement
        names.push_back(word.substr(0, word.find('@')));
    }
    return names;
}

}  // namespace

std::vector<PlannedChange> parse_sqitch_plan(std::string_view plan) {
    std::vector<PlannedChange> changes;
    // For each change, the first tag declared after it (empty while none is).
    std::vector<std::string> tag_after;
    for (const Line& line : split_lines(plan)) {
        std::string_view content = trim(plan.substr(line.begin, line.end - line.begin));
        if (content.empty() || content.front() == '#' || content.front() == '%') continue;
        if (content.front() == '@') {
            const std::string tag = first_word(content.substr(1));
            for (std::string& pending : tag_after) {
                if (pending.empty()) pending = tag;
            }
            continue;
        }
        if (content.front() == '+') content.remove_prefix(1);  // old explicit "deploy" syntax
        PlannedChange change;
        change.name = first_word(content);
        const std::string_view rest = trim(content.substr(change.name.size()));
        if (!rest.empty() && rest.front() == '[') {
            change.requires_changes = read_requirements(rest, 0);
        }
        changes.push_back(std::move(change));
        tag_after.emplace_back();
    }
    for (size_t i = 0; i < changes.size(); ++i) {
        changes[i].script_stem = changes[i].name;
        for (size_t later = i + 1; later < changes.size(); ++later) {
            if (changes[later].name != changes[i].name) continue;
            if (!tag_after[i].empty()) changes[i].script_stem += "@" + tag_after[i];
            break;
        }
    }
    return changes;
}

}  // namespace migsafe::migration
