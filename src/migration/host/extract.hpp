#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "migration/migration.hpp"

namespace migsafe::migration {

// The migration held by one host-language file of `runner` (Rails, Alembic, Django, knex,
// node-pg-migrate), with its SQL extracted byte-aligned with `text`; nullopt when the file is not
// a migration of that runner (or the runner is not a host-language one). Matches
// discover.hpp's HostExtractor.
std::optional<Migration> extract_host_migration(Runner runner, const std::string& path,
                                                std::string_view text);

}  // namespace migsafe::migration
