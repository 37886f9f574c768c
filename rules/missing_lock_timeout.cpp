#include <algorithm>
#include <cstdint>

#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

std::string duration(int64_t ms) {
    if (ms % 60'000 == 0) return std::to_string(ms / 60'000) + "min";
    if (ms % 1'000 == 0) return std::to_string(ms / 1'000) + "s";
    return std::to_string(ms) + "ms";
}

void check(const RuleContext& ctx, Findings& out) {
    // A function body runs when the function is called, not while the migration runs.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    const std::vector<pg::RelationLock> locks = ctx.state.dangerous_locks_on_existing(ctx.facts);
    // Only locks on relations the migration created: no other session can be holding them.
    if (locks.empty()) return;

    const int64_t max = ctx.options.max_lock_timeout_ms;
    const auto earlier = ctx.state.longest_wait_at_dangerous_lock();
    // Reported once per migration: an earlier dangerous lock already went unprotected.
    if (earlier && *earlier > max) return;

    const std::optional<SettingValue> timeout = ctx.state.lock_timeout();
    if (timeout && timeout->ms > 0 && timeout->ms <= max) return;

    const pg::RelationLock lock = *std::max_element(
        locks.begin(), locks.end(), [](const auto& a, const auto& b) { return a.mode < b.mode; });
    const std::string mode(pg::lock_mode_name(lock.mode));
    const std::string what = "`" + ctx.snippet(ctx.statement_span(), 50) + "` takes " + mode +
                             " on " + lock.relation.display();
    std::string problem;
    if (!timeout) {
        problem = "with no lock_timeout set";
    } else if (timeout->ms == 0) {
        problem = "with lock_timeout = 0, which disables the timeout";
    } else {
        problem = "with lock_timeout " + duration(timeout->ms) + ", above the maximum of " +
                  duration(max);
    }
    Diagnostic& d =
        out.report(ctx.statement_span(),
                   what + " " + problem + ": while it waits behind any long-running query on " +
                       lock.relation.display() +
                       ", every new query on it queues behind this statement, which can stall the "
                       "application");
    d.lock = lock;
    d.help =
        "set a short lock_timeout at the start of the migration, e.g. SET lock_timeout = "
        "'5s'; (at most " +
        duration(max) + "), and retry the migration if it times out";
    if (timeout) {
        d.help += "; change `" + ctx.snippet(timeout->set_at, 60) + "` accordingly";
        return;
    }
    // The inserted SET only helps when no earlier statement changes lock_timeout again.
    if (ctx.state.lock_timeout_changed() || ctx.file.statements.empty()) return;
    const uint32_t first = ctx.file.statements.front().span.begin;
    d.fix = Fix{
        "Set lock_timeout at the start", {{{first, first}, "SET lock_timeout = '5s';\n"}}, true};
}

}  // namespace

RuleHooks hooks_missing_lock_timeout() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
