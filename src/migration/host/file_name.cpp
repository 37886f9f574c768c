#include "migration/host/file_name.hpp"

#include <filesystem>

namespace migsafe::migration::host {

std::string file_stem(std::string_view path) {
    return std::filesystem::path(path).stem().string();
}

std::string parent_directory(std::string_view path) {
    return std::filesystem::path(path).parent_path().string();
}

std::optional<VersionedName> split_version(std::string_view stem) {
    size_t digits = 0;
    while (digits < stem.size() && stem[digits] >= '0' && stem[digits] <= '9')
        ++digits;
    if (digits == 0 || digits >= stem.size() || stem[digits] != '_') return std::nullopt;
    return VersionedName{std::string(stem.substr(0, digits)), std::string(stem.substr(digits + 1))};
}

}  // namespace migsafe::migration::host
