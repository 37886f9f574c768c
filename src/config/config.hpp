#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/options.hpp"

namespace migsafe {

// migsafe.toml / .migsafe.toml, as written (nothing merged yet).
struct Config {
    std::filesystem::path file;  // where it was read from; empty for "no config"
    std::optional<int> pg_version;
    std::vector<std::string> paths;
    std::vector<std::string> exclude;
    std::optional<bool> assume_in_transaction;
    std::optional<int64_t> max_lock_timeout_ms;
    std::optional<int64_t> min_build_timeout_ms;
    std::vector<std::string> select;
    std::vector<std::string> ignore;
    std::map<std::string, std::string> severity;  // rule id or alias -> error|warning|info|off
    std::vector<std::string> small_tables;
    std::optional<std::string> runner;       // a --runner name
    std::optional<std::string> schema_file;  // a schema dump that seeds the history
    std::optional<std::string> start_after;  // migrations up to this id are history only
    std::vector<std::string> code_ignore;    // application files whose references do not count
};

struct ConfigError {
    std::string message;  // one line, naming the file and the problem
};

// The nearest migsafe.toml or .migsafe.toml in `start` or a directory above it.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Reads and validates a config file: unknown keys, wrong types and unknown rule ids are errors.
std::variant<Config, ConfigError> load_config(const std::filesystem::path& file);
std::variant<Config, ConfigError> parse_config(std::string_view toml_text,
                                               const std::filesystem::path& file);

// Rule selection shared by config and command line: `select` (if non-empty) enables only those
// rules, `ignore` turns rules off, `severity` sets levels. Names may be ids or aliases.
std::optional<ConfigError> apply_rule_selection(const std::vector<std::string>& select,
                                                const std::vector<std::string>& ignore,
                                                const std::map<std::string, std::string>& severity,
                                                std::string_view origin, Options& options);

// Applies a config's settings to options (command-line values are applied afterwards).
std::optional<ConfigError> apply_config(const Config& config, Options& options);

}  // namespace migsafe
