// Flat directories of `<version>_<name>.sql` files: plain SQL, golang-migrate and sqlx.

#include <functional>
#include <map>

#include "migration/layouts.hpp"
#include "migration/script_text.hpp"

namespace migsafe::migration {

namespace {

struct VersionedFile {
    std::string relative;
    VersionedName parts;
    std::optional<Direction> direction;  // nullopt: a single-direction `<version>_<name>.sql`
};

std::optional<VersionedFile> parse_versioned_file(const std::string& relative) {
    const std::string_view name = file_name(relative);
    if (!ends_with(name, ".sql")) return std::nullopt;
    std::string_view stem = name.substr(0, name.size() - 4);
    std::optional<Direction> direction;
    if (ends_with(stem, ".up")) {
        direction = Direction::Up;
        stem.remove_suffix(3);
    } else if (ends_with(stem, ".down")) {
        direction = Direction::Down;
        stem.remove_suffix(5);
    }
    auto parts = split_version(stem);
    if (!parts) return std::nullopt;
    return VersionedFile{relative, std::move(*parts), direction};
}

// The runners parse the version as a number: "001" and "1" are the same migration.
std::string version_key(const VersionedFile& file) {
    const std::string& version = file.parts.version;
    const size_t first = version.find_first_not_of('0');
    return first == std::string::npos ? "0" : version.substr(first);
}

using ScriptMaker = std::function<Script(std::string path, Direction direction, std::string text)>;

// Pairs `.up.sql` with `.down.sql` of the same version in the same directory.
void place_versioned_files(const FileTree& tree, MigrationSet& set, bool allow_single_file,
                           std::string_view expected_names, const ScriptMaker& make) {
    std::map<std::pair<std::string, std::string>, Migration> by_version;
    std::vector<std::pair<VersionedFile, std::string>> downs;
    for (const std::string& relative : tree.files) {
        if (!ends_with(relative, ".sql")) continue;
        auto file = parse_versioned_file(relative);
        if (!file || (!file->direction && !allow_single_file)) {
            set.skipped.emplace_back(tree.display(relative),
                                     "not named " + std::string(expected_names));
            continue;
        }
        auto text = read_or_skip(tree, relative, set);
        if (!text) continue;
        const Direction direction = file->direction.value_or(Direction::Up);
        if (direction == Direction::Down) {
            downs.emplace_back(std::move(*file), std::move(*text));
            continue;
        }
        const auto key = std::make_pair(std::string(parent_dir(relative)), version_key(*file));
        if (by_version.count(key) != 0) {
            set.skipped.emplace_back(
                tree.display(relative),
                "another migration already has version " + file->parts.version);
            continue;
        }
        Migration& migration = by_version[key];
        migration.id = file->parts.version;
        migration.name = file->parts.name;
        // A one-way `<version>_<name>.sql` (sqlx) has no down by design.
        migration.runner_has_downs = file->direction.has_value();
        migration.up = make(tree.display(relative), Direction::Up, std::move(*text));
    }
    for (auto& [file, text] : downs) {
        const auto key = std::make_pair(std::string(parent_dir(file.relative)), version_key(file));
        auto found = by_version.find(key);
        if (found == by_version.end() || found->second.down) {
            const char* reason = found == by_version.end()
                                     ? "a down migration without an up migration of its version"
                                     : "another down migration already has this version";
            set.skipped.emplace_back(tree.display(file.relative), reason);
            continue;
        }
        found->second.down = make(tree.display(file.relative), Direction::Down, std::move(text));
    }
    for (auto& [key, migration] : by_version) {
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
    sort_by_id(set.migrations);
}

}  // namespace

void discover_plain(const FileTree& tree, MigrationSet& set) {
    for (const std::string& relative : tree.files) {
        if (!ends_with(relative, ".sql")) continue;
        auto text = read_or_skip(tree, relative, set);
        if (!text) continue;
        Migration migration;
        migration.id = relative.substr(0, relative.size() - 4);
        const std::string_view name = file_name(relative);
        migration.name = std::string(name.substr(0, name.size() - 4));
        migration.runner_has_downs = false;
        migration.up = make_script(tree.display(relative), Direction::Up, std::move(*text),
                                   TransactionModel::AsWritten,
                                   "plain SQL: only the script's own BEGIN/COMMIT");
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
    // tree.files is already in natural path order.
}

void discover_golang_migrate(const FileTree& tree, MigrationSet& set) {
    place_versioned_files(tree, set, false, "{version}_{title}.up.sql or .down.sql",
                          [](std::string path, Direction direction, std::string text) {
                              return make_script(
                                  std::move(path), direction, std::move(text),
                                  TransactionModel::ImplicitWhenMultiStatement,
                                  "golang-migrate sends the file as one string: several "
                                  "statements run as one implicit transaction");
                          });
}

void discover_sqlx(const FileTree& tree, MigrationSet& set) {
    place_versioned_files(
        tree, set, true, "<version>_<description>.sql, .up.sql or .down.sql",
        [](std::string path, Direction direction, std::string text) {
            // sqlx checks the file's very first bytes, not any later line.
            if (starts_with(text, "-- no-transaction")) {
                return make_script(std::move(path), direction, std::move(text),
                                   TransactionModel::ImplicitWhenMultiStatement,
                                   "-- no-transaction: sqlx sends the file without BEGIN, as one "
                                   "string (several statements run as one implicit transaction)");
            }
            return make_script(std::move(path), direction, std::move(text),
                               TransactionModel::Wrapped,
                               "sqlx default: each migration in its own transaction");
        });
}

}  // namespace migsafe::migration
