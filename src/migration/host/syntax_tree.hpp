#pragma once

#include <tree_sitter/api.h>

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "util/source_text.hpp"

namespace migsafe::migration::host {

// The languages whose tree-sitter grammars are linked in (cmake/TreeSitterGrammars.cmake).
enum class HostLanguage : uint8_t { Python, Ruby, JavaScript, TypeScript, Tsx, Go, Java };

const TSLanguage* grammar(HostLanguage language);

// A parsed file. Keeps the text it was parsed from, so node text can be read back.
class SyntaxTree {
  public:
    SyntaxTree(HostLanguage language, std::string_view text);

    TSNode root() const { return ts_tree_root_node(tree_.get()); }
    std::string_view text() const { return text_; }

  private:
    struct TreeDeleter {
        void operator()(TSTree* tree) const { ts_tree_delete(tree); }
    };
    std::string_view text_;
    std::unique_ptr<TSTree, TreeDeleter> tree_;
};

// Small helpers over TSNode, so extractors read like the grammar.
std::string_view kind(TSNode node);
ByteSpan span_of(TSNode node);
std::string_view text_of(TSNode node, std::string_view text);
TSNode field(TSNode node, const char* name);  // null node when absent
std::vector<TSNode> children(TSNode node);    // named and anonymous
std::vector<TSNode> named_children(TSNode node);

// Calls `visit` for `node` and every descendant, parents before children. `visit` returns false
// to skip the node's children.
template <typename Visit>
void walk(TSNode node, Visit&& visit) {
    if (ts_node_is_null(node) || !visit(node)) return;
    const uint32_t count = ts_node_child_count(node);
    for (uint32_t i = 0; i < count; ++i)
        walk(ts_node_child(node, i), visit);
}

// Calls `visit` for every node of the given kind at or below `node`, in document order.
template <typename Visit>
void for_each_of_kind(TSNode node, std::string_view node_kind, Visit&& visit) {
    walk(node, [&](TSNode n) {
        if (kind(n) == node_kind) visit(n);
        return true;
    });
}

}  // namespace migsafe::migration::host
