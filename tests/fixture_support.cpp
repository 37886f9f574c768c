#include "tests/fixture_support.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "config/config.hpp"
#include "engine/settings.hpp"
#include "fix/apply_fixes.hpp"

namespace migsafe::testing {

namespace fs = std::filesystem;

fs::path source_dir() {
    return MIGSAFE_SOURCE_DIR;
}

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> out;
    std::istringstream in{std::string(text)};
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

std::string parse_options(std::string_view line, Fixture& fixture) {
    Options& options = fixture.options;
    const std::vector<std::string> words = split_words(line);
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const bool has_value = i + 1 < words.size();
        if (w == "--assume-in-transaction") {
            options.transaction = migration::TransactionModel::Wrapped;
        } else if (w == "--implicit-transaction-when-multi-statement") {
            options.transaction = migration::TransactionModel::ImplicitWhenMultiStatement;
            options.transaction_reason = "golang-migrate";
        } else if (w == "--pg-version" && has_value) {
            options.pg_version = std::stoi(words[++i]);
        } else if (w == "--all-rules") {
            fixture.all_rules = true;
        } else if (w == "--rules" && has_value) {
            std::string names = words[++i];
            std::replace(names.begin(), names.end(), ',', ' ');
            for (const std::string& name : split_words(names))
                fixture.extra_rules.push_back(name);
        } else if (w == "--small-tables" && has_value) {
            std::string list = words[++i];
            for (size_t start = 0; start <= list.size();) {
                const size_t comma = std::min(list.find(',', start), list.size());
                options.small_tables.push_back(list.substr(start, comma - start));
                start = comma + 1;
            }
        } else if (w == "--max-lock-timeout" && has_value) {
            options.max_lock_timeout_ms = parse_duration_ms(words[++i]).value_or(0);
        } else if (w == "--min-build-timeout" && has_value) {
            options.min_build_timeout_ms = parse_duration_ms(words[++i]).value_or(0);
        } else if (w == "--severity" && has_value) {
            const std::string& s = words[++i];
            const size_t eq = s.find('=');
            if (eq == std::string::npos) return "--severity expects ID=LEVEL";
            if (auto error = apply_rule_selection({}, {}, {{s.substr(0, eq), s.substr(eq + 1)}},
                                                  "fixture", options)) {
                return error->message;
            }
        } else {
            return "unknown fixture option `" + w + "`";
        }
    }
    return {};
}

}  // namespace

Fixture load_fixture(const fs::path& path) {
    return fixture_from_text(read(path), path);
}

Fixture fixture_from_text(std::string text, const fs::path& path) {
    Fixture f;
    f.path = path;
    f.text = std::move(text);
    std::istringstream lines(f.text);
    uint32_t number = 0;
    for (std::string line; std::getline(lines, line);) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (number == 1) {
            const std::string_view marker = "-- fixture:";
            if (const size_t at = line.find(marker); at != std::string::npos) {
                f.options_error =
                    parse_options(std::string_view(line).substr(at + marker.size()), f);
            }
        }
        const std::string_view marker = "-- expect:";
        const size_t at = line.find(marker);
        if (at == std::string::npos) continue;
        std::string rules = line.substr(at + marker.size());
        std::replace(rules.begin(), rules.end(), ',', ' ');
        for (const std::string& rule : split_words(rules))
            f.expected.push_back({number, rule});
    }
    std::sort(f.expected.begin(), f.expected.end());
    return f;
}

Options fixture_options(const Fixture& fixture) {
    Options options = fixture.options;
    const fs::path rules_dir = source_dir() / "testdata" / "rules";
    const fs::path dir = fixture.path.parent_path();
    if (fixture.all_rules || dir.parent_path() != rules_dir) return options;
    std::vector<std::string> wanted = fixture.extra_rules;
    wanted.push_back(dir.filename().string());
    wanted.emplace_back("syntax-error");
    for (const Expectation& e : fixture.expected)
        wanted.push_back(e.rule);
    std::vector<Severity> focused(options.severities.size(), Severity::Off);
    for (const std::string& name : wanted) {
        if (const auto id = find_rule(name)) {
            const auto index = static_cast<size_t>(*id);
            focused[index] = options.severities[index];
        }
    }
    options.severities = focused;
    return options;
}

std::vector<Expectation> actual_findings(const FileResult& result) {
    std::vector<Expectation> out;
    for (const Diagnostic& d : result.diagnostics) {
        out.push_back(
            {result.file->source.position(d.span.begin).line, std::string(rule_info(d.rule).name)});
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string compare_findings(const std::vector<Expectation>& expected,
                             const std::vector<Expectation>& actual) {
    std::vector<Expectation> missing;
    std::vector<Expectation> extra;
    std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                        std::back_inserter(missing));
    std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                        std::back_inserter(extra));
    std::string out;
    for (const Expectation& e : missing)
        out += "  missing: line " + std::to_string(e.line) + " " + e.rule + "\n";
    for (const Expectation& e : extra)
        out += "  unexpected: line " + std::to_string(e.line) + " " + e.rule + "\n";
    return out;
}

std::string fix_until_stable(std::string text, const Options& options) {
    for (int round = 0; round < 10; ++round) {
        const FileResult result = check_source("fixture", text, options);
        const FixOutcome fixed = apply_fixes(result.file->source.bytes(), result.diagnostics);
        if (fixed.applied == 0) break;
        text = fixed.text;
    }
    return text;
}

}  // namespace migsafe::testing
