#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace migsafe::migration {

// One change line of a sqitch.plan:
// `name [requirement !conflict …] 2024-01-01T00:00:00Z Planner <email> # note`.
struct PlannedChange {
    std::string name;
    std::vector<std::string> requires_changes;  // without conflicts (`!x`) and `@tag` suffixes
    // The script stem under deploy/ and revert/: the name, or `name@tag` for a change that is
    // reworked later in the plan (its older scripts are kept under the first tag after it).
    std::string script_stem;
};

// The changes in plan order; pragmas (`%…`), tags (`@…`), blank lines and comments are skipped.
std::vector<PlannedChange> parse_sqitch_plan(std::string_view plan);

}  // namespace migsafe::migration
