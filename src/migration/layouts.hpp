#pragma once

// The per-runner halves of discover(): each places the files of one runner's layout into
// `set.migrations` (in the runner's order) or `set.skipped`.

#include <optional>
#include <string>
#include <string_view>

#include "migration/discover.hpp"
#include "migration/file_tree.hpp"
#include "migration/migration.hpp"

namespace migsafe::migration {

void discover_plain(const FileTree& tree, MigrationSet& set);
void discover_golang_migrate(const FileTree& tree, MigrationSet& set);
void discover_sqlx(const FileTree& tree, MigrationSet& set);
void discover_goose(const FileTree& tree, MigrationSet& set);
void discover_dbmate(const FileTree& tree, MigrationSet& set);
void discover_flyway(const FileTree& tree, MigrationSet& set);
void discover_sqitch(const FileTree& tree, MigrationSet& set);
void discover_diesel(const FileTree& tree, MigrationSet& set);
void discover_prisma(const FileTree& tree, MigrationSet& set);
void discover_host(const FileTree& tree, Runner runner, const HostExtractor& extract,
                   MigrationSet& set);

// Shared by the layouts.

// Reads a file of the tree; an unreadable file is recorded in `set.skipped`.
std::optional<std::string> read_or_skip(const FileTree& tree, const std::string& relative,
                                        MigrationSet& set);

Script make_script(std::string path, Direction direction, std::string sql,
                   TransactionModel transaction, std::string reason);

// Sets `irreversible` when a script carries a `-- migsafe: irreversible` comment.
void mark_irreversible(Migration& migration);
// mark_irreversible, and drops a down with no SQL in it (a down.sql that only says "-- nothing
// to undo" undoes nothing).
void finish_migration(Migration& migration);

// "0042_add_index" → {"0042", "add_index"} when the stem starts with digits and '_'.
struct VersionedName {
    std::string version;
    std::string name;
};
std::optional<VersionedName> split_version(std::string_view stem);

// By id in natural order, ties by the path of the first script.
void sort_by_id(std::vector<Migration>& migrations);

}  // namespace migsafe::migration
