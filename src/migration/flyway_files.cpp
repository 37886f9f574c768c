// Flyway: V<version>__<description>.sql, U<version>__… undo scripts and R__… repeatables.

#include <algorithm>
#include <cctype>
#include <map>

#include "migration/layouts.hpp"
#include "migration/natural_order.hpp"
#include "migration/script_text.hpp"

namespace migsafe::migration {

namespace {

struct FlywayName {
    char prefix = 'V';    // V, U or R
    std::string version;  // empty for R
    std::string description;
};

bool is_valid_version(std::string_view version) {
    if (version.empty() || !std::isdigit(static_cast<unsigned char>(version.front()))) return false;
    return std::all_of(version.begin(), version.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_';
    });
}

// nullopt: not a Flyway name at all; a name with an empty version for V/U: a bad version.
std::optional<FlywayName> parse_flyway_name(std::string_view name) {
    if (!ends_with(name, ".sql") || name.size() < 5) return std::nullopt;
    const char prefix = name.front();
    if (prefix != 'V' && prefix != 'U' && prefix != 'R') return std::nullopt;
    const std::string_view stem = name.substr(1, name.size() - 5);
    const size_t separator = stem.find("__");
    if (separator == std::string_view::npos) return std::nullopt;
    FlywayName parsed;
    parsed.prefix = prefix;
    parsed.version = std::string(stem.substr(0, separator));
    parsed.description = std::string(stem.substr(separator + 2));
    std::replace(parsed.description.begin(), parsed.description.end(), '_', ' ');
    return parsed;
}

// `<file>.sql.conf` next to the script: executeInTransaction=false turns the transaction off.
bool conf_disables_transaction(const FileTree& tree, const std::string& relative) {
    const std::string conf = relative + ".conf";
    if (!tree.contains(conf)) return false;
    const auto text = read_text(tree.absolute(conf));
    if (!text) return false;
    for (const Line& line : split_lines(*text)) {
        const std::string_view content =
            trim(std::string_view(*text).substr(line.begin, line.end - line.begin));
        const size_t equals = content.find('=');
        if (equals == std::string_view::npos) continue;
        if (trim(content.substr(0, equals)) != "executeInTransaction") continue;
        return lowercase(trim(content.substr(equals + 1))) == "false";
    }
    return false;
}

Script flyway_script(const FileTree& tree, const std::string& relative, Direction direction,
                     std::string text) {
    if (conf_disables_transaction(tree, relative)) {
        return make_script(tree.display(relative), direction, std::move(text),
                           TransactionModel::AsWritten,
                           std::string(file_name(relative)) + ".conf: executeInTransaction=false");
    }
    return make_script(tree.display(relative), direction, std::move(text),
                       TransactionModel::Wrapped, "Flyway default: each script in a transaction");
}

struct VersionLess {
    bool operator()(const std::string& a, const std::string& b) const {
        return compare_dotted_versions(a, b) < 0;
    }
};

}  // namespace

void discover_flyway(const FileTree& tree, MigrationSet& set) {
    std::map<std::string, Migration, VersionLess> versioned;
    std::vector<std::pair<std::string, FlywayName>> undos;
    std::vector<Migration> repeatables;
    for (const std::string& relative : tree.files) {
        if (!ends_with(relative, ".sql")) continue;
        const auto name = parse_flyway_name(file_name(relative));
        if (!name) {
            set.skipped.emplace_back(
                tree.display(relative),
                "not a Flyway name (V<version>__<description>.sql, U… or R__…)");
            continue;
        }
        if (name->prefix != 'R' && !is_valid_version(name->version)) {
            set.skipped.emplace_back(tree.display(relative),
                                     "bad Flyway version '" + name->version + "'");
            continue;
        }
        if (name->prefix == 'U') {
            undos.emplace_back(relative, *name);
            continue;
        }
        auto text = read_or_skip(tree, relative, set);
        if (!text) continue;
        Migration migration;
        const std::string_view file = file_name(relative);
        // A repeatable has no version: reports name it by its file.
        migration.id =
            name->prefix == 'R' ? std::string(file.substr(0, file.size() - 4)) : name->version;
        migration.name = name->description;
        migration.up = flyway_script(tree, relative, Direction::Up, std::move(*text));
        if (name->prefix == 'R') {
            repeatables.push_back(std::move(migration));
        } else if (versioned.count(name->version) != 0) {
            set.skipped.emplace_back(tree.display(relative),
                                     "another versioned migration has version " + name->version);
        } else {
            versioned.emplace(name->version, std::move(migration));
        }
    }
    for (const auto& [relative, name] : undos) {
        auto found = versioned.find(name.version);
        if (found == versioned.end() || found->second.down) {
            set.skipped.emplace_back(
                tree.display(relative),
                found == versioned.end()
                    ? "an undo script without a versioned migration " + name.version
                    : "another undo script has version " + name.version);
            continue;
        }
        auto text = read_or_skip(tree, relative, set);
        if (!text) continue;
        found->second.down = flyway_script(tree, relative, Direction::Down, std::move(*text));
    }
    // Without any U file the project uses no undo scripts (Flyway Community has none).
    const bool has_undo = !undos.empty();
    for (auto& [version, migration] : versioned) {
        migration.runner_has_downs = has_undo;
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
    // Repeatables run after all versioned migrations, ordered by description.
    std::stable_sort(repeatables.begin(), repeatables.end(),
                     [](const Migration& a, const Migration& b) {
                         if (a.name != b.name) return a.name < b.name;
                         return natural_less(a.up->path, b.up->path);
                     });
    for (Migration& migration : repeatables) {
        migration.runner_has_downs = false;
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
}

}  // namespace migsafe::migration
