#include "pg/names.hpp"

#include "sql/ast.hpp"

namespace migsafe::pg {

QualifiedName name_of(const PgQuery__RangeVar* relation) {
    if (relation == nullptr) return {};
    return {std::string(sql::str(relation->schemaname)), std::string(sql::str(relation->relname))};
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
