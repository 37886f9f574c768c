#include "pg/alter_table.hpp"

#include "sql/ast.hpp"

namespace migsafe::pg {

using sql::is;

bool AlterCommand::is_validate_constraint() const {
    return cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint ||
           cmd->subtype == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraintRecurse;
}

std::optional<AlterTable> alter_table(const PgQuery__Node* stmt) {
    if (!is(stmt, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT)) return std::nullopt;
    const PgQuery__AlterTableStmt& alter = *stmt->alter_table_stmt;
    AlterTable out;
    out.table = name_of(alter.relation);
    const auto cmds = sql::list(alter.cmds, alter.n_cmds);
    for (size_t i = 0; i < cmds.size(); ++i) {
        if (!is(cmds[i], PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)) continue;
        AlterCommand command;
        command.index = i;
        command.cmd = cmds[i]->alter_table_cmd;
        const PgQuery__Node* def = command.cmd->def;
        switch (command.cmd->subtype) {
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumnRecurse:
                if (is(def, PG_QUERY__NODE__NODE_COLUMN_DEF))
                    command.added_column = def->column_def;
                break;
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint:
            case PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraintRecurse:
                if (is(def, PG_QUERY__NODE__NODE_CONSTRAINT))
                    command.added_constraint = def->constraint;
                break;
            default:
                break;
        }
        out.commands.push_back(command);
    }
    return out;
}

}  // namespace migsafe::pg
