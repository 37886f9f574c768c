#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "code/reference.hpp"

namespace migsafe::code {

// SQL that application code holds in a string, laid out so its offsets map back to the file.
struct EmbeddedSql {
    // Byte i of `sql` at or after `prefix_length` is file byte file_base + i - prefix_length.
    // The prefix (e.g. "SELECT 1 WHERE " before an ActiveRecord condition) is not in the file.
    std::string sql;
    uint32_t prefix_length = 0;
    uint32_t file_base = 0;
    // The table unqualified columns belong to when the SQL names none (a model's fragment).
    std::string default_table;
    std::string context = "SQL string";
};

// Adds the tables and columns that `embedded` names, when it parses as a query (SELECT, INSERT,
// UPDATE, DELETE, MERGE). Text that does not parse is not SQL and adds nothing. Query
// parameters (?, %s, %(name)s, :name) are read as values. Returns whether any query parsed.
bool add_sql_references(EmbeddedSql embedded, std::vector<Reference>& out);

// Whether `text` contains a word that starts a query, so it is worth parsing.
bool may_be_query(std::string_view text);

}  // namespace migsafe::code
