#pragma once

#include <string_view>
#include <vector>

#include "code/language.hpp"
#include "code/reference.hpp"

namespace migsafe::code {

// Every reference to a table or column in one application source file, in file order:
// - SQL in string literals (concatenations too) that parses as a query: its tables and
//   columns, a column resolved to its table when the query has one table or qualifies it;
// - ORM model declarations: Django fields, SQLAlchemy Column / mapped_column, ActiveRecord
//   models, TypeORM @Column, Go struct tags (db, gorm, bun, pg), JPA @Entity fields;
// - query-builder arguments: Django / SQLAlchemy filter keywords and field strings,
//   ActiveRecord query methods, knex builders, Prisma client calls;
// - Prisma schema models (schema.prisma): @@map tables, scalar and enum fields, @map names.
// Comments and Python docstrings never count. `path` (relative to the repository) gives a
// Django model its app label, hence its default table "<app>_<model>"; it may be empty.
// Filtering out migrations, tests and dumps is the caller's job (is_ignored_path). Never
// throws on bad input (a file that does not parse yields what its readable parts name); throws
// std::runtime_error only when a grammar cannot be loaded, as SyntaxTree does.
std::vector<Reference> find_references(Language language, std::string_view text,
                                       std::string_view path = {});

}  // namespace migsafe::code
