#include "pg/schema_changes.hpp"

#include "pg/alter_table.hpp"
#include "sql/ast.hpp"

namespace migsafe::pg {

namespace {

using sql::is;
using sql::list;
using sql::str;

bool names_relation(PgQuery__ObjectType type) {
    return type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE ||
           type == PG_QUERY__OBJECT_TYPE__OBJECT_VIEW ||
           type == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW ||
           type == PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE;
}

void describe_drop(const PgQuery__DropStmt& drop, SchemaChanges& out) {
    if (!names_relation(drop.remove_type)) return;
    for (const PgQuery__Node* object : list(drop.objects, drop.n_objects)) {
        if (is(object, PG_QUERY__NODE__NODE_LIST))
            out.removed.push_back(
                {{name_of_list(object->list->items, object->list->n_items), {}, -1}, {}});
    }
}

void describe_rename(const PgQuery__RenameStmt& rename, SchemaChanges& out) {
    if (rename.relation == nullptr) return;
    const QualifiedName table = name_of(rename.relation);
    const std::string new_name(str(rename.newname));
    if (names_relation(rename.rename_type)) {
        out.removed.push_back({{table, {}, rename.relation->location}, new_name});
        out.added.push_back({{table.schema, new_name}, {}, rename.relation->location});
    } else if (rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN) {
        const std::string old_name(str(rename.subname));
        out.removed.push_back({{table, old_name, rename.relation->location}, new_name});
        out.added.push_back({table, new_name, rename.relation->location});
    }
}

void describe_alter(const PgQuery__Node* stmt, SchemaChanges& out) {
    const std::optional<AlterTable> alter = alter_table(stmt);
    if (!alter) return;
    if (stmt->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) return;
    for (const AlterCommand& command : alter->commands) {
        const PgQuery__AlterTableCmd& cmd = *command.cmd;
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn) {
            out.removed.push_back({{alter->table, std::string(str(cmd.name)), -1}, {}});
        } else if (command.added_column != nullptr) {
            out.added.push_back({alter->table, std::string(str(command.added_column->colname)),
                                 command.added_column->location});
        }
    }
}

}  // namespace

SchemaChanges schema_changes(const PgQuery__Node* stmt) {
    SchemaChanges out;
    if (stmt == nullptr) return out;
    switch (stmt->node_case) {
        case PG_QUERY__NODE__NODE_DROP_STMT:
            describe_drop(*stmt->drop_stmt, out);
            break;
        case PG_QUERY__NODE__NODE_RENAME_STMT:
            describe_rename(*stmt->rename_stmt, out);
            break;
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            describe_alter(stmt, out);
            break;
        case PG_QUERY__NODE__NODE_CREATE_STMT:
            out.added.push_back({name_of(stmt->create_stmt->relation), {}, -1});
            break;
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
            if (stmt->create_table_as_stmt->into != nullptr)
                out.added.push_back({name_of(stmt->create_table_as_stmt->into->rel), {}, -1});
            break;
        case PG_QUERY__NODE__NODE_VIEW_STMT:
            out.added.push_back({name_of(stmt->view_stmt->view), {}, -1});
            break;
        default:
            break;
    }
    return out;
}

}  // namespace migsafe::pg
