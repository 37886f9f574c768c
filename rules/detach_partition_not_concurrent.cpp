#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// " CONCURRENTLY", in lower case when the statement writes its keywords in lower case.
std::string concurrently_after(std::string_view keyword) {
    const bool lower = !keyword.empty() && keyword.front() >= 'a' && keyword.front() <= 'z';
    return lower ? " concurrently" : " CONCURRENTLY";
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    // DETACH PARTITION … CONCURRENTLY exists from PostgreSQL 14 on: before, no alternative.
    if (ctx.options.pg_version < 14) return;
    const pg::QualifiedName& parent = ctx.facts.alter->table;
    // A partitioned table created earlier in this migration has no other users yet.
    if (!ctx.existing(parent)) return;
    const std::string p = parent.display();

    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        const PgQuery__AlterTableCmd& cmd = *command.cmd;
        if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition) continue;
        if (!sql::is(cmd.def, PG_QUERY__NODE__NODE_PARTITION_CMD)) continue;
        if (cmd.def->partition_cmd->concurrent != 0) continue;
        const pg::QualifiedName partition = pg::name_of(cmd.def->partition_cmd->name);
        const std::string part = partition.display();

        const ByteSpan span = ctx.alter_command_span(command.index);
        Diagnostic& d = out.report(
            span, "DETACH PARTITION " + part + " without CONCURRENTLY takes ACCESS EXCLUSIVE on " +
                      p + " and on " + part + ": every query on the whole partitioned table, " +
                      "reads included, waits until the detach is done");
        d.lock = Findings::lock(parent, pg::LockMode::AccessExclusive);
        d.help = "detach it with `ALTER TABLE " + p + " DETACH PARTITION " + part +
                 " CONCURRENTLY;` (PostgreSQL 14 and later), outside a transaction block; it takes "
                 "SHARE UPDATE EXCLUSIVE, so "
                 "queries continue. It is refused when " +
                 p +
                 " has a DEFAULT partition; if it is interrupted, finish it with `ALTER TABLE " +
                 p + " DETACH PARTITION " + part + " FINALIZE;`";
        const std::optional<ByteSpan> detach = ctx.keyword_span("detach", span.begin);
        d.fix = Fix{"Add CONCURRENTLY",
                    {{{span.end, span.end}, concurrently_after(detach ? ctx.text(*detach) : "")}},
                    true};
    }
}

}  // namespace

RuleHooks hooks_detach_partition_not_concurrent() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
