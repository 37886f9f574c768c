#pragma once

#include <string>
#include <vector>

#include "sql/pg_ast.hpp"

namespace migsafe::catalog {

// The distinct columns an expression refers to, in order of first use.
std::vector<std::string> expression_columns(const PgQuery__Node* expr);

// A short, stable rendering of an index key expression: column references, function calls and
// casts (dropped, so `(email)::text` and `email` agree); anything else reads "expr".
std::string expression_text(const PgQuery__Node* expr);

// PostgreSQL's makeObjectName: name1[_name2]_label, shortened to fit in 63 bytes.
std::string object_name(std::string name1, std::string name2, const std::string& label);

}  // namespace migsafe::catalog
