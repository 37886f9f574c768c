#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

using Nodes = std::span<PgQuery__Node* const>;

// The column a ColumnRef names (its last field), or "" for anything else.
std::string_view column_name(const PgQuery__Node* node) {
    if (!sql::is(node, PG_QUERY__NODE__NODE_COLUMN_REF)) return {};
    const Nodes fields = sql::list(node->column_ref->fields, node->column_ref->n_fields);
    return fields.empty() ? std::string_view() : sql::string_value(fields.back());
}

// Heuristic for "a key": id, *_id, or ctid. Equality with one value picks out one row (or, for a
// foreign key, one parent's rows): a bounded batch.
bool is_key_column(std::string_view name) {
    return name == "id" || name == "ctid" || (name.size() > 3 && name.ends_with("_id"));
}

// What names in a WHERE can stand for: CTEs with a LIMIT, and whether a column reference may be a
// PL/pgSQL variable (in a DO block or function body) rather than another table's column (a join).
struct Scope {
    std::vector<std::string_view> limited_ctes;
    bool variables = false;
};

// A value a batch boundary can be: a constant, $1, a PL/pgSQL variable, or arithmetic on those.
bool is_bound_value(const PgQuery__Node* node, const Scope& scope) {
    if (node == nullptr) return false;
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_A_CONST:
        case PG_QUERY__NODE__NODE_PARAM_REF:
            return true;
        case PG_QUERY__NODE__NODE_COLUMN_REF:
            return scope.variables;
        case PG_QUERY__NODE__NODE_TYPE_CAST:
            return is_bound_value(node->type_cast->arg, scope);
        case PG_QUERY__NODE__NODE_A_EXPR:
            return node->a_expr->kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP &&
                   (node->a_expr->lexpr == nullptr || is_bound_value(node->a_expr->lexpr, scope)) &&
                   is_bound_value(node->a_expr->rexpr, scope);
        default:
            return false;
    }
}

std::string_view operator_name(const PgQuery__AExpr& e) {
    return sql::last_name(sql::list(e.name, e.n_name));
}

// Names of the CTEs of a WITH whose query has a LIMIT.
std::vector<std::string_view> limited_ctes(const PgQuery__WithClause* with) {
    std::vector<std::string_view> out;
    if (with == nullptr) return out;
    for (const PgQuery__Node* cte : sql::list(with->ctes, with->n_ctes)) {
        if (!sql::is(cte, PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)) continue;
        const PgQuery__Node* query = cte->common_table_expr->ctequery;
        if (sql::is(query, PG_QUERY__NODE__NODE_SELECT_STMT) &&
            query->select_stmt->limit_count != nullptr)
            out.push_back(sql::str(cte->common_table_expr->ctename));
    }
    return out;
}

// SELECT … LIMIT n, or SELECT from a CTE that has a LIMIT.
bool select_is_limited(const PgQuery__Node* node, const Scope& scope) {
    if (!sql::is(node, PG_QUERY__NODE__NODE_SELECT_STMT)) return false;
    const PgQuery__SelectStmt& select = *node->select_stmt;
    if (select.limit_count != nullptr) return true;
    for (const PgQuery__Node* from : sql::list(select.from_clause, select.n_from_clause)) {
        if (sql::is(from, PG_QUERY__NODE__NODE_RANGE_VAR) &&
            std::ranges::find(scope.limited_ctes, sql::str(from->range_var->relname)) !=
                scope.limited_ctes.end())
            return true;
    }
    return false;
}

struct Bounds {
    bool lower = false;
    bool upper = false;
};

// Records `col > v`, `col <= v`, `v < col`, … into per-column bounds.
void collect_range(const PgQuery__Node* node, const Scope& scope,
                   std::map<std::string, Bounds>& ranges) {
    if (!sql::is(node, PG_QUERY__NODE__NODE_A_EXPR)) return;
    const PgQuery__AExpr& e = *node->a_expr;
    if (e.kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP) return;
    std::string_view op = operator_name(e);
    std::string_view column = column_name(e.lexpr);
    const PgQuery__Node* value = e.rexpr;
    if (column.empty() || !is_bound_value(value, scope)) {
        // `v < col` reads as `col > v`.
        column = column_name(e.rexpr);
        value = e.lexpr;
        if (column.empty() || !is_bound_value(value, scope)) return;
        op = op == "<" ? ">" : op == "<=" ? ">=" : op == ">" ? "<" : op == ">=" ? "<=" : op;
    }
    if (op == ">" || op == ">=") ranges[std::string(column)].lower = true;
    if (op == "<" || op == "<=") ranges[std::string(column)].upper = true;
}

