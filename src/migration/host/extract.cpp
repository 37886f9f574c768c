#include "migration/host/extract.hpp"

#include "migration/host/runners.hpp"

namespace migsafe::migration {

namespace {

bool is_javascript_or_typescript(std::string_view path) {
    for (const std::string_view extension : {".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".tsx"})
        if (path.ends_with(extension) && !path.ends_with(".d.ts")) return true;
    return false;
}

}  // namespace

std::optional<Migration> extract_host_migration(Runner runner, const std::string& path,
                                                std::string_view text) {
    switch (runner) {
        case Runner::Rails:
            return path.ends_with(".rb") ? host::extract_rails(path, text) : std::nullopt;
        case Runner::Alembic:
            return path.ends_with(".py") ? host::extract_alembic(path, text) : std::nullopt;
        case Runner::Django:
            return path.ends_with(".py") ? host::extract_django(path, text) : std::nullopt;
        case Runner::Knex:
            return is_javascript_or_typescript(path) ? host::extract_knex(path, text)
                                                     : std::nullopt;
        case Runner::NodePgMigrate:
            return is_javascript_or_typescript(path) ? host::extract_node_pg_migrate(path, text)
                                                     : std::nullopt;
        default:
            return std::nullopt;
    }
}

}  // namespace migsafe::migration
