// CREATE TABLE, CREATE TABLE AS and ALTER TABLE: tables, their columns and constraints.
#include <algorithm>

#include "catalog/catalog.hpp"
#include "catalog/expression_columns.hpp"
#include "pg/constraints.hpp"
#include "sql/ast.hpp"

namespace migsafe::catalog {

namespace {

using sql::is;
using sql::list;
using sql::str;

std::vector<std::string> string_list(PgQuery__Node* const* items, size_t n) {
    std::vector<std::string> out;
    for (const PgQuery__Node* item : list(items, n))
        out.emplace_back(sql::string_value(item));
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : "_") + name;
    return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// serial, bigserial, … are integer columns with a sequence default.
std::string serial_base_type(const pg::TypeSpec& type) {
    if (!type.schema.empty() || type.array_dims != 0) return {};
    if (type.name == "serial" || type.name == "serial4") return "int4";
    if (type.name == "bigserial" || type.name == "serial8") return "int8";
    if (type.name == "smallserial" || type.name == "serial2") return "int2";
    return {};
}

Column column_of(const PgQuery__ColumnDef& def) {
    Column column;
    column.name = str(def.colname);
    if (def.type_name != nullptr) column.type = pg::type_spec(*def.type_name);
    if (std::string base = serial_base_type(column.type); !base.empty()) {
        column.type.name = base;
        column.not_null = true;
        column.has_default = true;
    }
    column.not_null = column.not_null || def.is_not_null != 0;
    column.has_default = column.has_default || def.raw_default != nullptr;
    column.identity_or_generated = !str(def.identity).empty() || !str(def.generated).empty();
    for (const PgQuery__Node* node : list(def.constraints, def.n_constraints)) {
        if (!is(node, PG_QUERY__NODE__NODE_CONSTRAINT) || node->constraint == nullptr) continue;
        switch (node->constraint->contype) {
            case PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL:
            case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
                column.not_null = true;
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT:
                column.has_default = true;
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY:
                column.identity_or_generated = true;
                column.not_null = true;
                break;
            case PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED:
                column.identity_or_generated = true;
                break;
            default:
                break;
        }
    }
    return column;
}

bool is_column_constraint_kept(PgQuery__ConstrType type) {
    return type == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK ||
           type == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
           type == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
           type == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN ||
           type == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION;
}

// The key columns of an EXCLUDE constraint: each element is (IndexElem, operator).
std::vector<std::string> exclusion_columns(const PgQuery__Constraint& c) {
    std::vector<std::string> out;
    for (const PgQuery__Node* pair : list(c.exclusions, c.n_exclusions)) {
        if (!is(pair, PG_QUERY__NODE__NODE_LIST) || pair->list == nullptr) continue;
        const auto items = list(pair->list->items, pair->list->n_items);
        if (items.empty() || !is(items[0], PG_QUERY__NODE__NODE_INDEX_ELEM)) continue;
        const PgQuery__IndexElem& elem = *items[0]->index_elem;
        out.push_back(elem.name != nullptr && *elem.name != '\0' ? std::string(elem.name)
                                                                 : expression_text(elem.expr));
    }
    return out;
}

// A column defined again (over an inherited one) merges with it, as PostgreSQL does.
void merge_column(Table& target, const Column& column) {
    const auto existing = std::find_if(target.columns.begin(), target.columns.end(),
                                       [&](const Column& c) { return c.name == column.name; });
    if (existing == target.columns.end()) {
        target.columns.push_back(column);
        return;
    }
    existing->not_null = existing->not_null || column.not_null;
    existing->has_default = existing->has_default || column.has_default;
    existing->identity_or_generated =
        existing->identity_or_generated || column.identity_or_generated;
}

}  // namespace

// LIKE source [INCLUDING …]: the columns, with NOT NULL; defaults, identity and generation
// expressions only when included.
void Catalog::copy_like_columns(const PgQuery__TableLikeClause& like, Table& target) const {
    constexpr uint32_t kIncludingDefaults = 1U << 3;  // CREATE_TABLE_LIKE_DEFAULTS
    constexpr uint32_t kIncludingGenerated = 1U << 4;
    constexpr uint32_t kIncludingIdentity = 1U << 5;
    const Table* source = table(pg::name_of(like.relation));
    if (source == nullptr || !source->columns_known) {
        target.columns_known = false;
        return;
    }
    for (Column column : source->columns) {
        column.has_default = column.has_default && (like.options & kIncludingDefaults) != 0;
        column.identity_or_generated =
            column.identity_or_generated &&
            (like.options & (kIncludingGenerated | kIncludingIdentity)) != 0;
        merge_column(target, column);
    }
}

void Catalog::create_table(const PgQuery__CreateStmt& stmt) {
    const pg::QualifiedName name = pg::name_of(stmt.relation);
    if (name.empty()) return;
    if (table(name) != nullptr) {
        if (stmt.if_not_exists != 0) return;
        drop_table(name);  // the statement ran, so the one we knew was gone (or elsewhere)
    }
    Table created;
    created.name = name;
    created.partitioned = stmt.partspec != nullptr;

    // INHERITS / PARTITION OF: the parent's columns come first.
    for (const PgQuery__Node* parent : list(stmt.inh_relations, stmt.n_inh_relations)) {
        const Table* source = is(parent, PG_QUERY__NODE__NODE_RANGE_VAR)
                                  ? table(pg::name_of(parent->range_var))
                                  : nullptr;
        if (source == nullptr || !source->columns_known) {
            created.columns_known = false;
            continue;
        }
        for (const Column& column : source->columns)
            merge_column(created, column);
    }
    if (stmt.of_typename != nullptr) created.columns_known = false;

    // Constraints come after all columns: a table constraint may name a later column.
    std::vector<std::pair<const PgQuery__Constraint*, std::string>> constraints;
    for (const PgQuery__Node* element : list(stmt.table_elts, stmt.n_table_elts)) {
        if (is(element, PG_QUERY__NODE__NODE_TABLE_LIKE_CLAUSE) &&
            element->table_like_clause != nullptr) {
            copy_like_columns(*element->table_like_clause, created);
        } else if (is(element, PG_QUERY__NODE__NODE_COLUMN_DEF) && element->column_def != nullptr) {
            const PgQuery__ColumnDef& def = *element->column_def;
            merge_column(created, column_of(def));
            for (const PgQuery__Node* c : list(def.constraints, def.n_constraints))
                if (is(c, PG_QUERY__NODE__NODE_CONSTRAINT) && c->constraint != nullptr)
                    constraints.emplace_back(c->constraint, str(def.colname));
        } else if (is(element, PG_QUERY__NODE__NODE_CONSTRAINT) && element->constraint != nullptr) {
            constraints.emplace_back(element->constraint, std::string());
        }
    }
    for (const PgQuery__Node* c : list(stmt.constraints, stmt.n_constraints))
        if (is(c, PG_QUERY__NODE__NODE_CONSTRAINT) && c->constraint != nullptr)
            constraints.emplace_back(c->constraint, std::string());
    tables_[name.display()] = std::make_shared<Table>(std::move(created));

    for (const auto& [constraint, column] : constraints)
        if (is_column_constraint_kept(constraint->contype))
            add_constraint(name, *constraint, column, false);
}

void Catalog::create_table_as(const PgQuery__RangeVar* relation, bool materialized,
                              bool if_not_exists) {
    const pg::QualifiedName name = pg::name_of(relation);
    if (name.empty()) return;
    if (materialized) {
        if (!if_not_exists || view(name) == nullptr) create_view(name, true);
        return;
    }
    if (table(name) != nullptr) {
        if (if_not_exists) return;
        drop_table(name);
    }
    auto created = std::make_shared<Table>();
    created->name = name;
    created->columns_known = false;
    tables_[name.display()] = std::move(created);
}

void Catalog::add_column(const pg::QualifiedName& table_name, const PgQuery__ColumnDef& def,
                         bool if_not_exists) {
    Table* target = edit_table(table_name);
    if (target == nullptr) return;
    if (target->column(str(def.colname)) != nullptr) {
        if (if_not_exists) return;
        target->columns.erase(
            std::find_if(target->columns.begin(), target->columns.end(),
                         [&](const Column& c) { return c.name == str(def.colname); }));
    }
    target->columns.push_back(column_of(def));
    const pg::QualifiedName name = target->name;
    for (const PgQuery__Node* c : list(def.constraints, def.n_constraints))
        if (is(c, PG_QUERY__NODE__NODE_CONSTRAINT) && c->constraint != nullptr &&
            is_column_constraint_kept(c->constraint->contype))
            add_constraint(name, *c->constraint, std::string(str(def.colname)), true);
}

void Catalog::add_constraint(const pg::QualifiedName& table_name, const PgQuery__Constraint& c,
                             const std::string& column, bool from_alter) {
    if (table(table_name) == nullptr) return;
    const pg::QualifiedName name = table(table_name)->name;
    Constraint added;
    added.name = str(c.conname);
    // CREATE TABLE ignores NOT VALID: a new table's constraints hold.
    added.validated = !(from_alter && c.skip_validation != 0);
    switch (c.contype) {
        case PG_QUERY__CONSTR_TYPE__CONSTR_CHECK: {
            added.columns = expression_columns(c.raw_expr);
            added.not_null_column = pg::not_null_check_column(c);
            added.kind = added.not_null_column.empty() ? ConstraintKind::Check
                                                       : ConstraintKind::NotNullCheck;
            if (added.name.empty())
                added.name =
                    choose_name(name, added.columns.size() == 1 ? added.columns[0] : "", "check");
            break;
        }
        case PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN:
            added.kind = ConstraintKind::ForeignKey;
            added.columns = string_list(c.fk_attrs, c.n_fk_attrs);
            if (added.columns.empty() && !column.empty()) added.columns.push_back(column);
            added.references = pg::name_of(c.pktable);
            if (added.name.empty()) added.name = choose_name(name, joined(added.columns), "fkey");
            break;
        case PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY:
            add_index_constraint(name, c, column, ConstraintKind::PrimaryKey);
            return;
        case PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE:
            add_index_constraint(name, c, column, ConstraintKind::Unique);
            return;
        case PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION:
            add_index_constraint(name, c, column, ConstraintKind::Exclusion);
            return;
        default:
            return;
    }
    Table* target = edit_table(name);
    std::erase_if(target->constraints, [&](const Constraint& k) { return k.name == added.name; });
    target->constraints.push_back(std::move(added));
}

void Catalog::add_index_constraint(const pg::QualifiedName& table_name,
                                   const PgQuery__Constraint& c, const std::string& column,
                                   ConstraintKind kind) {
    Constraint added;
    added.kind = kind;
    added.name = str(c.conname);
    Index index;
    index.table = table_name;
    index.unique = kind != ConstraintKind::Exclusion;
    const std::string using_index(str(c.indexname));
    if (!using_index.empty()) {
        // ADD CONSTRAINT … USING INDEX: the index becomes the constraint's, under its name.
        const auto existing = find_index({table_name.schema, using_index});
        if (existing == indexes_.end()) return;
        index = existing->second;
        indexes_.erase(existing);
        index.unique = true;
        index.valid = true;
        if (added.name.empty()) added.name = index.name;
        added.columns = index.columns;
    } else {
        added.columns = kind == ConstraintKind::Exclusion ? exclusion_columns(c)
                                                          : string_list(c.keys, c.n_keys);
        if (added.columns.empty() && !column.empty()) added.columns.push_back(column);
        index.columns = added.columns;
        if (added.name.empty()) {
            added.name = kind == ConstraintKind::PrimaryKey ? choose_name(table_name, "", "pkey")
                         : kind == ConstraintKind::Unique
                             ? choose_name(table_name, joined(added.columns), "key")
                             : choose_name(table_name, joined(added.columns), "excl");
        }
    }
    index.name = added.name;
    added.index = added.name;
    indexes_[index.qualified_name().display()] = index;

    Table* target = edit_table(table_name);
    if (target == nullptr) return;
    if (kind == ConstraintKind::PrimaryKey)
        for (Column& col : target->columns)
            if (contains(added.columns, col.name)) col.not_null = true;
    std::erase_if(target->constraints, [&](const Constraint& k) { return k.name == added.name; });
    target->constraints.push_back(std::move(added));
}

void Catalog::alter_table(const PgQuery__AlterTableStmt& stmt) {
    // ALTER INDEX / VIEW / SEQUENCE … share the statement; only tables are modelled here.
    if (stmt.objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) return;
    const pg::QualifiedName name = pg::name_of(stmt.relation);
    if (table(name) == nullptr) return;
    for (const PgQuery__Node* node : list(stmt.cmds, stmt.n_cmds)) {
        if (!is(node, PG_QUERY__NODE__NODE_ALTER_TABLE_CMD) || node->alter_table_cmd == nullptr)
            continue;
        const PgQuery__AlterTableCmd& cmd = *node->alter_table_cmd;
        switch (cmd.subtype) {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
                if (is(cmd.def, PG_QUERY__NODE__NODE_COLUMN_DEF) && cmd.def->column_def != nullptr)
                    add_column(name, *cmd.def->column_def, cmd.missing_ok != 0);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumnRecurse:
                drop_column(name, std::string(str(cmd.name)));
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
                if (is(cmd.def, PG_QUERY__NODE__NODE_CONSTRAINT) && cmd.def->constraint != nullptr)
                    add_constraint(name, *cmd.def->constraint, std::string(), true);
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse:
                drop_constraint(name, std::string(str(cmd.name)));
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse:
                for (Constraint& c : edit_table(name)->constraints)
                    if (c.name == str(cmd.name)) c.validated = true;
                break;
            default:
                alter_column(name, cmd);
                break;
        }
    }
}

void Catalog::alter_column(const pg::QualifiedName& table_name, const PgQuery__AlterTableCmd& cmd) {
    const Table* current = table(table_name);
    if (current == nullptr || current->column(str(cmd.name)) == nullptr) return;
    Table* target = edit_table(table_name);
    Column& column = *std::find_if(target->columns.begin(), target->columns.end(),
                                   [&](const Column& c) { return c.name == str(cmd.name); });
    switch (cmd.subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
            if (is(cmd.def, PG_QUERY__NODE__NODE_COLUMN_DEF) && cmd.def->column_def != nullptr &&
                cmd.def->column_def->type_name != nullptr)
                column.type = pg::type_spec(*cmd.def->column_def->type_name);
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
            column.not_null = true;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropNotNull:
            column.not_null = false;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ColumnDefault:
            column.has_default = cmd.def != nullptr;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddIdentity:
            column.identity_or_generated = true;
            column.not_null = true;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropIdentity:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropExpression:
            column.identity_or_generated = false;
            break;
        default:
            break;
    }
}

void Catalog::drop_column(const pg::QualifiedName& table_name, const std::string& column) {
    const Table* current = table(table_name);
    if (current == nullptr || current->column(column) == nullptr) return;
    const pg::QualifiedName name = current->name;
    Table* target = edit_table(name);
    std::erase_if(target->columns, [&](const Column& c) { return c.name == column; });
    // As PostgreSQL does: constraints and indexes that use the column go with it.
    std::vector<std::string> dropped;
    for (const Constraint& c : target->constraints)
        if (contains(c.columns, column) || c.not_null_column == column) dropped.push_back(c.name);
    for (const std::string& constraint : dropped)
        drop_constraint(name, constraint);
    std::erase_if(indexes_, [&](const auto& entry) {
        const Index& index = entry.second;
        return index.table.same_object(name) &&
               (contains(index.columns, column) || contains(index.expression_columns, column));
    });
}

void Catalog::drop_constraint(const pg::QualifiedName& table_name, const std::string& name) {
    const Table* current = table(table_name);
    if (current == nullptr) return;
    const Constraint* dropped = current->constraint(name);
    if (dropped == nullptr) return;
    if (!dropped->index.empty()) {
        if (const auto index = find_index({current->name.schema, dropped->index});
            index != indexes_.end())
            indexes_.erase(index);
    }
    std::erase_if(edit_table(table_name)->constraints,
                  [&](const Constraint& c) { return c.name == name; });
}

}  // namespace migsafe::catalog
