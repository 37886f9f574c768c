// The only file that knows CLI11: it turns argv into requests for src/app/.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/check_command.hpp"
#include "app/dump_ast.hpp"
#include "docs/rule_docs.hpp"
#include "engine/rule_id.hpp"
#include "lsp/server.hpp"

namespace {

using namespace migsafe;

int list_rules(std::ostream& out) {
    out << fmt::format("{:<34} {:<8} {:<12} {}\n", "RULE", "DEFAULT", "CATEGORY", "ALIASES");
    for (const RuleInfo& rule : all_rules()) {
        out << fmt::format("{:<34} {:<8} {:<12} {}\n", rule.name,
                           severity_name(rule.default_severity), rule.category, rule.aliases);
    }
    return kExitClean;
}

int explain(const std::string& name, std::ostream& out, std::ostream& err) {
    const auto id = find_rule(name);
    if (!id) {
        err << "migsafe: unknown rule `" << name << "` (see `migsafe rules`)\n";
        return kExitUsage;
    }
    const auto doc = rule_doc(*id);
    if (!doc) {
        err << "migsafe: rule `" << rule_info(*id).name << "` has no documentation page\n";
        return kExitUsage;
    }
    out << *doc;
    if (!doc->ends_with('\n')) out << '\n';
    return kExitClean;
}

}  // namespace

static int run_cli(int argc, char** argv) {
    CLI::App app{
        "migsafe: a linter for PostgreSQL migrations that knows which lock each statement takes"};
    app.set_version_flag("--version", MIGSAFE_VERSION);
    app.require_subcommand(1);

    CheckRequest request;
    std::string format = "text";
    std::vector<std::string> severities;
    bool in_tx = false;
    bool no_in_tx = false;
    auto* check = app.add_subcommand("check", "lint migration files or directories");
    check->add_option("paths", request.paths,
                      "files or directories (default: config `paths`, or .)");
    check->add_option("--format", format, "report format")
        ->check(CLI::IsMember({"text", "json", "sarif", "github"}));
    check->add_option("--output", request.output, "write the report to FILE");
    check
        ->add_option("--pg-version", request.pg_version,
                     "target PostgreSQL major version (default 15)")
        ->check(CLI::Range(11, 18));
    check->add_flag("--assume-in-transaction", in_tx,
                    "the runner wraps each migration in a transaction");
    check->add_flag("--no-assume-in-transaction", no_in_tx,
                    "the runner does not wrap migrations in a transaction");
    check
        ->add_option("--select", request.select,
                     "check only these rules (ids or aliases, comma-separated)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    check->add_option("--ignore", request.ignore, "do not check these rules (comma-separated)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    check
        ->add_option("--severity", severities,
                     "override a rule's severity: ID=error|warning|info|off (repeatable)")
        ->delimiter(',')
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    check
        ->add_option("--fail-on", request.fail_on,
                     "exit 1 when a finding at or above this level remains (default error)")
        ->check(CLI::IsMember({"error", "warning", "info", "never"}));
    check->add_option("--config", request.config,
                      "config file (default: nearest migsafe.toml or .migsafe.toml)");
    check->add_option("--stdin-filename", request.stdin_filename,
                      "read SQL from standard input, report it as NAME");
    check->add_flag("--fix", request.fix, "apply safe fixes in place, then check again");
    check
        ->add_option("--runner", request.runner,
                     "migration tool: auto, plain, golang-migrate, goose, dbmate, flyway, sqitch, "
                     "diesel, sqlx, prisma, rails, alembic, django, knex, node-pg-migrate "
                     "(default: detected from each directory)")
        ->check(CLI::IsMember({"auto", "plain", "golang-migrate", "goose", "dbmate", "flyway",
                               "sqitch", "diesel", "sqlx", "prisma", "rails", "alembic", "django",
                               "knex", "node-pg-migrate"}));
    check->add_option("--changed-since", request.changed_since,
                      "check only migrations changed since this git ref (the history before "
                      "them is still replayed)");
    check->add_flag("--staged", request.staged,
                    "check only migrations staged in git (for pre-commit)");
    check->add_option("-j,--jobs", request.jobs, "worker threads (default: all cores)");

    auto* rules =
        app.add_subcommand("rules", "list the rules: id, default severity, category, aliases");
    std::string explain_id;
    auto* explain_cmd = app.add_subcommand("explain", "show a rule's documentation");
    explain_cmd->add_option("rule", explain_id, "rule id or alias")->required();

    std::string dump_path;
    auto* dump = app.add_subcommand(
        "dump-ast", "show each statement's lock facts and parse tree (for rule authors)");
    dump->add_option("file", dump_path, "SQL file")->required();

    auto* lsp = app.add_subcommand("lsp", "language server on standard input and output");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "migsafe: " << e.what() << " (see --help)\n";
        return kExitUsage;
    }

    if (*rules) return list_rules(std::cout);
    if (*explain_cmd) return explain(explain_id, std::cout, std::cerr);
    if (*dump) return run_dump_ast(dump_path, std::cout, std::cerr);
    if (*lsp) return lsp::run_language_server_stdio();

    if (in_tx && no_in_tx) {
        std::cerr << "migsafe: --assume-in-transaction and --no-assume-in-transaction contradict "
                     "each other\n";
        return kExitUsage;
    }
    if (in_tx) request.assume_in_transaction = true;
    if (no_in_tx) request.assume_in_transaction = false;
    for (const std::string& s : severities) {
        const size_t eq = s.find('=');
        if (eq == std::string::npos) {
            std::cerr << "migsafe: --severity expects ID=LEVEL, got `" << s << "`\n";
            return kExitUsage;
        }
        request.severity[s.substr(0, eq)] = s.substr(eq + 1);
    }
    if (format == "json") request.format = OutputFormat::Json;
    if (format == "sarif") request.format = OutputFormat::Sarif;
    if (format == "github") request.format = OutputFormat::Github;
    return run_check(request, std::cin, std::cout, std::cerr);
}

int main(int argc, char** argv) {
    try {
        return run_cli(argc, argv);
    } catch (const std::exception& e) {
        // Never a crash: report internal errors as a usage-level failure with the reason.
        std::cerr << "migsafe: internal error: " << e.what() << '\n';
        return migsafe::kExitUsage;
    }
}
