#include "pg/column_types.hpp"

#include <algorithm>
#include <array>

#include "pg/alter_table.hpp"
#include "sql/ast.hpp"

namespace migsafe::pg {

namespace {

using sql::is;
using sql::list;

bool has_length(const PgQuery__TypeName& type) {
    return type.n_typmods > 0;
}

bool is_primary_key_constraint(const PgQuery__Node* node) {
    return is(node, PG_QUERY__NODE__NODE_CONSTRAINT) &&
           node->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
}

bool column_has_primary_key(const PgQuery__ColumnDef& def) {
    const auto constraints = list(def.constraints, def.n_constraints);
    return std::any_of(constraints.begin(), constraints.end(), is_primary_key_constraint);
}

}  // namespace

ColumnType classify_type(const PgQuery__TypeName* type) {
    if (type == nullptr || type->n_names == 0) return ColumnType::Other;
    const auto names = list(type->names, type->n_names);
    const std::string_view name = sql::string_value(names.back());
    // A type in another schema than pg_catalog is a user type that happens to share the name.
    if (names.size() > 1 && sql::string_value(names.front()) != "pg_catalog")
        return ColumnType::Other;
    // An array of a type is advice for the element type too; keep it simple: same class.
    if (name == "int2" || name == "smallint") return ColumnType::SmallInt;
    if (name == "int4" || name == "int" || name == "integer") return ColumnType::Integer;
    if (name == "int8" || name == "bigint") return ColumnType::BigInt;
    if (name == "smallserial" || name == "serial2") return ColumnType::SmallSerial;
    if (name == "serial" || name == "serial4") return ColumnType::Serial;
    if (name == "bigserial" || name == "serial8") return ColumnType::BigSerial;
    if (name == "varchar" && has_length(*type)) return ColumnType::Varchar;
    // "char" (quoted, no schema) is PostgreSQL's one-byte internal type, not char(n).
    if (name == "bpchar") return ColumnType::Char;
    if (name == "timestamp") return ColumnType::Timestamp;
    if (name == "json") return ColumnType::Json;
    return ColumnType::Other;
}

std::vector<ColumnTypeUse> column_type_uses(const PgQuery__Node* stmt) {
    std::vector<ColumnTypeUse> out;
    if (is(stmt, PG_QUERY__NODE__NODE_CREATE_STMT)) {
        const auto& create = *stmt->create_stmt;
        const QualifiedName table = name_of(create.relation);
        std::vector<std::string> key_columns;
        for (const PgQuery__Node* elt : list(create.table_elts, create.n_table_elts)) {
            if (!is_primary_key_constraint(elt)) continue;
            for (const PgQuery__Node* key : list(elt->constraint->keys, elt->constraint->n_keys))
                key_columns.emplace_back(sql::string_value(key));
        }
        for (const PgQuery__Node* elt : list(create.table_elts, create.n_table_elts)) {
            if (!is(elt, PG_QUERY__NODE__NODE_COLUMN_DEF)) continue;
            const PgQuery__ColumnDef& def = *elt->column_def;
            ColumnTypeUse use{table, std::string(sql::str(def.colname)), def.type_name,
                              classify_type(def.type_name)};
            use.primary_key =
                column_has_primary_key(def) ||
                std::find(key_columns.begin(), key_columns.end(), use.column) != key_columns.end();
            out.push_back(std::move(use));
        }
        return out;
    }
    const std::optional<AlterTable> alter = alter_table(stmt);
    if (!alter || stmt->alter_table_stmt->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE)
        return out;
    for (const AlterCommand& command : alter->commands) {
        const PgQuery__ColumnDef* def = nullptr;
        ColumnTypeUse use;
        if (command.added_column != nullptr) {
            def = command.added_column;
            use.column = sql::str(def->colname);
            use.primary_key = column_has_primary_key(*def);
        } else if (command.subtype() == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType &&
                   is(command.cmd->def, PG_QUERY__NODE__NODE_COLUMN_DEF)) {
            def = command.cmd->def->column_def;
            use.column = sql::str(command.cmd->name);
            use.alter_type = true;
        } else {
            continue;
        }
        use.table = alter->table;
        use.type = def->type_name;
        use.kind = classify_type(def->type_name);
        use.alter_command = command.index;
        use.in_alter = true;
        out.push_back(std::move(use));
    }
    return out;
}

ByteSpan type_span(std::span<const sql::Token> tokens, std::string_view source,
                   uint32_t type_begin) {
    static constexpr std::array<std::string_view, 6> kTypeWords{"with", "without", "time",
                                                                "zone", "varying", "precision"};
    ByteSpan span{type_begin, type_begin};
    size_t i = 0;
    while (i < tokens.size() && tokens[i].span.begin < type_begin)
        ++i;
    bool first = true;
    int depth = 0;
    for (; i < tokens.size(); ++i) {
        const sql::Token& t = tokens[i];
        if (t.is_trivia()) continue;
        const std::string_view text = source.substr(t.span.begin, t.span.end - t.span.begin);
        bool take = first || depth > 0;
        if (!take) {
            take = t.kind == sql::TokenKind::LParen || t.kind == sql::TokenKind::LBracket ||
                   t.kind == sql::TokenKind::Dot ||
                   (t.kind == sql::TokenKind::Word &&
                    std::any_of(kTypeWords.begin(), kTypeWords.end(),
                                [&](std::string_view w) { return sql::keyword_equals(text, w); }));
        }
        if (!take) break;
        if (t.kind == sql::TokenKind::LParen || t.kind == sql::TokenKind::LBracket) ++depth;
        if (t.kind == sql::TokenKind::RParen || t.kind == sql::TokenKind::RBracket) --depth;
        // A qualified name: the word after the dot belongs to it.
        first = t.kind == sql::TokenKind::Dot;
        span.end = t.span.end;
    }
    return span;
}

}  // namespace migsafe::pg
