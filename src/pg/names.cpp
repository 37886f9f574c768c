#include "pg/names.hpp"

#include "sql/ast.hpp"

namespace migsafe::pg {

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
