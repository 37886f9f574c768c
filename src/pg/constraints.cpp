#include "pg/constraints.hpp"

#include "pg/alter_table.hpp"
#include "sql/ast.hpp"

namespace migsafe::pg {

using sql::is;
using sql::list;
using sql::str;

std::string not_null_check_column(const PgQuery__Constraint& constraint) {
    if (constraint.contype != PG_QUERY__CONSTR_TYPE__CONSTR_CHECK) return {};
    const PgQuery__Node* expr = constraint.raw_expr;
    if (!is(expr, PG_QUERY__NODE__NODE_NULL_TEST)) return {};
    const PgQuery__NullTest& test = *expr->null_test;
    if (test.nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL ||
        !is(test.arg, PG_QUERY__NODE__NODE_COLUMN_REF)) {
        return {};
    }
    const auto fields = list(test.arg->column_ref->fields, test.arg->column_ref->n_fields);
    return fields.size() == 1 ? std::string(sql::string_value(fields[0])) : std::string();
}

namespace {

template <typename Visit>
void for_each_command(const PgQuery__Node* stmt, Visit visit) {
    const std::optional<AlterTable> alter = alter_table(stmt);
    if (!alter) return;
    for (const AlterCommand& command : alter->commands)
        visit(alter->table, *command.cmd);
}

}  // namespace

std::vector<AddedConstraint> added_constraints(const PgQuery__Node* stmt) {
    std::vector<AddedConstraint> out;
    for_each_command(stmt, [&](const QualifiedName& table, const PgQuery__AlterTableCmd& cmd) {
        if ((cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint &&
             cmd.subtype != PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse) ||
            !is(cmd.def, PG_QUERY__NODE__NODE_CONSTRAINT)) {
            return;
        }
        const PgQuery__Constraint& c = *cmd.def->constraint;
        out.push_back({table, std::string(str(c.conname)), c.contype, c.skip_validation != 0,
                       not_null_check_column(c),
                       c.contype == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK ? c.raw_expr : nullptr});
    });
    return out;
}

std::vector<ConstraintRef> validated_constraints(const PgQuery__Node* stmt) {
    std::vector<ConstraintRef> out;
    for_each_command(stmt, [&](const QualifiedName& table, const PgQuery__AlterTableCmd& cmd) {
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint ||
            cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse) {
            out.push_back({table, std::string(str(cmd.name))});
        }
    });
    return out;
}

std::vector<ConstraintRef> dropped_constraints(const PgQuery__Node* stmt) {
    std::vector<ConstraintRef> out;
    for_each_command(stmt, [&](const QualifiedName& table, const PgQuery__AlterTableCmd& cmd) {
        if (cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint ||
            cmd.subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraintRecurse) {
            out.push_back({table, std::string(str(cmd.name))});
        }
    });
    return out;
}

}  // namespace migsafe::pg
