#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    for (const pg::ColumnTypeUse& use : pg::column_type_uses(ctx.stmt.node)) {
        if (use.kind != pg::ColumnType::Char) continue;
        const ByteSpan type =
            pg::type_span(ctx.stmt.tokens, ctx.source(), ctx.offset(use.type->location));
        const std::string column = use.table.display() + "." + use.column;
        const std::string written(ctx.text(type));
        Diagnostic& d = out.report(
            type, "column " + column + " is " + written +
                      ": char(n) pads every value with spaces to n characters, the padding is "
                      "ignored or kept depending on the operator, and it is no faster than text");
        d.help = "use text (or varchar without a length), with a CHECK (length(" + use.column +
                 ") <= n) if the length matters: " + use.column + " text";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_ban_char_field() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
