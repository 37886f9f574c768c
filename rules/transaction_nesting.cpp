#include <string>

#include "engine/rule_context.hpp"

namespace migsafe::rules {

namespace {

std::string line_of(const RuleContext& ctx, ByteSpan span) {
    return std::to_string(ctx.file.source.line_of(span.begin));
}

void check_begin(const RuleContext& ctx, Findings& out) {
    const TransactionState& tx = ctx.state.transaction();
    // Outside a transaction BEGIN does what it says.
    if (!tx.open) return;
    const std::string outer =
        tx.implicit ? std::string("the transaction the migration runner wraps around this file")
                    : "the transaction opened by BEGIN on line " + line_of(ctx, tx.begin_span);
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "BEGIN inside " + outer +
            ": PostgreSQL does not nest transactions, it ignores this BEGIN with \"WARNING: there "
            "is already a transaction in progress\", so the inner COMMIT commits the outer work "
            "early and the statements after it run outside any transaction");
    d.help = tx.implicit ? "remove this BEGIN and its COMMIT: the runner already runs the "
                           "migration in one transaction. To group statements, use "
                           "SAVEPOINT name; … RELEASE SAVEPOINT name;"
                         : "remove this BEGIN (and its matching COMMIT), or COMMIT the outer "
                           "transaction first; use SAVEPOINT name; … RELEASE SAVEPOINT name; "
                           "for a nested unit of work";
}

void check_end(const RuleContext& ctx, Findings& out, const char* verb) {
    const TransactionState& tx = ctx.state.transaction();
    const std::string what(verb);
    if (!tx.open) {
        Diagnostic& d = out.report(
            ctx.statement_span(),
            what +
                " with no transaction open: PostgreSQL answers \"WARNING: there is no "
                "transaction in progress\" and does nothing, so the statements before it "
                "were already committed one by one, not as a unit");
        d.help =
            "add BEGIN; before the statements this " + what + " is meant to close, or remove it";
        return;
    }
    // An explicit BEGIN … COMMIT pair closes what it opened.
    if (!tx.implicit) return;
    // The nested BEGIN was reported already; its COMMIT is the same mistake.
    if (tx.begin_ignored) return;
    Diagnostic& d = out.report(
        ctx.statement_span(),
        what +
            " inside the transaction the migration runner wraps around this file: it ends "
            "the runner's transaction early, the statements after it run in autocommit "
            "mode, and the runner's own COMMIT at the end commits nothing, so a later "
            "failure leaves the migration half applied and recorded as not run");
    d.help = "remove this " + what +
             "; if the migration needs several transactions, mark it as run without a "
             "transaction (e.g. goose -- +goose NO TRANSACTION, dbmate transaction:false) and "
             "write BEGIN; … COMMIT; yourself";
}

void check(const RuleContext& ctx, Findings& out) {
    // BEGIN in PL/pgSQL is a block; COMMIT in a procedure body runs when it is called.
    if (ctx.stmt.origin != sql::StatementOrigin::TopLevel) return;
    switch (ctx.facts.kind) {
        case pg::StatementKind::Begin:
            check_begin(ctx, out);
            return;
        case pg::StatementKind::Commit:
            check_end(ctx, out, "COMMIT");
            return;
        case pg::StatementKind::Rollback:
            check_end(ctx, out, "ROLLBACK");
            return;
        default:
            return;
    }
}

}  // namespace

RuleHooks hooks_transaction_nesting() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
