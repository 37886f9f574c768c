// Rule documentation: one page per rule with the fixed headings, and its examples run: the SQL
// under "## Example" must trigger the rule, the SQL under "## Use instead" must not.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/check_migrations.hpp"
#include "docs/rule_docs.hpp"
#include "engine/rule_registry.hpp"
#include "migration/discover.hpp"
#include "tests/fixture_support.hpp"

using namespace migsafe;
using namespace migsafe::testing;

namespace {

// The ```sql blocks of the section under `heading` (up to the next "## ").
std::vector<std::string> sql_blocks(std::string_view doc, std::string_view heading) {
    std::vector<std::string> out;
    const size_t at = doc.find(heading);
    if (at == std::string_view::npos) return out;
    std::string_view section = doc.substr(at + heading.size());
    section = section.substr(0, section.find("\n## "));
    size_t pos = 0;
    while ((pos = section.find("```sql\n", pos)) != std::string_view::npos) {
        const size_t begin = pos + 7;
        const size_t end = section.find("```", begin);
        if (end == std::string_view::npos) break;
        out.emplace_back(section.substr(begin, end - begin));
        pos = end + 3;
    }
    return out;
}

// A migration-level rule's example is a goose migration file: it runs through discovery and
// the migration-set check like a real one.
bool migration_reports(const std::string& sql, RuleId rule) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("migsafe-doc-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "00001_example.sql", std::ios::binary) << sql;
    MigrationCheckOptions check;
    check.options.severities.assign(check.options.severities.size(), Severity::Off);
    check.options.severities[static_cast<size_t>(rule)] = Severity::Warning;
    const migration::MigrationSet set =
        migration::discover(dir, {migration::Runner::Goose, nullptr});
    const std::vector<FileResult> results = check_migration_set(set, check, {}, {});
    std::filesystem::remove_all(dir);
    return std::any_of(results.begin(), results.end(), [&](const FileResult& r) {
        return std::any_of(r.diagnostics.begin(), r.diagnostics.end(),
                           [&](const Diagnostic& d) { return d.rule == rule; });
    });
}

bool reports(const std::string& sql, RuleId rule) {
    if (rule_hooks(rule).on_migration != nullptr) return migration_reports(sql, rule);
    const Fixture fixture = fixture_from_text(sql, "doc-example.sql");
    const FileResult result = check_source("doc-example.sql", sql, fixture.options);
    return std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.rule == rule; });
}

}  // namespace

TEST_CASE("every rule has a documentation page and every page a rule") {
    for (const RuleInfo& rule : all_rules()) {
        INFO("rule " << rule.name);
        CHECK(rule_doc(rule.id).has_value());
    }
    for (const RuleDoc& doc : embedded_rule_docs()) {
        INFO("rules/" << doc.id << ".md");
        CHECK(find_rule(doc.id).has_value());
    }
}

TEST_CASE("rule pages have the fixed headings and their examples run") {
    for (const RuleInfo& rule : all_rules()) {
        const auto doc = rule_doc(rule.id);
        if (!doc) continue;
        INFO("rules/" << rule.name << ".md");
        for (const std::string_view heading :
             {"## What it does", "## Why is this bad?", "## Example", "## Use instead",
              "## PostgreSQL versions", "## Fix safety", "## When it is fine to ignore",
              "## Options", "## References"}) {
            INFO("heading " << heading);
            CHECK(doc->find(heading) != std::string_view::npos);
        }
        const auto examples = sql_blocks(*doc, "## Example");
        CHECK_FALSE(examples.empty());
        for (const std::string& sql : examples) {
            INFO("example:\n" << sql);
            CHECK(reports(sql, rule.id));
        }
        for (const std::string& sql : sql_blocks(*doc, "## Use instead")) {
            INFO("use instead:\n" << sql);
            CHECK_FALSE(reports(sql, rule.id));
        }
    }
}
