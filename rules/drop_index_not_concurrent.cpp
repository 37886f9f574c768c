#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (!sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_DROP_STMT)) return;
    const PgQuery__DropStmt& drop = *ctx.stmt.node->drop_stmt;
    if (drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX) return;
    if (drop.concurrent != 0) return;

    std::vector<pg::QualifiedName> existing;
    for (const pg::RelationLock& lock : ctx.facts.locks) {
        // An index created earlier in this migration sits on a table nobody else uses yet, or was
        // built by this migration and never served a query.
        if (ctx.existing(lock.relation)) existing.push_back(lock.relation);
    }
    if (existing.empty()) return;

    std::string names;
    for (const pg::QualifiedName& name : existing)
        names += (names.empty() ? "" : ", ") + name.display();
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "DROP INDEX " + names +
            " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table, which "
            "blocks every read and write of that table until the drop commits; waiting for a "
            "long-running query to finish, it also queues all later queries behind it");
    d.lock = Findings::lock(existing.front(), pg::LockMode::AccessExclusive);

    std::string help =
        "drop each index concurrently, outside a transaction block (it takes SHARE "
        "UPDATE EXCLUSIVE, so reads and writes continue):";
    for (const pg::QualifiedName& name : existing)
        help += " DROP INDEX CONCURRENTLY IF EXISTS " + name.display() + ";";
    d.help = std::move(help);

    // DROP INDEX CONCURRENTLY drops exactly one index and does not support CASCADE.
    const bool one_index = drop.n_objects == 1;
    const bool cascade = drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    if (!one_index || cascade) return;
    // Inside a DO block or function it could never run: CONCURRENTLY needs a top-level statement.
    if (ctx.stmt.origin != sql::StatementOrigin::TopLevel) return;
    if (const auto keyword = ctx.keyword_span("index")) {
        d.fix = Fix{"Add CONCURRENTLY", {{{keyword->end, keyword->end}, " CONCURRENTLY"}}, true};
    }
}

}  // namespace

RuleHooks hooks_drop_index_not_concurrent() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
