#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    for (const pg::ColumnTypeUse& use : pg::column_type_uses(ctx.stmt.node)) {
        const bool serial = use.kind == pg::ColumnType::SmallSerial ||
                            use.kind == pg::ColumnType::Serial ||
                            use.kind == pg::ColumnType::BigSerial;
        if (!serial) continue;
        const ByteSpan type =
            pg::type_span(ctx.stmt.tokens, ctx.source(), ctx.offset(use.type->location));
        const std::string written(ctx.text(type));
        const std::string_view base = use.kind == pg::ColumnType::SmallSerial ? "smallint"
                                      : use.kind == pg::ColumnType::Serial    ? "integer"
                                                                              : "bigint";
        Diagnostic& d = out.report(
            type, "column " + use.table.display() + "." + use.column + " is " + written +
                      ": serial creates a separate sequence with its own owner and grants, "
                      "which dumps, permissions and copies of the table easily get out of step "
                      "with, and lets inserts bypass it with explicit ids");
        d.help = "use an identity column (SQL standard, the sequence belongs to the column): " +
                 use.column + " " + std::string(base == "integer" ? "bigint" : base) +
                 " GENERATED ALWAYS AS IDENTITY";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_prefer_identity() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
