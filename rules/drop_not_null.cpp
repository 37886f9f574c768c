#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created earlier in this migration: no code relies on its guarantees yet.
    if (!ctx.existing(table)) return;
    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        if (command.subtype() != PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull) continue;
        const std::string t = table.display();
        const std::string col(sql::str(command.cmd->name));
        Diagnostic& d = out.report(
            ctx.alter_command_span(command.index),
            "DROP NOT NULL on " + t + "." + col +
                " removes a guarantee the running application may rely on: once NULLs are "
                "written, code that assumes a value (no NULL check, NOT IN, a non-nullable field "
                "in the ORM) can fail or misbehave");
        d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
        d.help = "first deploy code that handles NULL in " + col +
                 " everywhere it is read, then drop the constraint:\n  ALTER TABLE " + t +
                 " ALTER COLUMN " + col + " DROP NOT NULL;";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_drop_not_null() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
