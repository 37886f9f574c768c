#pragma once

#include "engine/options.hpp"
#include "pg/names.hpp"
#include "pg/statement_facts.hpp"

namespace migsafe {

// Tables whose data changes are instant, so batching them or keeping them apart from DDL buys
// nothing:
//  - the ones the user lists in `small_tables` (as `name` or `schema.name`);
//  - system catalogs (`pg_catalog.*`, or an unqualified `pg_*` name, which resolves there first),
//    which extension upgrade scripts update a few rows of;
//  - schema-version bookkeeping tables (`schema_version`, `ttrss_version`, `schema_migrations`,
//    `alembic_version`, `flyway_schema_history`, …), which hold one row per version at most.
bool is_small_table(const Options& options, const pg::QualifiedName& table);

// The statement takes no time whatever the data: a SET / RESET, or INSERT / UPDATE / DELETE on
// small tables only (a schema-version bump). It does not make a held lock's window longer.
bool is_instant(const pg::StatementFacts& facts, const Options& options);

}  // namespace migsafe
