#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "code/language.hpp"
#include "code/sql_references.hpp"
#include "migration/host/syntax_tree.hpp"

namespace migsafe::code {

using migration::host::SyntaxTree;

// Null-safe forms of the tree helpers: an absent node has no fields and no children.
TSNode field_of(TSNode node, const char* name);
std::vector<TSNode> items_of(TSNode node);         // named children
std::vector<TSNode> all_children_of(TSNode node);  // named and anonymous

// A string literal's text with no escapes or interpolation in it, and where that text is.
struct PlainString {
    std::string_view value;
    ByteSpan span;
};

bool is_string_literal(TSNode node, Language language);

// `node` as a plain string: a literal without escapes or interpolation, a Ruby symbol (:email,
// the key of `email: x`). Anything else: nullopt.
std::optional<PlainString> plain_string(TSNode node, std::string_view text, Language language);

// Every string expression of the file that is not part of a larger one: a literal, or literals
// joined by concatenation (implicit or `+`). Python docstrings are left out (they are comments),
// and so are JSX attribute values (markup).
std::vector<TSNode> string_expressions(const SyntaxTree& tree, Language language);

// The SQL a string expression holds, aligned with the file. What the host computes at run time
// (interpolation, a non-literal operand) reads as the value 0; when it is glued to a name
// (`"FROM users_%s"`), the name is unknown and the SQL comes back empty.
EmbeddedSql embedded_sql(const SyntaxTree& tree, Language language, TSNode expression);

}  // namespace migsafe::code
