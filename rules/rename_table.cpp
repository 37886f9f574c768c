#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check_schema(const RuleContext& ctx, const PgQuery__RenameStmt& rename, Findings& out) {
    const std::string from(sql::str(rename.subname));
    const std::string to(sql::str(rename.newname));
    // A schema created earlier in this migration: no running code refers to it yet.
    if (ctx.state.created_schema_here(from)) return;
    Diagnostic& d =
        out.report(ctx.statement_span(),
                   "ALTER SCHEMA " + from + " RENAME TO " + to +
                       " breaks every query and search_path of the running application that "
                       "still names " +
                       from + ": they fail with \"does not exist\" from the moment this commits");
    d.help = "there is no alias for a schema: deploy code that no longer names " + from +
             " first (for example through search_path = " + to + ", " + from +
             " with the objects moved one by one by ALTER … SET SCHEMA " + to +
             "), then rename or drop the old schema in a later migration";
}

void check(const RuleContext& ctx, Findings& out) {
    if (!sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_RENAME_STMT)) return;
    const PgQuery__RenameStmt& rename = *ctx.stmt.node->rename_stmt;
    const std::string_view what = pg::object_kind_name(rename.rename_type);
    // Columns, constraints, indexes, types, functions, …: other rules, or harmless to code.
    if (what.empty()) return;
    if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA) {
        check_schema(ctx, rename, out);
        return;
    }
    const pg::QualifiedName relation = pg::name_of(rename.relation);
    // A relation created earlier in this migration: no running code uses its name yet.
    if (!ctx.existing(relation)) return;

    const std::string r = relation.display();
    const std::string to(sql::str(rename.newname));
    const pg::QualifiedName renamed{relation.schema, to};
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "renaming the existing " + std::string(what) + " " + r + " to " + to +
            " breaks every query of the running application that still names " + r +
            " (it fails with \"relation does not exist\" from the moment this commits); it also "
            "takes an ACCESS EXCLUSIVE lock on " +
            r);
    d.lock = Findings::lock(relation, pg::LockMode::AccessExclusive);
    if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
        d.help =
            "keep the old name working until no code uses it: rename and leave an updatable "
            "view under the old name, in one transaction:\n  ALTER TABLE " +
            r + " RENAME TO " + to + ";\n  CREATE VIEW " + r + " AS SELECT * FROM " +
            renamed.display() + ";\n  -- deploy code that uses " + to +
            "; in a later migration:\n  DROP VIEW " + r + ";";
    } else {
        d.help = "keep the old name working until no code uses it: create the " +
                 std::string(what) + " under the new name " + to + " beside " + r +
                 ", deploy code that uses " + to + ", then drop " + r + " in a later migration";
    }
}

}  // namespace

RuleHooks hooks_rename_table() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
