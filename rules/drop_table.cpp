#include <string>
#include <vector>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

using sql::is;

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

void check_database(const RuleContext& ctx, const PgQuery__DropdbStmt& drop, Findings& out) {
    const std::string db(sql::str(drop.dbname));
    // A database created earlier in this migration holds nothing anyone depends on.
    if (ctx.state.created_database_here(db)) return;
    Diagnostic& d = out.report(ctx.statement_span(),
                               "DROP DATABASE " + db +
                                   " irreversibly deletes the whole database and every table in "
                                   "it; no running code can use it afterwards");
    d.severity = Severity::Error;
    d.help = "drop a database by hand after a backup (pg_dump " + db +
             "), not from a migration; a migration should not remove the database of another "
             "service";
}

void check(const RuleContext& ctx, Findings& out) {
    if (is(ctx.stmt.node, PG_QUERY__NODE__NODE_DROPDB_STMT)) {
        check_database(ctx, *ctx.stmt.node->dropdb_stmt, out);
        return;
    }
    if (!is(ctx.stmt.node, PG_QUERY__NODE__NODE_DROP_STMT)) return;
    const PgQuery__DropStmt& drop = *ctx.stmt.node->drop_stmt;
    const bool schema = drop.remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA;
    // Views, indexes, sequences, types, …: other rules, or no data is lost.
    if (!schema && drop.remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;

    std::vector<std::string> existing;
    std::vector<pg::QualifiedName> tables;
    for (const PgQuery__Node* object : sql::list(drop.objects, drop.n_objects)) {
        if (schema) {
            const std::string name(sql::string_value(object));
            // A schema created earlier in this migration: nothing depends on it yet.
            if (!ctx.state.created_schema_here(name)) existing.push_back(name);
        } else if (is(object, PG_QUERY__NODE__NODE_LIST)) {
            const pg::QualifiedName t =
                pg::name_of_list(object->list->items, object->list->n_items);
            // A table created earlier in this migration holds no data anyone relies on.
            if (!ctx.existing(t)) continue;
            // A down script dropping the table its up created.
            if (ctx.options.created_by_up_contains(t.name)) continue;
            existing.push_back(t.display());
            tables.push_back(t);
        }
    }
    if (existing.empty()) return;

    const bool cascade = drop.behavior == PG_QUERY__DROP_BEHAVIOR__DROP_CASCADE;
    const std::string names = joined(existing);
    std::string message =
        schema ? "DROP SCHEMA " + names + " deletes the schema" + (existing.size() > 1 ? "s" : "") +
                     (cascade ? " and every table, view and function in it"
                              : " (PostgreSQL refuses while it still holds objects)")
               : "DROP TABLE " + names + " irreversibly deletes the table" +
                     (existing.size() > 1 ? "s" : "") + " and " +
                     (existing.size() > 1 ? "their" : "its") +
                     " data, which the running application may still read or write";
    if (cascade)
        message +=
            "; CASCADE also silently drops every view, foreign key and other object that "
            "depends on " +
            std::string(existing.size() > 1 ? "them" : "it");
    Diagnostic& d = out.report(ctx.statement_span(), message);
    if (cascade) d.severity = Severity::Error;
    if (!tables.empty()) d.lock = Findings::lock(tables.front(), pg::LockMode::AccessExclusive);
    std::string backup;
    for (const std::string& n : existing)
        backup += std::string(schema ? " -n " : " -t ") + n;
    d.help = "contract only after no deployed code uses " + names +
             ": deploy code that no longer uses " + (existing.size() > 1 ? "them" : "it") +
             ", keep a backup (pg_dump" + backup + "), then drop " +
             (existing.size() > 1 ? "them" : "it") + " in a later migration" +
             std::string(cascade ? ", without CASCADE: drop the dependent objects explicitly "
                                   "so the migration says what it removes"
                                 : "");
}

}  // namespace

RuleHooks hooks_drop_table() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
