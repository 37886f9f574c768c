#pragma once

#include <filesystem>
#include <string>

namespace migsafe {

// The path with symlinks and `..` resolved as far as it exists: how change sets and migration
// sets compare files named in different ways.
std::string canonical_path(const std::filesystem::path& path);

// `path` relative to `root` ('/'-separated) when it lies inside it, else `path` unchanged.
std::string path_under(const std::filesystem::path& path, const std::filesystem::path& root);

// How reports name a file: relative to the working directory when inside it.
std::string display_path(const std::filesystem::path& path);

}  // namespace migsafe
