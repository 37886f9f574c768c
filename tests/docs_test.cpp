// Rule documentation: one page per rule with the fixed headings, and its examples run: the SQL
// under "## Example" must trigger the rule, the SQL under "## Use instead" must not.
#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <variant>

#include "app/check_migrations.hpp"
#include "app/git_changes.hpp"
#include "app/repository_code.hpp"
#include "docs/rule_docs.hpp"
#include "engine/rule_registry.hpp"
#include "migration/discover.hpp"
#include "tests/fixture_support.hpp"
#include "util/process.hpp"

using namespace migsafe;
using namespace migsafe::testing;

namespace {

// The ```LANGUAGE blocks of the section under `heading` (up to the next "## ").
std::vector<std::string> code_blocks(std::string_view doc, std::string_view heading,
                                     std::string_view language) {
    std::vector<std::string> out;
    const size_t at = doc.find(heading);
    if (at == std::string_view::npos) return out;
    std::string_view section = doc.substr(at + heading.size());
    section = section.substr(0, section.find("\n## "));
    const std::string fence = "```" + std::string(language) + "\n";
    size_t pos = 0;
    while ((pos = section.find(fence, pos)) != std::string_view::npos) {
        const size_t begin = pos + fence.size();
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

std::vector<std::string> sql_blocks(std::string_view doc, std::string_view heading) {
    return code_blocks(doc, heading, "sql");
}

void git(const std::filesystem::path& dir, std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-c", "user.name=docs", "-c", "user.email=docs@example.com"});
    const auto result = run_process(args, dir);
    REQUIRE_MESSAGE((result && result->exit_code == 0), "git " << args[5] << " failed");
}

// A code rule's example is a change set in a git repository: the SQL block is a migration of
// the change, the Python block is application code, already deployed (for a drop) or part of
// the same change (for code depending on a new column).
bool code_example_reports(RuleId rule, const std::string& sql, const std::string& python) {
    namespace fs = std::filesystem;
    const fs::path dir =
        fs::temp_directory_path() / ("migsafe-doc-code-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "db" / "migrations");
    fs::create_directories(dir / "app");
    const bool code_in_change = rule_hooks(rule).on_change_set != nullptr;
    git(dir, {"init", "-q", "-b", "main"});
    std::ofstream(dir / "db/migrations/1_create_users.up.sql")
        << "CREATE TABLE users (id bigint PRIMARY KEY, legacy_flag boolean);\n";
    if (!code_in_change) std::ofstream(dir / "app/example.py") << python;
    git(dir, {"add", "-A"});
    git(dir, {"commit", "-qm", "base"});
    std::ofstream(dir / "db/migrations/2_example.up.sql") << sql;
    if (code_in_change) std::ofstream(dir / "app/example.py") << python;
    git(dir, {"add", "-A"});
    git(dir, {"commit", "-qm", "change"});

    const auto changed = changed_files({"HEAD~1", false}, dir);
    REQUIRE(std::holds_alternative<std::set<std::string>>(changed));
    const auto code = repository_code(dir, std::get<std::set<std::string>>(changed), {});
    REQUIRE(code.has_value());
    std::vector<AddedObject> added;
    MigrationCheckOptions check;
    check.options.severities.assign(check.options.severities.size(), Severity::Off);
    check.options.severities[static_cast<size_t>(rule)] = Severity::Error;
    check.code = &*code;
    check.added = &added;
    MigrationSelection selection;
    selection.files = std::get<std::set<std::string>>(changed);
    const migration::MigrationSet set =
        migration::discover(dir / "db" / "migrations", {migration::Runner::GolangMigrate, nullptr});
    std::vector<FileResult> results = check_migration_set(set, check, selection, {});
    std::vector<FileResult> in_code = check_change_set({added, *code, check.options});
    std::move(in_code.begin(), in_code.end(), std::back_inserter(results));
    fs::remove_all(dir);
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
        if (rule.category == "code") {
            // Each section is one change set: its SQL migration and its Python code.
            for (const auto& [heading, expected] :
                 {std::pair{"## Example", true}, std::pair{"## Use instead", false}}) {
                const auto sql = sql_blocks(*doc, heading);
                const auto python = code_blocks(*doc, heading, "python");
                REQUIRE_MESSAGE((sql.size() == 1 && python.size() == 1),
                                heading << " needs one sql and one python block");
                INFO(heading << ":\n" << sql[0] << python[0]);
                CHECK(code_example_reports(rule.id, sql[0], python[0]) == expected);
            }
            continue;
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
