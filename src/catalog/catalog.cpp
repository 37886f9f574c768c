#include "catalog/catalog.hpp"

#include <algorithm>

#include "catalog/expression_columns.hpp"
#include "sql/ast.hpp"

namespace migsafe::catalog {

namespace {

pg::QualifiedName name_of_entry(const std::shared_ptr<Table>& table) {
    return table->name;
}
pg::QualifiedName name_of_entry(const Index& index) {
    return index.qualified_name();
}
pg::QualifiedName name_of_entry(const View& view) {
    return view.name;
}
pg::QualifiedName name_of_entry(const Enum& type) {
    return type.name;
}

// The entry named exactly `name`, else the first that is the same object (one side
// unqualified).
template <typename Map>
auto find_entry(Map& map, const pg::QualifiedName& name) {
    if (name.empty()) return map.end();
    if (auto exact = map.find(name.display()); exact != map.end()) return exact;
    return std::find_if(map.begin(), map.end(), [&](const auto& entry) {
        return name_of_entry(entry.second).same_object(name);
    });
}

}  // namespace

const Column* Table::column(std::string_view column_name) const {
    const auto it = std::find_if(columns.begin(), columns.end(),
                                 [&](const Column& c) { return c.name == column_name; });
    return it != columns.end() ? &*it : nullptr;
}

const Constraint* Table::constraint(std::string_view constraint_name) const {
    const auto it = std::find_if(constraints.begin(), constraints.end(),
                                 [&](const Constraint& c) { return c.name == constraint_name; });
    return it != constraints.end() ? &*it : nullptr;
}

const Table* Catalog::table(const pg::QualifiedName& name) const {
    const auto it = find_entry(tables_, name);
    return it != tables_.end() ? it->second.get() : nullptr;
}

const Index* Catalog::index(const pg::QualifiedName& name) const {
    const auto it = find_entry(indexes_, name);
    return it != indexes_.end() ? &it->second : nullptr;
}

const View* Catalog::view(const pg::QualifiedName& name) const {
    const auto it = find_entry(views_, name);
    return it != views_.end() ? &it->second : nullptr;
}

const Enum* Catalog::enum_type(const pg::QualifiedName& name) const {
    const auto it = find_entry(enums_, name);
    return it != enums_.end() ? &it->second : nullptr;
}

std::vector<const Index*> Catalog::indexes_on(const pg::QualifiedName& table) const {
    std::vector<const Index*> out;
    for (const auto& [key, index] : indexes_)
        if (index.table.same_object(table)) out.push_back(&index);
    return out;
}

bool Catalog::empty() const {
    return tables_.empty() && indexes_.empty() && views_.empty() && enums_.empty();
}

std::vector<const Table*> Catalog::tables() const {
    std::vector<const Table*> out;
    for (const auto& entry : tables_)
        out.push_back(entry.second.get());
    return out;
}

std::vector<const Index*> Catalog::indexes() const {
    std::vector<const Index*> out;
    for (const auto& entry : indexes_)
        out.push_back(&entry.second);
    return out;
}

std::vector<const View*> Catalog::views() const {
    std::vector<const View*> out;
    for (const auto& entry : views_)
        out.push_back(&entry.second);
    return out;
}

std::vector<const Enum*> Catalog::enum_types() const {
    std::vector<const Enum*> out;
    for (const auto& entry : enums_)
        out.push_back(&entry.second);
    return out;
}

void Catalog::set_index_valid(const pg::QualifiedName& name, bool valid) {
    if (const auto it = find_index(name); it != indexes_.end()) it->second.valid = valid;
}

Catalog::TableMap::iterator Catalog::find_table(const pg::QualifiedName& name) {
    return find_entry(tables_, name);
}

std::map<std::string, Index>::iterator Catalog::find_index(const pg::QualifiedName& name) {
    return find_entry(indexes_, name);
}

Table* Catalog::edit_table(const pg::QualifiedName& name) {
    const auto it = find_table(name);
    if (it == tables_.end()) return nullptr;
    // A snapshot still holds this table: change a copy so the snapshot keeps what it saw.
    if (it->second.use_count() > 1) it->second = std::make_shared<Table>(*it->second);
    return it->second.get();
}

bool Catalog::relation_name_taken(const std::string& schema, const std::string& name) const {
    const pg::QualifiedName candidate{schema, name};
    if (table(candidate) != nullptr || index(candidate) != nullptr || view(candidate) != nullptr)
        return true;
    // Constraint names share the namespace as far as generated names go.
    return std::any_of(tables_.begin(), tables_.end(), [&](const auto& entry) {
        return entry.second->name.same_object({schema, entry.second->name.name}) &&
               entry.second->constraint(name) != nullptr;
    });
}

std::string Catalog::choose_name(const pg::QualifiedName& table, const std::string& columns,
                                 const std::string& label) const {
    std::string name = object_name(table.name, columns, label);
    // Like ChooseRelationName: on a clash, number the label (orders_pkey1, orders_pkey2, …).
    for (int n = 1; relation_name_taken(table.schema, name); ++n)
        name = object_name(table.name, columns, label + std::to_string(n));
    return name;
}

void Catalog::apply(const PgQuery__Node* stmt) {
    if (stmt == nullptr) return;
    switch (stmt->node_case) {
        case PG_QUERY__NODE__NODE_CREATE_STMT:
            if (stmt->create_stmt != nullptr) create_table(*stmt->create_stmt);
            break;
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
            if (stmt->create_table_as_stmt != nullptr &&
                stmt->create_table_as_stmt->into != nullptr) {
                const PgQuery__CreateTableAsStmt& as = *stmt->create_table_as_stmt;
                create_table_as(as.into->rel, as.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW,
                                as.if_not_exists != 0);
            }
            break;
        case PG_QUERY__NODE__NODE_SELECT_STMT:
            if (stmt->select_stmt != nullptr && stmt->select_stmt->into_clause != nullptr)
                create_table_as(stmt->select_stmt->into_clause->rel, false, false);
            break;
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            if (stmt->alter_table_stmt != nullptr) alter_table(*stmt->alter_table_stmt);
            break;
        case PG_QUERY__NODE__NODE_INDEX_STMT:
            if (stmt->index_stmt != nullptr) create_index(*stmt->index_stmt);
            break;
        case PG_QUERY__NODE__NODE_DROP_STMT:
            if (stmt->drop_stmt != nullptr) drop(*stmt->drop_stmt);
            break;
        case PG_QUERY__NODE__NODE_RENAME_STMT:
            if (stmt->rename_stmt != nullptr) rename(*stmt->rename_stmt);
            break;
        case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
            if (stmt->alter_object_schema_stmt != nullptr)
                set_schema(*stmt->alter_object_schema_stmt);
            break;
        case PG_QUERY__NODE__NODE_VIEW_STMT:
            if (stmt->view_stmt != nullptr) create_view(pg::name_of(stmt->view_stmt->view), false);
            break;
        case PG_QUERY__NODE__NODE_CREATE_ENUM_STMT:
            if (stmt->create_enum_stmt != nullptr) create_enum(*stmt->create_enum_stmt);
            break;
        case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
            if (stmt->alter_enum_stmt != nullptr) alter_enum(*stmt->alter_enum_stmt);
            break;
        default:
            break;
    }
}

}  // namespace migsafe::catalog
