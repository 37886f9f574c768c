#include "engine/rule_id.hpp"

#include <array>

namespace migsafe {

namespace {

constexpr std::array kRules = {
#define MIGSAFE_RULE(ident, id, severity, category, aliases, summary) \
    RuleInfo{RuleId::ident, id, Severity::severity, category, aliases, summary, false},
#define MIGSAFE_META_RULE(ident, id, severity, category, aliases, summary) \
    RuleInfo{RuleId::ident, id, Severity::severity, category, aliases, summary, true},
#include "rules.def"
#undef MIGSAFE_RULE
#undef MIGSAFE_META_RULE
};

bool alias_matches(std::string_view aliases, std::string_view name) {
    while (!aliases.empty()) {
        const size_t space = aliases.find(' ');
        const std::string_view alias = aliases.substr(0, space);
        if (alias == name) return true;
        if (space == std::string_view::npos) break;
        aliases.remove_prefix(space + 1);
    }
    return false;
}

}  // namespace

std::string_view severity_name(Severity severity) {
    switch (severity) {
        case Severity::Off:
            return "off";
        case Severity::Info:
            return "info";
        case Severity::Warning:
            return "warning";
        case Severity::Error:
            return "error";
    }
    return "error";
}

std::optional<Severity> parse_severity(std::string_view text) {
    if (text == "off") return Severity::Off;
    if (text == "info") return Severity::Info;
    if (text == "warning") return Severity::Warning;
    if (text == "error") return Severity::Error;
    return std::nullopt;
}

std::span<const RuleInfo> all_rules() {
    return kRules;
}

const RuleInfo& rule_info(RuleId id) {
    return kRules[static_cast<size_t>(id)];
}

std::optional<RuleId> find_rule(std::string_view name_or_alias) {
    for (const RuleInfo& rule : kRules) {
        if (rule.name == name_or_alias) return rule.id;
    }
    for (const RuleInfo& rule : kRules) {
        if (alias_matches(rule.aliases, name_or_alias)) return rule.id;
    }
    return std::nullopt;
}

}  // namespace migsafe
