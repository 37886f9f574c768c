#include <string>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

void check_add_value(const RuleContext& ctx, Findings& out, const PgQuery__AlterEnumStmt& e) {
    // RENAME VALUE has always been allowed in a transaction block.
    if (!sql::str(e.old_val).empty() || sql::str(e.new_val).empty()) return;
    if (!ctx.in_transaction()) return;
    // PostgreSQL 12 allows ADD VALUE in a transaction; only using the value before COMMIT fails.
    if (ctx.options.pg_version >= 12) return;
    const std::string type = pg::name_of_list(e.type_name, e.n_type_name).display();
    Diagnostic& d =
        out.report(ctx.statement_span(),
                   "ALTER TYPE " + type +
                       " ADD VALUE cannot run inside a transaction block before "
                       "PostgreSQL 12 (checking for version " +
                       std::to_string(ctx.options.pg_version) + "): the migration fails here");
    d.help = "run `" + ctx.snippet(ctx.statement_span(), 120) +
             "` outside a transaction block: in a migration of its own that the runner runs "
             "without a transaction (or after COMMIT), or upgrade to PostgreSQL 12 or later";
}

// The heuristic for PostgreSQL 12+: a string literal anywhere in the statement that equals a
// value added earlier in the same transaction is taken as a use of that value ('happy' may be
// compared with another column, but a false alarm is cheap next to a failed deploy).
void check_use(const RuleContext& ctx, Findings& out) {
    const auto& added = ctx.state.transaction().new_enum_values;
    if (added.empty() || ctx.options.pg_version < 12) return;
    // A function body runs only when called, after this transaction may have committed.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    const AddedEnumValue* used = nullptr;
    const auto compare = [&](std::string_view literal) {
        for (const AddedEnumValue& v : added) {
            if (literal == v.value) used = &v;
        }
    };
    sql::for_each_descendant(&ctx.stmt.node->base, [&](const PgQuery__Node& node) {
        if (used != nullptr || node.node_case != PG_QUERY__NODE__NODE_A_CONST) return;
        const PgQuery__AConst& c = *node.a_const;
        if (c.val_case != PG_QUERY__A__CONST__VAL_SVAL || c.sval == nullptr) return;
        compare(sql::str(c.sval->sval));
    });
    // A data insert's VALUES are not in its tree: its plain '…' literals are read from tokens.
    if (ctx.stmt.tree_elided) {
        for (const sql::Token& t : ctx.stmt.tokens) {
            if (used != nullptr) break;
            const std::string_view text = ctx.text(t.span);
            if (t.kind != sql::TokenKind::String || text.size() < 2 || text.front() != '\'')
                continue;
            std::string value;
            for (size_t i = 1; i + 1 < text.size(); ++i) {
                value.push_back(text[i]);
                if (text[i] == '\'' && text[i + 1] == '\'') ++i;  // '' stands for '
            }
            compare(value);
        }
    }
    if (used == nullptr) return;
    const std::string type = used->type.display();
    Diagnostic& d = out.report(
        ctx.statement_span(),
        "'" + used->value + "' looks like the value ALTER TYPE " + type +
            " ADD VALUE added earlier in this transaction: PostgreSQL refuses to use a new enum "
            "value before the transaction that added it commits (\"unsafe use of new value\"), "
            "so the migration fails here");
    d.help = "commit the ALTER TYPE " + type + " ADD VALUE '" + used->value +
             "' first (end the transaction after it, or move it to an earlier migration), then "
             "use the value in a later transaction";
}

void check(const RuleContext& ctx, Findings& out) {
    if (ctx.stmt.node == nullptr) return;
    if (sql::is(ctx.stmt.node, PG_QUERY__NODE__NODE_ALTER_ENUM_STMT)) {
        check_add_value(ctx, out, *ctx.stmt.node->alter_enum_stmt);
        return;
    }
    check_use(ctx, out);
}

}  // namespace

RuleHooks hooks_enum_value_in_transaction() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
