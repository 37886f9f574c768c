#include "pg/expressions.hpp"

#include "sql/ast.hpp"

namespace migsafe::pg {

using sql::is;
using sql::list;

namespace {

std::string_view function_name(const PgQuery__FuncCall& call) {
    return sql::last_name(list(call.funcname, call.n_funcname));
}

Volatility worse(Volatility a, Volatility b) {
    if (a == Volatility::Volatile || b == Volatility::Volatile) return Volatility::Volatile;
    if (a == Volatility::Unknown || b == Volatility::Unknown) return Volatility::Unknown;
    return std::max(a, b);
}

Volatility node_volatility(const PgQuery__Node& node) {
    if (is(&node, PG_QUERY__NODE__NODE_FUNC_CALL)) {
        const auto& call = *node.func_call;
        return function_volatility(function_name(call), static_cast<int>(call.n_args));
    }
    // CURRENT_TIMESTAMP, LOCALTIME, CURRENT_USER, … are STABLE.
    if (is(&node, PG_QUERY__NODE__NODE_SQLVALUE_FUNCTION)) return Volatility::Stable;
    if (is(&node, PG_QUERY__NODE__NODE_SUB_LINK)) return Volatility::Unknown;
    return Volatility::Immutable;
}

}  // namespace

Volatility expression_volatility(const PgQuery__Node* expr) {
    if (expr == nullptr) return Volatility::Immutable;
    Volatility result = node_volatility(*expr);
    sql::for_each_descendant(&expr->base, [&](const PgQuery__Node& node) {
        result = worse(result, node_volatility(node));
    });
    return result;
}

std::string first_volatile_call(const PgQuery__Node* expr) {
    std::string found;
    const auto check = [&](const PgQuery__Node& node) {
        if (!found.empty() || !is(&node, PG_QUERY__NODE__NODE_FUNC_CALL)) return;
        if (node_volatility(node) == Volatility::Volatile)
            found = std::string(function_name(*node.func_call)) + "()";
    };
    if (expr != nullptr) {
        check(*expr);
        sql::for_each_descendant(&expr->base, check);
    }
    return found;
}

bool is_serial_type(const PgQuery__TypeName* type) {
    if (type == nullptr) return false;
    const std::string_view name = sql::last_name(list(type->names, type->n_names));
    return name == "serial" || name == "bigserial" || name == "smallserial" || name == "serial4" ||
           name == "serial8" || name == "serial2";
}

namespace {

const PgQuery__Constraint* find_constraint(const PgQuery__ColumnDef& column,
                                           PgQuery__ConstrType type) {
    for (const PgQuery__Node* c : list(column.constraints, column.n_constraints)) {
        if (is(c, PG_QUERY__NODE__NODE_CONSTRAINT) && c->constraint->contype == type)
            return c->constraint;
    }
    return nullptr;
}

}  // namespace

const PgQuery__Node* column_default(const PgQuery__ColumnDef& column) {
    if (column.raw_default != nullptr) return column.raw_default;
    const auto* c = find_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT);
    return c != nullptr ? c->raw_expr : nullptr;
}

bool column_default_is_stored(const PgQuery__ColumnDef& column) {
    const PgQuery__Node* def = column_default(column);
    while (is(def, PG_QUERY__NODE__NODE_TYPE_CAST))
        def = def->type_cast->arg;  // NULL::int
    if (def == nullptr) return false;
    return !is(def, PG_QUERY__NODE__NODE_A_CONST) || def->a_const->isnull == 0;
}

bool column_has_foreign_key(const PgQuery__ColumnDef& column) {
    return find_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) != nullptr;
}

bool column_is_not_null(const PgQuery__ColumnDef& column) {
    return column.is_not_null != 0 ||
           find_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL) != nullptr ||
           find_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY) != nullptr;
}

std::optional<std::string> column_add_rewrites(const PgQuery__ColumnDef& column) {
    if (is_serial_type(column.type_name)) {
        return std::string("a serial column fills every existing row from a sequence");
    }
    if (find_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY) != nullptr) {
        return std::string("an identity column fills every existing row from a sequence");
    }
    if (const auto* generated = find_constraint(column, PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED)) {
        (void)generated;
        return std::string(
            "a GENERATED … STORED column is computed and written for every existing row");
    }
    const PgQuery__Node* def = column_default(column);
    if (def != nullptr && expression_volatility(def) == Volatility::Volatile) {
        return "the default " + first_volatile_call(def) +
               " is volatile, so it is evaluated and written for every existing row";
    }
    return std::nullopt;
}

}  // namespace migsafe::pg
