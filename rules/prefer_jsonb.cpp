#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    for (const pg::ColumnTypeUse& use : pg::column_type_uses(ctx.stmt.node)) {
        if (use.kind != pg::ColumnType::Json) continue;
        const ByteSpan type =
            pg::type_span(ctx.stmt.tokens, ctx.source(), ctx.offset(use.type->location));
        const std::string column = use.table.display() + "." + use.column;
        const std::string written(ctx.text(type));
        Diagnostic& d =
            out.report(type, "column " + column +
                                 " is json: json has no equality operator, so SELECT DISTINCT, "
                                 "UNION, GROUP BY and comparisons on it fail, it cannot be indexed "
                                 "with GIN, and every read re-parses the text");
        d.help = "use jsonb (binary, indexable, with = and containment operators): " + use.column +
                 " jsonb. Keep json only when the exact text, key order or duplicate keys must be "
                 "preserved";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_prefer_jsonb() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
