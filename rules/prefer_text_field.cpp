#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    for (const pg::ColumnTypeUse& use : pg::column_type_uses(ctx.stmt.node)) {
        if (use.kind != pg::ColumnType::Varchar) continue;
        const ByteSpan type =
            pg::type_span(ctx.stmt.tokens, ctx.source(), ctx.offset(use.type->location));
        const std::string column = use.table.display() + "." + use.column;
        const std::string written(ctx.text(type));
        Diagnostic& d = out.report(
            type, "column " + column + " is " + written +
                      ": raising the length limit later is an ALTER COLUMN TYPE, which needs an "
                      "ACCESS EXCLUSIVE lock (and lowering it rewrites the table), while a CHECK "
                      "constraint can be replaced with NOT VALID and VALIDATE without blocking");
        d.help = "use text with a CHECK constraint for the limit: " + use.column +
                 " text CHECK (length(" + use.column + ") <= n)";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_prefer_text_field() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
