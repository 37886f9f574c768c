#include "migration/file_root.hpp"

#include <regex>
#include <string>

namespace migsafe::migration {

namespace fs = std::filesystem;

namespace {

bool matches(const std::string& name, const char* pattern) {
    return std::regex_match(name, std::regex(pattern, std::regex::icase));
}

fs::path parent_or_dot(const fs::path& path) {
    return path.parent_path().empty() ? fs::path(".") : path.parent_path();
}

}  // namespace

bool is_host_language_file(const fs::path& file) {
    const std::string ext = file.extension().string();
    return ext == ".rb" || ext == ".py" || ext == ".js" || ext == ".ts" || ext == ".mjs" ||
           ext == ".cjs";
}

std::optional<fs::path> migration_root_of(const fs::path& file, std::string_view head) {
    const std::string name = file.filename().string();
    const fs::path dir = parent_or_dot(file);
    if (is_host_language_file(file)) return dir;
    if (file.extension() != ".sql") return std::nullopt;
    if (head.find("-- +goose") != std::string_view::npos ||
        head.find("-- migrate:up") != std::string_view::npos)
        return dir;
    if (matches(name, R"(\d+_.+\.(up|down)\.sql)") ||
        matches(name, R"([VU]\d+([._]\d+)*__.+\.sql)") || matches(name, R"(R__.+\.sql)"))
        return dir;
    const std::string directory = dir.filename().string();
    if (name == "up.sql" || name == "down.sql" || name == "migration.sql")
        return parent_or_dot(dir);  // diesel/<version>_<name>/up.sql, prisma/<ts>_<name>/…
    if (directory == "deploy" || directory == "revert") return parent_or_dot(dir);  // sqitch
    return std::nullopt;
}

}  // namespace migsafe::migration
