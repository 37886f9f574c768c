#include "lsp/document_options.hpp"

#include <variant>

#include "config/config.hpp"

namespace migsafe::lsp {

DocumentOptions options_for_document(const std::optional<std::filesystem::path>& document,
                                     const std::filesystem::path& fallback_dir) {
    DocumentOptions out;
    const std::filesystem::path start = document ? document->parent_path() : fallback_dir;
    if (start.empty()) return out;
    const auto file = find_config(start);
    if (!file) return out;
    auto loaded = load_config(*file);
    if (auto* error = std::get_if<ConfigError>(&loaded)) {
        out.problem = error->message;
        return out;
    }
    Options options;
    if (auto error = apply_config(std::get<Config>(loaded), options)) {
        out.problem = error->message;
        return out;
    }
    out.options = std::move(options);
    out.config_file = *file;
    return out;
}

}  // namespace migsafe::lsp
