#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "engine/check.hpp"
#include "engine/rule_context.hpp"
#include "migration/migration.hpp"

namespace migsafe {

// Which migrations of a set are checked; the others are only replayed into the history.
struct MigrationSelection {
    // Only migrations with a script among these files (canonical paths) are checked; nullopt:
    // every migration. From --changed-since / --staged, or the files named on the command line.
    std::optional<std::set<std::string>> files;
    // config `start_after`: migrations up to and including this id are history only.
    std::optional<std::string> start_after;
    // Script paths to leave out entirely (config `exclude`).
    std::function<bool(const std::string& path)> excluded;
};

// --assume-in-transaction / --no-assume-in-transaction override the runner's model.
struct MigrationCheckOptions {
    Options options;
    std::optional<migration::TransactionModel> forced_transaction;
    unsigned jobs = 0;
    // With a change set: the repository's code for dropped-object-still-referenced, and where
    // to collect what the checked migrations add (for migration-with-dependent-code).
    const code::CodeIndex* code = nullptr;
    std::vector<AddedObject>* added = nullptr;
};

// Checks a runner's migrations in order: each checked script sees the schema that replaying the
// earlier migrations (from `history`, e.g. a seeded schema dump) gives; each checked down is
// replayed after its up and compared with the schema before the up. Returns one result per
// checked script, in order. Throws std::runtime_error for an unknown `start_after`.
std::vector<FileResult> check_migration_set(const migration::MigrationSet& set,
                                            const MigrationCheckOptions& check,
                                            const MigrationSelection& selection,
                                            catalog::Catalog history);

}  // namespace migsafe
