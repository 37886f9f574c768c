#include "engine/check.hpp"

#include <algorithm>

#include "engine/migration_state.hpp"
#include "engine/rule_registry.hpp"
#include "engine/suppressions.hpp"

namespace migsafe {

namespace {

// Whether the runner has a transaction open when the file's first statement runs. A file sent
// as one simple-protocol string runs as one implicit transaction once it holds two or more
// statements (PostgreSQL then rejects CREATE INDEX CONCURRENTLY and friends in it).
bool runner_opens_transaction(const sql::ParsedFile& file, migration::TransactionModel model) {
    switch (model) {
        case migration::TransactionModel::Wrapped:
            return true;
        case migration::TransactionModel::ImplicitWhenMultiStatement:
            return std::count_if(file.statements.begin(), file.statements.end(),
                                 [](const sql::Statement& s) {
                                     return s.origin == sql::StatementOrigin::TopLevel;
                                 }) >= 2;
        case migration::TransactionModel::AsWritten:
            break;
    }
    return false;
}

Diagnostic problem_diagnostic(const sql::InputProblem& problem) {
    Diagnostic d;
    d.span = problem.span;
    d.message = problem.message;
    switch (problem.kind) {
        case sql::InputProblem::Kind::Binary:
        case sql::InputProblem::Kind::InvalidUtf8:
            d.rule = RuleId::syntax_error;
            d.help = "save the migration as UTF-8 text";
            break;
        case sql::InputProblem::Kind::PsqlVariable:
            d.rule = RuleId::unanalyzable_sql;
            d.help = "statements using it are checked with a placeholder value";
            break;
        case sql::InputProblem::Kind::DynamicSql:
        case sql::InputProblem::Kind::Placeholder:
            d.rule = RuleId::unanalyzable_sql;
            d.help = "review this SQL by hand, or write it as static SQL so that it can be checked";
            break;
    }
    return d;
}

Diagnostic syntax_diagnostic(const sql::Statement& stmt) {
    Diagnostic d;
    d.rule = RuleId::syntax_error;
    d.span = {stmt.error->offset, stmt.error->offset};
    // Point at the token the parser stopped at.
    for (const sql::Token& t : stmt.tokens) {
        if (t.span.begin >= stmt.error->offset && !t.is_trivia()) {
            d.span = t.span;
            break;
        }
    }
    if (d.span.empty()) d.span.end = d.span.begin + 1;
    d.message = stmt.error->message;
    d.help =
        "the PostgreSQL 15 grammar rejects this statement; fix it (the statements after it are "
        "still checked)";
    return d;
}

struct ActiveRule {
    RuleId id;
    RuleHooks hooks;
};

std::vector<ActiveRule> active_rules(const Options& options) {
    std::vector<ActiveRule> out;
    for (const RuleInfo& info : all_rules()) {
        if (info.meta || !options.enabled(info.id)) continue;
        out.push_back({info.id, rule_hooks(info.id)});
    }
    return out;
}

void collect(Findings& findings, RuleId rule, std::vector<Diagnostic>& out) {
    for (Diagnostic& d : findings.items()) {
        d.rule = rule;
        out.push_back(std::move(d));
    }
    findings.items().clear();
}

void assign_severities(const Options& options, std::vector<Diagnostic>& diagnostics) {
    for (Diagnostic& d : diagnostics) {
        const auto index = static_cast<size_t>(d.rule);
        // A rule may raise or lower its default for one finding; the user's setting still wins.
        if (d.severity == Severity::Off || options.severity_overridden[index])
            d.severity = options.severity(d.rule);
    }
    std::erase_if(diagnostics, [](const Diagnostic& d) { return d.severity == Severity::Off; });
}

// Reports need the text and the statement spans, not the parse trees, which are by far the
// largest part of a parsed file: free them before the file waits for the report.
// Reports need only the text and the statements' spans: the rest (trees, tokens, offset maps:
// several times the file's size) goes as soon as a file is checked, not with the whole report.
void release_analysis(sql::ParsedFile& file) {
    for (sql::Statement& stmt : file.statements) {
        stmt.node = nullptr;
        stmt.tokens = {};
        stmt.offset_map = nullptr;
    }
    file.tree_memory.release();
    std::vector<sql::Token>().swap(file.tokens);
    file.body_tokens.clear();
    file.offset_maps.clear();
}

bool runs_during_migration(const sql::Statement& stmt) {
    return stmt.node != nullptr && stmt.origin != sql::StatementOrigin::FunctionBody;
}

}  // namespace

void replay(const sql::ParsedFile& file, catalog::Catalog& catalog) {
    for (const sql::Statement& stmt : file.statements) {
        if (runs_during_migration(stmt)) catalog.apply(stmt.node);
    }
}

FileResult check_source(std::string path, std::string bytes, const Options& options) {
    catalog::Catalog catalog;
    FileResult result =
        check_parsed(std::move(path), sql::parse_file(std::move(bytes), sql::TreeDetail::ForRules),
                     options, catalog);
    finalize(result, options);
    return result;
}

FileResult check_parsed(std::string path, std::unique_ptr<sql::ParsedFile> parsed,
                        const Options& options, catalog::Catalog& catalog,
                        const code::CodeIndex* code) {
    FileResult result;
    result.path = std::move(path);
    result.file = std::move(parsed);
    const sql::ParsedFile& file = *result.file;
    std::vector<Diagnostic>& out = result.diagnostics;

    for (const sql::InputProblem& problem : file.problems)
        out.push_back(problem_diagnostic(problem));

    const std::vector<ActiveRule> rules = active_rules(options);
    MigrationState state(runner_opens_transaction(file, options.transaction));
    state.set_has_non_transactional_statement(
        std::any_of(file.statements.begin(), file.statements.end(), [](const sql::Statement& s) {
            return s.origin == sql::StatementOrigin::TopLevel && s.node != nullptr &&
                   !pg::describe_statement(s.node).allowed_in_transaction;
        }));
    Findings findings;
    int body_owner = -1;
    for (size_t i = 0; i < file.statements.size(); ++i) {
        const sql::Statement& stmt = file.statements[i];
        if (stmt.parent != body_owner) {
            if (body_owner >= 0) state.leave_body();
            body_owner = stmt.parent;
            if (body_owner >= 0) {
                const auto owner = static_cast<size_t>(body_owner);
                state.enter_body(file.statements[owner], owner, stmt.origin);
            }
        }
        if (stmt.error) {
            out.push_back(syntax_diagnostic(stmt));
            continue;
        }
        const pg::StatementFacts facts = pg::describe_statement(stmt.node);
        const RuleContext context{file, stmt, i, facts, state, catalog, options, code};
        for (const ActiveRule& rule : rules) {
            if (rule.hooks.on_statement == nullptr) continue;
            rule.hooks.on_statement(context, findings);
            collect(findings, rule.id, out);
        }
        state.apply(stmt, i, facts, is_instant(facts, options));
        if (runs_during_migration(stmt)) catalog.apply(stmt.node);
    }
    if (body_owner >= 0) state.leave_body();
    for (const ActiveRule& rule : rules) {
        if (rule.hooks.on_file_end == nullptr) continue;
        rule.hooks.on_file_end(file, state, options, findings);
        collect(findings, rule.id, out);
    }
    return result;
}

void check_migration(const MigrationContext& context, FileResult* up, FileResult* down) {
    MigrationFindings findings;
    std::vector<Diagnostic> ignored;
    for (const ActiveRule& rule : active_rules(context.options)) {
        if (rule.hooks.on_migration == nullptr) continue;
        rule.hooks.on_migration(context, findings);
        collect(findings.up, rule.id, up != nullptr ? up->diagnostics : ignored);
        collect(findings.down, rule.id, down != nullptr ? down->diagnostics : ignored);
    }
}

std::vector<FileResult> check_change_set(const ChangeSetContext& context) {
    CodeFindings findings;
    std::vector<std::pair<RuleId, CodeFindings::Item>> all;
    for (const ActiveRule& rule : active_rules(context.options)) {
        if (rule.hooks.on_change_set == nullptr) continue;
        rule.hooks.on_change_set(context, findings);
        for (CodeFindings::Item& item : findings.items())
            all.emplace_back(rule.id, std::move(item));
        findings.items().clear();
    }
    std::vector<FileResult> results;
    for (const code::CodeIndex::File& file : context.code.files()) {
        FileResult result;
        for (auto& [rule, item] : all) {
            if (item.file != &file) continue;
            item.diagnostic.rule = rule;
            result.diagnostics.push_back(std::move(item.diagnostic));
        }
        if (result.diagnostics.empty()) continue;
        result.path = file.path;
        result.file = std::make_unique<sql::ParsedFile>(std::string(file.source.bytes()));
        assign_severities(context.options, result.diagnostics);
        std::stable_sort(
            result.diagnostics.begin(), result.diagnostics.end(),
            [](const Diagnostic& a, const Diagnostic& b) { return a.span.begin < b.span.begin; });
        results.push_back(std::move(result));
    }
    return results;
}

void add_script_problems(const std::vector<migration::ScriptProblem>& problems,
                         FileResult& result) {
    for (const migration::ScriptProblem& problem : problems) {
        Diagnostic d;
        d.rule = RuleId::unanalyzable_sql;
        d.span = problem.span;
        d.message = problem.message;
        d.help =
            "write the SQL as a plain string literal so that it can be checked, or review it "
            "by hand";
        result.diagnostics.push_back(std::move(d));
    }
}

void finalize(FileResult& result, const Options& options) {
    std::vector<Diagnostic>& out = result.diagnostics;
    apply_suppressions(*result.file, options, out);
    release_analysis(*result.file);
    assign_severities(options, out);
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.rule < b.rule;
    });
}

}  // namespace migsafe
