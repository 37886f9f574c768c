#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pg/constraints.hpp"
#include "pg/statement_facts.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe {

// A timeout setting in force: where it was set and its value (0 = no timeout).
struct SettingValue {
    int64_t ms = 0;
    ByteSpan set_at;
};

struct HeldLock {
    pg::RelationLock lock;
    size_t statement = 0;  // index of the statement that took it
};

// A constraint added NOT VALID; its VALIDATE belongs in a later transaction.
struct PendingConstraint {
    pg::QualifiedName table;
    std::string name;
    size_t statement = 0;
};

// An index created earlier in the migration, with its plain key columns (empty when a key is an
// expression).
struct CreatedIndex {
    pg::QualifiedName table;
    std::string name;
    std::vector<std::string> columns;
};

// A value ALTER TYPE … ADD VALUE added to an enum; it cannot be used before COMMIT.
struct AddedEnumValue {
    pg::QualifiedName type;
    std::string value;
    size_t statement = 0;
};

struct TransactionState {
    bool open = false;
    bool implicit = false;       // opened by the runner (assume_in_transaction), not by BEGIN
    bool body_scope = false;     // the transaction a DO block (or called function) runs in
    size_t begin_statement = 0;  // the BEGIN, or 0 for an implicit transaction
    ByteSpan begin_span;
    bool begin_ignored =
        false;  // a BEGIN ran while this transaction was open (PostgreSQL ignores it)
    // One entry per (relation, mode), with the first statement that took it.
    std::vector<HeldLock> locks;
    // The latest statement that ran in this transaction (BEGIN, COMMIT, ROLLBACK and instant
    // statements aside): a statement that sees one of `locks` taken by it is the first to run
    // while that lock is held.
    std::optional<size_t> last_statement;
    // Tables written by INSERT / UPDATE / DELETE in this transaction (mode ROW EXCLUSIVE), with
    // the first statement that wrote each.
    std::vector<HeldLock> dml_writes;
    std::vector<AddedEnumValue> new_enum_values;
    std::vector<PendingConstraint> not_valid_constraints;
    std::optional<SettingValue> local_lock_timeout;
    std::optional<SettingValue> local_statement_timeout;
};

// What is true before a statement runs, given the statements of the migration before it.
class MigrationState {
  public:
    explicit MigrationState(bool runner_transaction);

    const TransactionState& transaction() const { return tx_; }
    bool in_transaction() const { return tx_.open; }
    // The effective value: SET LOCAL wins over SET until the transaction ends.
    std::optional<SettingValue> lock_timeout() const;
    std::optional<SettingValue> statement_timeout() const;
    // Some earlier statement set or reset lock_timeout (even if nothing is in force now).
    bool lock_timeout_changed() const { return lock_timeout_changed_; }
    // Created earlier in this migration (tables, views, indexes, sequences).
    bool created_here(const pg::QualifiedName& name) const;
    // The index of that name created earlier in this migration, or null.
    const CreatedIndex* created_index(std::string_view name) const;
    // A schema / database created earlier in this migration (renames of one included).
    bool created_schema_here(std::string_view name) const;
    bool created_database_here(std::string_view name) const;
    // The file holds a top-level statement that cannot run in a transaction block (CREATE INDEX
    // CONCURRENTLY, VACUUM, …): the runner cannot wrap it, so its statements autocommit one by
    // one. Known before the first statement (the engine looks at the whole file once).
    bool has_non_transactional_statement() const { return has_non_transactional_statement_; }
    // An earlier statement ran DROP INDEX [CONCURRENTLY] IF EXISTS on this index name: a retry
    // after a failed CREATE INDEX CONCURRENTLY first removes the INVALID index it left.
    bool index_dropped_if_exists(const pg::QualifiedName& index) const;
    void set_has_non_transactional_statement(bool value) {
        has_non_transactional_statement_ = value;
    }
    // The longest lock_timeout (ms; INT64_MAX for none or 0) under which an earlier statement of
    // this migration took a dangerous lock on a relation that existed before it; nullopt when
    // none did. Function bodies do not count: they do not run during the migration.
    std::optional<int64_t> longest_wait_at_dangerous_lock() const {
        return longest_wait_at_dangerous_lock_;
    }
    // The statement's dangerous (SHARE or stronger) locks on relations that existed before this
    // migration, implicit ones included (a new table's REFERENCES locks the referenced table).
    std::vector<pg::RelationLock> dangerous_locks_on_existing(
        const pg::StatementFacts& facts) const;
    // (table, column) pairs proven NOT NULL by a validated CHECK (col IS NOT NULL).
    bool has_not_null_check(const pg::QualifiedName& table, std::string_view column) const;
    // The names of those validated checks (to see whether a statement drops all of them).
    std::vector<std::string> not_null_check_names(const pg::QualifiedName& table,
                                                  std::string_view column) const;

    // Some CHECK (col IS NOT NULL) of this migration, validated or still NOT VALID.
    bool has_any_not_null_check(const pg::QualifiedName& table, std::string_view column) const;

    // The expressions of the validated CHECK constraints this migration added to `table`.
    std::vector<const PgQuery__Node*> validated_checks(const pg::QualifiedName& table) const;

    // Records the effect of a statement that ran (or, for syntax errors, of nothing).
    // `instant`: see is_instant; such a statement does not count as running while a lock is held.
    void apply(const sql::Statement& stmt, size_t index, const pg::StatementFacts& facts,
               bool instant = false);

    // The statements of a PL/pgSQL body run as one statement: inside the open transaction, or in
    // a transaction of their own that ends with the body. A function body runs only when the
    // function is called, so its effects are checked in that scope and then forgotten.
    void enter_body(const sql::Statement& owner, size_t owner_index, sql::StatementOrigin origin);
    void leave_body();

  private:
    void end_transaction();
    struct BodyScope {
        sql::StatementOrigin origin;
        bool opened_transaction;
        std::shared_ptr<const MigrationState> before;  // FunctionBody: the state to return to
    };
    std::optional<BodyScope> body_;
    bool lock_timeout_changed_ = false;
    std::vector<CreatedIndex> indexes_;
    void apply_constraints(const sql::Statement& stmt, size_t index);
    void record_dangerous_locks(const sql::Statement& stmt, const pg::StatementFacts& facts);

    TransactionState tx_;
    std::optional<SettingValue> session_lock_timeout_;
    std::optional<SettingValue> session_statement_timeout_;
    std::vector<pg::QualifiedName> created_;
    std::vector<std::string> created_schemas_;
    std::vector<std::string> created_databases_;
    bool has_non_transactional_statement_ = false;
    void apply_rename(const sql::Statement& stmt);
    std::vector<pg::QualifiedName> indexes_dropped_if_exists_;
    std::optional<int64_t> longest_wait_at_dangerous_lock_;
    // CHECK constraints of this migration and whether they are validated.
    struct KnownCheck {
        pg::AddedConstraint constraint;
        bool validated = false;
    };
    std::vector<KnownCheck> checks_;
};

}  // namespace migsafe
