#include <string>

#include "engine/rule_context.hpp"
#include "pg/lock_mode.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe::rules {

namespace {

bool is_dml(pg::StatementKind kind) {
    return kind == pg::StatementKind::Insert || kind == pg::StatementKind::Update ||
           kind == pg::StatementKind::Delete;
}

// "`ALTER TABLE orders …` (line 3)": an earlier statement, as the message names it.
std::string earlier(const RuleContext& ctx, size_t statement) {
    if (statement >= ctx.file.statements.size()) return "an earlier statement";
    ByteSpan span = ctx.file.statements[statement].span;
    // Statement spans run to the semicolon; the quote leaves it out.
    if (!span.empty() && ctx.text(span).back() == ';') --span.end;
    return "`" + ctx.snippet(span, 60) + "` (line " +
           std::to_string(ctx.file.source.line_of(span.begin)) + ")";
}

void report(const RuleContext& ctx, Findings& out, const pg::QualifiedName& table,
            pg::LockMode mode, const std::string& message, const std::string& ddl,
            const std::string& dml) {
    Diagnostic& d = out.report(ctx.statement_span(), message);
    d.lock = Findings::lock(table, mode);
    d.help =
        "run the DDL and the data change in separate transactions (COMMIT between them, or "
        "separate migrations), so the " +
        std::string(pg::lock_mode_name(mode)) + " lock on " + table.display() +
        " is not held while the backfill runs: " + ddl + " in one, and the batched backfill " +
        dml + " in another";
}

void check(const RuleContext& ctx, Findings& out) {
    // Outside a transaction each statement commits at once: no lock outlives its statement.
    if (!ctx.in_transaction()) return;
    // A function body runs only when the function is called, not in this transaction.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    const TransactionState& tx = ctx.state.transaction();
    const std::string here = "`" + ctx.snippet(ctx.statement_span(), 60) + "`";

    if (is_dml(ctx.facts.kind)) {
        for (const pg::RelationLock& target : ctx.facts.locks) {
            if (target.implicit || target.mode != pg::LockMode::RowExclusive) continue;
            // A table created in this migration is invisible to other sessions; a small one's
            // backfill is over at once.
            if (!ctx.existing(target.relation) || ctx.small_table(target.relation)) continue;
            for (const HeldLock& held : tx.locks) {
                if (!pg::is_dangerous(held.lock.mode) ||
                    !held.lock.relation.same_object(target.relation))
                    continue;
                const std::string t = target.relation.display();
                const std::string ddl = earlier(ctx, held.statement);
                report(ctx, out, target.relation, held.lock.mode,
                       "this data change on " + t + " runs in the transaction that took " +
                           std::string(pg::lock_mode_name(held.lock.mode)) + " on " + t + " at " +
                           ddl + ": the lock is held for the whole backfill, which " +
                           std::string(pg::lock_blocks(held.lock.mode)) + " on " + t +
                           " until COMMIT",
                       ddl, here);
                return;  // one finding per statement
            }
        }
        return;
    }

    for (const pg::RelationLock& lock : ctx.state.dangerous_locks_on_existing(ctx.facts)) {
        for (const HeldLock& write : tx.dml_writes) {
            if (!write.lock.relation.same_object(lock.relation) || ctx.small_table(lock.relation))
                continue;
            const std::string t = lock.relation.display();
            const std::string dml = earlier(ctx, write.statement);
            report(ctx, out, lock.relation, lock.mode,
                   "this statement takes " + std::string(pg::lock_mode_name(lock.mode)) + " on " +
                       t + " in the transaction that already changed rows of " + t + " at " + dml +
                       ": the row locks of that backfill are held while this waits for its "
                       "lock, and the new lock, which " +
                       std::string(pg::lock_blocks(lock.mode)) + ", lasts until COMMIT",
                   here, dml);
            return;  // one finding per statement
        }
    }
}

}  // namespace

RuleHooks hooks_backfill_with_ddl() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
