#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

bool uses_any(const std::vector<std::string>& used, const std::vector<std::string>& columns) {
    return std::any_of(used.begin(), used.end(), [&](const std::string& u) {
        return std::find(columns.begin(), columns.end(), u) != columns.end();
    });
}

// The indexes and constraints of `table` that go with the dropped columns, per the history.
std::string dependents(const RuleContext& ctx, const pg::QualifiedName& table,
                       const std::vector<std::string>& columns) {
    std::string out;
    const auto add = [&](const std::string& what) { out += (out.empty() ? "" : ", ") + what; };
    for (const catalog::Index* index : ctx.catalog.indexes_on(table)) {
        if (uses_any(index->columns, columns) || uses_any(index->expression_columns, columns))
            add("index " + index->name);
    }
    if (const catalog::Table* t = ctx.catalog.table(table)) {
        for (const catalog::Constraint& c : t->constraints) {
            // UNIQUE / PRIMARY KEY constraints were named with their index above.
            if (!c.index.empty()) continue;
            if (uses_any(c.columns, columns) ||
                std::find(columns.begin(), columns.end(), c.not_null_column) != columns.end())
                add("constraint " + c.name);
        }
    }
    return out;
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    // ALTER TYPE … DROP ATTRIBUTE: a composite type's attribute, not a table's column.
    if (ctx.stmt.node->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    // A table created earlier in this migration: no running code reads its columns yet.
    if (!ctx.existing(table)) return;

    std::vector<std::string> columns;
    size_t first = 0;
    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        if (command.subtype() != PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) continue;
        const std::string column(sql::str(command.cmd->name));
        // A down script removing what its up added.
        if (ctx.options.created_by_up_contains(table.name, column)) continue;
        if (columns.empty()) first = command.index;
        columns.push_back(column);
    }
    if (columns.empty()) return;

    const std::string t = table.display();
    std::string list;
    for (const std::string& c : columns)
        list += (list.empty() ? "" : ", ") + t + "." + c;
    const bool several = columns.size() > 1;
    // One finding per statement, at the first DROP COLUMN, naming every dropped column.
    Diagnostic& d =
        out.report(ctx.alter_command_span(first),
                   "DROP COLUMN removes " + list +
                       ", which the running application may still read or write: its queries fail "
                       "with \"column does "
                       "not exist\" until the new code is deployed; it also drops every index and "
                       "constraint that uses " +
                       (several ? "them" : "it") + ", and takes an ACCESS EXCLUSIVE lock on " + t);
    d.lock = Findings::lock(table, pg::LockMode::AccessExclusive);
    if (const std::string lost = dependents(ctx, table, columns); !lost.empty())
        d.message += " (per the migration history: " + lost + ")";
    std::string drops;
    for (const std::string& c : columns)
        drops += "\n  ALTER TABLE " + t + " DROP COLUMN " + c + ";";
    d.help = "contract only after no deployed code uses " + list +
             ": first deploy code that neither reads nor writes " +
             (several ? "these columns" : "the column") +
             " (and tell the ORM to ignore it), then, in a later migration:" + drops;
}

}  // namespace

RuleHooks hooks_drop_column() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
