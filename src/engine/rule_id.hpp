#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace migsafe {

enum class Severity : uint8_t { Off, Info, Warning, Error };

std::string_view severity_name(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

enum class RuleId : uint16_t {
#define MIGSAFE_RULE(ident, id, severity, category, aliases, summary) ident,
#define MIGSAFE_META_RULE(ident, id, severity, category, aliases, summary) ident,
#include "rules.def"
#undef MIGSAFE_RULE
#undef MIGSAFE_META_RULE
};

struct RuleInfo {
    RuleId id;
    std::string_view name;  // the stable kebab-case id
    Severity default_severity;
    std::string_view category;
    std::string_view aliases;  // space-separated
    std::string_view summary;
    bool meta;  // reported by the engine, not by a rule source file
};

std::span<const RuleInfo> all_rules();
const RuleInfo& rule_info(RuleId id);
// Finds a rule by id or alias (Squawk's names included).
std::optional<RuleId> find_rule(std::string_view name_or_alias);

}  // namespace migsafe
