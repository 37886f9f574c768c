#include <algorithm>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (ctx.facts.allowed_in_transaction) return;
    // ALTER TYPE … ADD VALUE has its own version-dependent rule (enum-value-in-transaction).
    if (ctx.facts.kind == pg::StatementKind::AlterType) return;
    // Outside a transaction block (no BEGIN, after COMMIT, non-transactional runner) it just runs.
    if (!ctx.in_transaction()) return;

    const std::string what = ctx.snippet(ctx.statement_span(), 120);
    std::string where;
    std::string help;
    if (ctx.stmt.origin == sql::StatementOrigin::DoBlock) {
        where = "inside a DO block, which always runs in a transaction";
        help = "move `" + what +
               "` out of the DO block and run it as a top-level statement, "
               "outside any BEGIN … COMMIT";
    } else if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) {
        where = "inside a function body, which always runs in its caller's transaction";
        help = "run `" + what +
               "` as a top-level migration statement, outside any BEGIN … "
               "COMMIT, instead of from a function";
    } else if (ctx.state.transaction().implicit) {
        where = "in a migration its runner wraps in a transaction";
        help =
            "run this migration without a transaction (golang-migrate: one statement per "
            "file; goose: `-- +goose NO TRANSACTION`; dbmate: `-- migrate:up "
            "transaction:false`; Rails: `disable_ddl_transaction!`; Django: `atomic = False`; "
            "Flyway: `executeInTransaction=false`; Alembic: `autocommit_block()`), and put "
            "this statement in a migration of its own";
    } else {
        where = "between BEGIN and COMMIT";
        help = "move `" + what +
               "` after the COMMIT (or before the BEGIN), so it runs outside "
               "the transaction block";
    }
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "`" + what + "` cannot run inside a transaction block, but it runs " + where +
            ": PostgreSQL rejects it (\"cannot run inside a transaction block\") and the "
            "migration fails");
    d.help = std::move(help);
    // The strongest lock the statement would take, for reporters that show it.
    const auto strongest = std::max_element(
        ctx.facts.locks.begin(), ctx.facts.locks.end(),
        [](const pg::RelationLock& a, const pg::RelationLock& b) { return a.mode < b.mode; });
    if (strongest != ctx.facts.locks.end()) d.lock = *strongest;
}

}  // namespace

RuleHooks hooks_concurrent_in_transaction() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
