#pragma once

#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace migsafe {

enum class OutputFormat { Text, Json, Sarif, Github };

// `migsafe check`, as the command line asked for it.
struct CheckRequest {
    std::vector<std::string> paths;
    OutputFormat format = OutputFormat::Text;
    std::optional<std::string> output;
    std::optional<int> pg_version;
    std::optional<bool> assume_in_transaction;
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    std::map<std::string, std::string> severity;
    std::string fail_on = "error";
    std::optional<std::string> config;
    std::optional<std::string> stdin_filename;
    bool fix = false;
    unsigned jobs = 0;                         // 0: all cores
    std::optional<std::string> runner;         // --runner (a name, or "auto")
    std::optional<std::string> changed_since;  // --changed-since REF
    bool staged = false;                       // --staged
};

enum ExitCode : int { kExitClean = 0, kExitFindings = 1, kExitUsage = 2, kExitUnreadable = 3 };

// Runs the check and writes the report; returns the process exit code.
int run_check(const CheckRequest& request, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace migsafe
