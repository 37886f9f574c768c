#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "migration/migration.hpp"

namespace migsafe::migration {

// Extracts the migration held by one host-language file (Rails, Alembic, Django, knex,
// node-pg-migrate): its SQL scripts byte-aligned with the file, its transaction model, its id,
// name and dependencies. nullopt when the file is not a migration of that runner.
using HostExtractor =
    std::function<std::optional<Migration>(Runner, const std::string& path, std::string_view text)>;

struct DiscoverOptions {
    std::optional<Runner> runner;  // --runner / config `runner`; nullopt: detect
    HostExtractor extract_host;    // required for host-language runners
};

// The runner a directory's migrations belong to, judged from its layout and markers, with the
// reason ("goose annotations in 00001_init.sql"). Plain when nothing more specific matches.
std::pair<Runner, std::string> detect_runner(const std::filesystem::path& root);

// Reads the migrations under `root` in the runner's order. This is the one place that reads
// migration files from disk.
MigrationSet discover(const std::filesystem::path& root, const DiscoverOptions& options);

}  // namespace migsafe::migration
