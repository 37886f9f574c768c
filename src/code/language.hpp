#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "migration/host/syntax_tree.hpp"

namespace migsafe::code {

// The kinds of application file searched for references: source files read with the
// tree-sitter grammars that are linked in, and Prisma schema files (models, not generated).
enum class Language : uint8_t { Python, Ruby, JavaScript, TypeScript, Tsx, Go, Java, PrismaSchema };

// By file extension: .py, .rb, .js/.mjs/.cjs/.jsx, .ts/.mts/.cts, .tsx, .go, .java, .prisma.
std::optional<Language> language_for_path(std::string_view path);

// The grammar a source language is parsed with; nullopt for a Prisma schema.
std::optional<migration::host::HostLanguage> host_language(Language language);

}  // namespace migsafe::code
