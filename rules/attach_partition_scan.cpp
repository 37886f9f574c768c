#include <string>

#include "engine/rule_context.hpp"
#include "pg/partitions.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const std::string parent = ctx.facts.alter->table.display();
    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        const PgQuery__AlterTableCmd& cmd = *command.cmd;
        if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition ||
            !sql::is(cmd.def, PG_QUERY__NODE__NODE_PARTITION_CMD))
            continue;
        const PgQuery__PartitionCmd& attach = *cmd.def->partition_cmd;
        const pg::QualifiedName child = pg::name_of(attach.name);
        // A table created in this migration is empty: the check reads nothing.
        if (!ctx.existing(child)) continue;
        // A validated CHECK that proves the bound lets PostgreSQL skip the scan.
        bool proven = false;
        if (attach.bound != nullptr) {
            for (const PgQuery__Node* expr : ctx.state.validated_checks(child))
                proven = proven || pg::check_implies_bound(expr, *attach.bound);
        }
        if (proven) continue;

        const std::string c = child.display();
        const ByteSpan span = ctx.alter_command_span(command.index);
        Diagnostic& d = out.report(
            span, "ATTACH PARTITION " + c + " scans every row of " + c +
                      " to check it against the partition bound, holding an ACCESS EXCLUSIVE "
                      "lock on " +
                      c + " (reads and writes blocked) for the whole scan");
        d.lock = Findings::lock(child, pg::LockMode::AccessExclusive);
        std::string condition;
        if (attach.bound != nullptr) condition = pg::bound_check_condition(*attach.bound, "<key>");
        if (condition.empty()) {
            d.help = std::string(
                "a DEFAULT or hash partition cannot be proven by a CHECK "
                "constraint here: attach it while the table is small (or "
                "empty), or in a maintenance window");
            return;
        }
        d.help =
            "first prove the bound with a CHECK constraint validated without blocking "
            "writes; ATTACH then skips the scan:\n  ALTER TABLE " +
            c + " ADD CONSTRAINT " + child.name + "_bound CHECK (" + condition +
            ") NOT VALID;  -- <key>: the partition key\n  ALTER TABLE " + c +
            " VALIDATE CONSTRAINT " + child.name +
            "_bound;  -- SHARE UPDATE EXCLUSIVE: reads and writes continue\n  ALTER TABLE " +
            parent + " " + ctx.snippet(span, 300) + ";\n  ALTER TABLE " + c + " DROP CONSTRAINT " +
            child.name + "_bound;";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_attach_partition_scan() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
