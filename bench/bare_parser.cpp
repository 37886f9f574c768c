// The floor migsafe's speed is measured against: what a bare libpg_query user does with a
// directory of migration scripts, and nothing more. For each *.sql file: blank out psql
// meta-command lines (keeping byte offsets), split with the scanner, parse each statement to JSON
// and free it. No analysis and no report; one summary line on stderr.
//
//   usage: migsafe_bare_parser [-jN] DIR|FILE...      (N worker threads, default 2)
#include <pg_query.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Totals {
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
    std::uint64_t statements = 0;
    std::uint64_t rejected_statements = 0;
    std::uint64_t unsplittable_files = 0;
    std::uint64_t unreadable_files = 0;

    void add(const Totals& other) {
        files += other.files;
        bytes += other.bytes;
        statements += other.statements;
        rejected_statements += other.rejected_statements;
        unsplittable_files += other.unsplittable_files;
        unreadable_files += other.unreadable_files;
    }
};

struct InputFile {
    fs::path path;
    std::uintmax_t size = 0;
};

bool is_sql_file(const fs::directory_entry& entry) {
    std::error_code error;
    return entry.is_regular_file(error) && entry.path().extension() == ".sql";
}

// Every *.sql file under the arguments (directories are walked recursively; files are taken as
// given), biggest first so that one huge file starts early instead of finishing last.
std::optional<std::vector<InputFile>> collect_inputs(const std::vector<std::string>& arguments) {
    std::vector<InputFile> inputs;
    for (const std::string& argument : arguments) {
        std::error_code error;
        if (fs::is_directory(argument, error)) {
            for (const auto& entry : fs::recursive_directory_iterator(argument, error)) {
                if (is_sql_file(entry)) inputs.push_back({entry.path(), entry.file_size(error)});
            }
        } else if (fs::is_regular_file(argument, error)) {
            inputs.push_back({argument, fs::file_size(argument, error)});
        } else {
            std::fprintf(stderr, "migsafe_bare_parser: no such file or directory: %s\n",
                         argument.c_str());
            return std::nullopt;
        }
    }
    std::stable_sort(inputs.begin(), inputs.end(),
                     [](const InputFile& a, const InputFile& b) { return a.size > b.size; });
    return inputs;
}

std::optional<std::string> read_file(const fs::path& path) {
    std::ifstream stream(path, std::ios::binary);
    if (!stream) return std::nullopt;
    std::string text{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    if (stream.bad()) return std::nullopt;
    return text;
}

// psql meta-commands (\set, \connect, \i, ...) are not SQL. Overwrite each such line with blanks
// so that the statement offsets the scanner reports still point into the original file.
void blank_meta_command_lines(std::string& text) {
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        const std::size_t first = text.find_first_not_of(" \t\r\f\v", line_start);
        if (first < line_end && text[first] == '\\') {
            std::fill(text.begin() + static_cast<std::ptrdiff_t>(first),
                      text.begin() + static_cast<std::ptrdiff_t>(line_end), ' ');
        }
        line_start = line_end + 1;
    }
}

void parse_file(std::string text, Totals& totals) {
    blank_meta_command_lines(text);
    PgQuerySplitResult split = pg_query_split_with_scanner(text.c_str());
    if (split.error != nullptr) {
        ++totals.unsplittable_files;
        pg_query_free_split_result(split);
        return;
    }
    std::string statement;
    for (int i = 0; i < split.n_stmts; ++i) {
        const PgQuerySplitStmt& span = *split.stmts[i];
        statement.assign(text, static_cast<std::size_t>(span.stmt_location),
                         static_cast<std::size_t>(span.stmt_len));
        PgQueryParseResult parsed = pg_query_parse(statement.c_str());
        ++totals.statements;
        if (parsed.error != nullptr) ++totals.rejected_statements;
        pg_query_free_parse_result(parsed);
    }
    pg_query_free_split_result(split);
}

Totals parse_all(const std::vector<InputFile>& inputs, unsigned jobs) {
    std::atomic<std::size_t> next{0};
    std::vector<Totals> per_worker(jobs);
    const auto worker = [&](Totals& totals) {
        for (std::size_t i = next++; i < inputs.size(); i = next++) {
            std::optional<std::string> text = read_file(inputs[i].path);
            ++totals.files;
            if (!text) {
                ++totals.unreadable_files;
                continue;
            }
            totals.bytes += text->size();
            parse_file(std::move(*text), totals);
        }
    };
    {
        // Every worker is its own thread, so libpg_query's per-thread memory is released when it
        // exits and the main thread never needs pg_query_exit().
        std::vector<std::jthread> threads;
        for (Totals& totals : per_worker)
            threads.emplace_back(worker, std::ref(totals));
    }
    Totals sum;
    for (const Totals& totals : per_worker)
        sum.add(totals);
    return sum;
}

std::optional<unsigned> parse_jobs(std::string_view digits) {
    unsigned jobs = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), jobs);
    if (error != std::errc{} || end != digits.data() + digits.size() || jobs == 0 || jobs > 256) {
        return std::nullopt;
    }
    return jobs;
}

int usage() {
    std::fprintf(stderr, "usage: migsafe_bare_parser [-jN] DIR|FILE...\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned jobs = 2;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument = argv[i];
        if (argument.starts_with("-j")) {
            std::string_view digits = argument.substr(2);
            if (digits.empty() && i + 1 < argc) digits = argv[++i];
            const std::optional<unsigned> parsed = parse_jobs(digits);
            if (!parsed) return usage();
            jobs = *parsed;
        } else if (argument.starts_with("-")) {
            return usage();
        } else {
            paths.emplace_back(argument);
        }
    }
    if (paths.empty()) return usage();

    const std::optional<std::vector<InputFile>> inputs = collect_inputs(paths);
    if (!inputs) return 2;
    jobs = std::min(jobs, static_cast<unsigned>(std::max<std::size_t>(inputs->size(), 1)));
    const Totals totals = parse_all(*inputs, jobs);

    std::fprintf(stderr,
                 "bare parser: %llu files, %llu bytes, %llu statements, %llu rejected by the "
                 "parser, %llu files the scanner could not split, %llu unreadable files (%u "
                 "threads)\n",
                 static_cast<unsigned long long>(totals.files),
                 static_cast<unsigned long long>(totals.bytes),
                 static_cast<unsigned long long>(totals.statements),
                 static_cast<unsigned long long>(totals.rejected_statements),
                 static_cast<unsigned long long>(totals.unsplittable_files),
                 static_cast<unsigned long long>(totals.unreadable_files), jobs);
    return totals.unreadable_files == 0 ? 0 : 1;
}
