#include <string>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check_alter(const RuleContext& ctx, Findings& out, const PgQuery__AlterDomainStmt& alter) {
    const std::string domain = pg::name_of_list(alter.type_name, alter.n_type_name).display();
    const std::string subtype(sql::str(alter.subtype));
    const std::string scan =
        " checks every value of every column of type " + domain +
        ", in every table that uses it, holding a SHARE lock on each of those tables (INSERT, "
        "UPDATE and DELETE blocked) until its scan ends";
    const std::string bare = pg::name_of_list(alter.type_name, alter.n_type_name).name;
    if (subtype == "O") {
        Diagnostic& d =
            out.report(ctx.statement_span(), "ALTER DOMAIN " + domain + " SET NOT NULL" + scan);
        d.help =
            "there is no NOT VALID form of SET NOT NULL: add a CHECK (VALUE IS NOT NULL) "
            "NOT VALID instead (instant) and validate it later in its own short "
            "transaction (that scan still takes SHARE on each table):\n  ALTER DOMAIN " +
            domain + " ADD CONSTRAINT " + bare +
            "_not_null CHECK (VALUE IS NOT NULL) NOT VALID;\n  ALTER DOMAIN " + domain +
            " VALIDATE CONSTRAINT " + bare + "_not_null;  -- in a later transaction";
        return;
    }
    if (subtype != "C" || !sql::is(alter.def, PG_QUERY__NODE__NODE_CONSTRAINT)) return;
    const PgQuery__Constraint& c = *alter.def->constraint;
    // NOT VALID: existing values are not checked now, only new ones.
    if (c.skip_validation != 0) return;
    const bool is_check = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK;
    Diagnostic& d =
        out.report(ctx.statement_span(),
                   "ALTER DOMAIN " + domain + " ADD CONSTRAINT without NOT VALID" + scan);
    const std::string name =
        sql::str(c.conname).empty() ? "<constraint name>" : std::string(sql::str(c.conname));
    if (!is_check) {
        d.help =
            "add the rule as a CHECK constraint NOT VALID, which checks only new values and "
            "returns at once; VALIDATE CONSTRAINT it later in its own short transaction "
            "(the validation scan still takes SHARE on each table), or put the constraint "
            "on the table columns, where VALIDATE takes only SHARE UPDATE EXCLUSIVE";
        return;
    }
    d.help =
        "add the constraint NOT VALID (only new values are checked, and it returns at "
        "once), then validate it on its own, in a later short transaction at a quiet time "
        "(the validation scan still takes SHARE on each table using the domain):\n  " +
        ctx.snippet(ctx.statement_span(), 300) + " NOT VALID;\n  ALTER DOMAIN " + domain +
        " VALIDATE CONSTRAINT " + name + ";";
    const ByteSpan span = ctx.statement_span();
    d.fix = Fix{"Add NOT VALID", {{{span.end, span.end}, " NOT VALID"}}, true};
}

void check_create(const RuleContext& ctx, Findings& out, const PgQuery__CreateDomainStmt& create) {
    bool has_check = false;
    for (const PgQuery__Node* c : sql::list(create.constraints, create.n_constraints)) {
        if (sql::is(c, PG_QUERY__NODE__NODE_CONSTRAINT) &&
            c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
            has_check = true;
    }
    if (!has_check) return;
    const std::string domain = pg::name_of_list(create.domainname, create.n_domainname).display();
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "CREATE DOMAIN " + domain +
            " with a CHECK constraint: the check is enforced on every column of this type, and "
            "changing it later (ALTER DOMAIN … ADD CONSTRAINT) scans every such column in every "
            "table under a SHARE lock that blocks writes; converting an existing column to " +
            domain + " rewrites its table");
    d.help =
        "create the domain without the CHECK and put the CHECK on each table column that "
        "needs it, where it can be added NOT VALID and validated without blocking writes:\n"
        "  ALTER TABLE <table> ADD CONSTRAINT <name> CHECK (<column> …) NOT VALID;\n"
        "  ALTER TABLE <table> VALIDATE CONSTRAINT <name>;  -- in a later transaction";
}

void check(const RuleContext& ctx, Findings& out) {
    if (sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT)) {
        check_alter(ctx, out, *ctx.stmt.node->alter_domain_stmt);
    } else if (sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT)) {
        check_create(ctx, out, *ctx.stmt.node->create_domain_stmt);
    }
}

}  // namespace

RuleHooks hooks_domain_constraint_scan() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
