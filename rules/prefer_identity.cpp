#include "engine/rule_context.hpp"
#include "pg/column_types.hpp"

namespace migsafe::rules {

namespace {

void check(const RuleContext& ctx, Findings& out) {
    const auto col = ctx.first_column_type([](const pg::ColumnTypeUse& u) {
        return u.kind == pg::ColumnType::SmallSerial || u.kind == pg::ColumnType::Serial ||
               u.kind == pg::ColumnType::BigSerial;
    });
    if (!col) return;
    const pg::ColumnTypeUse& use = col->use;
    const std::string_view base = use.kind == pg::ColumnType::SmallSerial ? "smallint"
                                  : use.kind == pg::ColumnType::Serial    ? "integer"
                                                                          : "bigint";
    Diagnostic& d = out.report(
        col->span, "column " + col->column + " is " + col->text +
                       ": serial creates a separate sequence with its own owner and grants, "
                       "which dumps, permissions and copies of the table easily get out of step "
                       "with, and lets inserts bypass it with explicit ids");
    d.help =
        "use an identity column (SQL standard, the sequence belongs to the column): " + use.column +
        " " + std::string(base == "integer" ? "bigint" : base) + " GENERATED ALWAYS AS IDENTITY";
}

}  // namespace

RuleHooks hooks_prefer_identity() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
