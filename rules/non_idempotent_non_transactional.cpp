#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

using sql::is;

// The keyword after which DROP <kind> takes IF EXISTS; empty when migsafe does not know it.
std::string_view drop_keyword(const PgQuery__DropStmt& drop) {
    switch (drop.remove_type) {
        case PG_QUERY__OBJECT_TYPE__OBJECT_TABLE:
        case PG_QUERY__OBJECT_TYPE__OBJECT_FOREIGN_TABLE:
            return "table";
        case PG_QUERY__OBJECT_TYPE__OBJECT_INDEX:
            return drop.concurrent != 0 ? "concurrently" : "index";
        case PG_QUERY__OBJECT_TYPE__OBJECT_VIEW:
        case PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW:
            return "view";
        case PG_QUERY__OBJECT_TYPE__OBJECT_SEQUENCE:
            return "sequence";
        case PG_QUERY__OBJECT_TYPE__OBJECT_SCHEMA:
            return "schema";
        case PG_QUERY__OBJECT_TYPE__OBJECT_TYPE:
            return "type";
        case PG_QUERY__OBJECT_TYPE__OBJECT_DOMAIN:
            return "domain";
        case PG_QUERY__OBJECT_TYPE__OBJECT_FUNCTION:
            return "function";
        case PG_QUERY__OBJECT_TYPE__OBJECT_PROCEDURE:
            return "procedure";
        case PG_QUERY__OBJECT_TYPE__OBJECT_EXTENSION:
            return "extension";
        case PG_QUERY__OBJECT_TYPE__OBJECT_TRIGGER:
            return "trigger";
        default:
            return "";
    }
}

// The statement's text with insertions applied: the concrete SQL for the help.
std::string with_insertions(const RuleContext& ctx, const std::vector<Edit>& edits) {
    const ByteSpan span = ctx.statement_span();
    std::string out;
    uint32_t at = span.begin;
    for (const Edit& e : edits) {
        out += ctx.text({at, e.span.begin});
        out += e.text;
        at = e.span.begin;
    }
    out += ctx.text({at, span.end});
    return out + ";";
}

struct Missing {
    std::string what;        // "CREATE TABLE orders"
    std::string keyword;     // the keyword after which the guard goes
    std::string insert;      // " IF NOT EXISTS"
    std::string_view after;  // "" when the fix cannot be placed
};

// Why a re-run of this (non ALTER TABLE) statement fails, if it does.
std::optional<Missing> unguarded(const PgQuery__Node* node) {
    if (is(node, PG_QUERY__NODE__NODE_CREATE_STMT)) {
        if (node->create_stmt->if_not_exists != 0) return std::nullopt;
        return Missing{"CREATE TABLE " + pg::name_of(node->create_stmt->relation).display(),
                       "IF NOT EXISTS", " IF NOT EXISTS", "table"};
    }
    if (is(node, PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT)) {
        const auto& c = *node->create_table_as_stmt;
        if (c.if_not_exists != 0 || c.into == nullptr) return std::nullopt;
        const bool matview = c.objtype == PG_QUERY__OBJECT_TYPE__OBJECT_MATVIEW;
        return Missing{std::string(matview ? "CREATE MATERIALIZED VIEW " : "CREATE TABLE ") +
                           pg::name_of(c.into->rel).display(),
                       "IF NOT EXISTS", " IF NOT EXISTS", matview ? "view" : "table"};
    }
    if (is(node, PG_QUERY__NODE__NODE_INDEX_STMT)) {
        const auto& index = *node->index_stmt;
        // CREATE INDEX CONCURRENTLY is checked for its recovery step instead.
        if (index.if_not_exists != 0 || index.concurrent != 0) return std::nullopt;
        // IF NOT EXISTS needs an index name.
        if (sql::str(index.idxname).empty()) return std::nullopt;
        return Missing{"CREATE INDEX " + std::string(sql::str(index.idxname)), "IF NOT EXISTS",
                       " IF NOT EXISTS", "index"};
    }
    if (is(node, PG_QUERY__NODE__NODE_CREATE_SEQ_STMT)) {
        if (node->create_seq_stmt->if_not_exists != 0) return std::nullopt;
        return Missing{"CREATE SEQUENCE " + pg::name_of(node->create_seq_stmt->sequence).display(),
                       "IF NOT EXISTS", " IF NOT EXISTS", "sequence"};
    }
    if (is(node, PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT)) {
        if (node->create_schema_stmt->if_not_exists != 0) return std::nullopt;
        return Missing{
            "CREATE SCHEMA " + std::string(sql::str(node->create_schema_stmt->schemaname)),
            "IF NOT EXISTS", " IF NOT EXISTS", "schema"};
    }
    if (is(node, PG_QUERY__NODE__NODE_CREATE_EXTENSION_STMT)) {
        if (node->create_extension_stmt->if_not_exists != 0) return std::nullopt;
        return Missing{
            "CREATE EXTENSION " + std::string(sql::str(node->create_extension_stmt->extname)),
            "IF NOT EXISTS", " IF NOT EXISTS", "extension"};
    }
    if (is(node, PG_QUERY__NODE__NODE_VIEW_STMT)) {
        const auto& view = *node->view_stmt;
        if (view.replace != 0) return std::nullopt;
        return Missing{"CREATE VIEW " + pg::name_of(view.view).display(), "OR REPLACE",
                       " OR REPLACE", "create"};
    }
    if (is(node, PG_QUERY__NODE__NODE_DROP_STMT)) {
        const auto& drop = *node->drop_stmt;
        if (drop.missing_ok != 0) return std::nullopt;
        return Missing{"DROP", "IF EXISTS", " IF EXISTS", drop_keyword(drop)};
    }
    return std::nullopt;
}

