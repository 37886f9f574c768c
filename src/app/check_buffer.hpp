#pragma once

#include <string>

#include "engine/check.hpp"

namespace migsafe {

// Whether `path` is a host-language migration file (Ruby, Python, JavaScript, TypeScript) that
// some runner's directory layout claims, so its SQL is extracted rather than parsed as SQL.
bool is_host_language_migration(const std::string& path);

// Checks an editor buffer that has not been saved: a host-language migration (Rails, Alembic,
// Django, knex, node-pg-migrate, judged by its directory) through SQL extraction, with the
// runner's transaction model, its up and down findings together in one result whose source is
// the buffer; anything else as a loose SQL file. No history is replayed (it must stay fast).
FileResult check_buffer(const std::string& path, std::string text, const Options& options);

}  // namespace migsafe
