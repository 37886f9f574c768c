#include "migration/host/js_module.hpp"

namespace migsafe::migration::host {

namespace {

TSNode export_in_object(TSNode object, std::string_view name, std::string_view text) {
    for (const TSNode member : named_children(object)) {
        if (kind(member) == "pair" && text_of(field(member, "key"), text) == name)
            return field(member, "value");
        if (kind(member) == "method_definition" && text_of(field(member, "name"), text) == name)
            return member;
        if (kind(member) == "shorthand_property_identifier" && text_of(member, text) == name)
            return member;
    }
    return TSNode{};
}

TSNode export_in_declaration(TSNode declaration, std::string_view name, std::string_view text) {
    const std::string_view declaration_kind = kind(declaration);
    if (declaration_kind == "function_declaration" ||
        declaration_kind == "generator_function_declaration")
        return text_of(field(declaration, "name"), text) == name ? declaration : TSNode{};
    if (declaration_kind == "lexical_declaration" || declaration_kind == "variable_declaration")
        for (const TSNode declarator : named_children(declaration))
            if (text_of(field(declarator, "name"), text) == name) return field(declarator, "value");
    return TSNode{};
}

}  // namespace

HostLanguage js_language(std::string_view path) {
    if (path.ends_with(".tsx")) return HostLanguage::Tsx;
    if (path.ends_with(".ts") || path.ends_with(".mts") || path.ends_with(".cts"))
        return HostLanguage::TypeScript;
    return HostLanguage::JavaScript;
}

namespace {

// `module.exports = { up }` / `exports.up = up`: the top-level function or value named so.
TSNode top_level_declaration(TSNode program, std::string_view name, std::string_view text) {
    for (const TSNode statement : named_children(program)) {
        const TSNode found = export_in_declaration(statement, name, text);
        if (!ts_node_is_null(found)) return found;
    }
    return TSNode{};
}

TSNode exported_node(TSNode program, std::string_view name, std::string_view text) {
    const std::string exports_name = "exports." + std::string(name);
    const std::string module_exports_name = "module.exports." + std::string(name);
    for (const TSNode statement : named_children(program)) {
        if (kind(statement) == "export_statement") {
            const TSNode found = export_in_declaration(field(statement, "declaration"), name, text);
            if (!ts_node_is_null(found)) return found;
            continue;
        }
        if (kind(statement) != "expression_statement") continue;
        for (const TSNode expression : named_children(statement)) {
            if (kind(expression) != "assignment_expression") continue;
            const std::string_view left = text_of(field(expression, "left"), text);
            const TSNode right = field(expression, "right");
            if (left == exports_name || left == module_exports_name) return right;
            if (left == "module.exports" && kind(right) == "object") {
                const TSNode found = export_in_object(right, name, text);
                if (!ts_node_is_null(found)) return found;
            }
        }
    }
    return TSNode{};
}

}  // namespace

TSNode js_export(TSNode program, std::string_view name, std::string_view text) {
    const TSNode found = exported_node(program, name, text);
    const std::string_view found_kind = kind(found);
    if (found_kind == "identifier" || found_kind == "shorthand_property_identifier")
        return top_level_declaration(program, text_of(found, text), text);
    return found;
}

std::string first_parameter(TSNode function, std::string_view text, std::string_view fallback) {
    const TSNode single = field(function, "parameter");  // x => …
    if (!ts_node_is_null(single)) return std::string(text_of(single, text));
    const auto parameters = named_children(field(function, "parameters"));
    if (parameters.empty()) return std::string(fallback);
    TSNode first = parameters.front();
    if (kind(first) == "required_parameter" || kind(first) == "optional_parameter")
        first = field(first, "pattern");
    if (kind(first) != "identifier") return std::string(fallback);
    return std::string(text_of(first, text));
}

TSNode first_argument(TSNode call) {
    const auto arguments = named_children(field(call, "arguments"));
    for (const TSNode argument : arguments)
        if (kind(argument) != "comment") return argument;
    return TSNode{};
}

}  // namespace migsafe::migration::host
