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
#include <sstream>
#include <thread>

#include "config/config.hpp"
#include "engine/check.hpp"
#include "fix/apply_fixes.hpp"
#include "report/report.hpp"

namespace migsafe {

namespace fs = std::filesystem;

namespace {

struct InputFile {
    fs::path path;
    std::string display;
};

std::string display_path(const fs::path& path) {
    std::error_code ec;
    const fs::path cwd = fs::current_path(ec);
    const fs::path absolute = fs::absolute(path, ec).lexically_normal();
    if (!ec) {
        const fs::path relative = absolute.lexically_relative(cwd);
        if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
    }
    return path.generic_string();
}

bool excluded(const std::string& display, const std::vector<std::string>& patterns) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
        return fnmatch(p.c_str(), display.c_str(), 0) == 0;
    });
}

// Files named on the command line are always checked; directories contribute their *.sql files.
std::optional<std::string> collect_inputs(const std::vector<std::string>& paths,
                                          const std::vector<std::string>& exclude,
                                          std::vector<InputFile>& out) {
    for (const std::string& p : paths) {
        std::error_code ec;
        const fs::file_status status = fs::status(p, ec);
        if (ec || !fs::exists(status)) return p + ": no such file or directory";
        if (fs::is_directory(status)) {
            std::vector<InputFile> found;
            for (fs::recursive_directory_iterator
                     it(p, fs::directory_options::skip_permission_denied, ec),
                 end;
                 !ec && it != end; it.increment(ec)) {
                if (!it->is_regular_file(ec) || it->path().extension() != ".sql") continue;
                const std::string display = display_path(it->path());
                if (!excluded(display, exclude)) found.push_back({it->path(), display});
            }
            if (ec) return p + ": " + ec.message();
            std::sort(found.begin(), found.end(),
                      [](const auto& a, const auto& b) { return a.display < b.display; });
            out.insert(out.end(), found.begin(), found.end());
        } else {
            out.push_back({p, display_path(p)});
        }
    }
    return std::nullopt;
}

std::optional<std::string> read_file(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(buffer).str();
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

    std::vector<std::pair<std::string, std::string>> inputs;
    std::vector<InputFile> files;
    if (request.stdin_filename) {
        std::ostringstream buffer;
        buffer << in.rdbuf();
        inputs.emplace_back(*request.stdin_filename, std::move(buffer).str());
    } else {
        std::vector<std::string> paths = request.paths;
        if (paths.empty()) {
            const fs::path base = config_file ? config_file->parent_path() : fs::current_path();
            for (const std::string& p : config.paths)
                paths.push_back((base / p).string());
            if (paths.empty()) paths.emplace_back(".");
        }
        if (auto problem = collect_inputs(paths, config.exclude, files)) {
            err << "migsafe: " << *problem << '\n';
            return kExitUnreadable;
        }
        for (const InputFile& f : files) {
            auto text = read_file(f.path);
            if (!text) {
                err << "migsafe: " << f.display << ": cannot read file\n";
                return kExitUnreadable;
            }
            inputs.emplace_back(f.display, std::move(*text));
        }
    }

    std::vector<FileResult> results = check_all(inputs, options, request.jobs);
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
