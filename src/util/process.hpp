#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace migsafe {

struct ProcessOutput {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs a program with an argument vector (no shell: nothing in `argv` is interpreted) in `cwd`
// and collects its output. nullopt when it cannot be started.
std::optional<ProcessOutput> run_process(const std::vector<std::string>& argv,
                                         const std::filesystem::path& cwd);

}  // namespace migsafe
