#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// " CONCURRENTLY", in lower case when the statement writes its keywords in lower case.
std::string concurrently_after(std::string_view keyword) {
    const bool lower = !keyword.empty() && keyword.front() >= 'a' && keyword.front() <= 'z';
    return lower ? " concurrently" : " CONCURRENTLY";
}

void check(const RuleContext& ctx, Findings& out) {
    if (!sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_REFRESH_MAT_VIEW_STMT)) return;
    const PgQuery__RefreshMatViewStmt& refresh = *ctx.stmt.node->refresh_mat_view_stmt;
    if (refresh.concurrent != 0) return;
    const pg::QualifiedName view = pg::name_of(refresh.relation);
    // A view created earlier in this migration (WITH NO DATA or not) has no readers yet.
    if (!ctx.existing(view)) return;
    const std::string v = view.display();

    if (refresh.skip_data != 0) {
        // CONCURRENTLY cannot be combined with WITH NO DATA: there is no rewrite to offer.
        Diagnostic& d = out.report(
            ctx.statement_span(),
            "REFRESH MATERIALIZED VIEW " + v +
                " WITH NO DATA takes ACCESS EXCLUSIVE on it and leaves it unpopulated: every "
                "query on " +
                v + " fails until the next REFRESH");
        d.lock = Findings::lock(view, pg::LockMode::AccessExclusive);
        d.help = "refresh it with data instead (`REFRESH MATERIALIZED VIEW CONCURRENTLY " + v +
                 ";` keeps it readable), or make sure nothing queries " + v +
                 " until it is refreshed again";
        return;
    }

    Diagnostic& d = out.report(
        ctx.statement_span(),
        "REFRESH MATERIALIZED VIEW without CONCURRENTLY takes ACCESS EXCLUSIVE on " + v +
            ": every query on it, reads included, waits until the view's query has run again");
    d.lock = Findings::lock(view, pg::LockMode::AccessExclusive);
    d.help = "use `REFRESH MATERIALIZED VIEW CONCURRENTLY " + v +
             ";` (EXCLUSIVE lock: reads continue). It needs a UNIQUE index on " + v +
             " covering all rows (no WHERE, plain columns) and a view that is already populated "
             "(not left WITH NO DATA); it takes longer, as it computes the new contents and then "
             "applies the differences row by row";
    if (const auto keyword = ctx.keyword_span("view")) {
        d.fix = Fix{"Add CONCURRENTLY",
                    {{{keyword->end, keyword->end}, concurrently_after(ctx.text(*keyword))}},
                    false};
    }
}

}  // namespace

RuleHooks hooks_refresh_matview_not_concurrent() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
