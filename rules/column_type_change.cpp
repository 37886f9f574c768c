#include <optional>
#include <string>

#include "engine/rule_context.hpp"
#include "pg/type_changes.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// `USING col` alone converts nothing: it is the same as no USING clause.
bool converts(const PgQuery__Node* using_expr, std::string_view column) {
    if (using_expr == nullptr) return false;
    if (!sql::is(using_expr, PG_QUERY__NODE__NODE_COLUMN_REF)) return true;
    const PgQuery__ColumnRef& ref = *using_expr->column_ref;
    return ref.n_fields != 1 || sql::string_value(ref.fields[0]) != column;
}

// The expand / contract steps that change a column's type without a long lock.
std::string expand_contract(const std::string& t, const std::string& col, const std::string& type,
                            const std::string& expr) {
    const std::string fresh = col + "_new";
    return "change the type in steps that each hold ACCESS EXCLUSIVE only briefly:\n  "
           "ALTER TABLE " +
           t + " ADD COLUMN " + fresh + " " + type +
           ";\n  -- keep it in sync with a trigger for new writes, then backfill in batches:\n  "
           "UPDATE " +
           t + " SET " + fresh + " = " + expr +
           " WHERE <key> BETWEEN <n> AND <n + 10000>;\n  "
           "-- then, in one short transaction:\n  ALTER TABLE " +
           t + " RENAME COLUMN " + col + " TO " + col + "_old;\n  ALTER TABLE " + t +
           " RENAME COLUMN " + fresh + " TO " + col + ";";
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created in this migration is empty and invisible to other sessions.
    if (!ctx.existing(table)) return;
    const std::string t = table.display();

    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        const PgQuery__AlterTableCmd& cmd = *command.cmd;
        if (cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType) continue;
        if (!sql::is(cmd.def, PG_QUERY__NODE__NODE_COLUMN_DEF)) continue;
        const PgQuery__ColumnDef& def = *cmd.def->column_def;
        if (def.type_name == nullptr) continue;
        const std::string col(sql::str(cmd.name));
        const pg::TypeSpec to = pg::type_spec(*def.type_name);
        const ByteSpan span = ctx.alter_command_span(command.index);

        // The new type and USING expression as written, for the suggested SQL.
        const uint32_t type_at = ctx.offset(def.type_name->location);
        const std::optional<ByteSpan> using_kw =
            def.raw_default != nullptr ? ctx.keyword_span("using", type_at) : std::nullopt;
        const bool using_here = using_kw && using_kw->end <= span.end;
        const std::string type_text =
            type_at < span.end
                ? ctx.snippet({type_at, using_here ? using_kw->begin : span.end}, 200)
                : to.display();
        const std::string expr = using_here ? ctx.snippet({using_kw->end, span.end}, 200) : col;

        // The column's type before this statement, from the replayed history.
        std::optional<pg::TypeSpec> from;
        if (const catalog::Table* known = ctx.catalog.table(table)) {
            if (const catalog::Column* column = known->column(col)) from = column->type;
        }
        pg::TypeChange change = pg::TypeChange::Unknown;
        if (converts(def.raw_default, col)) {
            change = pg::TypeChange::Rewrite;  // USING computes a new value for every row
        } else if (from) {
            change = pg::type_change(*from, to);
            // A new collation changes how the column's indexes sort: they are rebuilt.
            if (change == pg::TypeChange::NoRewrite && def.coll_clause != nullptr)
                change = pg::TypeChange::Unknown;
        }
        // Binary coercible: only the catalog changes, the rows and indexes stay as they are.
        if (change == pg::TypeChange::NoRewrite) continue;

        const std::string what = "ALTER COLUMN " + col + " TYPE " + type_text + " on " + t;
        const std::string hurts =
            " under an ACCESS EXCLUSIVE lock, which blocks reads and writes until every row is "
            "converted and every index on the table is rebuilt";
        std::string message;
        if (change == pg::TypeChange::Rewrite) {
            message = what +
                      (from ? " (from " + from->display() + ")" : std::string(" with USING")) +
                      " rewrites the whole table" + hurts;
        } else {
            message = what + " may rewrite the whole table" + hurts +
                      (from ? ". Whether it does from " + from->display() +
                                  " depends on facts migsafe does not have (a user-defined type, "
                                  "a new collation or the session's TimeZone)"
                            : ". Whether it does depends on the column's current type, which "
                              "the migration history does not show (no earlier migration or "
                              "schema_file defines the column)") +
                      ": no rewrite happens only for " + pg::kBinaryCoercibleChanges;
        }
        Diagnostic& d = out.report(span, std::move(message));
        // Without the old type this is only a possible rewrite: a risk to check, not a certainty.
        if (change == pg::TypeChange::Unknown) d.severity = Severity::Warning;
        d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
        d.help = (change == pg::TypeChange::Unknown
                      ? "if the change is binary coercible (see above) it only updates the "
                        "catalog and is fine with a short lock_timeout; otherwise "
                      : "") +
                 expand_contract(t, col, type_text, expr);
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_column_type_change() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
