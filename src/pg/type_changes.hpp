#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// A column type as written, reduced to what decides whether ALTER COLUMN … TYPE rewrites.
struct TypeSpec {
    std::string name;    // "varchar", "numeric", …; pg_catalog dropped, aliases resolved
    std::string schema;  // empty, or a schema other than pg_catalog
    std::vector<int32_t> typmods;  // empty: unconstrained; -1 stands for a non-integer modifier
    size_t array_dims = 0;

    std::string display() const;
    friend bool operator==(const TypeSpec&, const TypeSpec&) = default;
};

TypeSpec type_spec(const PgQuery__TypeName& type);

enum class TypeChange : uint8_t {
    NoRewrite,  // binary coercible: only the catalog changes (indexes are kept)
    Rewrite,    // every row is converted and every index on the column rebuilt
    Unknown,    // depends on facts migsafe does not have (user types, the session's TimeZone, …)
};

// What ALTER COLUMN … TYPE `to` (without USING) does to a column of type `from`, per the
// binary-coercible casts and typmod support functions of PostgreSQL (varchar_support,
// numeric_support, timestamp_support, …).
TypeChange type_change(const TypeSpec& from, const TypeSpec& to);

// The changes that need no rewrite, for messages when the old type is unknown.
inline constexpr const char* kBinaryCoercibleChanges =
    "varchar(n) to varchar(m >= n) or text, text to varchar, numeric(p,s) to numeric(p' >= p,s) "
    "or numeric, timestamp(p)/timestamptz(p)/time(p) to a larger precision, cidr to inet, "
    "varbit(n) to varbit(m >= n)";

}  // namespace migsafe::pg
