#include <string>
#include <vector>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (!sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_TRUNCATE_STMT)) return;
    const PgQuery__TruncateStmt& truncate = *ctx.stmt.node->truncate_stmt;
    std::vector<pg::QualifiedName> existing;
    for (const pg::RelationLock& lock : ctx.facts.locks) {
        // A table created in this migration holds only this migration's rows.
        if (ctx.existing(lock.relation)) existing.push_back(lock.relation);
    }
    if (existing.empty()) return;

    std::string names;
    for (const pg::QualifiedName& t : existing)
        names += (names.empty() ? "" : ", ") + t.display();
    const bool cascade = truncate.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    std::string message = "TRUNCATE deletes every row of " + names +
                          " and takes an ACCESS EXCLUSIVE lock on " +
                          (existing.size() > 1 ? "each, which blocks" : "it, which blocks") +
                          " reads and writes until the transaction ends; the data cannot be "
                          "recovered after COMMIT";
    if (cascade) {
        message += "; CASCADE also empties every table with a foreign key to " +
                   std::string(existing.size() > 1 ? "them" : "it") +
                   " (and the tables referencing those), which the migration does not name";
    }
    Diagnostic& d = out.report(ctx.statement_span(), std::move(message));
    // CASCADE silently destroys data in tables the statement does not name.
    if (cascade) d.severity = Severity::Error;
    d.lock = Findings::lock(existing.front(), pg::LockMode::AccessExclusive);
    const std::string first = existing.front().display();
    d.help =
        "if the rows really must go, delete them in batches, which keeps reads and writes "
        "running:\n  DELETE FROM " +
        first + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + first +
        " LIMIT 10000));  -- repeat until no row is deleted" +
        (cascade ? "\nand name every table to empty explicitly instead of CASCADE, so the "
                   "review sees what is deleted"
                 : std::string());
}

}  // namespace

RuleHooks hooks_truncate() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
