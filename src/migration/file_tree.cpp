#include "migration/file_tree.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <system_error>

#include "migration/natural_order.hpp"
#include "util/read_input.hpp"

namespace migsafe::migration {

namespace fs = std::filesystem;

namespace {

bool is_skipped_directory(const std::string& name) {
    static constexpr std::array<std::string_view, 5> kSkipped{"node_modules", "__pycache__",
                                                              "target", "vendor", "build"};
    if (!name.empty() && name.front() == '.') return true;
    return std::find(kSkipped.begin(), kSkipped.end(), name) != kSkipped.end();
}

}  // namespace

bool FileTree::contains(std::string_view relative) const {
    return std::find(files.begin(), files.end(), relative) != files.end();
}

fs::path FileTree::absolute(std::string_view relative) const {
    return root / fs::path(relative);
}

std::string FileTree::display(std::string_view relative) const {
    if (root.empty() || root == ".") return std::string(relative);
    return (root / fs::path(relative)).generic_string();
}

bool FileTree::in_directory_named(std::string_view relative, std::string_view directory) const {
    const std::string_view parent = parent_dir(relative);
    if (!parent.empty()) return file_name(parent) == directory;
    // The root as given may end with a slash ("db/migrate/").
    const fs::path normal = root.lexically_normal();
    const fs::path name =
        normal.has_filename() ? normal.filename() : normal.parent_path().filename();
    return name == directory;
}

FileTree list_files(const fs::path& root) {
    FileTree tree{root, {}};
    std::error_code error;
    if (fs::is_regular_file(root, error)) {
        tree.root = root.parent_path();
        tree.files.push_back(root.filename().generic_string());
        return tree;
    }
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
        const fs::directory_entry& entry = *it;
        if (entry.is_directory(error)) {
            if (is_skipped_directory(entry.path().filename().string()))
                it.disable_recursion_pending();
            continue;
        }
        if (!entry.is_regular_file(error)) continue;
        tree.files.push_back(entry.path().lexically_relative(root).generic_string());
    }
    std::sort(tree.files.begin(), tree.files.end(), natural_less);
    return tree;
}

std::optional<std::string> read_text(const fs::path& path) {
    ReadResult read = read_input(path, path.string());
    if (auto* text = std::get_if<std::string>(&read)) return std::move(*text);
    return std::nullopt;
}

std::string read_head(const fs::path& path, size_t limit) {
    std::ifstream in(path, std::ios::binary);
    std::string head(limit, '\0');
    in.read(head.data(), static_cast<std::streamsize>(limit));
    head.resize(in ? limit : static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

std::string_view file_name(std::string_view relative) {
    const size_t slash = relative.rfind('/');
    return slash == std::string_view::npos ? relative : relative.substr(slash + 1);
}

std::string_view parent_dir(std::string_view relative) {
    const size_t slash = relative.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : relative.substr(0, slash);
}

std::string join_path(std::string_view directory, std::string_view rest) {
    if (directory.empty()) return std::string(rest);
    return std::string(directory) + "/" + std::string(rest);
}

bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace migsafe::migration
