#include "engine/migration_state.hpp"

#include <algorithm>
#include <cstdint>

#include "engine/settings.hpp"
#include "sql/ast.hpp"

namespace migsafe {

MigrationState::MigrationState(bool runner_transaction) {
    tx_.open = runner_transaction;
    tx_.implicit = runner_transaction;
}

std::optional<SettingValue> MigrationState::lock_timeout() const {
    return tx_.local_lock_timeout ? tx_.local_lock_timeout : session_lock_timeout_;
}

std::optional<SettingValue> MigrationState::statement_timeout() const {
    return tx_.local_statement_timeout ? tx_.local_statement_timeout : session_statement_timeout_;
}

bool MigrationState::created_here(const pg::QualifiedName& name) const {
    return std::any_of(created_.begin(), created_.end(),
                       [&](const auto& c) { return c.same_object(name); });
}

const CreatedIndex* MigrationState::created_index(std::string_view name) const {
    // The latest one: an index can be dropped and created again under the same name.
    const auto it = std::find_if(indexes_.rbegin(), indexes_.rend(),
                                 [&](const CreatedIndex& index) { return index.name == name; });
    return it != indexes_.rend() ? &*it : nullptr;
}

namespace {

std::optional<CreatedIndex> index_created_by(const PgQuery__Node* stmt) {
    if (!sql::is(stmt, PG_QUERY__NODE__NODE_INDEX_STMT)) return std::nullopt;
    const PgQuery__IndexStmt& index = *stmt->index_stmt;
    CreatedIndex out{pg::name_of(index.relation), std::string(sql::str(index.idxname)), {}};
    if (out.name.empty()) return std::nullopt;
    for (const PgQuery__Node* e : sql::list(index.index_params, index.n_index_params)) {
        if (!sql::is(e, PG_QUERY__NODE__NODE_INDEX_ELEM) || sql::str(e->index_elem->name).empty()) {
            out.columns.clear();
            break;
        }
        out.columns.emplace_back(sql::str(e->index_elem->name));
    }
    return out;
}

}  // namespace

bool MigrationState::created_schema_here(std::string_view name) const {
    return std::find(created_schemas_.begin(), created_schemas_.end(), name) !=
           created_schemas_.end();
}

bool MigrationState::created_database_here(std::string_view name) const {
    return std::find(created_databases_.begin(), created_databases_.end(), name) !=
           created_databases_.end();
}

bool MigrationState::index_dropped_if_exists(const pg::QualifiedName& index) const {
    return std::any_of(indexes_dropped_if_exists_.begin(), indexes_dropped_if_exists_.end(),
                       [&](const auto& d) { return d.same_object(index); });
}

// A relation or schema created in this migration stays "created here" under its new name.
void MigrationState::apply_rename(const sql::Statement& stmt) {
    if (!sql::is(stmt.node, PG_QUERY__NODE__NODE_RENAME_STMT)) return;
    const PgQuery__RenameStmt& rename = *stmt.node->rename_stmt;
    const std::string new_name(sql::str(rename.newname));
    switch (rename.rename_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE: {
            const pg::QualifiedName old_name = pg::name_of(rename.relation);
            if (created_here(old_name)) created_.push_back({old_name.schema, new_name});
            break;
        }
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
            if (created_schema_here(sql::str(rename.subname))) created_schemas_.push_back(new_name);
            break;
        default:
            break;
    }
}

bool MigrationState::has_not_null_check(const pg::QualifiedName& table,
                                        std::string_view column) const {
    return std::any_of(checks_.begin(), checks_.end(), [&](const KnownCheck& c) {
        return c.validated && c.constraint.table.same_object(table) &&
               c.constraint.not_null_column == column;
    });
}

std::vector<std::string> MigrationState::not_null_check_names(const pg::QualifiedName& table,
                                                              std::string_view column) const {
    std::vector<std::string> out;
    for (const KnownCheck& c : checks_) {
        if (c.validated && c.constraint.table.same_object(table) &&
            c.constraint.not_null_column == column)
            out.push_back(c.constraint.name);
    }
    return out;
}

bool MigrationState::has_any_not_null_check(const pg::QualifiedName& table,
                                            std::string_view column) const {
    return std::any_of(checks_.begin(), checks_.end(), [&](const KnownCheck& c) {
        return c.constraint.table.same_object(table) && c.constraint.not_null_column == column;
    });
}

std::vector<const PgQuery__Node*> MigrationState::validated_checks(
    const pg::QualifiedName& table) const {
    std::vector<const PgQuery__Node*> out;
    for (const KnownCheck& c : checks_) {
        if (c.validated && c.constraint.table.same_object(table) && c.constraint.check_expr)
            out.push_back(c.constraint.check_expr);
    }
    return out;
}

void MigrationState::end_transaction() {
    tx_ = TransactionState{};
}

void MigrationState::enter_body(const sql::Statement& owner, size_t owner_index,
                                sql::StatementOrigin origin) {
    BodyScope scope{origin, !tx_.open, nullptr};
    if (origin == sql::StatementOrigin::FunctionBody) {
        auto before = std::make_shared<MigrationState>(*this);
        before->body_.reset();
        scope.before = std::move(before);
    }
    if (scope.opened_transaction) {
        tx_ = TransactionState{};
        tx_.open = true;
        tx_.body_scope = true;
        tx_.begin_statement = owner_index;
        tx_.begin_span = owner.span;
    }
    body_ = std::move(scope);
}

void MigrationState::leave_body() {
    if (!body_) return;
    if (body_->before) {
        const std::shared_ptr<const MigrationState> before = body_->before;
        *this = *before;
        return;
    }
    if (body_->opened_transaction) end_transaction();
    body_.reset();
}

void MigrationState::apply_constraints(const sql::Statement& stmt, size_t index) {
    for (const pg::ConstraintRef& dropped : pg::dropped_constraints(stmt.node)) {
        std::erase_if(checks_, [&](const KnownCheck& c) {
            return c.constraint.table.same_object(dropped.table) &&
                   c.constraint.name == dropped.name;
        });
    }
    for (pg::AddedConstraint& added : pg::added_constraints(stmt.node)) {
        if (added.not_valid && tx_.open) {
            tx_.not_valid_constraints.push_back({added.table, added.name, index});
        }
        if (added.type == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) {
            const bool validated = !added.not_valid;
            checks_.push_back({std::move(added), validated});
        }
    }
    for (const pg::ConstraintRef& validated : pg::validated_constraints(stmt.node)) {
        for (KnownCheck& c : checks_) {
            if (c.constraint.table.same_object(validated.table) &&
                c.constraint.name == validated.name)
                c.validated = true;
        }
    }
}

std::vector<pg::RelationLock> MigrationState::dangerous_locks_on_existing(
    const pg::StatementFacts& facts) const {
    std::vector<pg::RelationLock> out;
    for (const pg::RelationLock& lock : facts.locks) {
        // A relation this very statement creates (CREATE TABLE locks its new table) is not
        // existing either.
        const bool new_here =
            created_here(lock.relation) ||
            std::any_of(facts.creates.begin(), facts.creates.end(),
                        [&](const auto& c) { return c.same_object(lock.relation); });
        if (pg::is_dangerous(lock.mode) && !new_here) out.push_back(lock);
    }
    return out;
}

void MigrationState::record_dangerous_locks(const sql::Statement& stmt,
                                            const pg::StatementFacts& facts) {
    if (stmt.origin == sql::StatementOrigin::FunctionBody) return;
    if (dangerous_locks_on_existing(facts).empty()) return;
    const std::optional<SettingValue> timeout = lock_timeout();
    const int64_t wait = timeout && timeout->ms > 0 ? timeout->ms : INT64_MAX;
    longest_wait_at_dangerous_lock_ = std::max(longest_wait_at_dangerous_lock_.value_or(0), wait);
}

void MigrationState::apply(const sql::Statement& stmt, size_t index,
                           const pg::StatementFacts& facts, bool instant) {
    using pg::StatementKind;
    switch (facts.kind) {
        case StatementKind::Begin:
            if (tx_.open) {
                tx_.begin_ignored = true;
            } else {
                tx_ = TransactionState{};
                tx_.open = true;
                tx_.begin_statement = index;
                tx_.begin_span = stmt.span;
            }
            return;
        case StatementKind::Commit:
        case StatementKind::Rollback:
            end_transaction();
            return;
        default:
            break;
    }
    if (const auto change = setting_change(stmt.node)) {
        lock_timeout_changed_ =
            lock_timeout_changed_ || change->reset_all || change->name == "lock_timeout";
        if (change->reset_all) {
            session_lock_timeout_.reset();
            session_statement_timeout_.reset();
            tx_.local_lock_timeout.reset();
            tx_.local_statement_timeout.reset();
        } else {
            const bool lock = change->name == "lock_timeout";
            std::optional<SettingValue> value;
            if (change->value_ms) value = SettingValue{*change->value_ms, stmt.span};
            // SET LOCAL outside a transaction block has no effect (PostgreSQL warns).
            if (change->local && tx_.open) {
                (lock ? tx_.local_lock_timeout : tx_.local_statement_timeout) = value;
            } else if (!change->local) {
                (lock ? session_lock_timeout_ : session_statement_timeout_) = value;
                (lock ? tx_.local_lock_timeout : tx_.local_statement_timeout).reset();
            }
        }
    }
    record_dangerous_locks(stmt, facts);
    if (auto created = index_created_by(stmt.node)) indexes_.push_back(std::move(*created));
    for (const pg::QualifiedName& name : facts.creates)
        created_.push_back(name);
    created_schemas_.insert(created_schemas_.end(), facts.creates_schemas.begin(),
                            facts.creates_schemas.end());
    created_databases_.insert(created_databases_.end(), facts.creates_databases.begin(),
                              facts.creates_databases.end());
    apply_rename(stmt);
    if (facts.kind == pg::StatementKind::DropIndex && stmt.node->drop_stmt->missing_ok != 0) {
        for (const pg::RelationLock& lock : facts.locks)
            indexes_dropped_if_exists_.push_back(lock.relation);
    }
    apply_constraints(stmt, index);
    if (tx_.open) {
        // Only the first statement to take a lock matters: a data load of 100,000 INSERTs in
        // one transaction keeps one entry per table, so rules that scan these stay linear.
        const auto hold_once = [index](std::vector<HeldLock>& held, const pg::RelationLock& lock) {
            const bool known = std::any_of(held.begin(), held.end(), [&](const HeldLock& h) {
                return h.lock.mode == lock.mode && h.lock.relation.same_object(lock.relation);
            });
            if (!known) held.push_back({lock, index});
        };
        for (const pg::RelationLock& lock : facts.locks)
            hold_once(tx_.locks, lock);
        if (!instant) tx_.last_statement = index;
        const bool dml = facts.kind == StatementKind::Insert ||
                         facts.kind == StatementKind::Update || facts.kind == StatementKind::Delete;
        for (const pg::RelationLock& lock : facts.locks) {
            if (dml && !lock.implicit && lock.mode == pg::LockMode::RowExclusive)
                hold_once(tx_.dml_writes, lock);
        }
        if (sql::is(stmt.node, PG_QUERY__NODE__NODE_ALTER_ENUM_STMT)) {
            const PgQuery__AlterEnumStmt& e = *stmt.node->alter_enum_stmt;
            // ADD VALUE (RENAME VALUE has an old value and takes effect at once).
            if (sql::str(e.old_val).empty() && !sql::str(e.new_val).empty()) {
                tx_.new_enum_values.push_back({pg::name_of_list(e.type_name, e.n_type_name),
                                               std::string(sql::str(e.new_val)), index});
            }
        }
    }
}

}  // namespace migsafe
