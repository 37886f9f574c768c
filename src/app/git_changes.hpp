#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <variant>

namespace migsafe {

// The files of a change set, as canonical absolute paths: those that differ between the merge
// base of `ref` and HEAD and the working tree (plus untracked files), or those staged in the
// index. Deleted files are left out. git runs as a child process with an argument vector.
struct GitChangeRequest {
    std::string since_ref;  // --changed-since; empty with `staged`
    bool staged = false;    // --staged
};

struct GitError {
    std::string message;  // one line, with what to do about it
};

std::variant<std::set<std::string>, GitError> changed_files(const GitChangeRequest& request,
                                                            const std::filesystem::path& cwd);

}  // namespace migsafe
