#pragma once

#include <string_view>

#include "catalog/catalog.hpp"

namespace migsafe::catalog {

// The catalog a schema dump (pg_dump --schema-only, or any SQL) describes: every top-level
// statement applied in order. Statements that do not parse are skipped.
Catalog catalog_from_sql(std::string_view sql);

}  // namespace migsafe::catalog
