#include "migration/host/file_name.hpp"

#include <filesystem>

#include "migration/layouts.hpp"

namespace migsafe::migration::host {

std::string file_stem(std::string_view path) {
    return std::filesystem::path(path).stem().string();
}

std::string parent_directory(std::string_view path) {
    return std::filesystem::path(path).parent_path().string();
}

Migration migration_named_by(std::string_view path) {
    Migration migration;
    const std::string stem = file_stem(path);
    const auto versioned = split_version(stem);
    migration.id = versioned ? versioned->version : stem;
    migration.name = versioned ? versioned->name : stem;
    return migration;
}

}  // namespace migsafe::migration::host
