#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace migsafe::migration {

// The regular files under a migrations root, as '/'-separated paths relative to it, in natural
// order. Hidden directories and dependency or cache folders (node_modules, __pycache__, target)
// are not entered. A root that is a single file lists just that file.
struct FileTree {
    std::filesystem::path root;
    std::vector<std::string> files;

    bool contains(std::string_view relative) const;
    std::filesystem::path absolute(std::string_view relative) const;
    // How reports name the file: the root as given, joined with the relative path.
    std::string display(std::string_view relative) const;
    // Whether the file sits directly in a directory called `directory` (the root counts too, so
    // `db/migrate/` and `db/` both find Rails files).
    bool in_directory_named(std::string_view relative, std::string_view directory) const;
};

FileTree list_files(const std::filesystem::path& root);

// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_text(const std::filesystem::path& path);
// At most the first `limit` bytes of the file ("" when it cannot be read).
std::string read_head(const std::filesystem::path& path, size_t limit);

// Path helpers on '/'-separated relative paths.
std::string_view file_name(std::string_view relative);
std::string_view parent_dir(std::string_view relative);  // "" at the top
// "a/b" + "c.sql" → "a/b/c.sql"; "" + "c.sql" → "c.sql".
std::string join_path(std::string_view directory, std::string_view rest);
bool ends_with(std::string_view text, std::string_view suffix);
bool starts_with(std::string_view text, std::string_view prefix);

}  // namespace migsafe::migration
