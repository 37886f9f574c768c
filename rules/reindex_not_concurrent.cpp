#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// " CONCURRENTLY", in lower case when the statement writes its keywords in lower case.
std::string concurrently_after(std::string_view keyword) {
    const bool lower = !keyword.empty() && keyword.front() >= 'a' && keyword.front() <= 'z';
    return lower ? " concurrently" : " CONCURRENTLY";
}

struct Target {
    std::string_view keyword;  // the word CONCURRENTLY goes after
    std::string what;          // for messages
    std::string safe_sql;
};

Target target_of(const PgQuery__ReindexStmt& reindex) {
    const std::string name(sql::str(reindex.name));
    switch (reindex.kind) {
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX:
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_TABLE: {
            const bool index = reindex.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX;
            const std::string relation = pg::name_of(reindex.relation).display();
            return {index ? "index" : "table", (index ? "index " : "table ") + relation,
                    (index ? "REINDEX INDEX CONCURRENTLY " : "REINDEX TABLE CONCURRENTLY ") +
                        relation + ";"};
        }
        case PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SCHEMA:
            return {"schema", "schema " + name, "REINDEX SCHEMA CONCURRENTLY " + name + ";"};
        default:
            return {"database", name.empty() ? "the current database" : "database " + name,
                    "REINDEX DATABASE CONCURRENTLY" + (name.empty() ? "" : " " + name) + ";"};
    }
}

void check(const RuleContext& ctx, Findings& out) {
    if (!sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_REINDEX_STMT)) return;
    const PgQuery__ReindexStmt& reindex = *ctx.stmt.node->reindex_stmt;
    if (ctx.facts.concurrently) return;
    // REINDEX CONCURRENTLY exists from PostgreSQL 12 on: before, there is nothing to suggest.
    if (ctx.options.pg_version < 12) return;
    // System catalogs cannot be reindexed concurrently: no alternative either.
    if (reindex.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_SYSTEM) return;
    const pg::QualifiedName relation = pg::name_of(reindex.relation);
    // An index or table created earlier in this migration is invisible to other sessions.
    if (!relation.empty() && !ctx.existing(relation)) return;

    const Target target = target_of(reindex);
    const bool on_index = reindex.kind == PG_QUERY__REINDEX_OBJECT_TYPE__REINDEX_OBJECT_INDEX;
    std::string message = "REINDEX without CONCURRENTLY on " + target.what;
    if (on_index) {
        message +=
            " takes ACCESS EXCLUSIVE on the index and SHARE on its table: writes to the "
            "table, and every query that would use the index, wait until the rebuild ends";
    } else {
        message +=
            " rebuilds each index under ACCESS EXCLUSIVE, holding SHARE on its table: "
            "writes wait, and so does every query that would use the index being rebuilt";
    }
    Diagnostic& d = out.report(ctx.statement_span(), message);
    if (!relation.empty())
        d.lock = Findings::lock(relation,
                                on_index ? pg::LockMode::AccessExclusive : pg::LockMode::Share);
    d.help = "rebuild with `" + target.safe_sql +
             "`, outside a transaction block (PostgreSQL 12 and later); it takes SHARE UPDATE "
             "EXCLUSIVE, so reads and writes continue. If it fails it leaves an INVALID index "
             "whose name ends in _ccnew: drop it with DROP INDEX CONCURRENTLY and run it again";
    // "(CONCURRENTLY false)" in the option list would contradict an added keyword.
    if (sql::find_def_elem(sql::list(reindex.params, reindex.n_params), "concurrently") != nullptr)
        return;
    if (const auto keyword = ctx.keyword_span(target.keyword)) {
        d.fix = Fix{"Add CONCURRENTLY",
                    {{{keyword->end, keyword->end}, concurrently_after(ctx.text(*keyword))}},
                    true};
    }
}

}  // namespace

RuleHooks hooks_reindex_not_concurrent() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
