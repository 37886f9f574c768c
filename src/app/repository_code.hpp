#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "code/code_index.hpp"

namespace migsafe {

// The application code of the git repository around `cwd`: every tracked or untracked (not
// ignored) file of a known language that no ignore glob excludes, with its references to tables
// and columns. Files in `changed` (canonical paths) are marked as part of the change set.
// nullopt when `cwd` is not in a git work tree.
std::optional<code::CodeIndex> repository_code(const std::filesystem::path& cwd,
                                               const std::set<std::string>& changed,
                                               const std::vector<std::string>& ignore_globs);

}  // namespace migsafe
