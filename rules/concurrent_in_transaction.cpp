#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

bool is_transaction_statement(const sql::Statement& s, PgQuery__TransactionStmtKind kind) {
    return sql::is(s.node, PG_QUERY__NODE__NODE_TRANSACTION_STMT) &&
           s.node->transaction_stmt->kind == kind;
}

// Names a later statement of the transaction may depend on: what the statement creates, and
// what it drops, detaches or reindexes. The table a CREATE INDEX or VACUUM works on is not one:
// later statements on it do not need the index or the vacuum.
std::vector<std::string> depended_on_names(const RuleContext& ctx) {
    std::vector<std::string> names;
    for (const pg::QualifiedName& created : ctx.facts.creates)
        names.push_back(created.name);
    if (ctx.facts.kind != pg::StatementKind::CreateIndex &&
        ctx.facts.kind != pg::StatementKind::Vacuum) {
        for (const pg::RelationLock& lock : ctx.facts.locks)
            names.push_back(lock.relation.name);
    }
    return names;
}

bool mentions(const RuleContext& ctx, const sql::Statement& s,
              const std::vector<std::string>& names) {
    return std::any_of(s.tokens.begin(), s.tokens.end(), [&](const sql::Token& t) {
        if (t.kind != sql::TokenKind::Word && t.kind != sql::TokenKind::QuotedIdent) return false;
        std::string_view text = ctx.text(t.span);
        if (t.kind == sql::TokenKind::QuotedIdent && text.size() >= 2)
            text = text.substr(1, text.size() - 2);
        return std::any_of(names.begin(), names.end(), [&](const std::string& n) {
            return t.kind == sql::TokenKind::QuotedIdent ? text == n : sql::keyword_equals(text, n);
        });
    });
}

// Moves the statement from between an explicit BEGIN and its COMMIT to right after the COMMIT.
// Not offered when a later statement of the transaction may depend on it or the transaction does
// not end with COMMIT. With several such statements in one transaction the last one moves first
// and each earlier one lands before it, so a re-linted fix keeps their order.
std::optional<Fix> move_after_commit(const RuleContext& ctx) {
    const std::vector<std::string> names = depended_on_names(ctx);
    const sql::Statement* commit = nullptr;
    for (size_t j = ctx.index + 1; j < ctx.file.statements.size() && commit == nullptr; ++j) {
        const sql::Statement& s = ctx.file.statements[j];
        if (s.error) return {};
        if (s.origin != sql::StatementOrigin::TopLevel) continue;
        if (is_transaction_statement(s, PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT)) {
            commit = &s;
        } else if (sql::is(s.node, PG_QUERY__NODE__NODE_TRANSACTION_STMT) ||
                   mentions(ctx, s, names) ||
                   !pg::describe_statement(s.node).allowed_in_transaction) {
            return {};
        }
    }
    if (commit == nullptr) return {};
    const std::string_view source = ctx.source();
    std::string moved(ctx.text(ctx.stmt.span));
    if (!moved.ends_with(';')) moved += ';';
    // Remove the whole line when the statement is alone on it (a trailing comment stays).
    ByteSpan removed = ctx.stmt.span;
    uint32_t line_begin = removed.begin;
    while (line_begin > 0 && (source[line_begin - 1] == ' ' || source[line_begin - 1] == '\t'))
        --line_begin;
    const bool starts_line = line_begin == 0 || source[line_begin - 1] == '\n';
    if (starts_line) {
        uint32_t end = removed.end;
        while (end < source.size() && (source[end] == ' ' || source[end] == '\t'))
            ++end;
        if (end < source.size() && source[end] == '\n') ++end;  // nothing else on the line
        removed = {line_begin, end};
    }
    uint32_t after = commit->span.end;
    std::string inserted = "\n" + moved;
    if (!ctx.text(commit->span).ends_with(';')) inserted = ";" + inserted;
    while (after < source.size() && source[after] != '\n')
        ++after;  // past a comment after COMMIT
    return Fix{
        "Move it after the COMMIT", {{removed, ""}, {{after, after}, std::move(inserted)}}, true};
}

void check(const RuleContext& ctx, Findings& out) {
    if (ctx.facts.allowed_in_transaction) return;
    // ALTER TYPE … ADD VALUE has its own version-dependent rule (enum-value-in-transaction).
    if (ctx.facts.kind == pg::StatementKind::AlterType) return;
    // Outside a transaction block (no BEGIN, after COMMIT, non-transactional runner) it just runs.
    if (!ctx.in_transaction()) return;

    const std::string what = ctx.snippet(ctx.statement_span(), 120);
    std::string where;
    std::string help;
    std::optional<Fix> fix;
    if (ctx.stmt.origin == sql::StatementOrigin::DoBlock) {
        where = "inside a DO block, which always runs in a transaction";
        help = "move `" + what +
               "` out of the DO block and run it as a top-level statement, "
               "outside any BEGIN … COMMIT";
    } else if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) {
        where = "inside a function body, which always runs in its caller's transaction";
        help = "run `" + what +
               "` as a top-level migration statement, outside any BEGIN … "
               "COMMIT, instead of from a function";
    } else if (ctx.state.transaction().implicit &&
               ctx.options.transaction == migration::TransactionModel::ImplicitWhenMultiStatement) {
        where =
            "in a file of several statements that the runner sends as one string, which "
            "PostgreSQL runs as one implicit transaction" +
            (ctx.options.transaction_reason.empty() ? std::string()
                                                    : " (" + ctx.options.transaction_reason + ")");
        help = "put `" + what +
               "` in a migration file of its own: sent alone, it runs outside any transaction";
    } else if (ctx.state.transaction().implicit) {
        where =
            "in a migration its runner wraps in a transaction" +
            (ctx.options.transaction_reason.empty() ? std::string()
                                                    : " (" + ctx.options.transaction_reason + ")");
        help =
            "run this migration without a transaction (golang-migrate: one statement per "
            "file; goose: `-- +goose NO TRANSACTION`; dbmate: `-- migrate:up "
            "transaction:false`; Rails: `disable_ddl_transaction!`; Django: `atomic = False`; "
            "Flyway: `executeInTransaction=false`; Alembic: `autocommit_block()`), and put "
            "this statement in a migration of its own";
    } else {
        fix = move_after_commit(ctx);
        where = "between BEGIN and COMMIT";
        help = "move `" + what +
               "` after the COMMIT (or before the BEGIN), so it runs outside "
               "the transaction block";
    }
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "`" + what + "` cannot run inside a transaction block, but it runs " + where +
            ": PostgreSQL rejects it (\"cannot run inside a transaction block\") and the "
            "migration fails");
    d.help = std::move(help);
    d.fix = std::move(fix);
    // The strongest lock the statement would take, for reporters that show it.
    const auto strongest = std::max_element(
        ctx.facts.locks.begin(), ctx.facts.locks.end(),
        [](const pg::RelationLock& a, const pg::RelationLock& b) { return a.mode < b.mode; });
    if (strongest != ctx.facts.locks.end()) d.lock = *strongest;
}

}  // namespace

RuleHooks hooks_concurrent_in_transaction() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
