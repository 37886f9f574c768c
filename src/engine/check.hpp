#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.hpp"
#include "engine/diagnostic.hpp"
#include "engine/options.hpp"
#include "engine/rule_context.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe {

// What the migration runner says about a checked script; empty fields for a loose file.
struct ScriptInfo {
    std::string migration;           // the runner's id of the migration
    std::string runner;              // "goose", "golang-migrate", …
    std::string direction;           // "up" or "down"
    std::string transaction;         // the transaction model assumed: "wrapped", …
    std::string transaction_reason;  // why ("-- +goose NO TRANSACTION")
};

// The outcome of checking one migration file (or one direction of a migration).
struct FileResult {
    std::string path;                       // as the user should see it
    std::unique_ptr<sql::ParsedFile> file;  // text and statement spans (finalize() frees the rest)
    std::vector<Diagnostic> diagnostics;    // sorted by position, suppressions applied
    ScriptInfo script;
};

// Parses and checks one loose file's bytes, starting from an empty schema. Pure: reads no
// files, prints nothing.
FileResult check_source(std::string path, std::string bytes, const Options& options);

// Checks one parsed script against `catalog`, the schema before it, and replays the script's
// statements into `catalog` as they run (PL/pgSQL function bodies excluded: they run when
// called). The result is not final: add any migration-level findings, then call finalize().
FileResult check_parsed(std::string path, std::unique_ptr<sql::ParsedFile> file,
                        const Options& options, catalog::Catalog& catalog,
                        const code::CodeIndex* code = nullptr);

// Adds an `unanalyzable-sql` finding for each part of a script its runner's extraction could
// not turn into SQL (an interpolated host-language string). Before finalize().
void add_script_problems(const std::vector<migration::ScriptProblem>& problems, FileResult& result);

// Applies suppressions and severities, sorts the findings and frees what only the analysis
// needed (trees, tokens).
void finalize(FileResult& result, const Options& options);

// Runs the migration-level rules (missing or incomplete down) and adds their findings to the
// up and down results, which are not finalized yet.
void check_migration(const MigrationContext& context, FileResult* up, FileResult* down);

// Runs the change-set rules (application code that depends on a migration of the change set);
// one finalized result per code file with findings.
std::vector<FileResult> check_change_set(const ChangeSetContext& context);

// Replays a script into `catalog` without checking it (history before the checked range).
void replay(const sql::ParsedFile& file, catalog::Catalog& catalog);

}  // namespace migsafe
