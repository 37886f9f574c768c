#pragma once

#include <string>

#include "sql/parsed_file.hpp"
#include "sql/statement_parser.hpp"

namespace migsafe::sql {

// If statement `owner` is a DO block or a PL/pgSQL function, appends the SQL statements of its
// body to the file, with positions mapped into the file. Dynamic EXECUTE strings that are not
// constants become InputProblems.
void extract_plpgsql(ParsedFile& file, const std::string& scrubbed, int owner,
                     StatementParser& parser);

}  // namespace migsafe::sql
