#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "engine/options.hpp"

namespace migsafe::testing {

// One `-- expect: rule[, rule]` comment: these rules must report a finding starting on `line`.
struct Expectation {
    uint32_t line = 0;
    std::string rule;
    friend auto operator<=>(const Expectation&, const Expectation&) = default;
};

// A fixture: SQL with inline expectations and, optionally, a first-line options comment such as
// `-- fixture: --pg-version 11 --assume-in-transaction --small-tables a,b --rules x,y`
// (`--implicit-transaction-when-multi-statement` models golang-migrate / Prisma).
struct Fixture {
    std::filesystem::path path;
    std::string text;
    Options options;
    std::vector<Expectation> expected;
    std::vector<std::string> extra_rules;  // --rules: also run these
    bool all_rules = false;                // --all-rules
    std::string options_error;             // a malformed fixture options line
};

// The options a fixture runs with. A fixture under testdata/rules/<id>/ runs rule <id>, the
// syntax-error rule, every rule it expects somewhere and those named with --rules, so that each
// rule's fixtures state exactly that rule's findings without repeating every other rule's.
// Fixtures elsewhere (and --all-rules) run every rule.
Options fixture_options(const Fixture& fixture);

Fixture load_fixture(const std::filesystem::path& path);
Fixture fixture_from_text(std::string text, const std::filesystem::path& path);
std::vector<Expectation> actual_findings(const FileResult& result);

// Human-readable differences between expected and actual findings; empty when they match.
std::string compare_findings(const std::vector<Expectation>& expected,
                             const std::vector<Expectation>& actual);

// Applies safe fixes until nothing changes (at most 10 rounds), like `migsafe check --fix`.
std::string fix_until_stable(std::string text, const Options& options);

std::filesystem::path source_dir();

}  // namespace migsafe::testing
