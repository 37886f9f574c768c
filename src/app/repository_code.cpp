#include "app/repository_code.hpp"

#include <fstream>
#include <sstream>

#include "code/language.hpp"
#include "util/paths.hpp"
#include "util/process.hpp"

namespace migsafe {

namespace fs = std::filesystem;

namespace {

// Generated bundles and data files are not where application queries are written.
constexpr uintmax_t kMaxCodeFileBytes = 2u << 20;

std::optional<std::string> read_small_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > kMaxCodeFileBytes || ec)
        return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return std::move(text).str();
}

}  // namespace

std::optional<code::CodeIndex> repository_code(const fs::path& cwd,
                                               const std::set<std::string>& changed,
                                               const std::vector<std::string>& ignore_globs) {
    const auto top = run_process({"git", "rev-parse", "--show-toplevel"}, cwd);
    if (!top || top->exit_code != 0) return std::nullopt;
    const fs::path root = top->out.substr(0, top->out.find('\n'));
    const auto listed =
        run_process({"git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"}, root);
    if (!listed || listed->exit_code != 0) return std::nullopt;
    code::CodeIndex index;
    std::string_view names = listed->out;
    while (!names.empty()) {
        const size_t end = names.find('\0');
        const std::string relative(names.substr(0, end));
        names.remove_prefix(end == std::string_view::npos ? names.size() : end + 1);
        if (relative.empty() || !code::language_for_path(relative)) continue;
        const fs::path absolute = root / relative;
        auto text = read_small_file(absolute);
        if (!text) continue;
        index.add(display_path(absolute), relative, std::move(*text),
                  changed.contains(canonical_path(absolute)), ignore_globs);
    }
    return index;
}

}  // namespace migsafe