void check_alter(const RuleContext& ctx, Findings& out) {
    const pg::AlterTable& alter = *ctx.facts.alter;
    std::optional<size_t> first;
    std::string first_what;
    std::vector<Edit> edits;
    for (const pg::AlterCommand& command : alter.commands) {
        const auto sub = command.subtype();
        const bool add = sub == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn;
        const bool drop = sub == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn ||
                          sub == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint;
        // Other sub-commands either have no IF [NOT] EXISTS form or are harmless to repeat.
        if ((!add && !drop) || command.cmd->missing_ok != 0) continue;
        const ByteSpan span = ctx.alter_command_span(command.index);
        if (!first) {
            first = command.index;
            const std::string name(add && command.added_column != nullptr
                                       ? sql::str(command.added_column->colname)
                                       : sql::str(command.cmd->name));
            first_what = std::string(add ? "ADD COLUMN "
                                     : sub == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn
                                         ? "DROP COLUMN "
                                         : "DROP CONSTRAINT ") +
                         name;
        }
        // The guard goes after ADD [COLUMN] / DROP [COLUMN] / DROP CONSTRAINT.
        const auto verb = ctx.keyword_span(add ? "add" : "drop", span.begin);
        if (!verb || verb->begin >= span.end) continue;
        ByteSpan anchor = *verb;
        const std::string_view next_word =
            sub == PG_QUERY__ALTER_TABLE_TYPE__AT_DropConstraint ? "constraint" : "column";
        if (const auto word = ctx.keyword_span(next_word, verb->end);
            word && word->begin < span.end &&
            ctx.text({verb->end, word->begin}).find_first_not_of(" \t\r\n") ==
                std::string_view::npos)
            anchor = *word;
        edits.push_back({{anchor.end, anchor.end}, add ? " IF NOT EXISTS" : " IF EXISTS"});
    }
    if (!first) return;
    const std::string t = alter.table.display();
    Diagnostic& d = out.report(
        ctx.alter_command_span(*first),
        "ALTER TABLE " + t + " " + first_what +
            " has no IF [NOT] EXISTS, and this migration runs outside a transaction: if a later "
            "statement fails, the statements before it stay committed and re-running the "
            "migration fails here");
    d.help =
        "make each step safe to repeat (ADD COLUMN IF NOT EXISTS, DROP COLUMN / CONSTRAINT IF "
        "EXISTS):\n  " +
        with_insertions(ctx, edits);
    if (!edits.empty()) d.fix = Fix{"Add IF [NOT] EXISTS", std::move(edits), true};
}

