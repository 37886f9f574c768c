// Host-language runners (Rails, Alembic, Django, knex, node-pg-migrate): the files are found
// here, their SQL is extracted by the HostExtractor the caller supplies.

#include <algorithm>
#include <map>
#include <set>

#include "migration/layouts.hpp"
#include "migration/natural_order.hpp"

namespace migsafe::migration {

namespace {

// The files a runner's own tooling would load; the extractor then decides for each.
bool is_candidate(const FileTree& tree, Runner runner, const std::string& relative) {
    const std::string_view name = file_name(relative);
    const bool versioned = split_version(name).has_value();
    switch (runner) {
        case Runner::Rails:
            return ends_with(name, ".rb") && versioned;
        case Runner::Alembic:
            return ends_with(name, ".py") && tree.in_directory_named(relative, "versions") &&
                   name != "__init__.py";
        case Runner::Django:
            return ends_with(name, ".py") && tree.in_directory_named(relative, "migrations") &&
                   name != "__init__.py";
        case Runner::Knex:
        case Runner::NodePgMigrate:
            // Both name migrations <timestamp>_<name>.js/.ts by default.
            if (!versioned || ends_with(name, ".d.ts")) return false;
            return ends_with(name, ".js") || ends_with(name, ".ts") || ends_with(name, ".cjs") ||
                   ends_with(name, ".mjs");
        default:
            return false;
    }
}

std::string first_path(const Migration& migration) {
    if (migration.up) return migration.up->path;
    if (migration.down) return migration.down->path;
    return {};
}

bool by_id_then_path(const Migration& a, const Migration& b) {
    if (a.id != b.id) return natural_less(a.id, b.id);
    return natural_less(first_path(a), first_path(b));
}

// Dependencies first; among migrations that are ready, by id. Dependencies outside the set
// (another Django app, a deleted revision) are ignored; a cycle is broken by id.
std::vector<Migration> order_by_dependencies(std::vector<Migration> migrations) {
    std::sort(migrations.begin(), migrations.end(), by_id_then_path);
    std::set<std::string> known;
    for (const Migration& migration : migrations)
        known.insert(migration.id);
    std::vector<Migration> ordered;
    std::set<std::string> placed;
    std::vector<bool> done(migrations.size(), false);
    while (ordered.size() < migrations.size()) {
        size_t pick = migrations.size();
        for (size_t i = 0; i < migrations.size() && pick == migrations.size(); ++i) {
            if (done[i]) continue;
            const auto& needs = migrations[i].depends_on;
            const bool ready = std::all_of(needs.begin(), needs.end(), [&](const std::string& id) {
                return known.count(id) == 0 || placed.count(id) != 0;
            });
            if (ready) pick = i;
        }
        if (pick == migrations.size()) {
            pick = static_cast<size_t>(std::find(done.begin(), done.end(), false) - done.begin());
        }
        done[pick] = true;
        placed.insert(migrations[pick].id);
        ordered.push_back(std::move(migrations[pick]));
    }
    return ordered;
}

}  // namespace

void discover_host(const FileTree& tree, Runner runner, const HostExtractor& extract,
                   MigrationSet& set) {
    std::vector<Migration> found;
    for (const std::string& relative : tree.files) {
        if (!is_candidate(tree, runner, relative)) continue;
        if (!extract) {
            set.skipped.emplace_back(
                tree.display(relative),
                "no SQL extractor for " + std::string(runner_name(runner)) + " files is available");
            continue;
        }
        auto text = read_or_skip(tree, relative, set);
        if (!text) continue;
        auto migration = extract(runner, tree.display(relative), *text);
        if (!migration) continue;  // not a migration of this runner (a helper, a config file)
        if (migration->id.empty()) {
            const std::string_view name = file_name(relative);
            migration->id = std::string(name.substr(0, name.find('.')));
        }
        // The extractor decides what the down is: an empty one can be a deliberate no-op.
        mark_irreversible(*migration);
        found.push_back(std::move(*migration));
    }
    const bool has_graph = std::any_of(found.begin(), found.end(), [](const Migration& migration) {
        return !migration.depends_on.empty();
    });
    if (has_graph) {
        found = order_by_dependencies(std::move(found));
    } else {
        std::sort(found.begin(), found.end(), by_id_then_path);
    }
    for (Migration& migration : found)
        set.migrations.push_back(std::move(migration));
}

}  // namespace migsafe::migration
