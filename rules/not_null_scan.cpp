#include <algorithm>
#include <optional>
#include <vector>

#include "engine/rule_context.hpp"
#include "pg/constraints.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// The four steps that prove NOT NULL without a long ACCESS EXCLUSIVE scan (PostgreSQL 12+),
// as SQL statements without their semicolons.
std::vector<std::string> check_steps(const pg::QualifiedName& table, const std::string& col) {
    const std::string t = table.sql();
    const std::string c = pg::quote_ident(col);
    const std::string name = pg::quote_ident(table.name + "_" + col + "_not_null");
    return {
        "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " CHECK (" + c + " IS NOT NULL) NOT VALID",
        "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + name,
        "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL",
        "ALTER TABLE " + t + " DROP CONSTRAINT " + name};
}

std::string check_sequence(const pg::QualifiedName& table, const std::string& col) {
    const std::vector<std::string> steps = check_steps(table, col);
    return "  " + steps[0] +
           ";\n  -- in a separate transaction (SHARE UPDATE EXCLUSIVE: reads and writes "
           "continue):\n  " +
           steps[1] + ";\n  " + steps[2] + ";\n  " + steps[3] + ";";
}

// Outside a transaction block each step commits on its own, so the sequence can replace a lone
// SET NOT NULL as it stands; inside one, VALIDATE would run under the ADD's lock.
std::optional<Fix> check_sequence_fix(const RuleContext& ctx, const pg::QualifiedName& table,
                                      const std::string& col) {
    if (ctx.in_transaction() || ctx.stmt.origin != sql::StatementOrigin::TopLevel) return {};
    if (ctx.facts.alter->commands.size() != 1) return {};
    // A NOT VALID check of this migration is half of the sequence already: validating it is
    // the author's next step, and a second check would duplicate it.
    if (ctx.state.has_any_not_null_check(table, col)) return {};
    std::string text;
    for (const std::string& step : check_steps(table, col))
        text += (text.empty() ? "" : ";\n") + step;
    return Fix{"Prove NOT NULL with a validated CHECK first (PostgreSQL 12+)",
               {{ctx.statement_span(), std::move(text)}},
               true};
}

// Why the column still needs a scan ("" when a validated CHECK proves it NOT NULL).
struct Proof {
    bool scan = true;
    std::string note;  // appended to the message
    std::string check_name;
};

Proof prove(const RuleContext& ctx, const pg::QualifiedName& table, const std::string& col) {
    Proof p;
    std::vector<std::string> checks = ctx.state.not_null_check_names(table, col);
    // Validated CHECK (col IS NOT NULL) constraints from earlier migrations count too.
    if (const catalog::Table* known = ctx.catalog.table(table)) {
        for (const catalog::Constraint& c : known->constraints) {
            if (c.kind == catalog::ConstraintKind::NotNullCheck && c.validated &&
                c.not_null_column == col &&
                std::find(checks.begin(), checks.end(), c.name) == checks.end())
                checks.push_back(c.name);
        }
    }
    if (checks.empty()) return p;
    p.check_name = checks.front();
    if (ctx.options.pg_version < 12) {
        p.note = "; the validated CHECK " + p.check_name +
                 " does not avoid the scan before PostgreSQL 12 (checking for version " +
                 std::to_string(ctx.options.pg_version) + ")";
        return p;
    }
    // ALTER TABLE drops constraints before it verifies NOT NULL, whatever the order written.
    std::vector<std::string> dropped;
    for (const pg::ConstraintRef& d : pg::dropped_constraints(ctx.stmt.node)) {
        if (d.table.same_object(table)) dropped.push_back(d.name);
    }
    const bool all_dropped = std::all_of(checks.begin(), checks.end(), [&](const std::string& c) {
        return std::find(dropped.begin(), dropped.end(), c) != dropped.end();
    });
    if (!all_dropped) {
        p.scan = false;
        return p;
    }
    p.note = "; this ALTER TABLE drops " + p.check_name +
             ", the CHECK that would have proved it, before NOT NULL is verified";
    return p;
}

