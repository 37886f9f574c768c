#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "migration/host/syntax_tree.hpp"

namespace migsafe::code {

// Application languages whose code is searched for references (the tree-sitter grammars that
// are linked in).
using Language = migration::host::HostLanguage;

// By file extension: .py, .rb, .js/.mjs/.cjs/.jsx, .ts/.mts/.cts, .tsx, .go, .java.
std::optional<Language> language_for_path(std::string_view path);

}  // namespace migsafe::code
