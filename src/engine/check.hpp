#pragma once

#include <memory>
#include <string>
#include <vector>

#include "engine/diagnostic.hpp"
#include "engine/options.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe {

// The outcome of checking one migration file.
struct FileResult {
    std::string path;                       // as the user should see it
    std::unique_ptr<sql::ParsedFile> file;  // text, tokens and statement spans (trees released)
    std::vector<Diagnostic> diagnostics;    // sorted by position, suppressions applied
};

// Parses and checks one file's bytes. Pure: reads no files, prints nothing.
FileResult check_source(std::string path, std::string bytes, const Options& options);

}  // namespace migsafe
