#pragma once

#include <string>
#include <vector>

#include "pg/names.hpp"
#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// A table, or a column of it, that application code may name.
struct SchemaObject {
    QualifiedName table;
    std::string column;     // empty: the table itself
    int32_t location = -1;  // where the statement names it (parse-tree location), -1 unknown

    std::string display() const {
        return column.empty() ? table.display() : table.display() + "." + column;
    }
};

// What one statement does to the names application code uses.
struct SchemaChanges {
    // Dropped, or renamed away (the old name). Each with how: "drops", "renames … to …".
    struct Removal {
        SchemaObject object;
        std::string renamed_to;  // the new name, for a rename
    };
    std::vector<Removal> removed;
    std::vector<SchemaObject> added;  // created tables and views, added columns, new names
};

SchemaChanges schema_changes(const PgQuery__Node* stmt);

}  // namespace migsafe::pg