void check_concurrent_index(const RuleContext& ctx, const PgQuery__IndexStmt& index,
                            Findings& out) {
    const std::string name(sql::str(index.idxname));
    const pg::QualifiedName qualified{
        std::string(sql::str(index.relation != nullptr ? index.relation->schemaname : nullptr)),
        name};
    // An earlier DROP INDEX … IF EXISTS of this name is the recovery step.
    if (!name.empty() && ctx.state.index_dropped_if_exists(qualified)) return;
    const std::string table = pg::name_of(index.relation).display();
    if (name.empty()) {
        Diagnostic& d = out.report(
            ctx.statement_span(),
            "CREATE INDEX CONCURRENTLY on " + table +
                " has no index name: if the build fails it leaves an INVALID index that a re-run "
                "cannot find to drop, and the re-run builds a second one");
        d.help =
            "name the index and drop a leftover INVALID one first:\n  DROP INDEX "
            "CONCURRENTLY IF EXISTS <name>;\n  CREATE INDEX CONCURRENTLY <name> ON " +
            table + " …;";
        return;
    }
    const std::string display = qualified.display();
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "CREATE INDEX CONCURRENTLY " + name + " on " + table +
            " has no recovery step: if the build fails (deadlock, unique violation, cancel) it "
            "leaves an INVALID index named " +
            name +
            ", and re-running the migration fails (or, with IF NOT EXISTS, silently "
            "keeps the INVALID index)");
    d.help =
        "drop a leftover INVALID index first, so the migration can be re-run:\n  DROP INDEX "
        "CONCURRENTLY IF EXISTS " +
        display + ";\n  " + ctx.snippet(ctx.statement_span(), 200) + ";";
    const uint32_t at = ctx.statement_span().begin;
    d.fix = Fix{"Drop a leftover INVALID index first",
                {{{at, at}, "DROP INDEX CONCURRENTLY IF EXISTS " + display + ";\n"}},
                true};
}

void check(const RuleContext& ctx, Findings& out) {
    // Only migrations that cannot be wrapped in a transaction: a statement in them that cannot
    // run in a transaction block (CONCURRENTLY, VACUUM, …). Elsewhere the runner's or the file's
    // own transaction makes a failed migration leave nothing behind.
    if (!ctx.state.has_non_transactional_statement()) return;
    // Inside BEGIN … COMMIT (or the runner's, or a DO block's) the statement rolls back with
    // the rest of the transaction.
    if (ctx.in_transaction()) return;

    if (is(ctx.stmt.node, PG_QUERY__NODE__NODE_INDEX_STMT) &&
        ctx.stmt.node->index_stmt->concurrent != 0) {
        check_concurrent_index(ctx, *ctx.stmt.node->index_stmt, out);
        return;
    }
    if (ctx.facts.alter) {
        // ALTER TYPE … ADD / DROP ATTRIBUTE has no IF [NOT] EXISTS to add.
        if (ctx.stmt.node->alter_table_stmt->objtype == PG_QUERY__OBJECT_TYPE__OBJECT_TYPE) return;
        check_alter(ctx, out);
        return;
    }
    const std::optional<Missing> missing = unguarded(ctx.stmt.node);
    if (!missing) return;
    std::string what = missing->what;
    if (what == "DROP") what = ctx.snippet(ctx.statement_span(), 60);
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "`" + what + "` has no " + missing->keyword +
            ", and this migration runs outside a transaction: if a later statement fails, this "
            "one stays committed and re-running the migration fails here");
    d.help = "make the statement safe to repeat: add " + missing->keyword;
    if (missing->after.empty()) return;
    if (const auto keyword = ctx.keyword_span(missing->after)) {
        std::vector<Edit> edits{{{keyword->end, keyword->end}, missing->insert}};
        d.help += ":\n  " + with_insertions(ctx, edits);
        d.fix = Fix{"Add " + missing->keyword, std::move(edits), true};
    }
}

}  // namespace

RuleHooks hooks_non_idempotent_non_transactional() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
