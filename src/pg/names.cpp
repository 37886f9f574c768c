#include "pg/names.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "sql/ast.hpp"

namespace migsafe::pg {

namespace {

// PostgreSQL's reserved and type/function-name keywords: as identifiers they must be quoted.
constexpr std::array<std::string_view, 101> kReservedWords = {
    "all",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "binary",
    "both",
    "case",
    "cast",
    "check",
    "collate",
    "collation",
    "column",
    "concurrently",
    "constraint",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "default",
    "deferrable",
    "desc",
    "distinct",
    "do",
    "else",
    "end",
    "except",
    "false",
    "fetch",
    "for",
    "foreign",
    "freeze",
    "from",
    "full",
    "grant",
    "group",
    "having",
    "ilike",
    "in",
    "initially",
    "inner",
    "intersect",
    "into",
    "is",
    "isnull",
    "join",
    "lateral",
    "leading",
    "left",
    "like",
    "limit",
    "localtime",
    "localtimestamp",
    "natural",
    "not",
    "notnull",
    "null",
    "offset",
    "on",
    "only",
    "or",
    "order",
    "outer",
    "overlaps",
    "placing",
    "primary",
    "references",
    "returning",
    "right",
    "select",
    "session_user",
    "similar",
    "some",
    "symmetric",
    "system_user",
    "table",
    "tablesample",
    "then",
    "to",
    "trailing",
    "true",
    "union",
    "unique",
    "user",
    "using",
    "variadic",
    "verbose",
    "when",
    "where",
    "window",
    "with",
};

bool is_plain_identifier(std::string_view name) {
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) != 0) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return std::islower(u) != 0 || std::isdigit(u) != 0 || c == '_';
    });
}

}  // namespace

std::string quote_ident(std::string_view name) {
    if (is_plain_identifier(name) &&
        std::find(kReservedWords.begin(), kReservedWords.end(), name) == kReservedWords.end())
        return std::string(name);
    std::string out = "\"";
    for (const char c : name) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string QualifiedName::sql() const {
    return schema.empty() ? quote_ident(name) : quote_ident(schema) + "." + quote_ident(name);
}

QualifiedName name_of(const PgQuery__RangeVar* relation) {
    if (relation == nullptr) return {};
    return {std::string(sql::str(relation->schemaname)), std::string(sql::str(relation->relname))};
}

std::string_view object_kind_name(PgQuery__ObjectType type) {
    switch (type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
            return "table";
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
            return "view";
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
            return "materialized view";
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
            return "foreign table";
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
            return "schema";
        default:
            return "";
    }
}

QualifiedName name_of_list(PgQuery__Node* const* items, size_t n) {
    const auto names = sql::list(items, n);
    if (names.empty()) return {};
    QualifiedName out;
    out.name = std::string(sql::string_value(names.back()));
    if (names.size() >= 2) out.schema = std::string(sql::string_value(names[names.size() - 2]));
    return out;
}

}  // namespace migsafe::pg
