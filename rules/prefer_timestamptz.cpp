#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    const auto col = ctx.first_column_type(
        [](const pg::ColumnTypeUse& u) { return u.kind == pg::ColumnType::Timestamp; });
    if (!col) return;
    const pg::ColumnTypeUse& use = col->use;
    Diagnostic& d = out.report(
        col->span, "column " + col->column + " is " + col->text +
                       " (timestamp without time zone): it stores wall-clock time with no zone, so "
                       "values written from sessions or servers with different TimeZone settings "
                       "cannot be compared, and daylight-saving changes make times ambiguous");
    d.help =
        "use timestamptz, which stores an absolute instant and converts to each session's time "
        "zone on output: " +
        use.column + " timestamptz";
}

}  // namespace

RuleHooks hooks_prefer_timestamptz() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
