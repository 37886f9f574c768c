#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

// Source text of parts of a column definition, for the SQL that rules print in their help.
namespace migsafe::rules {

inline std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' ||
                          s.back() == '\r' || s.back() == ','))
        s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t'))
        s.remove_prefix(1);
    return std::string(s);
}

// The source text of the column's type and of its DEFAULT expression, cut at the file offsets
// where the column's constraints start (the parse tree has start locations only).
struct ColumnText {
    std::string type;
    std::string default_expr;
};

inline ColumnText column_text(const RuleContext& ctx, const PgQuery__ColumnDef& column,
                              ByteSpan command) {
    std::vector<uint32_t> starts;
    const PgQuery__Constraint* def = nullptr;
    for (const PgQuery__Node* c : sql::list(column.constraints, column.n_constraints)) {
        if (!sql::is(c, PG_QUERY__NODE__NODE_CONSTRAINT) || c->constraint->location < 0) continue;
        starts.push_back(ctx.offset(c->constraint->location));
        if (c->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT) def = c->constraint;
    }
    std::sort(starts.begin(), starts.end());
    const auto next_after = [&](uint32_t from) {
        for (const uint32_t s : starts)
            if (s > from) return std::min(s, command.end);
        return command.end;
    };
    ColumnText out;
    if (column.type_name != nullptr && column.type_name->location >= 0) {
        const uint32_t begin = ctx.offset(column.type_name->location);
        if (begin < command.end) out.type = trimmed(ctx.text({begin, next_after(begin)}));
    }
    if (def != nullptr && def->raw_expr != nullptr) {
        const uint32_t begin = ctx.offset(def->location);
        if (begin < command.end) {
            std::string text = trimmed(ctx.text({begin, next_after(begin)}));
            // Drop the DEFAULT keyword itself.
            if (text.size() > 7) out.default_expr = trimmed(std::string_view(text).substr(7));
        }
    }
    return out;
}

}  // namespace migsafe::rules
