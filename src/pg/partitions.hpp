#pragma once

#include <string>

#include "sql/pg_ast.hpp"

namespace migsafe::pg {

// Whether a validated CHECK constraint's expression proves a partition bound, so that ATTACH
// PARTITION can skip its scan. Deliberately simple (PostgreSQL's own predicate prover is far
// more general); the CHECK must be an AND of conjuncts on one column, which is taken to be the
// single-column partition key:
//   - range FROM (l) TO (u): `k >= l'` with l' >= l (unless FROM MINVALUE), `k < u'` with
//     u' <= u (unless TO MAXVALUE), and `k IS NOT NULL`;
//   - list IN (…): `k IN (…)` or `k = v` with every value in the bound's list, and
//     `k IS NOT NULL` unless the list contains NULL.
// Constants compare numerically when both are numbers, otherwise only equal text matches.
// DEFAULT and hash bounds, and multi-column keys, are never proven.
bool check_implies_bound(const PgQuery__Node* check, const PgQuery__PartitionBoundSpec& bound);

// The CHECK condition that proves `bound` for the single-column key `key` (as SQL text), or ""
// when there is none (DEFAULT, hash, multi-column or non-constant bounds).
std::string bound_check_condition(const PgQuery__PartitionBoundSpec& bound, const std::string& key);

}  // namespace migsafe::pg
