#include "pg/type_changes.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "sql/ast.hpp"

namespace migsafe::pg {

namespace {

// Built-in types whose casts the table below knows; anything else may be a domain or a user type.
constexpr std::array<std::string_view, 30> kBuiltin = {
    "int2",   "int4",   "int8",  "float4", "float8", "numeric",   "text",        "varchar",
    "bpchar", "bool",   "date",  "time",   "timetz", "timestamp", "timestamptz", "interval",
    "uuid",   "json",   "jsonb", "bytea",  "inet",   "cidr",      "macaddr",     "macaddr8",
    "bit",    "varbit", "money", "xml",    "oid",    "tsvector"};

bool builtin(const TypeSpec& t) {
    return t.schema.empty() &&
           std::find(kBuiltin.begin(), kBuiltin.end(), t.name) != kBuiltin.end();
}

int32_t typmod(const TypeSpec& t, size_t i, int32_t absent) {
    return i < t.typmods.size() ? t.typmods[i] : absent;
}

// varchar_support / varbit_support: a longer (or no) length limit needs no rewrite.
TypeChange length_change(const TypeSpec& from, const TypeSpec& to) {
    if (to.typmods.empty()) return TypeChange::NoRewrite;
    if (from.typmods.empty()) return TypeChange::Rewrite;
    return to.typmods[0] >= from.typmods[0] ? TypeChange::NoRewrite : TypeChange::Rewrite;
}

// numeric_support: same scale and no smaller precision (or no limit at all).
TypeChange numeric_change(const TypeSpec& from, const TypeSpec& to) {
    if (to.typmods.empty()) return TypeChange::NoRewrite;
    if (from.typmods.empty()) return TypeChange::Rewrite;
    const bool same_scale = typmod(from, 1, 0) == typmod(to, 1, 0);
    return same_scale && to.typmods[0] >= from.typmods[0] ? TypeChange::NoRewrite
                                                          : TypeChange::Rewrite;
}

// timestamp_support / time_support: a precision of at least the old one (or at least 6, the
// maximum, or none) needs no rewrite.
TypeChange precision_change(const TypeSpec& from, const TypeSpec& to) {
    if (to.typmods.empty() || to.typmods[0] >= 6) return TypeChange::NoRewrite;
    if (from.typmods.empty()) return TypeChange::Rewrite;
    return to.typmods[0] >= from.typmods[0] ? TypeChange::NoRewrite : TypeChange::Rewrite;
}

}  // namespace

std::string TypeSpec::display() const {
    std::string out = schema.empty() ? name : schema + "." + name;
    if (!typmods.empty()) {
        out += "(";
        for (size_t i = 0; i < typmods.size(); ++i)
            out += (i > 0 ? "," : "") + (typmods[i] < 0 ? "…" : std::to_string(typmods[i]));
        out += ")";
    }
    for (size_t i = 0; i < array_dims; ++i)
        out += "[]";
    return out;
}

TypeSpec type_spec(const PgQuery__TypeName& type) {
    TypeSpec out;
    const auto names = sql::list(type.names, type.n_names);
    if (!names.empty()) out.name = std::string(sql::string_value(names.back()));
    if (names.size() > 1) {
        const std::string schema(sql::string_value(names[names.size() - 2]));
        if (schema != "pg_catalog") out.schema = schema;
    }
    for (const PgQuery__Node* mod : sql::list(type.typmods, type.n_typmods)) {
        const bool integer = sql::is(mod, PG_QUERY__NODE__NODE_A_CONST) &&
                             mod->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL &&
                             mod->a_const->ival != nullptr;
        out.typmods.push_back(integer ? mod->a_const->ival->ival : -1);
    }
    out.array_dims = type.n_array_bounds;
    return out;
}

TypeChange type_change(const TypeSpec& from, const TypeSpec& to) {
    if (from == to) return TypeChange::NoRewrite;
    if (!builtin(from) || !builtin(to)) return TypeChange::Unknown;
    // Array casts go through ArrayCoerceExpr; which ones skip the rewrite is not modelled.
    if (from.array_dims != 0 || to.array_dims != 0) return TypeChange::Unknown;
    if (std::find(from.typmods.begin(), from.typmods.end(), -1) != from.typmods.end() ||
        std::find(to.typmods.begin(), to.typmods.end(), -1) != to.typmods.end())
        return TypeChange::Unknown;
    if (from.name == to.name) {
        if (from.name == "varchar" || from.name == "varbit") return length_change(from, to);
        if (from.name == "numeric") return numeric_change(from, to);
        if (from.name == "timestamp" || from.name == "timestamptz" || from.name == "time")
            return precision_change(from, to);
        return TypeChange::Rewrite;  // e.g. char(n) is padded: any new length rewrites
    }
    // varchar and text are binary coercible both ways; a length limit must be checked.
    if (from.name == "varchar" && to.name == "text") return TypeChange::NoRewrite;
    if (from.name == "text" && to.name == "varchar")
        return to.typmods.empty() ? TypeChange::NoRewrite : TypeChange::Rewrite;
    if (from.name == "cidr" && to.name == "inet") return TypeChange::NoRewrite;
    // PostgreSQL 12+ skips this rewrite only when the session's TimeZone is UTC.
    if (from.name == "timestamp" && to.name == "timestamptz") return TypeChange::Unknown;
    return TypeChange::Rewrite;
}

}  // namespace migsafe::pg
