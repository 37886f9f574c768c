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
    if (extension == "prisma") return Language::PrismaSchema;
    return std::nullopt;
}

std::optional<migration::host::HostLanguage> host_language(Language language) {
    using migration::host::HostLanguage;
    switch (language) {
        case Language::Python:
            return HostLanguage::Python;
        case Language::Ruby:
            return HostLanguage::Ruby;
        case Language::JavaScript:
            return HostLanguage::JavaScript;
        case Language::TypeScript:
            return HostLanguage::TypeScript;
        case Language::Tsx:
            return HostLanguage::Tsx;
        case Language::Go:
            return HostLanguage::Go;
        case Language::Java:
            return HostLanguage::Java;
        case Language::PrismaSchema:
            break;
    }
    return std::nullopt;
}

}  // namespace migsafe::code
