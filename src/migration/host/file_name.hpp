#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace migsafe::migration::host {

// "db/migrate/20240101120000_add_index.rb" → "20240101120000_add_index".
std::string file_stem(std::string_view path);

// The directory that holds the file: "shop/migrations/0001_initial.py" → "shop/migrations".
std::string parent_directory(std::string_view path);

struct VersionedName {
    std::string version;  // "20240101120000"
    std::string name;     // "add_index"
};
// Splits a "<digits>_<name>" stem; nullopt when the stem does not start with digits and `_`.
std::optional<VersionedName> split_version(std::string_view stem);

}  // namespace migsafe::migration::host
