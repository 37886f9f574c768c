#include "pg/partitions.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "sql/ast.hpp"

namespace migsafe::pg {

namespace {

using sql::is;
using sql::list;

// A constant as written: its text, and its value when it is a number.
struct Constant {
    std::string text;
    std::optional<double> number;
    bool null = false;
};

std::optional<Constant> constant(const PgQuery__Node* node) {
    // '2024-01-01'::date and the like: the literal decides.
    while (is(node, PG_QUERY__NODE__NODE_TYPE_CAST))
        node = node->type_cast->arg;
    if (!is(node, PG_QUERY__NODE__NODE_A_CONST)) return std::nullopt;
    const PgQuery__AConst& c = *node->a_const;
    Constant out;
    if (c.isnull != 0) {
        out.null = true;
        return out;
    }
    switch (c.val_case) {
        case PG_QUERY__A__CONST__VAL_IVAL:
            out.number = c.ival != nullptr ? c.ival->ival : 0;
            out.text = std::to_string(c.ival != nullptr ? c.ival->ival : 0);
            return out;
        case PG_QUERY__A__CONST__VAL_FVAL: {
            out.text = std::string(sql::str(c.fval != nullptr ? c.fval->fval : nullptr));
            double v = 0;
            const auto r = std::from_chars(out.text.data(), out.text.data() + out.text.size(), v);
            if (r.ec == std::errc()) out.number = v;
            return out;
        }
        case PG_QUERY__A__CONST__VAL_SVAL:
            out.text = std::string(sql::str(c.sval != nullptr ? c.sval->sval : nullptr));
            return out;
        default:
            return std::nullopt;
    }
}

// a <= b, when that can be told.
bool at_most(const Constant& a, const Constant& b) {
    if (a.number && b.number) return *a.number <= *b.number;
    return !a.number && !b.number && a.text == b.text;
}

bool same(const Constant& a, const Constant& b) {
    if (a.number && b.number) return *a.number == *b.number;
    return !a.number && !b.number && a.text == b.text;
}

std::string column_of(const PgQuery__Node* node) {
    if (!is(node, PG_QUERY__NODE__NODE_COLUMN_REF) || node->column_ref->n_fields != 1) return {};
    return std::string(sql::string_value(node->column_ref->fields[0]));
}

void conjuncts(const PgQuery__Node* node, std::vector<const PgQuery__Node*>& out) {
    if (is(node, PG_QUERY__NODE__NODE_BOOL_EXPR) &&
        node->bool_expr->boolop == PG_QUERY__BOOL_EXPR_TYPE__AND_EXPR) {
        for (const PgQuery__Node* arg : list(node->bool_expr->args, node->bool_expr->n_args))
            conjuncts(arg, out);
        return;
    }
    out.push_back(node);
}

// What the conjuncts say about one column.
struct Facts {
    std::string column;
    bool consistent = true;  // every conjunct is about `column`
    bool not_null = false;
    std::optional<Constant> lower;  // k >= lower
    std::optional<Constant> upper;  // k < upper
    std::optional<std::vector<Constant>> in;
};

void note_column(Facts& f, const std::string& column) {
    if (column.empty() || (!f.column.empty() && f.column != column)) f.consistent = false;
    f.column = column;
}

Facts read_check(const PgQuery__Node* check) {
    Facts f;
    std::vector<const PgQuery__Node*> parts;
    conjuncts(check, parts);
    for (const PgQuery__Node* p : parts) {
        if (is(p, PG_QUERY__NODE__NODE_NULL_TEST) &&
            p->null_test->nulltesttype == PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL) {
            note_column(f, column_of(p->null_test->arg));
            f.not_null = true;
            continue;
        }
        if (!is(p, PG_QUERY__NODE__NODE_A_EXPR)) {
            f.consistent = false;
            continue;
        }
        const PgQuery__AExpr& e = *p->a_expr;
        note_column(f, column_of(e.lexpr));
        const std::string op(sql::last_name(list(e.name, e.n_name)));
        if (e.kind == PG_QUERY__A__EXPR__KIND__AEXPR_IN && is(e.rexpr, PG_QUERY__NODE__NODE_LIST)) {
            std::vector<Constant> values;
            for (const PgQuery__Node* v : list(e.rexpr->list->items, e.rexpr->list->n_items)) {
                if (auto c = constant(v))
                    values.push_back(*c);
                else
                    f.consistent = false;
            }
            f.in = values;
            continue;
        }
        const std::optional<Constant> c = constant(e.rexpr);
        if (e.kind != PG_QUERY__A__EXPR__KIND__AEXPR_OP || !c) {
            f.consistent = false;
        } else if (op == ">=") {
            f.lower = c;
        } else if (op == "<") {
            f.upper = c;
        } else if (op == "=") {
            f.in = std::vector<Constant>{*c};
        } else {
            f.consistent = false;
        }
    }
    return f;
}

bool is_unbounded(const PgQuery__Node* datum) {
    const std::string name = column_of(datum);
    return name == "minvalue" || name == "maxvalue";
}

std::string sql_text(const Constant& c) {
    if (c.null) return "NULL";
    if (c.number) return c.text;
    std::string out = "'";
    for (const char ch : c.text)
        out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + "'";
}

}  // namespace

std::string bound_check_condition(const PgQuery__PartitionBoundSpec& bound,
                                  const std::string& key) {
    if (bound.is_default != 0) return {};
    const std::string strategy(sql::str(bound.strategy));
    if (strategy == "r" && bound.n_lowerdatums == 1 && bound.n_upperdatums == 1) {
        std::string out = key + " IS NOT NULL";
        for (const auto& [datum, op] :
             {std::pair{bound.lowerdatums[0], " >= "}, std::pair{bound.upperdatums[0], " < "}}) {
            if (is_unbounded(datum)) continue;
            const auto c = constant(datum);
            if (!c) return {};
            out += " AND " + key + op + sql_text(*c);
        }
        return out;
    }
    if (strategy == "l") {
        std::string values;
        bool allows_null = false;
        for (const PgQuery__Node* d : list(bound.listdatums, bound.n_listdatums)) {
            const auto c = constant(d);
            if (!c) return {};
            if (c->null) {
                allows_null = true;
                continue;
            }
            values += (values.empty() ? "" : ", ") + sql_text(*c);
        }
        if (values.empty()) return {};
        return (allows_null ? "" : key + " IS NOT NULL AND ") + key + " IN (" + values + ")";
    }
    return {};
}

bool check_implies_bound(const PgQuery__Node* check, const PgQuery__PartitionBoundSpec& bound) {
    if (check == nullptr || bound.is_default != 0) return false;
    const Facts f = read_check(check);
    if (!f.consistent || f.column.empty()) return false;
    const std::string strategy(sql::str(bound.strategy));
    if (strategy == "r") {
        if (bound.n_lowerdatums != 1 || bound.n_upperdatums != 1 || !f.not_null) return false;
        const PgQuery__Node* lo = bound.lowerdatums[0];
        const PgQuery__Node* hi = bound.upperdatums[0];
        if (!is_unbounded(lo)) {
            const auto l = constant(lo);
            if (!l || !f.lower || !at_most(*l, *f.lower)) return false;
        }
        if (!is_unbounded(hi)) {
            const auto u = constant(hi);
            if (!u || !f.upper || !at_most(*f.upper, *u)) return false;
        }
        return true;
    }
    if (strategy == "l") {
        if (!f.in) return false;
        std::vector<Constant> allowed;
        bool allows_null = false;
        for (const PgQuery__Node* d : list(bound.listdatums, bound.n_listdatums)) {
            const auto c = constant(d);
            if (!c) return false;
            if (c->null)
                allows_null = true;
            else
                allowed.push_back(*c);
        }
        if (!allows_null && !f.not_null) return false;
        return std::all_of(f.in->begin(), f.in->end(), [&](const Constant& v) {
            return std::any_of(allowed.begin(), allowed.end(),
                               [&](const Constant& a) { return same(a, v); });
        });
    }
    return false;  // hash partitions: never proven here
}

}  // namespace migsafe::pg
