#include "config/config.hpp"

#include <toml++/toml.h>

#include <fstream>
#include <set>
#include <sstream>

#include "engine/settings.hpp"

namespace migsafe {

namespace fs = std::filesystem;

std::optional<fs::path> find_config(const fs::path& start) {
    std::error_code ec;
    fs::path dir = fs::absolute(start, ec);
    if (ec) return std::nullopt;
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    while (true) {
        for (const char* name : {"migsafe.toml", ".migsafe.toml"}) {
            const fs::path candidate = dir / name;
            if (fs::is_regular_file(candidate, ec)) return candidate;
        }
        if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
        dir = dir.parent_path();
    }
}

namespace {

std::string where(const fs::path& file, const toml::source_region& region) {
    return file.string() + ":" + std::to_string(region.begin.line);
}

std::optional<std::string> string_list(const toml::node& node, std::vector<std::string>& out) {
    const toml::array* array = node.as_array();
    if (array == nullptr) return "expected an array of strings";
    for (const toml::node& item : *array) {
        const auto value = item.value<std::string>();
        if (!value) return "expected an array of strings";
        out.push_back(*value);
    }
    return std::nullopt;
}

std::optional<std::string> duration(const toml::node& node, std::optional<int64_t>& out) {
    if (const auto n = node.value<int64_t>()) {
        out = *n;
        return std::nullopt;
    }
    if (const auto s = node.value<std::string>()) {
        out = parse_duration_ms(*s);
        if (out) return std::nullopt;
    }
    return R"(expected a duration such as "10s", "500ms" or a number of milliseconds)";
}

}  // namespace

std::variant<Config, ConfigError> parse_config(std::string_view toml_text, const fs::path& file) {
    toml::table table;
    try {
        table = toml::parse(toml_text, file.string());
    } catch (const toml::parse_error& e) {
        return ConfigError{where(file, e.source()) +
                           ": invalid TOML: " + std::string(e.description())};
    }
    Config config;
    config.file = file;
    for (const auto& [key, node] : table) {
        const std::string k(key.str());
        std::optional<std::string> problem;
        if (k == "pg_version") {
            const auto v = node.value<int64_t>();
            if (!v || *v < kMinPgVersion || *v > kMaxPgVersion) {
                problem = "pg_version must be a number from 11 to 18";
            } else {
                config.pg_version = static_cast<int>(*v);
            }
        } else if (k == "paths") {
            problem = string_list(node, config.paths);
        } else if (k == "exclude") {
            problem = string_list(node, config.exclude);
        } else if (k == "select") {
            problem = string_list(node, config.select);
        } else if (k == "ignore") {
            problem = string_list(node, config.ignore);
        } else if (k == "code_ignore") {
            problem = string_list(node, config.code_ignore);
        } else if (k == "small_tables") {
            problem = string_list(node, config.small_tables);
        } else if (k == "assume_in_transaction") {
            const auto v = node.value<bool>();
            if (!v) problem = "assume_in_transaction must be true or false";
            config.assume_in_transaction = v;
        } else if (k == "runner" || k == "schema_file" || k == "start_after") {
            const auto v = node.value<std::string>();
            if (!v || v->empty()) {
                problem = k + " must be a non-empty string";
            } else if (k == "runner" && *v != "auto" && !migration::runner_from_name(*v)) {
                problem = "runner `" + *v +
                          "` is not one of auto, plain, golang-migrate, goose, dbmate, flyway, "
                          "sqitch, diesel, sqlx, prisma, rails, alembic, django, knex, "
                          "node-pg-migrate";
            } else {
                (k == "runner"        ? config.runner
                 : k == "schema_file" ? config.schema_file
                                      : config.start_after) = *v;
            }
        } else if (k == "max_lock_timeout") {
            problem = duration(node, config.max_lock_timeout_ms);
        } else if (k == "min_build_timeout") {
            problem = duration(node, config.min_build_timeout_ms);
        } else if (k == "severity") {
            const toml::table* levels = node.as_table();
            if (levels == nullptr) {
                problem = "severity must be a table of rule = \"error|warning|info|off\"";
            } else {
                for (const auto& [rule, level] : *levels) {
                    const auto text = level.value<std::string>();
                    if (!text) {
                        problem = "severity." + std::string(rule.str()) +
                                  R"( must be "error", "warning", "info" or "off")";
                        break;
                    }
                    config.severity[std::string(rule.str())] = *text;
                }
            }
        } else {
            problem = "unknown key `" + k +
                      "` (known: pg_version, paths, exclude, select, ignore, severity, "
                      "assume_in_transaction, "
                      "max_lock_timeout, min_build_timeout, small_tables, runner, schema_file, "
                      "start_after, code_ignore)";
        }
        if (problem) return ConfigError{where(file, node.source()) + ": " + *problem};
    }
    Options probe;
    if (auto error = apply_rule_selection(config.select, config.ignore, config.severity,
                                          file.string(), probe)) {
        return *error;
    }
    return config;
}

std::variant<Config, ConfigError> load_config(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return ConfigError{file.string() + ": cannot read config file"};
    std::ostringstream text;
    text << in.rdbuf();
    return parse_config(text.str(), file);
}

std::optional<ConfigError> apply_rule_selection(const std::vector<std::string>& select,
                                                const std::vector<std::string>& ignore,
                                                const std::map<std::string, std::string>& severity,
                                                std::string_view origin, Options& options) {
    const auto lookup = [&](const std::string& name) -> std::variant<RuleId, ConfigError> {
        if (const auto id = find_rule(name)) return *id;
        return ConfigError{std::string(origin) + ": unknown rule `" + name +
                           "` (see `migsafe rules`)"};
    };
    if (!select.empty()) {
        std::vector<Severity> selected(options.severities.size(), Severity::Off);
        for (const std::string& name : select) {
            const auto id = lookup(name);
            if (const auto* error = std::get_if<ConfigError>(&id)) return *error;
            const auto index = static_cast<size_t>(std::get<RuleId>(id));
            selected[index] = options.severities[index] != Severity::Off
                                  ? options.severities[index]
                                  : rule_info(std::get<RuleId>(id)).default_severity;
            if (selected[index] == Severity::Off) selected[index] = Severity::Warning;
        }
        // Meta rules stay on: a syntax error must never pass silently.
        for (const RuleInfo& info : all_rules()) {
            if (info.meta)
                selected[static_cast<size_t>(info.id)] =
                    options.severities[static_cast<size_t>(info.id)];
        }
        options.severities = selected;
    }
    for (const std::string& name : ignore) {
        const auto id = lookup(name);
        if (const auto* error = std::get_if<ConfigError>(&id)) return *error;
        options.severities[static_cast<size_t>(std::get<RuleId>(id))] = Severity::Off;
    }
    for (const auto& [name, level] : severity) {
        const auto id = lookup(name);
        if (const auto* error = std::get_if<ConfigError>(&id)) return *error;
        const auto parsed = parse_severity(level);
        if (!parsed) {
            return ConfigError{std::string(origin) + ": severity of `" + name +
                               "` must be error, warning, info or off, not `" + level + "`"};
        }
        const auto index = static_cast<size_t>(std::get<RuleId>(id));
        options.severities[index] = *parsed;
        options.severity_overridden[index] = true;
    }
    return std::nullopt;
}

std::optional<ConfigError> apply_config(const Config& config, Options& options) {
    if (config.pg_version) options.pg_version = *config.pg_version;
    if (config.assume_in_transaction) {
        options.transaction = *config.assume_in_transaction
                                  ? migration::TransactionModel::Wrapped
                                  : migration::TransactionModel::AsWritten;
        options.transaction_reason = "config assume_in_transaction";
    }
    if (config.max_lock_timeout_ms) options.max_lock_timeout_ms = *config.max_lock_timeout_ms;
    if (config.min_build_timeout_ms) options.min_build_timeout_ms = *config.min_build_timeout_ms;
    options.small_tables = config.small_tables;
    return apply_rule_selection(config.select, config.ignore, config.severity, config.file.string(),
                                options);
}

}  // namespace migsafe
