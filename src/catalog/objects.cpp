// Indexes, views and enum types, and the statements that drop, rename or move any object.
#include <algorithm>

#include "catalog/catalog.hpp"
#include "catalog/expression_columns.hpp"
#include "sql/ast.hpp"

namespace migsafe::catalog {

namespace {

using sql::is;
using sql::list;
using sql::str;

void replace_all(std::vector<std::string>& names, const std::string& from, const std::string& to) {
    std::replace(names.begin(), names.end(), from, to);
}

// A DROP / RENAME object: a dotted name list, or a TypeName for types.
pg::QualifiedName object_name_of(const PgQuery__Node* node) {
    if (is(node, PG_QUERY__NODE__NODE_LIST) && node->list != nullptr)
        return pg::name_of_list(node->list->items, node->list->n_items);
    if (is(node, PG_QUERY__NODE__NODE_TYPE_NAME) && node->type_name != nullptr)
        return pg::name_of_list(node->type_name->names, node->type_name->n_names);
    if (is(node, PG_QUERY__NODE__NODE_STRING)) return {"", std::string(sql::string_value(node))};
    return {};
}

bool is_of_type(const pg::TypeSpec& column_type, const pg::QualifiedName& type) {
    return pg::QualifiedName{column_type.schema, column_type.name}.same_object(type);
}

}  // namespace

void Catalog::create_index(const PgQuery__IndexStmt& stmt) {
    Index index;
    index.table = pg::name_of(stmt.relation);
    if (index.table.empty()) return;
    if (const Table* target = table(index.table)) index.table = target->name;
    index.unique = stmt.unique != 0 || stmt.primary != 0;
    std::vector<std::string> name_parts;
    for (const PgQuery__Node* node : list(stmt.index_params, stmt.n_index_params)) {
        if (!is(node, PG_QUERY__NODE__NODE_INDEX_ELEM) || node->index_elem == nullptr) continue;
        const PgQuery__IndexElem& elem = *node->index_elem;
        if (!str(elem.name).empty()) {
            index.columns.emplace_back(str(elem.name));
            name_parts.emplace_back(str(elem.name));
            continue;
        }
        index.columns.push_back(expression_text(elem.expr));
        name_parts.push_back(str(elem.indexcolname).empty() ? "expr"
                                                            : std::string(elem.indexcolname));
        for (std::string& column : expression_columns(elem.expr))
            index.expression_columns.push_back(std::move(column));
    }
    for (std::string& column : expression_columns(stmt.where_clause))
        index.expression_columns.push_back(std::move(column));
    index.name = str(stmt.idxname);
    if (index.name.empty()) {
        std::string columns;
        for (const std::string& part : name_parts)
            columns += (columns.empty() ? "" : "_") + part;
        index.name = choose_name(index.table, columns, stmt.primary != 0 ? "pkey" : "idx");
    } else if (this->index(index.qualified_name()) != nullptr) {
        if (stmt.if_not_exists != 0) return;
        indexes_.erase(find_index(index.qualified_name()));
    }
    indexes_[index.qualified_name().display()] = std::move(index);
}

void Catalog::drop(const PgQuery__DropStmt& stmt) {
    for (const PgQuery__Node* object : list(stmt.objects, stmt.n_objects)) {
        const pg::QualifiedName name = object_name_of(object);
        if (name.empty()) continue;
        switch (stmt.remove_type) {
            case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
                drop_table(name);
                break;
            case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
                if (const auto it = find_index(name); it != indexes_.end()) indexes_.erase(it);
                break;
            case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
            case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
                std::erase_if(views_,
                              [&](const auto& e) { return e.second.name.same_object(name); });
                break;
            case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
                std::erase_if(enums_,
                              [&](const auto& e) { return e.second.name.same_object(name); });
                drop_columns_of_type(name);
                break;
            case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
                drop_schema(name.name);
                break;
            default:
                break;
        }
    }
}

void Catalog::drop_columns_of_type(const pg::QualifiedName& type) {
    // DROP TYPE … CASCADE drops the columns of that type (without CASCADE there are none).
    std::vector<std::pair<pg::QualifiedName, std::string>> dropped;
    for (const auto& [key, t] : tables_)
        for (const Column& column : t->columns)
            if (is_of_type(column.type, type)) dropped.emplace_back(t->name, column.name);
    for (const auto& [t, column] : dropped)
        drop_column(t, column);
}

void Catalog::drop_schema(const std::string& schema) {
    // DROP SCHEMA … CASCADE: objects written without a schema may live elsewhere, so they stay.
    std::vector<pg::QualifiedName> tables_in_schema;
    for (const auto& [key, t] : tables_)
        if (t->name.schema == schema) tables_in_schema.push_back(t->name);
    for (const pg::QualifiedName& name : tables_in_schema)
        drop_table(name);
    std::erase_if(indexes_, [&](const auto& e) { return e.second.table.schema == schema; });
    std::erase_if(views_, [&](const auto& e) { return e.second.name.schema == schema; });
    std::vector<pg::QualifiedName> types_in_schema;
    for (const auto& [key, type] : enums_)
        if (type.name.schema == schema) types_in_schema.push_back(type.name);
    for (const pg::QualifiedName& type : types_in_schema) {
        enums_.erase(type.display());
        drop_columns_of_type(type);
    }
}

void Catalog::drop_table(const pg::QualifiedName& name) {
    const auto it = find_table(name);
    if (it == tables_.end()) return;
    const pg::QualifiedName dropped = it->second->name;
    tables_.erase(it);
    std::erase_if(indexes_, [&](const auto& e) { return e.second.table.same_object(dropped); });
    // Foreign keys that point at the table go too (DROP … CASCADE; without it the drop fails).
    for (auto& [key, other] : tables_) {
        const bool references = std::any_of(
            other->constraints.begin(), other->constraints.end(), [&](const Constraint& c) {
                return c.kind == ConstraintKind::ForeignKey && c.references.same_object(dropped);
            });
        if (!references) continue;
        std::erase_if(edit_table(other->name)->constraints, [&](const Constraint& c) {
            return c.kind == ConstraintKind::ForeignKey && c.references.same_object(dropped);
        });
    }
}

void Catalog::rename(const PgQuery__RenameStmt& stmt) {
    const pg::QualifiedName relation = pg::name_of(stmt.relation);
    const std::string to(str(stmt.newname));
    if (to.empty()) return;
    switch (stmt.rename_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN:
            rename_column(relation, std::string(str(stmt.subname)), to);
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT: {
            const Table* current = table(relation);
            if (current == nullptr) break;
            const Constraint* renamed = current->constraint(str(stmt.subname));
            if (renamed == nullptr) break;
            // The index behind a UNIQUE / PRIMARY KEY takes the new name too.
            if (!renamed->index.empty()) {
                rename_index({current->name.schema, renamed->index}, to);
                break;
            }
            for (Constraint& c : edit_table(relation)->constraints)
                if (c.name == str(stmt.subname)) c.name = to;
            break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            // ALTER TABLE … RENAME TO also renames views and indexes, and the reverse.
            if (table(relation) != nullptr) {
                rename_table(relation, {table(relation)->name.schema, to});
            } else if (const auto view_entry = std::find_if(
                           views_.begin(), views_.end(),
                           [&](const auto& e) { return e.second.name.same_object(relation); });
                       view_entry != views_.end()) {
                View renamed = view_entry->second;
                views_.erase(view_entry);
                renamed.name.name = to;
                views_[renamed.name.display()] = renamed;
            } else {
                rename_index(relation, to);
            }
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
            const pg::QualifiedName type = object_name_of(stmt.object);
            const auto it = std::find_if(enums_.begin(), enums_.end(), [&](const auto& e) {
                return e.second.name.same_object(type);
            });
            if (it == enums_.end()) break;
            Enum renamed = it->second;
            enums_.erase(it);
            renamed.name.name = to;
            enums_[renamed.name.display()] = renamed;
            rename_type_of_columns(type, renamed.name);
            break;
        }
        default:
            break;
    }
}

void Catalog::rename_table(const pg::QualifiedName& from, const pg::QualifiedName& to) {
    const auto it = find_table(from);
    if (it == tables_.end()) return;
    const pg::QualifiedName old_name = it->second->name;
    auto moved = std::make_shared<Table>(*it->second);
    tables_.erase(it);
    moved->name = to;
    tables_[to.display()] = moved;
    std::map<std::string, Index> kept;
    for (auto& [key, index] : indexes_) {
        if (index.table.same_object(old_name)) index.table = to;
        kept[index.qualified_name().display()] = index;
    }
    indexes_ = std::move(kept);
    for (auto& [key, other] : tables_) {
        const bool references =
            std::any_of(other->constraints.begin(), other->constraints.end(),
                        [&](const Constraint& c) { return c.references.same_object(old_name); });
        if (!references) continue;
        for (Constraint& c : edit_table(other->name)->constraints)
            if (c.references.same_object(old_name)) c.references = to;
    }
}

void Catalog::rename_type_of_columns(const pg::QualifiedName& from, const pg::QualifiedName& to) {
    std::vector<pg::QualifiedName> using_type;
    for (const auto& [key, t] : tables_)
        if (std::any_of(t->columns.begin(), t->columns.end(),
                        [&](const Column& c) { return is_of_type(c.type, from); }))
            using_type.push_back(t->name);
    for (const pg::QualifiedName& name : using_type) {
        for (Column& column : edit_table(name)->columns) {
            if (!is_of_type(column.type, from)) continue;
            column.type.name = to.name;
            // A column written with an unqualified type keeps it unqualified.
            if (!column.type.schema.empty() && !to.schema.empty()) column.type.schema = to.schema;
        }
    }
}

void Catalog::rename_column(const pg::QualifiedName& table_name, const std::string& from,
                            const std::string& to) {
    const Table* current = table(table_name);
    if (current == nullptr || current->column(from) == nullptr) return;
    const pg::QualifiedName name = current->name;
    Table* target = edit_table(name);
    for (Column& column : target->columns)
        if (column.name == from) column.name = to;
    for (Constraint& c : target->constraints) {
        replace_all(c.columns, from, to);
        if (c.not_null_column == from) c.not_null_column = to;
    }
    for (auto& [key, index] : indexes_) {
        if (!index.table.same_object(name)) continue;
        replace_all(index.columns, from, to);
        replace_all(index.expression_columns, from, to);
    }
}

void Catalog::rename_index(const pg::QualifiedName& from, const std::string& to) {
    const auto it = find_index(from);
    if (it == indexes_.end()) return;
    Index renamed = it->second;
    indexes_.erase(it);
    const std::string old_name = renamed.name;
    renamed.name = to;
    indexes_[renamed.qualified_name().display()] = renamed;
    // A constraint's index and the constraint share one name: renaming either renames both.
    const Table* owner = table(renamed.table);
    if (owner == nullptr) return;
    const Constraint* backed = owner->constraint(old_name);
    if (backed == nullptr || backed->index != old_name) return;
    for (Constraint& c : edit_table(renamed.table)->constraints) {
        if (c.name != old_name) continue;
        c.name = to;
        c.index = to;
    }
}

void Catalog::set_schema(const PgQuery__AlterObjectSchemaStmt& stmt) {
    const std::string schema(str(stmt.newschema));
    if (schema.empty()) return;
    switch (stmt.object_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE: {
            const pg::QualifiedName from = pg::name_of(stmt.relation);
            if (const Table* current = table(from))
                rename_table(current->name, {schema, current->name.name});
            break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW: {
            const pg::QualifiedName from = pg::name_of(stmt.relation);
            const auto it = std::find_if(views_.begin(), views_.end(), [&](const auto& e) {
                return e.second.name.same_object(from);
            });
            if (it == views_.end()) break;
            View moved = it->second;
            views_.erase(it);
            moved.name.schema = schema;
            views_[moved.name.display()] = moved;
            break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE: {
            const pg::QualifiedName from = object_name_of(stmt.object);
            const auto it = std::find_if(enums_.begin(), enums_.end(), [&](const auto& e) {
                return e.second.name.same_object(from);
            });
            if (it == enums_.end()) break;
            Enum moved = it->second;
            enums_.erase(it);
            moved.name.schema = schema;
            enums_[moved.name.display()] = moved;
            rename_type_of_columns(from, moved.name);
            break;
        }
        default:
            break;
    }
}

void Catalog::create_view(const pg::QualifiedName& name, bool materialized) {
    if (name.empty()) return;
    std::erase_if(views_, [&](const auto& e) { return e.second.name.same_object(name); });
    views_[name.display()] = View{name, materialized};
}

void Catalog::create_enum(const PgQuery__CreateEnumStmt& stmt) {
    Enum created;
    created.name = pg::name_of_list(stmt.type_name, stmt.n_type_name);
    if (created.name.empty()) return;
    for (const PgQuery__Node* value : list(stmt.vals, stmt.n_vals))
        created.values.emplace_back(sql::string_value(value));
    std::erase_if(enums_, [&](const auto& e) { return e.second.name.same_object(created.name); });
    enums_[created.name.display()] = std::move(created);
}

void Catalog::alter_enum(const PgQuery__AlterEnumStmt& stmt) {
    const pg::QualifiedName name = pg::name_of_list(stmt.type_name, stmt.n_type_name);
    const auto it = std::find_if(enums_.begin(), enums_.end(),
                                 [&](const auto& e) { return e.second.name.same_object(name); });
    if (it == enums_.end()) return;
    std::vector<std::string>& values = it->second.values;
    const std::string new_value(str(stmt.new_val));
    if (!str(stmt.old_val).empty()) {  // RENAME VALUE old TO new
        replace_all(values, std::string(stmt.old_val), new_value);
        return;
    }
    if (new_value.empty() || std::find(values.begin(), values.end(), new_value) != values.end())
        return;
    auto position = values.end();
    if (!str(stmt.new_val_neighbor).empty()) {
        position = std::find(values.begin(), values.end(), str(stmt.new_val_neighbor));
        if (position != values.end() && stmt.new_val_is_after != 0) ++position;
    }
    values.insert(position, new_value);
}

}  // namespace migsafe::catalog
