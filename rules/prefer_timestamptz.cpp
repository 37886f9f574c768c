#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    for (const pg::ColumnTypeUse& use : pg::column_type_uses(ctx.stmt.node)) {
        if (use.kind != pg::ColumnType::Timestamp) continue;
        const ByteSpan type =
            pg::type_span(ctx.stmt.tokens, ctx.source(), ctx.offset(use.type->location));
        const std::string column = use.table.display() + "." + use.column;
        const std::string written(ctx.text(type));
        Diagnostic& d = out.report(
            type, "column " + column + " is " + written +
                      " (timestamp without time zone): it stores wall-clock time with no zone, so "
                      "values written from sessions or servers with different TimeZone settings "
                      "cannot be compared, and daylight-saving changes make times ambiguous");
        d.help =
            "use timestamptz, which stores an absolute instant and converts to each session's time "
            "zone on output: " +
            use.column + " timestamptz";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_prefer_timestamptz() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
