#pragma once

#include <string>
#include <string_view>

#include "migration/migration.hpp"

namespace migsafe::migration::host {

// "db/migrate/20240101120000_add_index.rb" → "20240101120000_add_index".
std::string file_stem(std::string_view path);

// The directory that holds the file: "shop/migrations/0001_initial.py" → "shop/migrations".
std::string parent_directory(std::string_view path);

// A migration named by its file: id and name from a "<digits>_<name>" stem (split_version),
// else both the whole stem.
Migration migration_named_by(std::string_view path);

}  // namespace migsafe::migration::host
