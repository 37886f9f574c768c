#include <optional>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

bool builds_index(const PgQuery__Constraint& c) {
    return c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
           c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
           c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION;
}

std::string kind_sql(const PgQuery__Constraint& c) {
    switch (c.contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            return "PRIMARY KEY";
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
            return "UNIQUE";
        default:
            return "EXCLUDE";
    }
}

// PostgreSQL's default names: <table>_pkey, <table>_<columns>_key.
std::string constraint_name(const PgQuery__Constraint& c, const pg::QualifiedName& table,
                            const std::vector<std::string>& columns) {
    if (!sql::str(c.conname).empty()) return std::string(sql::str(c.conname));
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) return table.name + "_pkey";
    std::string name = table.name;
    for (const std::string& column : columns)
        name += "_" + column;
    return name + (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ? "_key" : "_excl");
}

std::string safe_sql(const PgQuery__Constraint& c, const pg::QualifiedName& table,
                     const std::vector<std::string>& columns) {
    const std::string name = pg::quote_ident(constraint_name(c, table, columns));
    std::string list;
    for (const std::string& column : columns)
        list += (list.empty() ? "" : ", ") + pg::quote_ident(column);
    const std::string nulls = c.nulls_not_distinct != 0 ? " NULLS NOT DISTINCT" : "";
    return "CREATE UNIQUE INDEX CONCURRENTLY " + name + " ON " + table.display() + " (" + list +
           ")" + nulls + "; then ALTER TABLE " + table.display() + " ADD CONSTRAINT " + name + " " +
           kind_sql(c) + " USING INDEX " + name + ";";
}

// The safe sequence as a replacement for the whole statement, when it is mechanical: a lone
// ADD [CONSTRAINT name] UNIQUE | PRIMARY KEY (columns) with no index options, outside a
// transaction block (CREATE INDEX CONCURRENTLY cannot run in one). IF NOT EXISTS lets a rerun
// after a failed build go on.
std::optional<Fix> using_index_fix(const RuleContext& ctx, const PgQuery__Constraint& c,
                                   const pg::QualifiedName& table,
                                   const std::vector<std::string>& columns) {
    if (ctx.in_transaction() || ctx.stmt.origin != sql::StatementOrigin::TopLevel) return {};
    if (ctx.facts.alter->commands.size() != 1 || columns.empty()) return {};
    if (c.n_including > 0 || c.n_options > 0 || !sql::str(c.indexspace).empty() ||
        c.deferrable != 0 || c.initdeferred != 0)
        return {};
    const std::string name = pg::quote_ident(constraint_name(c, table, columns));
    std::string list;
    for (const std::string& column : columns)
        list += (list.empty() ? "" : ", ") + pg::quote_ident(column);
    const std::string nulls = c.nulls_not_distinct != 0 ? " NULLS NOT DISTINCT" : "";
    std::string text = "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " +
                       table.sql() + " (" + list + ")" + nulls + ";\nALTER TABLE " + table.sql() +
                       " ADD CONSTRAINT " + name + " " + kind_sql(c) + " USING INDEX " + name;
    return Fix{"Build the index concurrently, then attach it with USING INDEX",
               {{ctx.statement_span(), std::move(text)}},
               true};
}

void report(Findings& out, ByteSpan span, const PgQuery__Constraint& c,
            const pg::QualifiedName& table, const std::vector<std::string>& columns,
            std::string_view column_added, std::optional<Fix> fix = std::nullopt) {
    const std::string kind = kind_sql(c);
    std::string message =
        (column_added.empty() ? "ADD " + kind
                              : "ADD COLUMN " + std::string(column_added) + " … " + kind) +
        " on " + table.display() +
        " builds its index while holding an ACCESS EXCLUSIVE lock on the "
        "table: every read and write waits until the whole index is built";
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
        message += "; an exclusion constraint has no non-blocking way to be added";
    }
    Diagnostic& d = out.report(span, std::move(message));
    d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION) {
        d.help =
            "there is no safe path: USING INDEX accepts only unique indexes, so an EXCLUDE "
            "constraint always builds its index under ACCESS EXCLUSIVE. Add it in a "
            "maintenance window, or enforce the rule another way (e.g. a trigger) on a "
            "large table";
        return;
    }
    std::string help;
    if (!column_added.empty()) {
        help =
            "add the column without the constraint first, then build the index concurrently "
            "(outside a transaction block) and attach it: ";
    } else {
        help =
            "build the unique index concurrently (outside a transaction block; it takes SHARE "
            "UPDATE EXCLUSIVE, so writes continue), then attach it, which is instant: ";
    }
    help += safe_sql(c, table, columns);
    if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) {
        help +=
            " PRIMARY KEY USING INDEX still scans for NULLs unless the columns are already "
            "NOT NULL";
    }
    d.help = std::move(help);
    d.fix = std::move(fix);
}

std::vector<std::string> key_columns(const PgQuery__Constraint& c) {
    std::vector<std::string> columns;
    for (const PgQuery__Node* key : sql::list(c.keys, c.n_keys))
        columns.emplace_back(sql::string_value(key));
    return columns;
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created earlier in this migration is empty and nobody else can lock it yet.
    if (!ctx.existing(table)) return;

    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        const ByteSpan span = ctx.alter_command_span(command.index);
        if (command.added_constraint != nullptr) {
            const PgQuery__Constraint& c = *command.added_constraint;
            if (!builds_index(c)) continue;
            // USING INDEX attaches an index built beforehand (CONCURRENTLY): nothing is built.
            if (!sql::str(c.indexname).empty()) continue;
            const std::vector<std::string> columns = key_columns(c);
            report(out, span, c, table, columns, {}, using_index_fix(ctx, c, table, columns));
            return;  // a rule reports at most once per statement
        }
        if (command.added_column == nullptr) continue;
        const PgQuery__ColumnDef& column = *command.added_column;
        for (const PgQuery__Node* node : sql::list(column.constraints, column.n_constraints)) {
            if (!sql::is(node, PG_QUERY__NODE__NODE_CONSTRAINT)) continue;
            if (!builds_index(*node->constraint)) continue;
            const std::string name(sql::str(column.colname));
            report(out, span, *node->constraint, table, {name}, name);
            return;  // a rule reports at most once per statement
        }
    }
}

}  // namespace

RuleHooks hooks_constraint_builds_index() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
