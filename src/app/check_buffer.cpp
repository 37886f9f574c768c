#include "app/check_buffer.hpp"

#include <algorithm>
#include <filesystem>

#include "migration/discover.hpp"
#include "migration/file_root.hpp"
#include "migration/host/extract.hpp"

namespace migsafe {

namespace {

std::optional<migration::Runner> host_runner(const std::string& path) {
    if (path.empty() || !migration::is_host_language_file(path)) return std::nullopt;
    const std::filesystem::path dir = std::filesystem::path(path).parent_path();
    // Rails and Alembic keep migrations one level below the directory that says so.
    for (const std::filesystem::path& candidate :
         {dir, dir.parent_path(), dir.parent_path().parent_path()}) {
        if (candidate.empty()) continue;
        const migration::Runner runner = migration::detect_runner(candidate).first;
        switch (runner) {
            case migration::Runner::Rails:
            case migration::Runner::Alembic:
            case migration::Runner::Django:
            case migration::Runner::Knex:
            case migration::Runner::NodePgMigrate:
                return runner;
            default:
                break;
        }
    }
    return std::nullopt;
}

}  // namespace

bool is_host_language_migration(const std::string& path) {
    return host_runner(path).has_value();
}

FileResult check_buffer(const std::string& path, std::string text, const Options& options) {
    const std::optional<migration::Runner> runner = host_runner(path);
    std::optional<migration::Migration> migration;
    if (runner) migration = migration::extract_host_migration(*runner, path, text);
    if (!migration) return check_source(path, std::move(text), options);

    FileResult merged;
    merged.path = path;
    merged.file = std::make_unique<sql::ParsedFile>(std::move(text));
    for (const auto* script : {&migration->up, &migration->down}) {
        if (!*script) continue;
        Options script_options = options;
        script_options.transaction = (*script)->transaction;
        script_options.transaction_reason = (*script)->transaction_reason;
        catalog::Catalog no_history;
        FileResult one =
            check_parsed(path, sql::parse_file((*script)->sql, sql::TreeDetail::ForRules),
                         script_options, no_history);
        add_script_problems((*script)->problems, one);
        finalize(one, script_options);
        for (Diagnostic& d : one.diagnostics) {
            d.fix.reset();  // edits of the extracted SQL are not edits of the host code
            merged.diagnostics.push_back(std::move(d));
        }
    }
    std::stable_sort(
        merged.diagnostics.begin(), merged.diagnostics.end(),
        [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
    return merged;
}

}  // namespace migsafe
