#include "app/check_command.hpp"

#include <fnmatch.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "app/check_migrations.hpp"
#include "app/git_changes.hpp"
#include "app/repository_code.hpp"
#include "catalog/seed.hpp"
#include "config/config.hpp"
#include "engine/check.hpp"
#include "fix/apply_fixes.hpp"
#include "migration/discover.hpp"
#include "migration/file_root.hpp"
#include "migration/host/extract.hpp"
#include "report/report.hpp"
#include "util/paths.hpp"
#include "util/process.hpp"
#include "util/read_input.hpp"

namespace migsafe {

namespace fs = std::filesystem;

namespace {

struct InputFile {
    fs::path path;
    std::string display;
};

bool excluded(const std::string& display, const std::vector<std::string>& patterns) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
        return fnmatch(p.c_str(), display.c_str(), 0) == 0;
    });
}

// The first `limit` bytes of a file (empty when it cannot be read).
std::string read_head(const fs::path& path, size_t limit) {
    std::ifstream in(path, std::ios::binary);
    std::string head(limit, '\0');
    in.read(head.data(), static_cast<std::streamsize>(limit));
    head.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

std::optional<std::string> read_file(const fs::path& path) {
    ReadResult read = read_input(path, path.string());
    if (auto* text = std::get_if<std::string>(&read)) return std::move(*text);
    return std::nullopt;
}

// Replaces the file through a temporary in the same directory and a rename.
bool write_atomically(const fs::path& path, const std::string& text) {
    const fs::path temp = path.parent_path() / ("." + path.filename().string() + ".migsafe-tmp");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return false;
        out << text;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    fs::permissions(temp, fs::status(path, ec).permissions(), ec);
    fs::rename(temp, path, ec);
    if (ec) fs::remove(temp, ec);
    return !ec;
}

std::vector<FileResult> check_all(std::vector<std::pair<std::string, std::string>> inputs,
                                  const Options& options, unsigned jobs) {
    std::vector<FileResult> results(inputs.size());
    std::atomic<size_t> next{0};
    const auto worker = [&] {
        for (size_t i = next++; i < inputs.size(); i = next++) {
            results[i] =
                check_source(std::move(inputs[i].first), std::move(inputs[i].second), options);
        }
    };
    if (jobs == 0) jobs = std::max(1U, std::thread::hardware_concurrency());
    jobs = std::min<unsigned>(jobs, static_cast<unsigned>(std::max<size_t>(inputs.size(), 1)));
    std::vector<std::jthread> threads;
    for (unsigned t = 1; t < jobs; ++t)
        threads.emplace_back(worker);
    worker();
    return results;
}

// A runner's migration set, and which of its files to check (nullopt: all).
struct MigrationJob {
    migration::MigrationSet set;
    std::optional<std::set<std::string>> only;
};

migration::DiscoverOptions discover_options(std::optional<migration::Runner> runner) {
    return {runner, &migration::extract_host_migration};
}

std::set<std::string> script_paths(const migration::MigrationSet& set) {
    std::set<std::string> out;
    for (const migration::Migration& m : set.migrations) {
        for (const auto* s : {&m.up, &m.down}) {
            if (*s) out.insert(canonical_path((*s)->path));
        }
    }
    return out;
}

// Directories become migration sets of their runner. A file named on the command line is
// checked as a migration of the set around it when its directory has a runner other than plain
// SQL (so pre-commit, which passes files, gets the runner's transaction model and the history);
// otherwise as a loose file. With a change set, only changed files are checked.
std::optional<std::string> plan_inputs(const std::vector<std::string>& paths,
                                       std::optional<migration::Runner> runner,
                                       const std::vector<std::string>& exclude,
                                       const std::optional<std::set<std::string>>& changed,
                                       std::vector<MigrationJob>& sets,
                                       std::vector<InputFile>& loose) {
    std::map<std::string, std::set<std::string>> files_by_directory;
    for (const std::string& p : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(p, ec);
        if (ec || !fs::exists(status)) return p + ": no such file or directory";
        if (fs::is_directory(status)) {
            sets.push_back({migration::discover(p, discover_options(runner)), changed});
            continue;
        }
        if (changed && !changed->contains(canonical_path(p))) continue;
        // Only a file that says it is a migration of some runner brings its directory in.
        // Devices and pipes (/dev/stdin) are read once, later, as loose files.
        const std::optional<fs::path> root =
            fs::is_regular_file(status) ? migration::migration_root_of(p, read_head(p, 4096))
                                        : std::nullopt;
        if (!root) {
            const std::string display = display_path(p);
            if (!excluded(display, exclude)) loose.push_back({p, display});
            continue;
        }
        files_by_directory[root->string()].insert(canonical_path(p));
    }
    for (const auto& [directory, named] : files_by_directory) {
        migration::MigrationSet set = migration::discover(directory, discover_options(runner));
        const std::set<std::string> in_set = script_paths(set);
        std::set<std::string> migrations;
        for (const std::string& file : named) {
            if (set.runner != migration::Runner::Plain && in_set.contains(file)) {
                migrations.insert(file);
            } else {
                const std::string display = display_path(file);
                if (!excluded(display, exclude)) loose.push_back({file, display});
            }
        }
        if (!migrations.empty()) sets.push_back({std::move(set), std::move(migrations)});
    }
    return std::nullopt;
}

// Whole-file scripts can take fixes in place: their SQL is the file. Sections of a goose or
// dbmate file and SQL extracted from host-language code are reported without fixing.
std::vector<FileResult> check_set_with_fixes(const migration::MigrationSet& set,
                                             const MigrationCheckOptions& options,
                                             const MigrationSelection& selection,
                                             const catalog::Catalog& history, bool fix,
                                             std::ostream& err) {
    std::vector<FileResult> results = check_migration_set(set, options, selection, history);
    for (int round = 0; fix && round < 10; ++round) {
        bool applied = false;
        for (const FileResult& r : results) {
            const auto text = read_file(r.path);
            if (!text || *text != r.file->source.bytes()) continue;
            const FixOutcome fixed = apply_fixes(*text, r.diagnostics);
            if (fixed.applied == 0) continue;
            if (!write_atomically(r.path, fixed.text)) {
                err << "migsafe: " << r.path << ": cannot write fixed file\n";
                return results;
            }
            applied = true;
        }
        if (!applied) break;
        const migration::MigrationSet again =
            migration::discover(set.root, discover_options(set.runner));
        results = check_migration_set(again, options, selection, history);
    }
    return results;
}

// GitHub code scanning resolves SARIF paths against the repository root (%SRCROOT%): paths
// inside the git work tree are made relative to its top, whatever directory migsafe ran in.
void relative_to_repository(std::vector<FileResult>& results) {
    const auto top = run_process({"git", "rev-parse", "--show-toplevel"}, fs::current_path());
    if (!top || top->exit_code != 0) return;
    const fs::path root = top->out.substr(0, top->out.find('\n'));
    const auto relative_path = [&](std::string& path) {
        path = path_under(canonical_path(fs::absolute(path)), root);
    };
    for (FileResult& r : results) {
        relative_path(r.path);
        for (Diagnostic& d : r.diagnostics) {
            for (RelatedLocation& related : d.related)
                relative_path(related.path);
        }
    }
}

std::optional<Severity> fail_threshold(const std::string& fail_on) {
    if (fail_on == "never") return std::nullopt;
    return parse_severity(fail_on);
}

}  // namespace

