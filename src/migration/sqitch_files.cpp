// sqitch: the order comes from sqitch.plan; deploy/<change>.sql is the up, revert/<change>.sql
// the down (verify/ scripts are checks, not migrations).

#include <map>
#include <set>

#include "migration/layouts.hpp"
#include "migration/sqitch_plan.hpp"

namespace migsafe::migration {

namespace {

// The plan at the root, else the first one found below it.
std::optional<std::string> find_plan(const FileTree& tree) {
    if (tree.contains("sqitch.plan")) return std::string("sqitch.plan");
    for (const std::string& relative : tree.files) {
        if (file_name(relative) == "sqitch.plan") return relative;
    }
    return std::nullopt;
}

std::optional<Script> sqitch_script(const FileTree& tree, const std::string& relative,
                                    Direction direction, MigrationSet& set) {
    if (!tree.contains(relative)) return std::nullopt;
    auto text = read_or_skip(tree, relative, set);
    if (!text) return std::nullopt;
    return make_script(tree.display(relative), direction, std::move(*text),
                       TransactionModel::AsWritten,
                       "sqitch runs the script as written (its own BEGIN/COMMIT)");
}

std::string plan_position(size_t index) {
    std::string digits = std::to_string(index + 1);
    return std::string(digits.size() < 4 ? 4 - digits.size() : 0, '0') + digits;
}

}  // namespace

void discover_sqitch(const FileTree& tree, MigrationSet& set) {
    const auto plan_path = find_plan(tree);
    if (!plan_path) return;
    const auto plan = read_or_skip(tree, *plan_path, set);
    if (!plan) return;
    const std::string_view top = parent_dir(*plan_path);
    std::map<std::string, std::string> latest_id_of;
    std::set<std::string> planned;
    const std::vector<PlannedChange> changes = parse_sqitch_plan(*plan);
    for (size_t index = 0; index < changes.size(); ++index) {
        const PlannedChange& change = changes[index];
        Migration migration;
        // The plan position is sqitch's order; the name is what people know the change by.
        migration.id = plan_position(index);
        migration.name = change.name;
        for (const std::string& required : change.requires_changes) {
            const auto found = latest_id_of.find(required);
            if (found != latest_id_of.end()) migration.depends_on.push_back(found->second);
        }
        const std::string deploy = join_path(top, "deploy/" + change.script_stem + ".sql");
        migration.up = sqitch_script(tree, deploy, Direction::Up, set);
        if (!migration.up) {
            set.skipped.emplace_back(tree.display(deploy),
                                     "planned change '" + change.name + "' has no deploy script");
            continue;
        }
        migration.down = sqitch_script(
            tree, join_path(top, "revert/" + change.script_stem + ".sql"), Direction::Down, set);
        latest_id_of[change.name] = migration.id;
        planned.insert(deploy);
        finish_migration(migration);
        set.migrations.push_back(std::move(migration));
    }
    const std::string deploy_dir = join_path(top, "deploy/");
    for (const std::string& relative : tree.files) {
        if (!starts_with(relative, deploy_dir) || !ends_with(relative, ".sql")) continue;
        if (planned.count(relative) != 0) continue;
        // A script kept for a reworked change (`name@tag.sql`) is placed through the plan too.
        if (file_name(relative).find('@') != std::string_view::npos) continue;
        set.skipped.emplace_back(tree.display(relative),
                                 "a deploy script that sqitch.plan does not list");
    }
}

}  // namespace migsafe::migration