#include <algorithm>

#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    // A function body runs when the function is called, not while the migration runs.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    // A non-concurrent index build reads the whole table under SHARE, like a validation scan.
    if (!ctx.facts.rewrites_table && !ctx.facts.scans_table && !ctx.facts.builds_index) return;
    // CONCURRENTLY work blocks no one; a timeout would only cancel it (see
    // timeout-cancels-concurrent-build).
    if (ctx.facts.concurrently) return;
    // VALIDATE CONSTRAINT scans under SHARE UPDATE EXCLUSIVE: same reasoning.
    if (ctx.facts.alter &&
        std::all_of(ctx.facts.alter->commands.begin(), ctx.facts.alter->commands.end(),
                    [](const pg::AlterCommand& c) { return c.is_validate_constraint(); }))
        return;
    const std::vector<pg::RelationLock> locks = ctx.state.dangerous_locks_on_existing(ctx.facts);
    // Only relations created in this migration are locked: they are empty, the work is instant.
    if (locks.empty()) return;
    const std::optional<SettingValue> timeout = ctx.state.statement_timeout();
    if (timeout && timeout->ms > 0) return;

    const pg::RelationLock lock = *std::max_element(
        locks.begin(), locks.end(), [](const auto& a, const auto& b) { return a.mode < b.mode; });
    const std::string t = lock.relation.display();
    const std::string mode(pg::lock_mode_name(lock.mode));
    const std::string what = ctx.snippet(ctx.statement_span(), 60);
    const pg::QualifiedName target = ctx.facts.alter ? ctx.facts.alter->table : lock.relation;
    std::string work = "scans every row of ";
    if (ctx.facts.rewrites_table) {
        work = "rewrites ";
    } else if (ctx.facts.builds_index && !ctx.facts.scans_table) {
        work = "reads every row of ";
    }
    Diagnostic& d = out.report(ctx.statement_span(),
                               "`" + what + "` " + work + target.display() + " while holding " +
                                   mode + " on " + t + ", with no statement_timeout in force" +
                                   (timeout ? " (statement_timeout = 0 disables it)" : "") +
                                   ": nothing bounds how long it " +
                                   std::string(pg::lock_blocks(lock.mode)) + " on " + t);
    d.lock = lock;
    const std::string set = ctx.in_transaction() ? "SET LOCAL" : "SET";
    d.help = "bound it: `" + set +
             " statement_timeout = '5min';` (sized to what the application can tolerate) "
             "before this statement, so it fails and releases the lock instead of blocking "
             "for as long as the work takes";
}

}  // namespace

RuleHooks hooks_missing_statement_timeout() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
