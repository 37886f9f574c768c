#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pg/names.hpp"
#include "sql/pg_ast.hpp"
#include "sql/token.hpp"
#include "util/source_text.hpp"

namespace migsafe::pg {

// The column types the schema-design rules care about; everything else is Other.
enum class ColumnType : uint8_t {
    Other,
    SmallInt,     // smallint, int2
    Integer,      // int, integer, int4
    BigInt,       // bigint, int8
    SmallSerial,  // smallserial, serial2
    Serial,       // serial, serial4
    BigSerial,    // bigserial, serial8
    Varchar,      // varchar(n) / character varying(n) (with a length)
    Char,         // char(n) / character(n) / bpchar, not the one-byte "char"
    Timestamp,    // timestamp [without time zone]
    Json,         // json (not jsonb)
};

ColumnType classify_type(const PgQuery__TypeName* type);

// A column definition with a type: in CREATE TABLE, ALTER TABLE … ADD COLUMN or ALTER COLUMN …
// TYPE (where `def` carries only the new type and `column` comes from the sub-command).
struct ColumnTypeUse {
    QualifiedName table;
    std::string column;
    const PgQuery__TypeName* type = nullptr;
    ColumnType kind = ColumnType::Other;
    bool primary_key = false;  // declared PRIMARY KEY inline or in a table constraint
    bool alter_type = false;   // ALTER COLUMN … TYPE
    size_t alter_command = 0;  // sub-command index for ALTER TABLE
    bool in_alter = false;     // ADD COLUMN or ALTER COLUMN TYPE
};

std::vector<ColumnTypeUse> column_type_uses(const PgQuery__Node* stmt);

// The bytes of the type as written, starting at the token at `type_begin` (multi-word names,
// a parenthesized length and array brackets included).
ByteSpan type_span(std::span<const sql::Token> tokens, std::string_view source,
                   uint32_t type_begin);

}  // namespace migsafe::pg
