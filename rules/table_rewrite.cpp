#include <string>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// The online alternative for a table copy: pg_repack / pg_squeeze rebuild the table with short
// locks at the start and end only.
std::string repack_help(const std::string& target, const std::string& extra) {
    return "rebuild the table online instead: pg_repack (`pg_repack --table=" + target + extra +
           "`) or pg_squeeze copy it with only brief ACCESS EXCLUSIVE locks at the start and "
           "the end; otherwise run this in a maintenance window with SET lock_timeout";
}

void report_copy(Findings& out, ByteSpan span, const pg::QualifiedName& table,
                 const std::string& what, const std::string& help, bool index = false) {
    Diagnostic& d = out.report(
        span, what + (index ? " copies index " : " rewrites ") + table.display() +
                  " into a new file under an ACCESS EXCLUSIVE lock, which blocks " +
                  (index ? "every query on its table (the planner opens all of a table's "
                           "indexes) until the whole index is copied"
                         : "reads and writes until the whole table (and every index) is "
                           "copied"));
    d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
    d.help = help;
}

void check_vacuum_or_cluster(const RuleContext& ctx, Findings& out) {
    const bool vacuum = ctx.facts.kind == pg::StatementKind::Vacuum;
    const std::string what = vacuum ? "VACUUM FULL" : "CLUSTER";
    if (ctx.facts.locks.empty()) {
        // No table named: every table of the database (VACUUM FULL) or every table clustered
        // before (CLUSTER) is rewritten, one after the other.
        Diagnostic& d = out.report(
            ctx.statement_span(),
            what + " without a table rewrites " +
                (vacuum ? "every table of the database" : "every table that was clustered before") +
                ", each under an ACCESS EXCLUSIVE lock that blocks reads and writes "
                "until its copy is done");
        d.help = vacuum ? "name the tables to reclaim and rebuild them online with pg_repack or "
                          "pg_squeeze; plain VACUUM (no FULL) reclaims space for reuse without "
                          "blocking"
                        : "recluster the tables online with pg_repack (`pg_repack --table=<t> "
                          "--order-by=<columns>`)";
        return;
    }
    std::string names;
    const pg::QualifiedName* first = nullptr;
    for (const pg::RelationLock& lock : ctx.facts.locks) {
        // A table created in this migration is invisible to other sessions: nobody waits.
        if (!ctx.existing(lock.relation)) continue;
        names += (names.empty() ? "" : ", ") + lock.relation.display();
        if (first == nullptr) first = &lock.relation;
    }
    if (first == nullptr) return;
    Diagnostic& d = out.report(ctx.statement_span(),
                               what + " rewrites " + names +
                                   " into new files under an ACCESS EXCLUSIVE lock, which blocks "
                                   "reads and writes until the whole table (and every index) is "
                                   "copied");
    d.lock = Findings::lock(*first, pg::LockMode::AccessExclusive);
    d.help = vacuum ? repack_help(first->display(), "") + "; plain VACUUM " + names +
                          " (no FULL) makes dead space reusable without blocking"
                    : repack_help(first->display(), " --order-by=<index columns>");
}

void check_alter(const RuleContext& ctx, Findings& out) {
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created in this migration is invisible to other sessions: nobody waits.
    if (!ctx.existing(table)) return;
    const std::string t = table.display();
    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        const PgQuery__AlterTableCmd& cmd = *command.cmd;
        std::string what;
        std::string help;
        switch (cmd.subtype) {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
                what = "SET TABLESPACE " + std::string(sql::str(cmd.name));
                help = "move the table online with pg_repack (`pg_repack --table=" + t +
                       " --tablespace=" + std::string(sql::str(cmd.name)) +
                       " --moveidx`), or run this in a maintenance window";
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged: {
                const bool logged = cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged;
                what = logged ? "SET LOGGED" : "SET UNLOGGED";
                help = std::string("there is no online way to change persistence: ") +
                       (logged ? "SET LOGGED also writes the whole table to the WAL; " : "") +
                       "create the new table " + (logged ? "" : "UNLOGGED ") + "beside " + t +
                       ", copy the rows in batches, and swap the names in a short "
                       "transaction, or run this in a maintenance window";
                break;
            }
            case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
                what = "SET ACCESS METHOD";
                help = "create a table with the new access method beside " + t +
                       ", copy the rows in batches, and swap the names in a short "
                       "transaction, or run this in a maintenance window";
                break;
            default:
                continue;
        }
        const bool index =
            ctx.stmt.node->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
        report_copy(out, ctx.alter_command_span(command.index), table, what, help, index);
        return;  // one finding per statement
    }
}

// ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b: every table there is copied, one by one.
void check_move_all(const RuleContext& ctx, Findings& out,
                    const PgQuery__AlterTableMoveAllStmt& move) {
    const std::string from(sql::str(move.orig_tablespacename));
    const std::string to(sql::str(move.new_tablespacename));
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "ALL IN TABLESPACE " + from + " SET TABLESPACE " + to +
            " copies every matching relation in " + from +
            " into new files, each under an ACCESS EXCLUSIVE lock that blocks reads and writes "
            "until its copy is done");
    d.help =
        "move the tables one at a time online with pg_repack (`pg_repack --table=<t> "
        "--tablespace=" +
        to + " --moveidx`), or run this in a maintenance window";
}

void check(const RuleContext& ctx, Findings& out) {
    if (sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_ALTER_TABLE_MOVE_ALL_STMT)) {
        check_move_all(ctx, out, *ctx.stmt.node->alter_table_move_all_stmt);
        return;
    }
    if (ctx.facts.alter) {
        check_alter(ctx, out);
        return;
    }
    // VACUUM without FULL only marks dead rows reusable (SHARE UPDATE EXCLUSIVE).
    if (!ctx.facts.rewrites_table) return;
    if (ctx.facts.kind == pg::StatementKind::Vacuum || ctx.facts.kind == pg::StatementKind::Cluster)
        check_vacuum_or_cluster(ctx, out);
}

}  // namespace

RuleHooks hooks_table_rewrite() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
