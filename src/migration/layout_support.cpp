#include <algorithm>
#include <cctype>

#include "migration/layouts.hpp"
#include "migration/natural_order.hpp"
#include "migration/script_text.hpp"

namespace migsafe::migration {

namespace {

std::string first_path(const Migration& migration) {
    if (migration.up) return migration.up->path;
    if (migration.down) return migration.down->path;
    return {};
}

}  // namespace

std::optional<std::string> read_or_skip(const FileTree& tree, const std::string& relative,
                                        MigrationSet& set) {
    auto text = read_text(tree.absolute(relative));
    if (!text) set.skipped.emplace_back(tree.display(relative), "the file could not be read");
    return text;
}

Script make_script(std::string path, Direction direction, std::string sql,
                   TransactionModel transaction, std::string reason) {
    Script script;
    script.path = std::move(path);
    script.direction = direction;
    script.sql = std::move(sql);
    script.transaction = transaction;
    script.transaction_reason = std::move(reason);
    return script;
}

void mark_irreversible(Migration& migration) {
    const bool marked_up = migration.up && has_irreversible_marker(migration.up->sql);
    const bool marked_down = migration.down && has_irreversible_marker(migration.down->sql);
    migration.irreversible = migration.irreversible || marked_up || marked_down;
}

void finish_migration(Migration& migration) {
    mark_irreversible(migration);
    if (migration.down && !has_sql(migration.down->sql)) migration.down.reset();
}

std::optional<VersionedName> split_version(std::string_view stem) {
    size_t digits = 0;
    while (digits < stem.size() && std::isdigit(static_cast<unsigned char>(stem[digits]))) {
        ++digits;
    }
    if (digits == 0 || digits >= stem.size() || stem[digits] != '_') return std::nullopt;
    return VersionedName{std::string(stem.substr(0, digits)), std::string(stem.substr(digits + 1))};
}

void sort_by_id(std::vector<Migration>& migrations) {
    std::stable_sort(migrations.begin(), migrations.end(),
                     [](const Migration& a, const Migration& b) {
                         if (a.id != b.id) return natural_less(a.id, b.id);
                         return natural_less(first_path(a), first_path(b));
                     });
}

}  // namespace migsafe::migration
