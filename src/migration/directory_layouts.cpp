// One directory per migration: Diesel (`<version>_<name>/up.sql` + `down.sql`, metadata.toml)
// and Prisma (`<timestamp>_<name>/migration.sql`).

#include <toml++/toml.h>

#include "migration/layouts.hpp"

namespace migsafe::migration {

namespace {

// "2024-01-01-120000_create_users" → {"2024-01-01-120000", "create_users"}: Diesel versions
// may hold dashes.
std::optional<VersionedName> split_directory_version(std::string_view directory) {
    const size_t underscore = directory.find('_');
    if (underscore == 0 || underscore == std::string_view::npos) return std::nullopt;
    const std::string_view version = directory.substr(0, underscore);
    for (const char c : version) {
        if ((c < '0' || c > '9') && c != '-') return std::nullopt;
    }
    return VersionedName{std::string(version), std::string(directory.substr(underscore + 1))};
}

bool metadata_disables_transaction(const FileTree& tree, const std::string& relative) {
    if (!tree.contains(relative)) return false;
    const auto text = read_text(tree.absolute(relative));
    if (!text) return false;
    try {
        const toml::table metadata = toml::parse(*text);
        return metadata["run_in_transaction"].value_or(true) == false;
    } catch (const toml::parse_error&) {
        return false;  // Diesel itself would refuse the file; the default stays
    }
}

Script diesel_script(const FileTree& tree, const std::string& relative, Direction direction,
                     std::string text, bool no_transaction) {
    if (no_transaction) {
        return make_script(tree.display(relative), direction, std::move(text),
                           TransactionModel::AsWritten,
                           "metadata.toml: run_in_transaction = false");
    }
    return make_script(tree.display(relative), direction, std::move(text),
                       TransactionModel::Wrapped,
                       "Diesel default: each migration in a transaction");
}

}  // namespace

void discover_diesel(const FileTree& tree, MigrationSet& set) {
    for (const std::string& relative : tree.files) {
        const std::string_view name = file_name(relative);
        if (name != "up.sql" && name != "down.sql") continue;
        const std::string directory(parent_dir(relative));
        const auto parts = split_directory_version(file_name(directory));
        if (!parts) {
            set.skipped.emplace_back(tree.display(relative),
                                     "its directory is not named <version>_<name>");
            continue;
        }
        if (name == "down.sql") {
            if (!tree.contains(join_path(directory, "up.sql"))) {
                set.skipped.emplace_back(tree.display(relative), "a down.sql without an up.sql");
            }
            continue;  // read with its up.sql
        }
        auto up_text = read_or_skip(tree, relative, set);
        if (!up_text) continue;
        const bool no_transaction =
            metadata_disables_transaction(tree, join_path(directory, "metadata.toml"));
        Migration migration;
        migration.id = parts->version;
        migration.name = parts->name;
        migration.up =
            diesel_script(tree, relative, Direction::Up, std::move(*up_text), no_transaction);
        const std::string down = join_path(directory, "down.sql");
        if (tree.contains(down)) {
            if (auto down_text = read_or_skip(tree, down, set)) {
                migration.down = diesel_script(tree, down, Direction::Down, std::move(*down_text),
                                               no_transaction);
            }
        }
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
    sort_by_id(set.migrations);
}

void discover_prisma(const FileTree& tree, MigrationSet& set) {
    for (const std::string& relative : tree.files) {
        if (file_name(relative) != "migration.sql") continue;
        const auto parts = split_version(file_name(parent_dir(relative)));
        if (!parts) {
            set.skipped.emplace_back(tree.display(relative),
                                     "its directory is not named <timestamp>_<name>");
            continue;
        }
        auto text = read_or_skip(tree, relative, set);
        if (!text) continue;
        Migration migration;
        migration.id = parts->version;
        migration.name = parts->name;
        migration.runner_has_downs = false;
        migration.up = make_script(tree.display(relative), Direction::Up, std::move(*text),
                                   TransactionModel::ImplicitWhenMultiStatement,
                                   "Prisma sends migration.sql as one string: several statements "
                                   "run as one implicit transaction");
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
    sort_by_id(set.migrations);
}

}  // namespace migsafe::migration
