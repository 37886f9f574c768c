#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (!sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_INDEX_STMT)) return;
    const PgQuery__IndexStmt& index = *ctx.stmt.node->index_stmt;
    if (index.concurrent != 0) return;
    const pg::QualifiedName table = pg::name_of(index.relation);
    // A table created earlier in this migration is empty and invisible to other sessions.
    if (!ctx.existing(table)) return;

    Diagnostic& d =
        out.report(ctx.statement_span(),
                   "CREATE INDEX without CONCURRENTLY takes a SHARE lock on " + table.display() +
                       ", which blocks INSERT, UPDATE and DELETE until the whole index is built");
    d.lock = Findings::lock(table, pg::LockMode::Share);
    d.help =
        "build the index with CREATE INDEX CONCURRENTLY, outside a transaction block; it takes "
        "SHARE UPDATE EXCLUSIVE, so writes continue. If it fails it leaves an INVALID index: "
        "DROP INDEX CONCURRENTLY IF EXISTS it and retry";
    if (const auto keyword = ctx.keyword_span("index")) {
        d.fix = Fix{"Add CONCURRENTLY", {{{keyword->end, keyword->end}, " CONCURRENTLY"}}, true};
    }
}

}  // namespace

RuleHooks hooks_index_not_concurrent() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
