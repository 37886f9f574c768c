#include "pg/statement_facts.hpp"

#include "pg/expressions.hpp"
#include "sql/ast.hpp"

namespace migsafe::pg {

using sql::is;
using sql::list;
using sql::str;

LockMode StatementFacts::lock_on(const QualifiedName& relation) const {
    LockMode strongest = LockMode::None;
    for (const RelationLock& lock : locks) {
        if (lock.relation.same_object(relation) && lock.mode > strongest) strongest = lock.mode;
    }
    return strongest;
}

void StatementFacts::add_lock(const QualifiedName& relation, LockMode mode, bool implicit) {
    if (relation.empty() || mode == LockMode::None) return;
    for (RelationLock& lock : locks) {
        if (lock.relation.same_object(relation)) {
            if (mode > lock.mode) lock.mode = mode;
            lock.implicit = lock.implicit && implicit;
            return;
        }
    }
    locks.push_back({relation, mode, implicit});
}

namespace {

bool is_foreign_key(const PgQuery__Node* node) {
    return is(node, PG_QUERY__NODE__NODE_CONSTRAINT) &&
           node->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN;
}

// Adding a foreign key creates triggers on the referenced table: SHARE ROW EXCLUSIVE there too.
void lock_referenced_tables(std::span<PgQuery__Node* const> constraints, StatementFacts& facts) {
    for (const PgQuery__Node* c : constraints) {
        if (is_foreign_key(c))
            facts.add_lock(name_of(c->constraint->pktable), LockMode::ShareRowExclusive, true);
    }
}

void lock_column_references(const PgQuery__ColumnDef* column, StatementFacts& facts) {
    if (column != nullptr)
        lock_referenced_tables(list(column->constraints, column->n_constraints), facts);
}

LockMode constraint_lock(const PgQuery__Constraint& constraint) {
    // Only a foreign key gets by with SHARE ROW EXCLUSIVE; CHECK, UNIQUE, PRIMARY KEY and
    // EXCLUDE take ACCESS EXCLUSIVE (AlterTableGetLockLevel).
    return constraint.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN ? LockMode::ShareRowExclusive
                                                                       : LockMode::AccessExclusive;
}

void describe_create_table(const PgQuery__CreateStmt& create, StatementFacts& facts) {
    facts.kind = StatementKind::CreateTable;
    const QualifiedName table = name_of(create.relation);
    facts.creates.push_back(table);
    facts.add_lock(table, LockMode::AccessExclusive);
    for (const PgQuery__Node* element : list(create.table_elts, create.n_table_elts)) {
        if (is(element, PG_QUERY__NODE__NODE_COLUMN_DEF))
            lock_column_references(element->column_def, facts);
        if (is_foreign_key(element)) {
            facts.add_lock(name_of(element->constraint->pktable), LockMode::ShareRowExclusive,
                           true);
        }
    }
    lock_referenced_tables(list(create.constraints, create.n_constraints), facts);
    for (const PgQuery__Node* parent : list(create.inh_relations, create.n_inh_relations)) {
        if (!is(parent, PG_QUERY__NODE__NODE_RANGE_VAR)) continue;
        // PARTITION OF locks the parent ACCESS EXCLUSIVE; plain INHERITS only SHARE UPDATE
        // EXCLUSIVE.
        facts.add_lock(name_of(parent->range_var),
                       create.partbound != nullptr ? LockMode::AccessExclusive
                                                   : LockMode::ShareUpdateExclusive,
                       true);
    }
}

StatementFacts describe_alter_command(const PgQuery__AlterTableCmd& cmd,
                                      const QualifiedName& table) {
    StatementFacts facts;
    facts.kind = StatementKind::AlterTable;
    facts.add_lock(table, alter_table_command_lock(cmd));
    const PgQuery__Node* def = cmd.def;
    switch (cmd.subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
            if (is(def, PG_QUERY__NODE__NODE_COLUMN_DEF)) {
                lock_column_references(def->column_def, facts);
                facts.rewrites_table = column_add_rewrites(*def->column_def).has_value();
                facts.stores_missing_default =
                    !facts.rewrites_table && column_default_is_stored(*def->column_def);
                facts.scans_table = column_has_foreign_key(*def->column_def);
            }
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
            if (is(def, PG_QUERY__NODE__NODE_CONSTRAINT)) {
                const PgQuery__Constraint& c = *def->constraint;
                if (c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) {
                    facts.add_lock(name_of(c.pktable), LockMode::ShareRowExclusive, true);
                }
                const bool builds = c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY ||
                                    c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE ||
                                    c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_EXCLUSION;
                facts.builds_index = builds && str(c.indexname).empty();
                facts.scans_table =
                    facts.builds_index || ((c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK ||
                                            c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN) &&
                                           !c.skip_validation);
            }
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull:
            facts.scans_table = true;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetTableSpace:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetLogged:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetUnLogged:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetAccessMethod:
            facts.rewrites_table = true;
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
            if (is(def, PG_QUERY__NODE__NODE_PARTITION_CMD)) {
                facts.add_lock(name_of(def->partition_cmd->name), LockMode::AccessExclusive, true);
                facts.scans_table = true;
            }
            break;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
            if (is(def, PG_QUERY__NODE__NODE_PARTITION_CMD)) {
                const bool concurrent = def->partition_cmd->concurrent != 0;
                facts.concurrently = concurrent;
                facts.allowed_in_transaction = !concurrent;
                // CONCURRENTLY spares the parent, not the partition: its second transaction
                // takes ACCESS EXCLUSIVE on the partition (ATExecDetachPartition).
                facts.add_lock(name_of(def->partition_cmd->name), LockMode::AccessExclusive, true);
            }
            break;
        default:
            break;
    }
    return facts;
}

void describe_alter_table(const PgQuery__Node* stmt, StatementFacts& facts) {
    facts.kind = StatementKind::AlterTable;
    facts.alter = alter_table(stmt);
    for (const AlterCommand& command : facts.alter->commands) {
        const StatementFacts sub = describe_alter_command(*command.cmd, facts.alter->table);
        for (const RelationLock& lock : sub.locks)
            facts.add_lock(lock.relation, lock.mode, lock.implicit);
        facts.rewrites_table = facts.rewrites_table || sub.rewrites_table;
        facts.scans_table = facts.scans_table || sub.scans_table;
        facts.builds_index = facts.builds_index || sub.builds_index;
        facts.allowed_in_transaction = facts.allowed_in_transaction && sub.allowed_in_transaction;
        facts.concurrently = facts.concurrently || sub.concurrently;
        facts.stores_missing_default = facts.stores_missing_default || sub.stores_missing_default;
    }
}

void describe_drop(const PgQuery__DropStmt& drop, StatementFacts& facts) {
    facts.kind = StatementKind::Drop;
    LockMode mode = LockMode::AccessExclusive;
    switch (drop.remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            facts.kind = StatementKind::DropIndex;
            facts.concurrently = drop.concurrent != 0;
            facts.allowed_in_transaction = !facts.concurrently;
            mode = facts.concurrently ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive;
            facts.cancel_leaves_invalid_index = facts.concurrently;
            break;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
        case PG_QUERY__OBJECT_TYPE__OBJECT_POLICY:
        case PG_QUERY__OBJECT_TYPE__OBJECT_RULE:
            // Named as (schema.)table.name: the table is locked, the object has no relation.
            for (const PgQuery__Node* object : list(drop.objects, drop.n_objects)) {
                if (is(object, PG_QUERY__NODE__NODE_LIST) && object->list->n_items >= 2) {
                    facts.add_lock(name_of_list(object->list->items, object->list->n_items - 1),
                                   LockMode::AccessExclusive);
                }
            }
            return;
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            break;
        default:
            return;  // schemas, types, functions, …: no relation lock a migration can name
    }
    for (const PgQuery__Node* object : list(drop.objects, drop.n_objects)) {
        if (is(object, PG_QUERY__NODE__NODE_LIST)) {
            facts.add_lock(name_of_list(object->list->items, object->list->n_items), mode);
        }
    }
}

void describe_index(const PgQuery__IndexStmt& index, StatementFacts& facts) {
    facts.kind = StatementKind::CreateIndex;
    facts.concurrently = index.concurrent != 0;
    facts.allowed_in_transaction = !facts.concurrently;
    facts.builds_index = true;
    facts.cancel_leaves_invalid_index = facts.concurrently;
    facts.add_lock(name_of(index.relation),
                   facts.concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share);
    if (!str(index.idxname).empty()) {
        facts.creates.push_back(
            {std::string(str(index.relation != nullptr ? index.relation->schemaname : nullptr)),
             std::string(str(index.idxname))});
    }
}

bool has_true_option(std::span<PgQuery__Node* const> params, std::string_view name) {
    const PgQuery__DefElem* option = sql::find_def_elem(params, name);
    if (option == nullptr) return false;
    // A bare option means true; "(CONCURRENTLY false)" spells it out.
    const std::string_view value = sql::string_value(option->arg);
    return option->arg == nullptr || (value != "false" && value != "off" && value != "0");
}

void describe_reindex(const PgQuery__ReindexStmt& reindex, StatementFacts& facts) {
    facts.kind = StatementKind::Reindex;
    facts.concurrently = has_true_option(list(reindex.params, reindex.n_params), "concurrently");
    facts.allowed_in_transaction =
        !facts.concurrently &&
        reindex.kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA &&
        reindex.kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM &&
        reindex.kind != PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_DATABASE;
    facts.builds_index = true;
    facts.cancel_leaves_invalid_index = facts.concurrently;
    const bool on_index = reindex.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX;
    LockMode mode = LockMode::Share;
    if (facts.concurrently) {
        mode = LockMode::ShareUpdateExclusive;
    } else if (on_index) {
        mode = LockMode::AccessExclusive;
    }
    facts.add_lock(name_of(reindex.relation), mode);
}

void describe_transaction(const PgQuery__TransactionStmt& tx, StatementFacts& facts) {
    switch (tx.kind) {
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START:
            facts.kind = StatementKind::Begin;
            break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE:
            facts.kind = StatementKind::Commit;
            break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK:
            facts.kind = StatementKind::Rollback;
            break;
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_SAVEPOINT:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_RELEASE:
        case PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK_TO:
            facts.kind = StatementKind::Savepoint;
            break;
        default:
            facts.kind = StatementKind::NonTransactional;
            facts.allowed_in_transaction = false;
            break;
    }
}

void describe_vacuum(const PgQuery__VacuumStmt& vacuum, StatementFacts& facts) {
    facts.kind = StatementKind::Vacuum;
    const bool full =
        vacuum.is_vacuumcmd != 0 && has_true_option(list(vacuum.options, vacuum.n_options), "full");
    // VACUUM cannot run in a transaction block; ANALYZE can.
    facts.allowed_in_transaction = vacuum.is_vacuumcmd == 0;
    facts.rewrites_table = full;
    const LockMode mode = full ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive;
    for (const PgQuery__Node* rel : list(vacuum.rels, vacuum.n_rels)) {
        if (is(rel, PG_QUERY__NODE__NODE_VACUUM_RELATION))
            facts.add_lock(name_of(rel->vacuum_relation->relation), mode);
    }
}

void describe_rename(const PgQuery__RenameStmt& rename, StatementFacts& facts) {
    facts.kind = StatementKind::Rename;
    // ALTER INDEX … RENAME needs only SHARE UPDATE EXCLUSIVE (PostgreSQL 12+, RenameRelation).
    const bool index = rename.rename_type == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX;
    if (rename.relation != nullptr) {
        facts.add_lock(name_of(rename.relation),
                       index ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
    }
}

void add_relations(std::span<PgQuery__Node* const> relations, LockMode mode,
                   StatementFacts& facts) {
    for (const PgQuery__Node* rel : relations) {
        if (is(rel, PG_QUERY__NODE__NODE_RANGE_VAR)) facts.add_lock(name_of(rel->range_var), mode);
    }
}

}  // namespace

LockMode alter_table_command_lock(const PgQuery__AlterTableCmd& cmd) {
    switch (cmd.subtype) {
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetStatistics:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ClusterOn:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DropCluster:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AttachPartition:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartitionFinalize:
            return LockMode::ShareUpdateExclusive;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_SetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ResetRelOptions:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_ReplaceRelOptions:
            // Storage parameters such as fillfactor and autovacuum_* need only this much.
            return LockMode::ShareUpdateExclusive;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableAlwaysTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableReplicaTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrig:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigAll:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigAll:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_EnableTrigUser:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DisableTrigUser:
            return LockMode::ShareRowExclusive;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
        case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
            if (is(cmd.def, PG_QUERY__NODE__NODE_CONSTRAINT))
                return constraint_lock(*cmd.def->constraint);
            return LockMode::AccessExclusive;
        case PG_QUERY__ALTER_TABLE_TYPE__AT_DetachPartition:
            if (is(cmd.def, PG_QUERY__NODE__NODE_PARTITION_CMD) &&
                cmd.def->partition_cmd->concurrent != 0) {
                return LockMode::ShareUpdateExclusive;
            }
            return LockMode::AccessExclusive;
        default:
            return LockMode::AccessExclusive;
    }
}

StatementFacts describe_statement(const PgQuery__Node* stmt) {
    StatementFacts facts;
    if (stmt == nullptr) return facts;
    switch (stmt->node_case) {
        case PG_QUERY__NODE__NODE_TRANSACTION_STMT:
            describe_transaction(*stmt->transaction_stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_VARIABLE_SET_STMT:
            facts.kind = StatementKind::Set;
            break;
        case PG_QUERY__NODE__NODE_CREATE_STMT:
            describe_create_table(*stmt->create_stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
            facts.kind = StatementKind::CreateTable;
            if (stmt->create_table_as_stmt->into != nullptr) {
                facts.creates.push_back(name_of(stmt->create_table_as_stmt->into->rel));
            }
            break;
        case PG_QUERY__NODE__NODE_VIEW_STMT:
            facts.creates.push_back(name_of(stmt->view_stmt->view));
            break;
        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
            facts.creates.push_back(name_of(stmt->create_seq_stmt->sequence));
            break;
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
            describe_alter_table(stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_INDEX_STMT:
            describe_index(*stmt->index_stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_DROP_STMT:
            describe_drop(*stmt->drop_stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_REINDEX_STMT:
            describe_reindex(*stmt->reindex_stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_TRUNCATE_STMT:
            facts.kind = StatementKind::Truncate;
            add_relations(list(stmt->truncate_stmt->relations, stmt->truncate_stmt->n_relations),
                          LockMode::AccessExclusive, facts);
            break;
        case PG_QUERY__NODE__NODE_INSERT_STMT:
            facts.kind = StatementKind::Insert;
            facts.add_lock(name_of(stmt->insert_stmt->relation), LockMode::RowExclusive);
            break;
        case PG_QUERY__NODE__NODE_UPDATE_STMT:
            facts.kind = StatementKind::Update;
            facts.add_lock(name_of(stmt->update_stmt->relation), LockMode::RowExclusive);
            break;
        case PG_QUERY__NODE__NODE_DELETE_STMT:
            facts.kind = StatementKind::Delete;
            facts.add_lock(name_of(stmt->delete_stmt->relation), LockMode::RowExclusive);
            break;
        case PG_QUERY__NODE__NODE_LOCK_STMT: {
            facts.kind = StatementKind::Lock;
            const auto mode = static_cast<LockMode>(std::clamp(stmt->lock_stmt->mode, 1, 8));
            add_relations(list(stmt->lock_stmt->relations, stmt->lock_stmt->n_relations), mode,
                          facts);
            break;
        }
        case PG_QUERY__NODE__NODE_VACUUM_STMT:
            describe_vacuum(*stmt->vacuum_stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_CLUSTER_STMT:
            facts.kind = StatementKind::Cluster;
            facts.rewrites_table = true;
            facts.allowed_in_transaction = stmt->cluster_stmt->relation != nullptr;
            facts.add_lock(name_of(stmt->cluster_stmt->relation), LockMode::AccessExclusive);
            break;
        case PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT: {
            const auto& refresh = *stmt->refresh_mat_view_stmt;
            facts.kind = StatementKind::RefreshMatview;
            facts.concurrently = refresh.concurrent != 0;
            // A plain refresh fills a new heap and swaps it in; CONCURRENTLY updates in place.
            facts.rewrites_table = !facts.concurrently;
            facts.add_lock(name_of(refresh.relation),
                           facts.concurrently ? LockMode::Exclusive : LockMode::AccessExclusive);
            break;
        }
        case PG_QUERY__NODE__NODE_RENAME_STMT:
            describe_rename(*stmt->rename_stmt, facts);
            break;
        case PG_QUERY__NODE__NODE_ALTER_ENUM_STMT:
            facts.kind = StatementKind::AlterType;
            break;
        case PG_QUERY__NODE__NODE_ALTER_DOMAIN_STMT:
            facts.kind = StatementKind::AlterDomain;
            break;
        case PG_QUERY__NODE__NODE_CREATE_DOMAIN_STMT:
            facts.kind = StatementKind::CreateDomain;
            break;
        case PG_QUERY__NODE__NODE_DO_STMT:
            facts.kind = StatementKind::Do;
            break;
        case PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT:
            facts.kind = StatementKind::CreateFunction;
            break;
        case PG_QUERY__NODE__NODE_CREATE_TRIG_STMT:
            facts.kind = StatementKind::CreateTrigger;
            facts.add_lock(name_of(stmt->create_trig_stmt->relation), LockMode::ShareRowExclusive);
            break;
        case PG_QUERY__NODE__NODE_CREATE_POLICY_STMT:
            facts.add_lock(name_of(stmt->create_policy_stmt->table), LockMode::AccessExclusive);
            break;
        case PG_QUERY__NODE__NODE_RULE_STMT:
            facts.add_lock(name_of(stmt->rule_stmt->relation), LockMode::AccessExclusive);
            break;
        case PG_QUERY__NODE__NODE_ALTER_OBJECT_SCHEMA_STMT:
            // SET SCHEMA on a table, view, sequence or matview names it in `relation`.
            facts.add_lock(name_of(stmt->alter_object_schema_stmt->relation),
                           LockMode::AccessExclusive);
            break;
        case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
            facts.creates_schemas.emplace_back(str(stmt->create_schema_stmt->schemaname));
            break;
        case PG_QUERY__NODE__NODE_CREATEDB_STMT:
            facts.creates_databases.emplace_back(str(stmt->createdb_stmt->dbname));
            facts.kind = StatementKind::NonTransactional;
            facts.allowed_in_transaction = false;
            break;
        case PG_QUERY__NODE__NODE_DROPDB_STMT:
        case PG_QUERY__NODE__NODE_ALTER_SYSTEM_STMT:
        case PG_QUERY__NODE__NODE_CREATE_TABLE_SPACE_STMT:
        case PG_QUERY__NODE__NODE_DROP_TABLE_SPACE_STMT:
            facts.kind = StatementKind::NonTransactional;
            facts.allowed_in_transaction = false;
            break;
        default:
            break;
    }
    return facts;
}

}  // namespace migsafe::pg