int run_check(const CheckRequest& request, std::istream& in, std::ostream& out, std::ostream& err) {
    Options options;
    Config config;
    std::optional<fs::path> config_file;
    if (request.config) {
        config_file = *request.config;
    } else {
        config_file = find_config(fs::current_path());
    }
    if (config_file) {
        auto loaded = load_config(*config_file);
        if (auto* error = std::get_if<ConfigError>(&loaded)) {
            err << "migsafe: " << error->message << '\n';
            return kExitUsage;
        }
        config = std::get<Config>(std::move(loaded));
        if (auto error = apply_config(config, options)) {
            err << "migsafe: " << error->message << '\n';
            return kExitUsage;
        }
    }
    if (request.pg_version) options.pg_version = *request.pg_version;
    if (request.assume_in_transaction) {
        options.transaction = *request.assume_in_transaction
                                  ? migration::TransactionModel::Wrapped
                                  : migration::TransactionModel::AsWritten;
        options.transaction_reason = *request.assume_in_transaction ? "--assume-in-transaction"
                                                                    : "--no-assume-in-transaction";
    }
    if (auto error = apply_rule_selection(request.select, request.ignore, request.severity,
                                          "command line", options)) {
        err << "migsafe: " << error->message << '\n';
        return kExitUsage;
    }
    const auto threshold_valid =
        request.fail_on == "never" || parse_severity(request.fail_on).has_value();
    if (!threshold_valid || request.fail_on == "off") {
        err << "migsafe: --fail-on must be error, warning, info or never\n";
        return kExitUsage;
    }

    std::optional<migration::TransactionModel> forced_transaction;
    if (request.assume_in_transaction || config.assume_in_transaction) {
        forced_transaction = options.transaction;
    }
    std::optional<migration::Runner> runner;
    if (const auto name = request.runner ? request.runner : config.runner;
        name && *name != "auto") {
        runner = migration::runner_from_name(*name);
    }
    std::optional<std::set<std::string>> changed;
    if (request.changed_since || request.staged) {
        auto files =
            changed_files({request.changed_since.value_or(""), request.staged}, fs::current_path());
        if (auto* error = std::get_if<GitError>(&files)) {
            err << "migsafe: " << error->message << '\n';
            return kExitUsage;
        }
        changed = std::get<std::set<std::string>>(std::move(files));
    }
    catalog::Catalog history;
    if (config.schema_file) {
        const fs::path schema = config.file.parent_path() / *config.schema_file;
        ReadResult text = read_input(schema, schema.string());
        if (auto* error = std::get_if<InputError>(&text)) {
            err << "migsafe: schema_file " << error->message << '\n';
            return kExitUnreadable;
        }
        history = catalog::catalog_from_sql(std::get<std::string>(text));
    }

    std::vector<std::pair<std::string, std::string>> inputs;
    std::vector<InputFile> files;
    std::vector<MigrationJob> sets;
    if (request.stdin_filename) {
        ReadResult text = read_input_stream(in, *request.stdin_filename);
        if (auto* error = std::get_if<InputError>(&text)) {
            err << "migsafe: " << error->message << '\n';
            return kExitUnreadable;
        }
        inputs.emplace_back(*request.stdin_filename, std::get<std::string>(std::move(text)));
    } else {
        std::vector<std::string> paths = request.paths;
        if (paths.empty()) {
            const fs::path base = config_file ? config_file->parent_path() : fs::current_path();
            for (const std::string& p : config.paths)
                paths.push_back((base / p).string());
            if (paths.empty()) paths.emplace_back(".");
        }
        if (auto problem = plan_inputs(paths, runner, config.exclude, changed, sets, files)) {
            err << "migsafe: " << *problem << '\n';
            return kExitUnreadable;
        }
        for (const InputFile& f : files) {
            ReadResult text = read_input(f.path, f.display);
            if (auto* error = std::get_if<InputError>(&text)) {
                err << "migsafe: " << error->message << '\n';
                return kExitUnreadable;
            }
            inputs.emplace_back(f.display, std::get<std::string>(std::move(text)));
        }
    }

    std::vector<FileResult> results = check_all(std::move(inputs), options, request.jobs);
    if (request.fix && !request.stdin_filename) {
        for (size_t i = 0; i < results.size(); ++i) {
            // Re-lint after each round: a fix may enable or conflict with another.
            for (int round = 0; round < 10; ++round) {
                const FixOutcome fixed =
                    apply_fixes(results[i].file->source.bytes(), results[i].diagnostics);
                if (fixed.applied == 0) break;
                if (!write_atomically(files[i].path, fixed.text)) {
                    err << "migsafe: " << files[i].display << ": cannot write fixed file\n";
                    return kExitUnreadable;
                }
                results[i] = check_source(files[i].display, fixed.text, options);
            }
        }
    }
    // A change set also checks the application code against the migrations (issue 6 rules).
    std::optional<code::CodeIndex> code;
    std::vector<AddedObject> added;
    if (changed) code = repository_code(fs::current_path(), *changed, config.code_ignore);
    MigrationCheckOptions set_options{options, forced_transaction, request.jobs};
    if (code) {
        set_options.code = &*code;
        set_options.added = &added;
    }
    for (MigrationJob& job : sets) {
        MigrationSelection selection;
        selection.files = job.only;
        selection.start_after = config.start_after;
        selection.excluded = [&](const std::string& path) {
            return excluded(display_path(path), config.exclude);
        };
        try {
            std::vector<FileResult> checked =
                check_set_with_fixes(job.set, set_options, selection, history, request.fix, err);
            for (FileResult& r : checked)
                r.path = display_path(r.path);
            std::move(checked.begin(), checked.end(), std::back_inserter(results));
        } catch (const std::runtime_error& e) {
            err << "migsafe: " << e.what() << '\n';
            return kExitUsage;
        }
        for (const auto& [path, reason] : job.set.skipped) {
            if (reason.find("could not be read") != std::string::npos) {
                err << "migsafe: " << display_path(path) << ": cannot read file\n";
                return kExitUnreadable;
            }
        }
    }

    if (code) {
        std::vector<FileResult> in_code = check_change_set({added, *code, options});
        std::move(in_code.begin(), in_code.end(), std::back_inserter(results));
    }

    std::ofstream file_out;
    std::ostream* sink = &out;
    if (request.output) {
        file_out.open(*request.output, std::ios::binary | std::ios::trunc);
        if (!file_out) {
            err << "migsafe: " << *request.output << ": cannot write report\n";
            return kExitUnreadable;
        }
        sink = &file_out;
    }
    switch (request.format) {
        case OutputFormat::Text: {
            const bool color =
                !request.output && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr;
            write_text(*sink, results, {color});
            break;
        }
        case OutputFormat::Json:
            write_json(*sink, results);
            break;
        case OutputFormat::Sarif:
            relative_to_repository(results);
            write_sarif(*sink, results);
            break;
        case OutputFormat::Github:
            write_github(*sink, results);
            break;
    }
    sink->flush();

    const auto threshold = fail_threshold(request.fail_on);
    if (!threshold) return kExitClean;
    for (const FileResult& r : results) {
        for (const Diagnostic& d : r.diagnostics) {
            if (d.severity >= *threshold) return kExitFindings;
        }
    }
    return kExitClean;
}

}  // namespace migsafe
