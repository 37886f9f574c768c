#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/source_text.hpp"

namespace migsafe::code {

// How the code's name relates to the database name.
enum class Naming : uint8_t {
    // The name is the database's (SQL folded as PostgreSQL folds it, an explicit db_column,
    // `@Column(name = …)`, a `db:"…"` tag): compare as is.
    Exact,
    // The name is the ORM's (a Prisma field, a TypeORM or JPA property, a class name), which
    // the ORM may map: camelCase matches snake_case, and a table name may be plural.
    OrmMapped,
};

// One place in application code that names a table or a column.
struct Reference {
    std::string schema;   // only when the code writes it (`public.users` in SQL)
    std::string table;    // "" when the context does not say which table
    std::string column;   // "" for a reference to the table itself
    ByteSpan span;        // the token naming the column (or the table)
    std::string context;  // "SQL string", "Django model field", "db struct tag", …
    Naming naming = Naming::Exact;

    // Whether this names `db_table` (a column of it counts too). An unknown table never does.
    bool refers_to_table(std::string_view db_table) const;
    // Whether this names column `db_column` of `db_table`. A reference whose table is unknown
    // may name the column of any table; the caller decides whether that is enough.
    bool refers_to_column(std::string_view db_table, std::string_view db_column) const;
};

}  // namespace migsafe::code
