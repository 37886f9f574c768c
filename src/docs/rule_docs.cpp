#include "docs/rule_docs.hpp"

#include <string>

namespace migsafe {

std::optional<std::string_view> rule_doc(RuleId id) {
    const std::string_view name = rule_info(id).name;
    for (const RuleDoc& doc : embedded_rule_docs()) {
        if (doc.id == name) return doc.markdown;
    }
    return std::nullopt;
}

std::string_view doc_summary(std::string_view markdown) {
    const std::string_view heading = "## What it does";
    const size_t at = markdown.find(heading);
    if (at == std::string_view::npos) return {};
    std::string_view rest = markdown.substr(at + heading.size());
    while (!rest.empty() && (rest.front() == '\n' || rest.front() == '\r'))
        rest.remove_prefix(1);
    const size_t end = rest.find("\n\n");
    return rest.substr(0, end);
}

std::string rule_doc_url(RuleId id) {
    return "https://github.com/migsafe/migsafe/blob/main/rules/" + std::string(rule_info(id).name) +
           ".md";
}

}  // namespace migsafe
