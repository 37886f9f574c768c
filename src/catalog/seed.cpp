#include "catalog/seed.hpp"

#include <memory>
#include <string>

#include "sql/parsed_file.hpp"

namespace migsafe::catalog {

Catalog catalog_from_sql(std::string_view sql) {
    Catalog catalog;
    const std::unique_ptr<sql::ParsedFile> file = sql::parse_file(std::string(sql));
    for (const sql::Statement& statement : file->statements)
        if (statement.origin == sql::StatementOrigin::TopLevel) catalog.apply(statement.node);
    return catalog;
}

}  // namespace migsafe::catalog
