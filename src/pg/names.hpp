#pragma once

#include <string>
#include <string_view>

#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// A relation (or other schema object) name as written; an empty schema means "as resolved by the
// search_path", which migsafe does not guess.
struct QualifiedName {
    std::string schema;
    std::string name;

    bool empty() const { return name.empty(); }
    std::string display() const { return schema.empty() ? name : schema + "." + name; }
    // Same object as far as a migration can tell: equal names, and equal schemas when both are
    // given.
    bool same_object(const QualifiedName& other) const {
        return name == other.name &&
               (schema.empty() || other.schema.empty() || schema == other.schema);
    }
    friend bool operator==(const QualifiedName&, const QualifiedName&) = default;
    // The name as SQL, each part quoted where PostgreSQL needs it (for fixes and suggested SQL).
    std::string sql() const;
};

// `name` as an SQL identifier: unchanged when it is a plain lower-case identifier that is not a
// reserved keyword, else double-quoted.
std::string quote_ident(std::string_view name);

QualifiedName name_of(const PgQuery__RangeVar* relation);

// "table", "view", "materialized view", "foreign table" or "schema": the kinds of object whose
// name running application code uses in its queries; "" for any other kind.
std::string_view object_kind_name(PgQuery__ObjectType type);
// A dotted name list such as DROP INDEX's or a type's (schema.name).
QualifiedName name_of_list(PgQuery__Node* const* items, size_t n);

}  // namespace migsafe::pg
