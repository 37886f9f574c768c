#include <algorithm>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

struct Taken {
    pg::QualifiedName table;
    std::optional<size_t> statement;  // the earlier statement that took it; none: this one
};

void add_distinct(std::vector<Taken>& tables, const pg::QualifiedName& table,
                  std::optional<size_t> statement) {
    const bool known = std::any_of(tables.begin(), tables.end(),
                                   [&](const Taken& t) { return t.table.same_object(table); });
    if (!known) tables.push_back({table, statement});
}

// DROP INDEX and REINDEX INDEX name indexes, not tables: which table each index belongs to is
// unknown here, and two indexes of one table would count as two.
bool locks_indexes(const sql::Statement& stmt) {
    const PgQuery__Node* node = stmt.node;
    if (sql::is(node, PG_QUERY__NODE__NODE_DROP_STMT))
        return node->drop_stmt->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
    if (sql::is(node, PG_QUERY__NODE__NODE_REINDEX_STMT))
        return node->reindex_stmt->kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX;
    return false;
}

void check(const RuleContext& ctx, Findings& out) {
    // A function body runs when the function is called, not while the migration runs.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;

    // ACCESS EXCLUSIVE locks on tables that existed before the migration: tables created in it
    // have no other users to block or to deadlock with.
    std::vector<Taken> before;
    if (ctx.state.in_transaction()) {
        for (const HeldLock& held : ctx.state.transaction().locks) {
            if (held.lock.mode == pg::LockMode::AccessExclusive &&
                ctx.existing(held.lock.relation) &&
                !locks_indexes(ctx.file.statements[held.statement]))
                add_distinct(before, held.lock.relation, held.statement);
        }
    }
    // Reported once per transaction, at the statement that locks the second table.
    if (before.size() >= 2) return;
    if (locks_indexes(ctx.stmt)) return;
    std::vector<Taken> after = before;
    std::optional<pg::RelationLock> added;
    for (const pg::RelationLock& lock : ctx.state.dangerous_locks_on_existing(ctx.facts)) {
        if (lock.mode != pg::LockMode::AccessExclusive) continue;
        const size_t count = after.size();
        add_distinct(after, lock.relation, std::nullopt);
        if (after.size() > count && after.size() == 2) added = lock;
    }
    if (!added) return;

    const Taken& first = after[0];
    const Taken& second = after[1];
    std::string message;
    if (first.statement) {
        const sql::Statement& earlier = ctx.file.statements[*first.statement];
        message = "this statement takes ACCESS EXCLUSIVE on " + second.table.display() +
                  " while the transaction already holds it on " + first.table.display() +
                  " (line " + std::to_string(ctx.file.source.line_of(earlier.span.begin)) + ")";
    } else {
        message = "this statement takes ACCESS EXCLUSIVE on both " + first.table.display() +
                  " and " + second.table.display() +
                  (added->implicit ? " (" + added->relation.display() + " implicitly)" : "");
    }
    message +=
        ": all reads and writes on both wait until the transaction ends, and a session "
        "that locks them in the other order deadlocks with the migration";
    Diagnostic& d = out.report(ctx.statement_span(), message);
    d.lock = *added;
    d.help = first.statement
                 ? "commit after the statement that locks " + first.table.display() + " and lock " +
                       second.table.display() +
                       " in a transaction of its own, so at most one table is locked at a time"
                 : "if a less blocking form exists (e.g. DETACH PARTITION … CONCURRENTLY), use "
                   "it; otherwise keep the transaction short, set lock_timeout before it, and "
                   "run it when traffic is low";
}

}  // namespace

RuleHooks hooks_wide_lock_window() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
