#include "code/path_filter.hpp"

namespace migsafe::code {

namespace {

bool match_from(std::string_view pattern, std::string_view path) {
    if (pattern.empty()) return path.empty();
    if (pattern.starts_with("**/")) {
        // Zero directories, or skip one more directory and try again.
        if (match_from(pattern.substr(3), path)) return true;
        const size_t slash = path.find('/');
        return slash != std::string_view::npos && match_from(pattern, path.substr(slash + 1));
    }
    if (pattern == "**") return true;
    const char head = pattern.front();
    if (head == '*') {
        for (size_t taken = 0;; ++taken) {
            if (match_from(pattern.substr(1), path.substr(taken))) return true;
            if (taken >= path.size() || path[taken] == '/') return false;
        }
    }
    if (path.empty()) return false;
    if (head == '?' ? path.front() == '/' : head != path.front()) return false;
    return match_from(pattern.substr(1), path.substr(1));
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    while (path.starts_with("./"))
        path.remove_prefix(2);
    return match_from(pattern, path);
}

const std::vector<std::string>& default_ignored_globs() {
    static const std::vector<std::string> globs = {
        // tests
        "**/test/**", "**/tests/**", "**/__tests__/**", "**/spec/**", "**/*_test.*", "**/test_*.py",
        "**/*.spec.*", "**/*.test.*", "**/src/test/**",
        // migrations
        "**/migrations/**", "**/migrate/**", "**/alembic/versions/**", "**/db/migrations/**",
        // generated schema dumps
        "**/schema.rb", "**/structure.sql", "**/*.pb.go", "**/*_generated.*",
        // dependencies
        "**/node_modules/**", "**/vendor/**", "**/site-packages/**"};
    return globs;
}

bool is_ignored_path(std::string_view path, const std::vector<std::string>& extra_globs) {
    for (const std::string& glob : default_ignored_globs())
        if (glob_match(glob, path)) return true;
    for (const std::string& glob : extra_globs)
        if (glob_match(glob, path)) return true;
    return false;
}

}  // namespace migsafe::code
