#include <algorithm>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"
#include "sql/token_query.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    // A function body runs when the function is called, not while the migration runs.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    // COMMIT and ROLLBACK release the lock; a BEGIN inside the transaction is ignored.
    const pg::StatementKind kind = ctx.facts.kind;
    if (kind == pg::StatementKind::Commit || kind == pg::StatementKind::Rollback ||
        kind == pg::StatementKind::Begin)
        return;
    // ROLLBACK TO SAVEPOINT releases the locks taken since the savepoint.
    if (sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_TRANSACTION_STMT) &&
        ctx.stmt.node->transaction_stmt->kind ==
            PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO)
        return;
    if (!ctx.state.in_transaction()) return;
    // A SET or a schema-version bump adds no time to the lock's window; a later statement that
    // does is still reported.
    if (is_instant(ctx.facts, ctx.options)) return;
    const TransactionState& tx = ctx.state.transaction();
    // Only the first statement that runs after the lock was taken reports it, once.
    if (!tx.last_statement) return;
    const size_t taker = *tx.last_statement;

    std::string tables;
    std::optional<pg::RelationLock> first;
    for (const HeldLock& held : tx.locks) {
        if (held.statement != taker || held.lock.mode != pg::LockMode::AccessExclusive) continue;
        // A table created in this migration: no other session can be waiting for it.
        if (!ctx.existing(held.lock.relation)) continue;
        // Already held since an earlier statement, and reported after that one.
        const bool earlier = std::any_of(tx.locks.begin(), tx.locks.end(), [&](const HeldLock& h) {
            return h.statement < taker && h.lock.mode == pg::LockMode::AccessExclusive &&
                   h.lock.relation.same_object(held.lock.relation);
        });
        if (earlier) continue;
        tables += (tables.empty() ? "" : " and ") + held.lock.relation.display();
        if (!first) first = held.lock;
    }
    if (!first) return;

    const sql::Statement& taking = ctx.file.statements[taker];
    const std::string line = std::to_string(ctx.file.source.line_of(taking.span.begin));
    const std::string what = ctx.snippet(sql::without_semicolon(taking), 60);
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "`" + what + "` (line " + line + ") took ACCESS EXCLUSIVE on " + tables +
            ", held until the transaction ends: this statement and every later one in the "
            "transaction run while all reads and writes on " +
            tables + " wait");
    d.lock = *first;
    d.help = "commit right after `" + what +
             "` and run the following statements in a new transaction, or move it to the end "
             "of its transaction, so the lock is released as soon as it is no longer needed";
}

}  // namespace

RuleHooks hooks_lock_held_across_statements() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
