#include "migration/host/syntax_tree.hpp"

#include <stdexcept>

extern "C" {
const TSLanguage* tree_sitter_python(void);
const TSLanguage* tree_sitter_ruby(void);
const TSLanguage* tree_sitter_javascript(void);
const TSLanguage* tree_sitter_typescript(void);
const TSLanguage* tree_sitter_tsx(void);
const TSLanguage* tree_sitter_go(void);
const TSLanguage* tree_sitter_java(void);
}

namespace migsafe::migration::host {

const TSLanguage* grammar(HostLanguage language) {
    switch (language) {
        case HostLanguage::Python:
            return tree_sitter_python();
        case HostLanguage::Ruby:
            return tree_sitter_ruby();
        case HostLanguage::JavaScript:
            return tree_sitter_javascript();
        case HostLanguage::TypeScript:
            return tree_sitter_typescript();
        case HostLanguage::Tsx:
            return tree_sitter_tsx();
        case HostLanguage::Go:
            return tree_sitter_go();
        case HostLanguage::Java:
            return tree_sitter_java();
    }
    return nullptr;
}

SyntaxTree::SyntaxTree(HostLanguage language, std::string_view text) : text_(text) {
    std::unique_ptr<TSParser, decltype(&ts_parser_delete)> parser(ts_parser_new(),
                                                                  &ts_parser_delete);
    if (!ts_parser_set_language(parser.get(), grammar(language)))
        throw std::runtime_error("tree-sitter grammar ABI not supported by the runtime");
    tree_.reset(ts_parser_parse_string(parser.get(), nullptr, text.data(),
                                       static_cast<uint32_t>(text.size())));
    if (!tree_) throw std::runtime_error("tree-sitter parse failed");
}

std::string_view kind(TSNode node) {
    return ts_node_is_null(node) ? "" : ts_node_type(node);
}

ByteSpan span_of(TSNode node) {
    return {ts_node_start_byte(node), ts_node_end_byte(node)};
}

std::string_view text_of(TSNode node, std::string_view text) {
    if (ts_node_is_null(node)) return {};
    const ByteSpan span = span_of(node);
    return text.substr(span.begin, span.end - span.begin);
}

TSNode field(TSNode node, const char* name) {
    return ts_node_child_by_field_name(node, name,
                                       static_cast<uint32_t>(std::char_traits<char>::length(name)));
}

std::vector<TSNode> children(TSNode node) {
    std::vector<TSNode> out;
    if (ts_node_is_null(node)) return out;  // a missing field: tree-sitter would dereference null
    const uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; ++i)
        out.push_back(ts_node_child(node, i));
    return out;
}

std::vector<TSNode> named_children(TSNode node) {
    std::vector<TSNode> out;
    if (ts_node_is_null(node)) return out;  // a missing field: tree-sitter would dereference null
    const uint32_t count = ts_node_named_child_count(node);
    for (uint32_t i = 0; i < count; ++i)
        out.push_back(ts_node_named_child(node, i));
    return out;
}

}  // namespace migsafe::migration::host
