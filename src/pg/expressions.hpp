#pragma once

#include <optional>
#include <string>

#include "pg/volatility.hpp"
#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// The volatility of an expression: its most volatile function call. Functions migsafe does not
// know make it Unknown unless something known is already Volatile.
Volatility expression_volatility(const PgQuery__Node* expr);

// The first volatile function called in `expr` ("random()"), for messages.
std::string first_volatile_call(const PgQuery__Node* expr);

// Why ADD COLUMN with this definition rewrites the whole table, or nullopt when it does not
// (PostgreSQL 11+ stores a non-volatile default without touching rows).
std::optional<std::string> column_add_rewrites(const PgQuery__ColumnDef& column);

// The column has a DEFAULT other than a NULL constant, so every existing row gets a value.
bool column_default_is_stored(const PgQuery__ColumnDef& column);

// serial / bigserial / smallserial: a sequence-backed default.
bool is_serial_type(const PgQuery__TypeName* type);

bool column_has_foreign_key(const PgQuery__ColumnDef& column);
bool column_is_not_null(const PgQuery__ColumnDef& column);
// The DEFAULT expression, or null.
const PgQuery__Node* column_default(const PgQuery__ColumnDef& column);

}  // namespace migsafe::pg
