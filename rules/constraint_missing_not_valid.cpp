#include <vector>

#include "engine/rule_context.hpp"
#include "pg/expressions.hpp"
#include "rules/column_text.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

using sql::is;
using sql::list;

// A sub-command that validates a CHECK or FOREIGN KEY against every existing row.
struct Offender {
    size_t index = 0;
    const PgQuery__Constraint* constraint = nullptr;  // null for ADD COLUMN … REFERENCES
    const PgQuery__ColumnDef* column = nullptr;
};

const PgQuery__Constraint* column_foreign_key(const PgQuery__ColumnDef& column) {
    for (const PgQuery__Node* c : list(column.constraints, column.n_constraints)) {
        if (is(c, PG_QUERY__NODE__NODE_CONSTRAINT) &&
            c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
            return c->constraint;
    }
    return nullptr;
}

std::vector<Offender> offenders(const pg::AlterTable& alter) {
    std::vector<Offender> out;
    for (const pg::AlterCommand& command : alter.commands) {
        if (const PgQuery__Constraint* c = command.added_constraint) {
            if (c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK &&
                c->contype != PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
                continue;
            // NOT VALID skips the scan; existing rows are checked later by VALIDATE CONSTRAINT.
            if (c->skip_validation != 0) continue;
            out.push_back({command.index, c, nullptr});
        } else if (command.added_column != nullptr &&
                   column_foreign_key(*command.added_column) != nullptr) {
            out.push_back({command.index, nullptr, command.added_column});
        }
    }
    return out;
}

// "users (id)": the referenced table and, when written, its columns.
std::string referenced(const PgQuery__Constraint* fk) {
    if (fk == nullptr) return {};
    std::string out = pg::name_of(fk->pktable).display();
    std::string cols;
    for (const PgQuery__Node* a : list(fk->pk_attrs, fk->n_pk_attrs))
        cols += (cols.empty() ? "" : ", ") + std::string(sql::string_value(a));
    return cols.empty() ? out : out + " (" + cols + ")";
}

// Where a new line after the statement goes: past a trailing comment on the statement's last
// line, or right after the statement when more SQL follows on that line.
uint32_t end_of_line(std::string_view source, uint32_t from) {
    uint32_t i = from;
    while (i < source.size() && (source[i] == ' ' || source[i] == '\t'))
        ++i;
    if (i + 1 < source.size() && source[i] == '-' && source[i + 1] == '-') {
        while (i < source.size() && source[i] != '\n' && source[i] != '\r')
            ++i;
        return i;
    }
    return from;
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created earlier in this migration is empty: validating it reads nothing.
    if (!ctx.existing(table)) return;
    const std::vector<Offender> found = offenders(*ctx.facts.alter);
    if (found.empty()) return;

    const Offender& first = found.front();
    const std::string t = table.display();
    Diagnostic& d = out.report(ctx.alter_command_span(first.index), "");
    if (first.column != nullptr) {
        const std::string col(sql::str(first.column->colname));
        const PgQuery__Constraint* fk = column_foreign_key(*first.column);
        const std::string ref_table = pg::name_of(fk->pktable).display();
        const ByteSpan span = ctx.alter_command_span(first.index);
        const std::string type = column_text(ctx, *first.column, span).type;
        d.message = "ADD COLUMN " + col + " … REFERENCES " + ref_table +
                    " validates the new foreign key against every row of " + t +
                    " while holding ACCESS EXCLUSIVE on " + t + " and SHARE ROW EXCLUSIVE on " +
                    ref_table + ", blocking writes to both tables until the scan ends";
        d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
        const std::string name = table.name + "_" + col + "_fkey";
        d.help =
            "add the column without REFERENCES, then the foreign key NOT VALID, and "
            "validate it in a separate transaction:\n  ALTER TABLE " +
            t + " ADD COLUMN " + col + " " + (type.empty() ? "<type>" : type) +
            ";\n  ALTER TABLE " + t + " ADD CONSTRAINT " + name + " FOREIGN KEY (" + col +
            ") REFERENCES " + referenced(fk) +
            " NOT VALID;\n  -- later, in its own transaction:\n  ALTER TABLE " + t +
            " VALIDATE CONSTRAINT " + name + ";";
        return;
    }

    const PgQuery__Constraint& c = *first.constraint;
    const bool fk = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN;
    std::string name(sql::str(c.conname));
    const std::string kind = fk ? "FOREIGN KEY" : "CHECK";
    const std::string shown =
        name.empty() ? "a " + kind + " constraint" : kind + " constraint " + name;
    if (fk) {
        d.message = "adding " + shown + " without NOT VALID scans all of " + t +
                    " to validate it while holding SHARE ROW EXCLUSIVE on " + t + " and on " +
                    pg::name_of(c.pktable).display() +
                    ", blocking writes to both tables until the scan ends";
        d.lock = Findings::lock(table, pg::LockMode::ShareRowExclusive);
    } else {
        d.message = "adding " + shown + " without NOT VALID scans all of " + t +
                    " under an ACCESS EXCLUSIVE lock, blocking reads and writes until the scan "
                    "ends";
        d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
    }
    // The sub-command as written, after its ADD keyword; unnamed constraints get a name so that
    // they can be validated (PostgreSQL's own naming style).
    std::string body = ctx.snippet(ctx.alter_command_span(first.index), 1000);
    if (body.size() > 4 && (body.starts_with("ADD ") || body.starts_with("add "))) body.erase(0, 4);
    std::string add = "ADD ";
    if (name.empty()) {
        std::string first_col;
        if (fk && c.n_fk_attrs > 0) first_col = std::string(sql::string_value(c.fk_attrs[0]));
        name = table.name + (first_col.empty() ? "" : "_" + first_col) + (fk ? "_fkey" : "_check");
        add += "CONSTRAINT " + name + " ";
    }
    d.help =
        "add the constraint with NOT VALID (new rows are checked at once, and the lock is "
        "brief), then validate existing rows in a separate transaction or migration, where "
        "VALIDATE takes only SHARE UPDATE EXCLUSIVE:\n  ALTER TABLE " +
        t + " " + add + body + " NOT VALID;\n  -- then, in its own transaction:\n  ALTER TABLE " +
        t + " VALIDATE CONSTRAINT " + name + ";";

    // Mechanical fix: only when every offending constraint has a name to validate it by, and
    // no ADD COLUMN … REFERENCES (a column constraint cannot be NOT VALID).
    for (const Offender& o : found) {
        if (o.constraint == nullptr || sql::str(o.constraint->conname).empty()) return;
    }
    Fix fix{"Add NOT VALID", {}, true};
    std::string validates;
    for (const Offender& o : found) {
        const ByteSpan span = ctx.alter_command_span(o.index);
        fix.edits.push_back({{span.end, span.end}, " NOT VALID"});
        validates += "\nALTER TABLE " + t + " VALIDATE CONSTRAINT " +
                     std::string(sql::str(o.constraint->conname)) + ";";
    }
    // In a transaction a VALIDATE right after would still run under the ADD's lock
    // (validate-in-same-transaction): it goes to a later migration, as the help says.
    if (!ctx.in_transaction()) {
        fix.title = "Add NOT VALID and validate in a separate statement";
        const ByteSpan stmt = ctx.stmt.span;
        const bool has_semicolon = ctx.text(stmt).ends_with(";");
        if (!has_semicolon) fix.edits.push_back({{stmt.end, stmt.end}, ";"});
        fix.edits.push_back(
            {{end_of_line(ctx.source(), stmt.end), end_of_line(ctx.source(), stmt.end)},
             validates});
    }
    d.fix = std::move(fix);
}

}  // namespace

RuleHooks hooks_constraint_missing_not_valid() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
