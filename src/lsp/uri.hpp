#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace migsafe::lsp {

// The local path of a `file://` URI (percent-decoded), or nullopt for other schemes.
std::optional<std::filesystem::path> uri_to_path(std::string_view uri);

}  // namespace migsafe::lsp
