// Runs every migration-set fixture, testdata/migrations/<rule>/<case>/: a small migrations
// directory of any runner, checked the way `migsafe check DIR` does (runner detection, history
// replay, downs). Findings must equal the `expect: rule[, rule]` comments (after `--`, `#` or
// `//`) on the lines they point to, in any file of the case. Only the case's rule and the rules
// it expects run.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "app/check_migrations.hpp"
#include "engine/rule_registry.hpp"
#include "migration/discover.hpp"
#include "migration/host/extract.hpp"
#include "tests/fixture_support.hpp"

namespace fs = std::filesystem;
using namespace migsafe;
using namespace migsafe::testing;

namespace {

using Finding = std::tuple<std::string, uint32_t, std::string>;  // file, line, rule

std::vector<std::string> split_rules(std::string list) {
    std::replace(list.begin(), list.end(), ',', ' ');
    std::istringstream words(list);
    std::vector<std::string> out;
    for (std::string w; words >> w;)
        out.push_back(w);
    return out;
}

std::set<Finding> expectations(const fs::path& root) {
    std::set<Finding> out;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path());
        uint32_t line_number = 0;
        for (std::string line; std::getline(in, line);) {
            ++line_number;
            const size_t at = line.find("expect: ");
            if (at == std::string::npos) continue;
            const std::string before = line.substr(0, at);
            if (before.find("--") == std::string::npos && before.find('#') == std::string::npos &&
                before.find("//") == std::string::npos)
                continue;
            for (const std::string& rule : split_rules(line.substr(at + 8)))
                out.insert({fs::relative(entry.path(), root).generic_string(), line_number, rule});
        }
    }
    return out;
}

std::string describe(const std::set<Finding>& findings) {
    std::string out;
    for (const auto& [file, line, rule] : findings)
        out += "  " + file + ":" + std::to_string(line) + " " + rule + "\n";
    return out;
}

}  // namespace

TEST_CASE("migration-set fixtures: findings equal the inline expectations") {
    const fs::path root = source_dir() / "testdata" / "migrations";
    size_t cases = 0;
    for (const auto& rule_dir : fs::directory_iterator(root)) {
        if (!rule_dir.is_directory()) continue;
        const std::string rule_name = rule_dir.path().filename().string();
        for (const auto& case_dir : fs::directory_iterator(rule_dir.path())) {
            if (!case_dir.is_directory()) continue;
            ++cases;
            INFO("case testdata/migrations/" << rule_name << "/"
                                             << case_dir.path().filename().string());
            const std::set<Finding> expected = expectations(case_dir.path());
            MigrationCheckOptions check;
            check.options.severities.assign(check.options.severities.size(), Severity::Off);
            std::set<std::string> rules{rule_name};
            for (const auto& e : expected)
                rules.insert(std::get<2>(e));
            for (const std::string& name : rules) {
                const auto rule = find_rule(name);
                REQUIRE_MESSAGE(rule.has_value(), "unknown rule " << name);
                check.options.severities[static_cast<size_t>(*rule)] =
                    all_rules()[static_cast<size_t>(*rule)].default_severity;
            }
            const migration::MigrationSet set = migration::discover(
                case_dir.path(), {std::nullopt, &migration::extract_host_migration});
            std::set<Finding> actual;
            for (const FileResult& r : check_migration_set(set, check, {}, {})) {
                const std::string file =
                    fs::relative(fs::path(r.path), case_dir.path()).generic_string();
                for (const Diagnostic& d : r.diagnostics) {
                    actual.insert({file, r.file->source.line_of(d.span.begin),
                                   std::string(all_rules()[static_cast<size_t>(d.rule)].name)});
                }
            }
            std::set<Finding> missing;
            std::set<Finding> extra;
            std::set_difference(expected.begin(), expected.end(), actual.begin(), actual.end(),
                                std::inserter(missing, missing.end()));
            std::set_difference(actual.begin(), actual.end(), expected.begin(), expected.end(),
                                std::inserter(extra, extra.end()));
            CHECK_MESSAGE(missing.empty(), "missing:\n" << describe(missing));
            CHECK_MESSAGE(extra.empty(), "unexpected:\n" << describe(extra));
        }
    }
    CHECK(cases > 0);
}

TEST_CASE("every migration-level rule has a positive and a negative migration-set fixture") {
    for (const RuleInfo& rule : all_rules()) {
        if (rule_hooks(rule.id).on_migration == nullptr) continue;
        const fs::path dir = source_dir() / "testdata" / "migrations" / std::string(rule.name);
        INFO("rule " << rule.name);
        bool positive = false;
        bool negative = false;
        if (fs::is_directory(dir)) {
            for (const auto& case_dir : fs::directory_iterator(dir)) {
                if (!case_dir.is_directory()) continue;
                const std::set<Finding> expected = expectations(case_dir.path());
                const bool expects =
                    std::any_of(expected.begin(), expected.end(),
                                [&](const auto& e) { return std::get<2>(e) == rule.name; });
                (expects ? positive : negative) = true;
            }
        }
        CHECK(positive);
        CHECK(negative);
    }
}
