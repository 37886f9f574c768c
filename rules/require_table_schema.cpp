#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// The table a CREATE TABLE or ALTER TABLE names, if it is a regular (non-temporary) table.
const PgQuery__RangeVar* table_of(const PgQuery__Node* node) {
    if (sql::is(node, PG_QUERY__NODE__NODE_CREATE_STMT)) return node->create_stmt->relation;
    if (sql::is(node, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT) &&
        node->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        return node->alter_table_stmt->relation;
    return nullptr;
}

void check(const RuleContext& ctx, Findings& out) {
    const PgQuery__RangeVar* table = table_of(ctx.stmt.node);
    if (table == nullptr) return;
    if (!sql::str(table->schemaname).empty()) return;
    // A temporary table lives in the session's own pg_temp schema.
    if (sql::str(table->relpersistence) == "t") return;
    const std::string name(sql::str(table->relname));
    const uint32_t at = ctx.offset(table->location);
    ByteSpan span{at, static_cast<uint32_t>(at + name.size())};
    for (const sql::Token& t : ctx.stmt.tokens) {
        if (t.span.begin == at) span = t.span;
    }
    Diagnostic& d = out.report(
        span, "table " + name +
                  " has no schema: which schema it is created in or altered depends on the "
                  "search_path of the session that runs the migration");
    d.help = "qualify the table with its schema, e.g. public." + std::string(ctx.text(span));
}

}  // namespace

RuleHooks hooks_require_table_schema() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
