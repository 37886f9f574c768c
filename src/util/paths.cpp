#include "util/paths.hpp"

namespace migsafe {

namespace fs = std::filesystem;

std::string canonical_path(const fs::path& path) {
    std::error_code ec;
    const fs::path c = fs::weakly_canonical(path, ec);
    return ec ? path.string() : c.string();
}

std::string path_under(const fs::path& path, const fs::path& root) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (ec) return path.generic_string();
    const fs::path relative = absolute.lexically_relative(root);
    if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    return path.generic_string();
}

std::string display_path(const fs::path& path) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    return ec ? path.generic_string() : path_under(path, cwd);
}

}  // namespace migsafe
