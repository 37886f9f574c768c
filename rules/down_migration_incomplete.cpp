#include <string>

#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

constexpr size_t kListed = 8;

void check(const MigrationContext& ctx, MigrationFindings& out) {
    if (ctx.down == nullptr || ctx.restore_differences.empty()) return;
    const std::vector<std::string>& diffs = ctx.restore_differences;
    std::string listed;
    for (size_t i = 0; i < diffs.size() && i < kListed; ++i)
        listed += (listed.empty() ? "" : "; ") + diffs[i];
    if (diffs.size() > kListed)
        listed += "; and " + std::to_string(diffs.size() - kListed) + " more";
    ByteSpan at;
    for (const sql::Statement& s : ctx.down->statements) {
        if (s.origin == sql::StatementOrigin::TopLevel) {
            at = s.span;
            break;
        }
    }
    Diagnostic& d = out.down.report(
        at, "the down migration of " + ctx.migration.id +
                " does not restore the schema the up migration started from: " + listed);
    d.help =
        "make the down undo every change of the up, in reverse order (drop what up created, "
        "re-create what it dropped with the same definition), or mark the migration "
        "`-- migsafe: irreversible` if it cannot be undone";
}

}  // namespace

RuleHooks hooks_down_migration_incomplete() {
    return {.on_migration = &check};
}

}  // namespace migsafe::rules
