#include "catalog/expression_columns.hpp"

#include <algorithm>

#include "sql/ast.hpp"

namespace migsafe::catalog {

namespace {

constexpr size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1

std::string column_ref_name(const PgQuery__ColumnRef& ref) {
    const auto fields = sql::list(ref.fields, ref.n_fields);
    return fields.empty() ? std::string() : std::string(sql::string_value(fields.back()));
}

void add_column_of(const PgQuery__Node& node, std::vector<std::string>& out) {
    if (!sql::is(&node, PG_QUERY__NODE__NODE_COLUMN_REF) || node.column_ref == nullptr) return;
    std::string name = column_ref_name(*node.column_ref);
    if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end())
        out.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> expression_columns(const PgQuery__Node* expr) {
    std::vector<std::string> out;
    if (expr == nullptr) return out;
    add_column_of(*expr, out);
    sql::for_each_descendant(&expr->base,
                             [&](const PgQuery__Node& node) { add_column_of(node, out); });
    return out;
}

std::string expression_text(const PgQuery__Node* expr) {
    if (sql::is(expr, PG_QUERY__NODE__NODE_COLUMN_REF) && expr->column_ref != nullptr)
        return column_ref_name(*expr->column_ref);
    if (sql::is(expr, PG_QUERY__NODE__NODE_TYPE_CAST) && expr->type_cast != nullptr)
        return expression_text(expr->type_cast->arg);
    if (sql::is(expr, PG_QUERY__NODE__NODE_FUNC_CALL) && expr->func_call != nullptr) {
        const PgQuery__FuncCall& call = *expr->func_call;
        std::string out(sql::last_name(sql::list(call.funcname, call.n_funcname)));
        out += '(';
        const auto args = sql::list(call.args, call.n_args);
        for (size_t i = 0; i < args.size(); ++i) {
            if (i > 0) out += ", ";
            out += expression_text(args[i]);
        }
        return out + ')';
    }
    return "expr";
}

std::string object_name(std::string name1, std::string name2, const std::string& label) {
    const size_t overhead = label.size() + 1 + (name2.empty() ? 0 : 1);
    // Shorten the longer of the two names first, as PostgreSQL does.
    while (name1.size() + name2.size() + overhead > kMaxIdentifierBytes) {
        if (name1.size() > name2.size())
            name1.pop_back();
        else
            name2.pop_back();
    }
    std::string out = name1;
    if (!name2.empty()) out += "_" + name2;
    return out + "_" + label;
}

}  // namespace migsafe::catalog
