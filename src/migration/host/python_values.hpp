#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "migration/host/syntax_tree.hpp"

namespace migsafe::migration::host {

// The value of a plain Python string literal such as "1a2b3c" (its text between the quotes);
// nullopt for anything else.
std::optional<std::string> python_string_value(TSNode node, std::string_view text);

// The right-hand side of `name = …` directly in `block` (a module or class body), or a null node.
TSNode python_assignment(TSNode block, std::string_view name, std::string_view text);

// The `def name(…)` directly in `block`, or a null node.
TSNode python_function(TSNode block, std::string_view name, std::string_view text);

}  // namespace migsafe::migration::host
