#include <algorithm>
#include <cstdint>

#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

std::string duration(int64_t ms) {
    if (ms % 3'600'000 == 0) return std::to_string(ms / 3'600'000) + "h";
    if (ms % 60'000 == 0) return std::to_string(ms / 60'000) + "min";
    if (ms % 1'000 == 0) return std::to_string(ms / 1'000) + "s";
    return std::to_string(ms) + "ms";
}

// The sub-command span of the first VALIDATE CONSTRAINT, when the statement has one.
std::optional<size_t> validate_command(const RuleContext& ctx) {
    if (!ctx.facts.alter) return std::nullopt;
    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        if (command.is_validate_constraint()) return command.index;
    }
    return std::nullopt;
}

void check(const RuleContext& ctx, Findings& out) {
    // A function body runs when the function is called, under whatever timeout is set then.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    const bool concurrent_build = ctx.facts.cancel_leaves_invalid_index && ctx.facts.builds_index;
    const std::optional<size_t> validate = validate_command(ctx);
    if (!concurrent_build && !validate) return;
    // In a transaction block the concurrent build fails outright: concurrent-in-transaction's.
    if (concurrent_build && ctx.in_transaction()) return;
    // On tables created earlier in this migration the work is instant.
    if (std::none_of(ctx.facts.locks.begin(), ctx.facts.locks.end(),
                     [&](const pg::RelationLock& l) { return ctx.existing(l.relation); }))
        return;
    const std::optional<SettingValue> timeout = ctx.state.statement_timeout();
    // No timeout (or 0, which disables it), or one long enough for the build.
    if (!timeout || timeout->ms == 0 || timeout->ms >= ctx.options.min_build_timeout_ms) return;

    const std::string limit = "statement_timeout " + duration(timeout->ms) + " (set on line " +
                              std::to_string(ctx.file.source.line_of(timeout->set_at.begin)) + ")";
    const std::string floor = duration(ctx.options.min_build_timeout_ms);
    const std::string local = ctx.in_transaction() ? "SET LOCAL" : "SET";
    if (concurrent_build) {
        const std::string what = ctx.snippet(ctx.statement_span(), 60);
        Diagnostic& d = out.report(
            ctx.statement_span(),
            "`" + what + "` runs under " + limit + ", below the minimum of " + floor +
                " for a concurrent build: if the build takes longer it is cancelled, and a "
                "cancelled concurrent build leaves an INVALID index behind that is not used by "
                "queries but still has to be maintained on every write");
        d.help = "lift the timeout for this statement: `" + local +
                 " statement_timeout = 0;` before it, and restore the limit after it. If an "
                 "earlier run was cancelled, drop the INVALID index with DROP INDEX "
                 "CONCURRENTLY first";
        return;
    }
    Diagnostic& d = out.report(
        ctx.alter_command_span(*validate),
        "VALIDATE CONSTRAINT on " + ctx.facts.alter->table.display() + " runs under " + limit +
            ", below the minimum of " + floor +
            " for a validation scan: if the scan takes longer it is cancelled, the constraint "
            "stays NOT VALID and the whole scan is wasted");
    d.help = "lift the timeout for this statement: `" + local +
             " statement_timeout = 0;` before it (VALIDATE CONSTRAINT takes only SHARE UPDATE "
             "EXCLUSIVE, so a long scan blocks no reads or writes), and restore the limit after it";
}

}  // namespace

RuleHooks hooks_timeout_cancels_concurrent_build() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
