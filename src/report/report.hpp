#pragma once

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

}  // namespace migsafe
