#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <span>
#include <string>

#include "engine/check.hpp"

namespace migsafe {

struct TextStyle {
    bool color = false;
};

void write_text(std::ostream& out, std::span<const FileResult> results, TextStyle style);
void write_json(std::ostream& out, std::span<const FileResult> results);
void write_sarif(std::ostream& out, std::span<const FileResult> results);
void write_github(std::ostream& out, std::span<const FileResult> results);

// The migration name reported for a file: its base name without ".sql" / ".up.sql".
std::string migration_name(std::string_view path);
// The runner's migration id when the file was checked as part of a migration set, else
// migration_name(path).
std::string script_migration(const FileResult& result);

// The scripts checked as parts of migration sets, with the transaction model each was checked
// under (JSON `migrations`, SARIF run properties).
nlohmann::ordered_json scripts_json(std::span<const FileResult> results);

}  // namespace migsafe
