#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    const auto col = ctx.first_column_type(
        [](const pg::ColumnTypeUse& u) { return u.kind == pg::ColumnType::Varchar; });
    if (!col) return;
    const pg::ColumnTypeUse& use = col->use;
    Diagnostic& d = out.report(
        col->span, "column " + col->column + " is " + col->text +
                       ": raising the length limit later is an ALTER COLUMN TYPE, which needs an "
                       "ACCESS EXCLUSIVE lock (and lowering it rewrites the table), while a CHECK "
                       "constraint can be replaced with NOT VALID and VALIDATE without blocking");
    d.help = "use text with a CHECK constraint for the limit: " + use.column +
             " text CHECK (length(" + use.column + ") <= n)";
}

}  // namespace

RuleHooks hooks_prefer_text_field() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
