#pragma once

#include <string>
#include <vector>

#include "pg/names.hpp"
#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// A constraint an ALTER TABLE adds, as far as other statements care.
struct AddedConstraint {
    QualifiedName table;
    std::string name;  // empty when PostgreSQL picks the name
    PgQuery__ConstrType type = PG_QUERY__CONSTR_TYPE__CONSTR_TYPE_UNDEFINED;
    bool not_valid = false;
    std::string not_null_column;  // for CHECK (col IS NOT NULL)
    // A CHECK's expression (points into the parse tree, which outlives the migration's state).
    const PgQuery__Node* check_expr = nullptr;
};

struct ConstraintRef {
    QualifiedName table;
    std::string name;
};

// The column a CHECK constraint proves NOT NULL (CHECK (col IS NOT NULL)), or "".
std::string not_null_check_column(const PgQuery__Constraint& constraint);

std::vector<AddedConstraint> added_constraints(const PgQuery__Node* stmt);
std::vector<ConstraintRef> validated_constraints(const PgQuery__Node* stmt);
std::vector<ConstraintRef> dropped_constraints(const PgQuery__Node* stmt);

}  // namespace migsafe::pg