// Whether one condition by itself bounds the rows a statement touches.
bool bounds_batch(const PgQuery__Node* node, const Scope& scope) {
    if (node == nullptr) return false;
    if (sql::is(node, PG_QUERY__NODE__NODE_BOOL_EXPR)) {
        const PgQuery__BoolExpr& b = *node->bool_expr;
        const Nodes args = sql::list(b.args, b.n_args);
        if (b.boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR) {
            return !args.empty() && std::ranges::all_of(args, [&](const PgQuery__Node* a) {
                return bounds_batch(a, scope);
            });
        }
        if (b.boolop != PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) return false;
        std::map<std::string, Bounds> ranges;
        for (const PgQuery__Node* a : args) {
            if (bounds_batch(a, scope)) return true;
            collect_range(a, scope, ranges);
        }
        return std::ranges::any_of(ranges,
                                   [](const auto& r) { return r.second.lower && r.second.upper; });
    }
    // WHERE CURRENT OF cursor: the one row the cursor is on.
    if (sql::is(node, PG_QUERY__NODE__NODE_CURRENT_OF_EXPR)) return true;
    // col IN (SELECT … LIMIT n)
    if (sql::is(node, PG_QUERY__NODE__NODE_SUB_LINK)) {
        const PgQuery__SubLink& s = *node->sub_link;
        return s.sub_link_type == PG_QUERY__SUB_LINK_TYPE__ANY_SUBLINK &&
               select_is_limited(s.subselect, scope);
    }
    if (!sql::is(node, PG_QUERY__NODE__NODE_A_EXPR)) return false;
    const PgQuery__AExpr& e = *node->a_expr;
    const std::string_view column = column_name(e.lexpr);
    switch (e.kind) {
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN:
        case PG_QUERY__A__EXPR__KIND__AEXPR_BETWEEN_SYM: {
            if (column.empty() || !sql::is(e.rexpr, PG_QUERY__NODE__NODE_LIST)) return false;
            const Nodes ends = sql::list(e.rexpr->list->items, e.rexpr->list->n_items);
            return ends.size() == 2 && is_bound_value(ends[0], scope) &&
                   is_bound_value(ends[1], scope);
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP:
            // id = 5: one key.
            return operator_name(e) == "=" && is_key_column(column) &&
                   is_bound_value(e.rexpr, scope);
        case PG_QUERY__A__EXPR__KIND__AEXPR_IN: {
            // id IN (1, 2, 3): a list of keys.
            if (!is_key_column(column) || !sql::is(e.rexpr, PG_QUERY__NODE__NODE_LIST))
                return false;
            const Nodes items = sql::list(e.rexpr->list->items, e.rexpr->list->n_items);
            return std::ranges::all_of(
                items, [&](const PgQuery__Node* i) { return is_bound_value(i, scope); });
        }
        case PG_QUERY__A__EXPR__KIND__AEXPR_OP_ANY: {
            if (operator_name(e) != "=" || column.empty()) return false;
            // id = ANY(ARRAY(SELECT id FROM … LIMIT n))
            if (sql::is(e.rexpr, PG_QUERY__NODE__NODE_SUB_LINK)) {
                const PgQuery__SubLink& s = *e.rexpr->sub_link;
                return s.sub_link_type == PG_QUERY__SUB_LINK_TYPE__ARRAY_SUBLINK &&
                       select_is_limited(s.subselect, scope);
            }
            // id = ANY($1): an explicit list of keys.
            return is_key_column(column) && is_bound_value(e.rexpr, scope);
        }
        default:
            return false;
    }
}

bool is_true_constant(const PgQuery__Node* node) {
    if (sql::is(node, PG_QUERY__NODE__NODE_TYPE_CAST))
        return is_true_constant(node->type_cast->arg);
    if (!sql::is(node, PG_QUERY__NODE__NODE_A_CONST)) return false;
    const PgQuery__AConst& c = *node->a_const;
    if (c.val_case == PG_QUERY__A__CONST__VAL_BOOLVAL)
        return c.boolval != nullptr && c.boolval->boolval != 0;
    if (c.val_case == PG_QUERY__A__CONST__VAL_SVAL && c.sval != nullptr) {
        const std::string_view s = sql::str(c.sval->sval);
        return s == "t" || s == "true" || s == "on" || s == "yes";
    }
    return false;
}

bool same_constant(const PgQuery__Node* a, const PgQuery__Node* b) {
    if (!sql::is(a, PG_QUERY__NODE__NODE_A_CONST) || !sql::is(b, PG_QUERY__NODE__NODE_A_CONST))
        return false;
    const PgQuery__AConst& x = *a->a_const;
    const PgQuery__AConst& y = *b->a_const;
    if (x.val_case != y.val_case || x.isnull || y.isnull) return false;
    switch (x.val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL:
            return (x.ival ? x.ival->ival : 0) == (y.ival ? y.ival->ival : 0);
        case PG_QUERY__A__CONST__VAL_SVAL:
            return x.sval && y.sval && sql::str(x.sval->sval) == sql::str(y.sval->sval);
        case PG_QUERY__A__CONST__VAL_FVAL:
            return x.fval && y.fval && sql::str(x.fval->fval) == sql::str(y.fval->fval);
        default:
            return false;
    }
}

// WHERE true, WHERE 1 = 1, WHERE 'a' = 'a', or an OR with one of those: every row matches.
bool is_tautology(const PgQuery__Node* node) {
    if (is_true_constant(node)) return true;
    if (sql::is(node, PG_QUERY__NODE__NODE_BOOL_EXPR)) {
        const PgQuery__BoolExpr& b = *node->bool_expr;
        const Nodes args = sql::list(b.args, b.n_args);
        if (b.boolop == PG_QUERY__BOOL_EXPR_TYPE__OR_EXPR)
            return std::ranges::any_of(args, is_tautology);
        if (b.boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR)
            return !args.empty() && std::ranges::all_of(args, is_tautology);
        return false;
    }
    if (!sql::is(node, PG_QUERY__NODE__NODE_A_EXPR)) return false;
    const PgQuery__AExpr& e = *node->a_expr;
    return e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_OP && operator_name(e) == "=" &&
           same_constant(e.lexpr, e.rexpr);
}

// Existing, not-small tables read by an INSERT's SELECT (CTE names excluded).
std::vector<pg::QualifiedName> source_tables(const RuleContext& ctx,
                                             const PgQuery__InsertStmt& insert) {
    std::vector<std::string_view> cte_names;
    std::vector<pg::QualifiedName> out;
    const auto visit = [&](const PgQuery__Node& n) {
        if (n.node_case == PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR)
            cte_names.push_back(sql::str(n.common_table_expr->ctename));
        if (n.node_case != PG_QUERY__NODE__NODE_RANGE_VAR) return;
        const pg::QualifiedName name = pg::name_of(n.range_var);
        if (name.schema.empty() && std::ranges::find(cte_names, name.name) != cte_names.end())
            return;
        if (!ctx.existing(name) || ctx.small_table(name)) return;
        if (std::ranges::none_of(out, [&](const auto& o) { return o == name; }))
            out.push_back(name);
    };
    if (insert.with_clause != nullptr) sql::for_each_descendant(&insert.with_clause->base, visit);
    sql::for_each_descendant(&insert.select_stmt->select_stmt->base, visit);
    return out;
}

const char* kLoopHelp =
    "commit after every batch so each batch's row locks are released: move the loop into a "
    "PROCEDURE (or a DO block run outside a transaction block, PostgreSQL 11+) and put COMMIT; "
    "after the batch's statement inside the loop, e.g. LOOP UPDATE … WHERE id >= lo AND id < "
    "lo + 10000; COMMIT; lo := lo + 10000; EXIT WHEN lo > max_id; END LOOP;";

void check_loop(const RuleContext& ctx, Findings& out, const pg::QualifiedName& table,
                std::string_view verb) {
    Diagnostic& d = out.report(
        ctx.statement_span(),
        std::string(verb) + " on " + table.display() +
            " inside a loop that never COMMITs: this is fake batching. The whole loop runs in "
            "one transaction, so every batch's row locks on " +
            table.display() +
            " are held until the end, blocking concurrent writes to those rows, and no dead "
            "row can be vacuumed until it finishes");
    d.severity = Severity::Warning;
    d.lock = Findings::lock(table, pg::LockMode::RowExclusive);
    d.help = kLoopHelp;
}

// The statement text from its start up to (not including) the WHERE keyword, and the condition.
struct Split {
    std::string head;
    std::string condition;
    std::string tail;  // RETURNING …
};

// The statement's text in `span` without comments, on one line.
std::string clean_text(const RuleContext& ctx, ByteSpan span) {
    std::string out;
    uint32_t last_end = 0;
    for (const sql::Token& t : ctx.stmt.tokens) {
        if (t.is_trivia() || t.span.begin < span.begin || t.span.end > span.end) continue;
        if (!out.empty() && t.span.begin != last_end) out.push_back(' ');
        const std::string_view text = ctx.text(t.span);
        for (const char c : text)
            out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        last_end = t.span.end;
    }
    return out;
}

Split split_at_where(const RuleContext& ctx, const PgQuery__Node* where) {
    const ByteSpan span = ctx.statement_span();
    Split s;
    if (where != nullptr) {
        if (const auto kw = ctx.keyword_span("where")) {
            s.head = clean_text(ctx, {span.begin, kw->begin});
            // RETURNING … stays after the new condition.
            const auto returning = ctx.keyword_span("returning", kw->end);
            const uint32_t end = returning ? returning->begin : span.end;
            s.condition = clean_text(ctx, {kw->end, end});
            if (returning) s.tail = " " + clean_text(ctx, {returning->begin, span.end});
            return s;
        }
    }
    s.head = clean_text(ctx, span);
    return s;
}

std::string key_range_help(const RuleContext& ctx, const PgQuery__Node* where,
                           const PgQuery__RangeVar* relation) {
    Split s = split_at_where(ctx, where);
    // A tautology adds nothing to the batch condition.
    if (is_tautology(where)) s.condition.clear();
    std::string key = "id";
    if (relation != nullptr && relation->alias != nullptr && relation->alias->aliasname != nullptr)
        key = std::string(relation->alias->aliasname) + ".id";
    std::string sql = s.head + " WHERE " + key + " >= $1 AND " + key + " < $2";
    if (!s.condition.empty()) sql += " AND (" + s.condition + ")";
    sql += s.tail;
    return "batch by primary key (assumed to be id) and run each batch in its own transaction, "
           "e.g. from application code or a procedure that COMMITs per batch:\n  " +
           sql + ";\nwith ($1, $2) = (1, 10001), (10001, 20001), … up to max(id)";
}

void check_update_delete(const RuleContext& ctx, Findings& out, const PgQuery__RangeVar* relation,
                         const PgQuery__Node* where, const PgQuery__WithClause* with,
                         std::string_view verb) {
    const pg::QualifiedName table = pg::name_of(relation);
    // A table created earlier in this migration is empty or only has rows this migration wrote.
    if (!ctx.existing(table)) return;
    // Configured as small, a system catalog or a schema-version table: instant.
    if (ctx.small_table(table)) return;
    if (ctx.stmt.plpgsql.loop_depth > 0) {
        // A procedure that COMMITs per batch releases each batch's locks: real batching.
        if (ctx.stmt.plpgsql.commits_in_loop) return;
        check_loop(ctx, out, table, verb);
        return;
    }
    // A function body outside a loop runs when the function is called, not by this migration.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    const std::string name = table.display();
    if (where == nullptr || is_tautology(where)) {
        Diagnostic& d = out.report(
            ctx.statement_span(),
            std::string(verb) + " of every row of " + name +
                (where == nullptr ? " (no WHERE)" : " (its WHERE is always true)") +
                " in one statement: it takes ROW EXCLUSIVE on " + name +
                " and locks each row until the transaction ends, blocking concurrent writes "
                "to them, bloats the table and WAL, and can run for a long time");
        d.lock = Findings::lock(table, pg::LockMode::RowExclusive);
        d.help = key_range_help(ctx, where, relation);
        return;
    }
    const Scope scope{limited_ctes(with), ctx.stmt.origin != sql::StatementOrigin::TopLevel};
    // A key range, a single key or a LIMITed key subquery bounds one batch.
    if (bounds_batch(where, scope)) return;
    Diagnostic& d = out.report(
        ctx.statement_span(),
        std::string(verb) + " on " + name +
            " whose WHERE does not bound a batch (no key range, key equality or LIMIT "
            "subquery): every matching row is locked until the transaction ends, blocking "
            "concurrent writes to them, in one long transaction that bloats the table and WAL");
    d.severity = Severity::Warning;
    d.lock = Findings::lock(table, pg::LockMode::RowExclusive);
    d.help = key_range_help(ctx, where, relation);
}

void check_insert(const RuleContext& ctx, Findings& out, const PgQuery__InsertStmt& insert) {
    // INSERT … VALUES writes the rows it lists; INSERT … DEFAULT VALUES one row.
    if (!sql::is(insert.select_stmt, PG_QUERY__NODE__NODE_SELECT_STMT)) return;
    const PgQuery__SelectStmt& select = *insert.select_stmt->select_stmt;
    if (select.n_values_lists > 0) return;
    // A function body outside a loop runs when the function is called, not by this migration.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody && ctx.stmt.plpgsql.loop_depth == 0)
        return;
    const pg::QualifiedName target = pg::name_of(insert.relation);
    // Copying from tables created in this migration (or small ones) copies little.
    const std::vector<pg::QualifiedName> sources = source_tables(ctx, insert);
    if (sources.empty()) return;
    if (ctx.stmt.plpgsql.loop_depth > 0) {
        if (ctx.stmt.plpgsql.commits_in_loop) return;
        check_loop(ctx, out, target, "INSERT … SELECT");
        return;
    }
    // LIMIT n, or a key range on the source, copies one batch.
    const Scope scope{limited_ctes(select.with_clause),
                      ctx.stmt.origin != sql::StatementOrigin::TopLevel};
    if (select.limit_count != nullptr || bounds_batch(select.where_clause, scope)) return;
    const std::string source = sources.front().display();
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "INSERT … SELECT copies every matching row of " + source + " into " + target.display() +
            " in one statement: one long transaction that holds ROW EXCLUSIVE on " +
            target.display() +
            ", writes a burst of WAL (replicas lag) and keeps vacuum from cleaning up until it "
            "ends");
    d.severity = Severity::Warning;
    d.lock = Findings::lock(target, pg::LockMode::RowExclusive);
    d.help = "copy in key ranges, one transaction per range, e.g. add WHERE " + source +
             ".id >= $1 AND " + source +
             ".id < $2 to the SELECT and run it with ($1, $2) = "
             "(1, 10001), (10001, 20001), … up to max(id)";
}

void check(const RuleContext& ctx, Findings& out) {
    const PgQuery__Node* node = ctx.stmt.node;
    if (sql::is(node, PG_QUERY__NODE__NODE_UPDATE_STMT)) {
        check_update_delete(ctx, out, node->update_stmt->relation, node->update_stmt->where_clause,
                            node->update_stmt->with_clause, "UPDATE");
    } else if (sql::is(node, PG_QUERY__NODE__NODE_DELETE_STMT)) {
        check_update_delete(ctx, out, node->delete_stmt->relation, node->delete_stmt->where_clause,
                            node->delete_stmt->with_clause, "DELETE");
    } else if (sql::is(node, PG_QUERY__NODE__NODE_INSERT_STMT)) {
        check_insert(ctx, out, *node->insert_stmt);
    }
}

}  // namespace

RuleHooks hooks_unbatched_backfill() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
