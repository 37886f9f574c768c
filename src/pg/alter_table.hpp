#pragma once

#include <optional>
#include <vector>

#include "pg/names.hpp"
#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// One ALTER TABLE sub-command with what rules ask of it most often already picked out.
struct AlterCommand {
    size_t index = 0;  // position among the statement's sub-commands (see alter_command_span)
    const PgQuery__AlterTableCmd* cmd = nullptr;
    const PgQuery__ColumnDef* added_column = nullptr;       // ADD COLUMN
    const PgQuery__Constraint* added_constraint = nullptr;  // ADD [CONSTRAINT name] …

    PgQuery__AlterTableType subtype() const { return cmd->subtype; }
    bool is_validate_constraint() const;
};

// An ALTER TABLE (or ALTER INDEX / VIEW / …) statement's target and its sub-commands.
struct AlterTable {
    QualifiedName table;
    std::vector<AlterCommand> commands;
};

// nullopt unless `stmt` is an AlterTableStmt.
std::optional<AlterTable> alter_table(const PgQuery__Node* stmt);

}  // namespace migsafe::pg
