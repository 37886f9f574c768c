#include "app/git_changes.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

#include "util/paths.hpp"
#include "util/process.hpp"

namespace migsafe {

namespace {

std::string first_line(const std::string& text) {
    const std::string line = text.substr(0, text.find('\n'));
    return line.empty() ? "no message" : line;
}

std::variant<std::string, GitError> git(const std::vector<std::string>& args,
                                        const std::filesystem::path& cwd) {
    std::vector<std::string> argv{"git"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto result = run_process(argv, cwd);
    if (!result) return GitError{"cannot run git: is it installed and on PATH?"};
    if (result->exit_code != 0) {
        return GitError{"git " + args.front() + " failed: " + first_line(result->err)};
    }
    return result->out;
}

void add_lines(const std::string& text, const std::filesystem::path& top,
               std::set<std::string>& out) {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        out.insert(canonical_path(top / line));
    }
}

}  // namespace

std::variant<std::set<std::string>, GitError> changed_files(const GitChangeRequest& request,
                                                            const std::filesystem::path& cwd) {
    auto top = git({"rev-parse", "--show-toplevel"}, cwd);
    if (auto* error = std::get_if<GitError>(&top)) {
        return GitError{"not in a git repository (" + error->message + ")"};
    }
    const std::filesystem::path root = first_line(std::get<std::string>(top));
    std::set<std::string> files;
    if (request.staged) {
        auto staged = git({"diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z"}, root);
        if (auto* error = std::get_if<GitError>(&staged)) return *error;
        std::string names = std::get<std::string>(staged);
        std::replace(names.begin(), names.end(), '\0', '\n');
        add_lines(names, root, files);
        return files;
    }
    auto base = git({"merge-base", request.since_ref, "HEAD"}, root);
    if (std::holds_alternative<GitError>(base)) {
        return GitError{"--changed-since " + request.since_ref +
                        ": git cannot find it or its common history with HEAD. In a shallow "
                        "clone fetch it first (e.g. `git fetch --depth=100 origin " +
                        request.since_ref + "`, or check out with fetch-depth: 0)"};
    }
    const std::string commit = first_line(std::get<std::string>(base));
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"diff", "--name-only", "--diff-filter=ACMR", "-z", commit},
          std::vector<std::string>{"ls-files", "--others", "--exclude-standard", "-z"}}) {
        auto listed = git(args, root);
        if (auto* error = std::get_if<GitError>(&listed)) return *error;
        std::string names = std::get<std::string>(listed);
        std::replace(names.begin(), names.end(), '\0', '\n');
        add_lines(names, root, files);
    }
    return files;
}

}  // namespace migsafe
