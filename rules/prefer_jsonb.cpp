#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    const auto col = ctx.first_column_type(
        [](const pg::ColumnTypeUse& u) { return u.kind == pg::ColumnType::Json; });
    if (!col) return;
    const pg::ColumnTypeUse& use = col->use;
    Diagnostic& d = out.report(
        col->span, "column " + col->column +
                       " is json: json has no equality operator, so SELECT DISTINCT, "
                       "UNION, GROUP BY and comparisons on it fail, it cannot be indexed "
                       "with GIN, and every read re-parses the text");
    d.help = "use jsonb (binary, indexable, with = and containment operators): " + use.column +
             " jsonb. Keep json only when the exact text, key order or duplicate keys must be "
             "preserved";
}

}  // namespace

RuleHooks hooks_prefer_jsonb() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
