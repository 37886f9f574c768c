#include "code/language.hpp"

namespace migsafe::code {

std::optional<Language> language_for_path(std::string_view path) {
    const size_t dot = path.rfind('.');
    const size_t slash = path.rfind('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return std::nullopt;
    const std::string_view extension = path.substr(dot + 1);
    if (extension == "py") return Language::Python;
    if (extension == "rb") return Language::Ruby;
    if (extension == "js" || extension == "mjs" || extension == "cjs" || extension == "jsx")
        return Language::JavaScript;
    if (extension == "ts" || extension == "mts" || extension == "cts") return Language::TypeScript;
    if (extension == "tsx") return Language::Tsx;
    if (extension == "go") return Language::Go;
    if (extension == "java") return Language::Java;
    return std::nullopt;
}

}  // namespace migsafe::code
