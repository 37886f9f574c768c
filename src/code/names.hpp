#pragma once

#include <string>
#include <string_view>

namespace migsafe::code {

// An SQL identifier as PostgreSQL stores it: unquoted → lower case; "Quoted" → as written
// (with "" unescaped).
std::string fold_identifier(std::string_view written);

// "emailVerified" → "email_verified", "HTTPServer" → "http_server", "User" → "user".
std::string snake_case(std::string_view name);

// The plural an ORM gives a model's table: "user" → "users", "category" → "categories",
// "address" → "addresses".
std::string plural(std::string_view snake_name);

// Whether a name written in code (an ORM field, a query-builder argument) can be the
// database name `db_name`: equal after folding, or equal once camelCase becomes snake_case.
bool names_match(std::string_view code_name, std::string_view db_name);

// Like names_match, also allowing the ORM's pluralization of a model name ("User" → users).
bool table_names_match(std::string_view code_name, std::string_view db_name);

}  // namespace migsafe::code
