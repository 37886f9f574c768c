#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    if (!sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_RENAME_STMT)) return;
    const PgQuery__RenameStmt& rename = *ctx.stmt.node->rename_stmt;
    if (rename.rename_type != PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) return;
    const pg::QualifiedName table = pg::name_of(rename.relation);
    // A relation created earlier in this migration has no running code that uses its columns.
    if (!ctx.existing(table)) return;

    const std::string t = table.display();
    const std::string from(sql::str(rename.subname));
    const std::string to(sql::str(rename.newname));
    const std::string_view kind = pg::object_kind_name(rename.relation_type);
    const std::string_view what = kind.empty() ? "table" : kind;
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "RENAME COLUMN " + from + " TO " + to + " on the existing " + std::string(what) + " " + t +
            " breaks every query of the running application that still names " + from +
            " (it fails with \"column does not exist\" from the moment this commits); it also "
            "takes an ACCESS EXCLUSIVE lock on " +
            t);
    d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
    if (rename.relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
        d.help =
            "rename in steps that old and new code both survive (expand / contract):\n"
            "  ALTER TABLE " +
            t + " ADD COLUMN " + to + " <type of " + from +
            ">;\n  -- deploy code that writes both columns, then backfill in batches:\n"
            "  UPDATE " +
            t + " SET " + to + " = " + from + " WHERE " + to +
            " IS NULL AND <key range>;\n  -- deploy code that reads " + to +
            " only; in a later migration:\n  ALTER TABLE " + t + " DROP COLUMN " + from + ";";
    } else {
        d.help = "keep the old column name until no code uses it: redefine the " +
                 std::string(what) + " with both names (… " + from + ", " + from + " AS " + to +
                 " …), deploy code that reads " + to + ", then drop " + from +
                 " from the definition in a later migration";
    }
}

}  // namespace

RuleHooks hooks_rename_column() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