// Key columns of the index `name`, when an earlier statement of this migration created it.
std::vector<std::string> index_columns(const RuleContext& ctx, std::string_view name) {
    const CreatedIndex* index = ctx.state.created_index(name);
    return index != nullptr ? index->columns : std::vector<std::string>();
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created earlier in this migration is empty: the scan reads nothing.
    if (!ctx.existing(table)) return;
    const std::string t = table.display();

    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        const PgQuery__AlterTableCmd& cmd = *command.cmd;
        const size_t i = command.index;

        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull) {
            const std::string col(sql::str(cmd.name));
            // Already NOT NULL in the history: PostgreSQL has nothing to verify.
            if (const catalog::Table* known = ctx.catalog.table(table)) {
                const catalog::Column* column = known->column(col);
                if (column != nullptr && column->not_null) continue;
            }
            const Proof proof = prove(ctx, table, col);
            // PG 12+: a validated CHECK (col IS NOT NULL) lets PostgreSQL skip the scan.
            if (!proof.scan) continue;
            Diagnostic& d = out.report(
                ctx.alter_command_span(i),
                "SET NOT NULL on " + t + "." + col + " scans every row of " + t +
                    " under an ACCESS EXCLUSIVE lock to prove there is no NULL, blocking reads "
                    "and writes until the scan ends" +
                    proof.note);
            d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
            if (ctx.options.pg_version < 12) {
                d.help = "PostgreSQL 12 or later is needed to use a validated CHECK (" + col +
                         " IS NOT NULL) instead of the scan; on PostgreSQL 11 keep the CHECK "
                         "constraint (added NOT VALID, then VALIDATEd) in place of NOT NULL, or "
                         "run this in a maintenance window. From PostgreSQL 12:\n" +
                         check_sequence(table, col);
            } else if (!proof.check_name.empty()) {
                d.help =
                    "drop the CHECK only after NOT NULL is set, in a later statement:\n  "
                    "ALTER TABLE " +
                    t + " ALTER COLUMN " + col + " SET NOT NULL;\n  ALTER TABLE " + t +
                    " DROP CONSTRAINT " + proof.check_name + ";";
            } else {
                d.help =
                    "prove NOT NULL with a CHECK constraint validated without blocking "
                    "writes; SET NOT NULL then skips the scan:\n" +
                    check_sequence(table, col);
                d.fix = check_sequence_fix(ctx, table, col);
            }
            return;  // one finding per statement
        }

        // ADD PRIMARY KEY USING INDEX sets NOT NULL on the index's columns, with the same scan.
        const PgQuery__Constraint* added = command.added_constraint;
        if (added != nullptr && added->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY &&
            !sql::str(added->indexname).empty()) {
            const std::string index(sql::str(added->indexname));
            const std::vector<std::string> columns = index_columns(ctx, index);
            std::vector<std::string> unproven;
            Proof last;
            for (const std::string& col : columns) {
                Proof p = prove(ctx, table, col);
                if (p.scan) {
                    unproven.push_back(col);
                    last = std::move(p);
                }
            }
            // Every key column is proven NOT NULL by a validated CHECK (PG 12+).
            if (!columns.empty() && unproven.empty()) continue;

            const std::string what = unproven.empty() ? "the columns of " + index : [&] {
                std::string s;
                for (const std::string& c : unproven)
                    s += (s.empty() ? "" : ", ") + c;
                return s;
            }();
            Diagnostic& d = out.report(
                ctx.alter_command_span(i),
                "ADD PRIMARY KEY USING INDEX " + index + " sets NOT NULL on " + what +
                    ", which scans every row of " + t +
                    " under an ACCESS EXCLUSIVE lock (blocking reads and writes) unless the "
                    "columns are already NOT NULL" +
                    last.note);
            d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
            std::string help =
                "first make each key column NOT NULL without a long lock, then add the primary "
                "key:\n";
            for (const std::string& c :
                 unproven.empty() ? std::vector<std::string>{"<column>"} : unproven)
                help += check_sequence(table, c) + "\n";
            d.help = help +
                     "  (PostgreSQL 12 or later; skip this if the columns are already NOT "
                     "NULL)";
            return;
        }
    }
}

}  // namespace

RuleHooks hooks_not_null_scan() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
