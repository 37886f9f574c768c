#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    const auto col = ctx.first_column_type(
        [](const pg::ColumnTypeUse& u) { return u.kind == pg::ColumnType::Char; });
    if (!col) return;
    const pg::ColumnTypeUse& use = col->use;
    Diagnostic& d = out.report(
        col->span, "column " + col->column + " is " + col->text +
                       ": char(n) pads every value with spaces to n characters, the padding is "
                       "ignored or kept depending on the operator, and it is no faster than text");
    d.help = "use text (or varchar without a length), with a CHECK (length(" + use.column +
             ") <= n) if the length matters: " + use.column + " text";
}

}  // namespace

RuleHooks hooks_ban_char_field() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
