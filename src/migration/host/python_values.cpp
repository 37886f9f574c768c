#include "migration/host/python_values.hpp"

namespace migsafe::migration::host {

std::optional<std::string> python_string_value(TSNode node, std::string_view text) {
    if (kind(node) != "string") return std::nullopt;
    const auto parts = children(node);
    if (parts.size() < 2) return std::nullopt;
    const uint32_t begin = ts_node_end_byte(parts.front());
    const uint32_t end = ts_node_start_byte(parts.back());
    return std::string(text.substr(begin, end - begin));
}

TSNode python_assignment(TSNode block, std::string_view name, std::string_view text) {
    for (const TSNode statement : named_children(block)) {
        if (kind(statement) != "expression_statement") continue;
        for (const TSNode expression : named_children(statement)) {
            if (kind(expression) != "assignment") continue;
            if (text_of(field(expression, "left"), text) == name) return field(expression, "right");
        }
    }
    return TSNode{};
}

TSNode python_function(TSNode block, std::string_view name, std::string_view text) {
    for (TSNode statement : named_children(block)) {
        if (kind(statement) == "decorated_definition") statement = field(statement, "definition");
        if (kind(statement) == "function_definition" &&
            text_of(field(statement, "name"), text) == name)
            return statement;
    }
    return TSNode{};
}

}  // namespace migsafe::migration::host
