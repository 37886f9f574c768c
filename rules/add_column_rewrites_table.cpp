#include <algorithm>

#include "engine/rule_context.hpp"
#include "pg/expressions.hpp"
#include "rules/column_text.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

using sql::is;

std::string help_for(const PgQuery__ColumnDef& column, const std::string& table,
                     const ColumnText& text) {
    const std::string col(sql::str(column.colname));
    const std::string type = text.type.empty() ? "<type>" : text.type;
    if (pg::is_serial_type(column.type_name) ||
        std::any_of(column.constraints, column.constraints + column.n_constraints,
                    [](const PgQuery__Node* c) {
                        return is(c, PG_QUERY__NODE__NODE_CONSTRAINT) &&
                               c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY;
                    })) {
        const std::string seq = table + "_" + col + "_seq";
        return "add a plain bigint column and attach a sequence as its default, so only new rows "
               "get values, then backfill:\n  ALTER TABLE " +
               table + " ADD COLUMN " + col + " bigint;\n  CREATE SEQUENCE " + seq + " OWNED BY " +
               table + "." + col + ";\n  ALTER TABLE " + table + " ALTER COLUMN " + col +
               " SET DEFAULT nextval('" + seq +
               "');\n  -- backfill existing rows in batches (UPDATE " + table + " SET " + col +
               " = nextval('" + seq + "') WHERE <key range> AND " + col +
               " IS NULL), then add NOT NULL via CHECK (" + col +
               " IS NOT NULL) NOT VALID + VALIDATE";
    }
    if (text.default_expr.empty()) {
        return "add a plain nullable column (ALTER TABLE " + table + " ADD COLUMN " + col + " " +
               type +
               ";), keep it filled for new rows from the application or a trigger, and backfill "
               "existing rows in batches";
    }
    return "add the column without the default, set the default for new rows only, then backfill "
           "in batches:\n  ALTER TABLE " +
           table + " ADD COLUMN " + col + " " + type + ";\n  ALTER TABLE " + table +
           " ALTER COLUMN " + col + " SET DEFAULT " + text.default_expr +
           ";\n  -- backfill in batches: UPDATE " + table + " SET " + col + " = " +
           text.default_expr + " WHERE <key range> AND " + col +
           " IS NULL;\n  -- then, if it must be NOT NULL: CHECK (" + col +
           " IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL";
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created earlier in this migration is empty and invisible to other sessions.
    if (!ctx.existing(table)) return;

    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        if (command.added_column == nullptr) continue;
        const PgQuery__ColumnDef& column = *command.added_column;
        // Constant and STABLE defaults are stored once in the catalog (PG 11+): no rewrite.
        const std::optional<std::string> why = pg::column_add_rewrites(column);
        if (!why) continue;

        const ByteSpan span = ctx.alter_command_span(command.index);
        Diagnostic& d = out.report(
            span, "ADD COLUMN " + std::string(sql::str(column.colname)) + " rewrites all of " +
                      table.display() + " under an ACCESS EXCLUSIVE lock: " + *why +
                      ", and reads and writes on " + table.display() +
                      " are blocked until the rewrite (and every index rebuild) finishes");
        d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
        d.help = help_for(column, table.display(), column_text(ctx, column, span));
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_add_column_rewrites_table() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
