// Runs every testdata/{rules,scenarios}/**/*.sql fixture: the findings must equal the inline
// expectations (see fixture_options for which rules run), and
// applying the fixes must give SQL that parses and no longer has the fixed findings.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/rule_registry.hpp"
#include "tests/fixture_support.hpp"

namespace fs = std::filesystem;
using namespace migsafe;
using namespace migsafe::testing;

namespace {

std::vector<fs::path> fixture_files() {
    std::vector<fs::path> out;
    for (const char* folder : {"rules", "scenarios"}) {
        const fs::path root = source_dir() / "testdata" / folder;
        if (!fs::exists(root)) continue;
        for (const auto& entry : fs::recursive_directory_iterator(root)) {
            const std::string name = entry.path().filename().string();
            if (entry.is_regular_file() && name.ends_with(".sql") && !name.ends_with(".fixed.sql"))
                out.push_back(entry.path());
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

size_t count_rule(const FileResult& r, RuleId rule) {
    return static_cast<size_t>(std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                                             [&](const Diagnostic& d) { return d.rule == rule; }));
}

void check_fixes(const Fixture& fixture, const Options& options, const FileResult& before) {
    std::set<RuleId> fixed_rules;
    for (const Diagnostic& d : before.diagnostics) {
        if (d.fix && d.fix->safe) fixed_rules.insert(d.rule);
    }
    if (fixed_rules.empty()) return;
    const std::string fixed = fix_until_stable(fixture.text, options);
    const FileResult after = check_source("fixed", fixed, options);
    INFO("fixed text:\n" << fixed);
    CHECK(count_rule(after, RuleId::syntax_error) == count_rule(before, RuleId::syntax_error));
    for (const RuleId rule : fixed_rules) {
        INFO("rule " << rule_info(rule).name);
        CHECK(count_rule(after, rule) < count_rule(before, rule));
        for (const Diagnostic& d : after.diagnostics)
            CHECK_FALSE((d.rule == rule && d.fix && d.fix->safe));
    }
    fs::path golden = fixture.path;
    golden.replace_extension(".fixed.sql");
    if (fs::exists(golden)) CHECK(fixed == read_text(golden));
}

}  // namespace

TEST_CASE("rule fixtures: findings equal the inline expectations") {
    const std::vector<fs::path> files = fixture_files();
    REQUIRE_FALSE(files.empty());
    for (const fs::path& path : files) {
        const Fixture fixture = load_fixture(path);
        const std::string name = fs::relative(path, source_dir()).string();
        INFO("fixture " << name);
        REQUIRE(fixture.options_error.empty());
        for (const Expectation& e : fixture.expected) {
            INFO("expectation on line " << e.line);
            CHECK_MESSAGE(find_rule(e.rule).has_value(), "unknown rule " << e.rule);
        }
        const Options options = fixture_options(fixture);
        const FileResult result = check_source(name, fixture.text, options);
        CHECK_MESSAGE(compare_findings(fixture.expected, actual_findings(result)).empty(),
                      "\n" << compare_findings(fixture.expected, actual_findings(result)));
        check_fixes(fixture, options, result);
    }
}

TEST_CASE("every rule has a positive and a negative fixture") {
    for (const RuleInfo& rule : all_rules()) {
        // Migration-level rules have migration-set fixtures (migration_fixture_test.cpp).
        if (rule_hooks(rule.id).on_migration != nullptr) continue;
        // Code rules have change-set repositories (testdata/code-repos/, code_dependency_test).
        if (rule.category == "code") continue;
        const fs::path dir = source_dir() / "testdata" / "rules" / std::string(rule.name);
        INFO("rule " << rule.name << " in " << dir.string());
        bool positive = false;
        bool negative = false;
        if (fs::is_directory(dir)) {
            for (const auto& entry : fs::directory_iterator(dir)) {
                const std::string file = entry.path().filename().string();
                if (!file.ends_with(".sql") || file.ends_with(".fixed.sql")) continue;
                const Fixture f = load_fixture(entry.path());
                const bool expects =
                    std::any_of(f.expected.begin(), f.expected.end(),
                                [&](const Expectation& e) { return e.rule == rule.name; });
                (expects ? positive : negative) = true;
            }
        }
        CHECK(positive);
        CHECK(negative);
    }
}
