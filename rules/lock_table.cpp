#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (ctx.facts.kind != pg::StatementKind::Lock) return;
    // A function body runs when the function is called, not while the migration runs.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;

    std::vector<pg::RelationLock> locks;
    std::string tables;
    for (const pg::RelationLock& lock : ctx.facts.locks) {
        // A table created earlier in this migration: no other session uses it yet.
        if (!ctx.existing(lock.relation)) continue;
        tables += (tables.empty() ? "" : ", ") + lock.relation.display();
        locks.push_back(lock);
    }
    if (locks.empty()) return;
    const pg::LockMode mode = locks.front().mode;  // one LOCK statement has one mode
    const std::string mode_name(pg::lock_mode_name(mode));

    Diagnostic& d =
        out.report(ctx.statement_span(),
                   "LOCK TABLE takes " + mode_name + " on " + tables + ", which " +
                       std::string(pg::lock_blocks(mode)) + " until the transaction ends" +
                       (mode == pg::LockMode::AccessExclusive
                            ? " (ACCESS EXCLUSIVE is LOCK TABLE's default mode)"
                            : ""));
    d.lock = locks.front();
    d.help =
        "drop the explicit lock: the statements that follow take the locks they need "
        "themselves. If you must serialize, name the weakest mode that does it (e.g. `LOCK "
        "TABLE " +
        tables +
        " IN SHARE ROW EXCLUSIVE MODE;` still lets reads run), set lock_timeout before it, "
        "and commit soon after";
}

}  // namespace

RuleHooks hooks_lock_table() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
