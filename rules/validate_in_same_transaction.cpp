#include <optional>

#include "engine/rule_context.hpp"
#include "pg/constraints.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// The strongest lock this transaction held on the table when ADD … NOT VALID ran (taken by it
// or earlier), still held now.
pg::LockMode held_lock(const TransactionState& tx, const PendingConstraint& added) {
    pg::LockMode mode = pg::LockMode::None;
    for (const HeldLock& held : tx.locks) {
        if (held.statement <= added.statement && held.lock.relation.same_object(added.table) &&
            held.lock.mode > mode)
            mode = held.lock.mode;
    }
    return mode;
}

void check(const RuleContext& ctx, Findings& out) {
    if (!ctx.facts.alter) return;
    // Each statement outside a transaction block commits on its own: the ADD's lock is gone.
    if (!ctx.in_transaction()) return;
    const pg::QualifiedName& table = ctx.facts.alter->table;
    const TransactionState& tx = ctx.state.transaction();

    for (const pg::AlterCommand& command : ctx.facts.alter->commands) {
        if (!command.is_validate_constraint()) continue;
        const size_t i = command.index;
        const std::string name(sql::str(command.cmd->name));
        // Only a constraint added NOT VALID in this same transaction: one added in an earlier,
        // committed transaction no longer holds a lock.
        const PendingConstraint* added = nullptr;
        for (const PendingConstraint& p : tx.not_valid_constraints) {
            if (p.name == name && p.table.same_object(table)) added = &p;
        }
        if (added == nullptr) continue;

        pg::LockMode mode = held_lock(tx, *added);
        if (mode == pg::LockMode::None) mode = pg::LockMode::ShareRowExclusive;
        const std::string t = table.display();
        const std::string mode_name(pg::lock_mode_name(mode));
        Diagnostic& d = out.report(
            ctx.alter_command_span(i),
            "VALIDATE CONSTRAINT " + name +
                " runs in the same transaction that added it NOT "
                "VALID, so the " +
                mode_name + " lock the ADD took on " + t +
                " is still held while the validation scans every row: NOT VALID gains nothing");
        d.lock = Findings::lock(table, mode);
        d.help =
            "commit after the ADD CONSTRAINT … NOT VALID and run the validation in its own "
            "transaction (a separate migration if the runner wraps each migration in one); "
            "it takes only SHARE UPDATE EXCLUSIVE, so reads and writes continue:\n  ALTER "
            "TABLE " +
            t + " VALIDATE CONSTRAINT " + name + ";";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_validate_in_same_transaction() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
