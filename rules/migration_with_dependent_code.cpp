#include <set>
#include <string>
#include <utility>

#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

void check(const ChangeSetContext& ctx, CodeFindings& out) {
    for (const AddedObject& added : ctx.added) {
        const std::string what = (added.column.empty() ? "table " : "column ") +
                                 added.table.display() +
                                 (added.column.empty() ? "" : "." + added.column);
        std::set<std::pair<const void*, uint32_t>> reported;  // one finding per line
        for (const code::CodeIndex::Hit& hit : ctx.code.find(added.table, added.column, true)) {
            const uint32_t line = hit.file->source.line_of(hit.reference->span.begin);
            if (!reported.insert({hit.file, line}).second) continue;
            Diagnostic& d = out.report(
                *hit.file, hit.reference->span,
                "this code uses " + what + ", which migration " + added.migration + " (" +
                    added.path +
                    ") adds in the same change: if the code is deployed before "
                    "the migration has run everywhere, or the migration is rolled back, its "
                    "queries fail with \"" +
                    (added.column.empty() ? "relation" : "column") + " … does not exist\"");
            d.related.push_back(
                {added.path, 1, 1, 1, "migration " + added.migration + " adds " + what});
            d.help =
                "ship the migration first, in a release of its own; once it has run in "
                "every environment, ship the code that uses " +
                what +
                " (or guard the code with a feature flag that is turned on after the "
                "migration)";
        }
    }
}

}  // namespace

RuleHooks hooks_migration_with_dependent_code() {
    return {.on_change_set = &check};
}

}  // namespace migsafe::rules
