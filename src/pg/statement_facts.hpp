#pragma once

#include <string>
#include <vector>

#include "pg/alter_table.hpp"
#include "pg/lock_mode.hpp"
#include "pg/names.hpp"
#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// Relation-level lock a statement takes; `implicit` marks locks on relations the statement does
// not name (a foreign key's referenced table, a partition's parent).
struct RelationLock {
    QualifiedName relation;
    LockMode mode = LockMode::None;
    bool implicit = false;
};

enum class StatementKind : uint8_t {
    Other,
    Begin,
    Commit,
    Rollback,
    Savepoint,
    Set,
    CreateTable,
    AlterTable,
    CreateIndex,
    DropIndex,
    Reindex,
    Drop,
    Truncate,
    Insert,
    Update,
    Delete,
    Lock,
    Vacuum,
    Cluster,
    RefreshMatview,
    Rename,
    AlterType,
    AlterDomain,
    CreateDomain,
    Do,
    CreateFunction,
    CreateTrigger,
    NonTransactional,  // CREATE/DROP DATABASE, ALTER SYSTEM, …
};

// What PostgreSQL does when it runs one statement (or one ALTER TABLE sub-command).
struct StatementFacts {
    StatementKind kind = StatementKind::Other;
    std::vector<RelationLock> locks;
    bool rewrites_table = false;  // the table's data is copied into a new file
    bool scans_table = false;     // every row is read under the lock (validation)
    bool builds_index = false;
    bool allowed_in_transaction = true;  // false: "cannot run inside a transaction block"
    bool concurrently = false;
    // ADD COLUMN … DEFAULT with a non-null, non-volatile default: PostgreSQL 11+ stores the value
    // once in the catalog (pg_attribute.atthasmissing) instead of writing it into every row.
    bool stores_missing_default = false;
    // Cancelled (statement_timeout, lock_timeout, an error) after its first internal commit, the
    // statement leaves an INVALID index behind (CREATE INDEX / REINDEX / DROP INDEX CONCURRENTLY).
    bool cancel_leaves_invalid_index = false;
    std::vector<QualifiedName> creates;  // relations (tables, views, indexes, sequences) created
    std::vector<std::string> creates_schemas;    // CREATE SCHEMA
    std::vector<std::string> creates_databases;  // CREATE DATABASE
    std::optional<AlterTable> alter;  // an ALTER TABLE's target and classified sub-commands

    // The strongest lock on the named relation, or None.
    LockMode lock_on(const QualifiedName& relation) const;
    void add_lock(const QualifiedName& relation, LockMode mode, bool implicit = false);
};

StatementFacts describe_statement(const PgQuery__Node* stmt);

// The lock one ALTER TABLE sub-command needs, per tablecmds.c's AlterTableGetLockLevel.
LockMode alter_table_command_lock(const PgQuery__AlterTableCmd& cmd);

}  // namespace migsafe::pg
