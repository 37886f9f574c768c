#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "engine/options.hpp"

namespace migsafe::lsp {

struct DocumentOptions {
    Options options;
    std::optional<std::filesystem::path> config_file;  // the migsafe.toml in force, if any
    std::optional<std::string> problem;                // why the config was not used
};

// The options `migsafe check` would use for this document: the nearest migsafe.toml or
// .migsafe.toml above the document (or above `fallback_dir` when it has no path). A broken
// config is reported in `problem` and the defaults are used.
DocumentOptions options_for_document(const std::optional<std::filesystem::path>& document,
                                     const std::filesystem::path& fallback_dir);

}  // namespace migsafe::lsp
