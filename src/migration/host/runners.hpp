#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "migration/migration.hpp"

// One extractor per host-language runner; extract.hpp chooses among them.
namespace migsafe::migration::host {

std::optional<Migration> extract_rails(const std::string& path, std::string_view text);
std::optional<Migration> extract_alembic(const std::string& path, std::string_view text);
std::optional<Migration> extract_django(const std::string& path, std::string_view text);
// knex and node-pg-migrate: JavaScript or TypeScript, chosen by the file's extension.
std::optional<Migration> extract_knex(const std::string& path, std::string_view text);
std::optional<Migration> extract_node_pg_migrate(const std::string& path, std::string_view text);

}  // namespace migsafe::migration::host
