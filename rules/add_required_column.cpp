#include "engine/rule_context.hpp"
#include "pg/expressions.hpp"
#include "rules/column_text.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

using sql::is;
using sql::list;

bool has_constraint(const PgQuery__ColumnDef& column, PgQuery__ConstrType type) {
    for (const PgQuery__Node* c : list(column.constraints, column.n_constraints)) {
        if (is(c, PG_QUERY__NODE__NODE_CONSTRAINT) && c->constraint->contype == type) return true;
    }
    return false;
}

// DEFAULT NULL fills nothing: a NOT NULL column with it fails just like one without a default.
bool is_null_literal(const PgQuery__Node* expr) {
    return is(expr, PG_QUERY__NODE__NODE_A_CONST) && expr->a_const->isnull != 0;
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created earlier in this migration has no rows that could violate NOT NULL.
    if (!ctx.existing(table)) return;

    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        if (command.added_column == nullptr) continue;
        const PgQuery__ColumnDef& column = *command.added_column;
        if (!pg::column_is_not_null(column)) continue;
        // Any real default, volatile or not, fills existing rows (a volatile one rewrites the
        // table: that is add-column-rewrites-table's finding).
        const PgQuery__Node* def = pg::column_default(column);
        if (def != nullptr && !is_null_literal(def)) continue;
        // serial, identity and generated columns compute a value for every row.
        if (pg::is_serial_type(column.type_name) ||
            has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) ||
            has_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED))
            continue;

        const std::string col(sql::str(column.colname));
        const ByteSpan span = ctx.alter_command_span(command.index);
        const std::string type = column_text(ctx, column, span).type;
        const std::string t = table.display();
        Diagnostic& d = out.report(
            span,
            "ADD COLUMN " + col + " NOT NULL without a default on " + t + " fails as soon as " + t +
                " has a row, and once it exists, the running application's INSERTs that do not "
                "set " +
                col + " fail (ACCESS EXCLUSIVE lock on " + t + " while it is added)");
        d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
        const std::string check = table.name + "_" + col + "_not_null";
        const std::string typed = col + " " + (type.empty() ? "<type>" : type);
        d.help =
            "give the column a constant default (PostgreSQL 11+ stores it without a "
            "rewrite):\n  ALTER TABLE " +
            t + " ADD COLUMN " + typed +
            " NOT NULL DEFAULT <value>;\nor add it nullable, backfill it in batches, and "
            "then prove NOT NULL without a long lock:\n  ALTER TABLE " +
            t + " ADD COLUMN " + typed + ";\n  -- backfill in batches, then:\n  ALTER TABLE " + t +
            " ADD CONSTRAINT " + check + " CHECK (" + col +
            " IS NOT NULL) NOT VALID;\n  -- in a separate transaction:\n  ALTER TABLE " + t +
            " VALIDATE CONSTRAINT " + check + ";\n  ALTER TABLE " + t + " ALTER COLUMN " + col +
            " SET NOT NULL;\n  ALTER TABLE " + t + " DROP CONSTRAINT " + check + ";";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_add_required_column() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
