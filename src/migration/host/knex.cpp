#include <utility>

#include "migration/host/aligned_script.hpp"
#include "migration/host/file_name.hpp"
#include "migration/host/js_module.hpp"
#include "migration/host/runners.hpp"
#include "migration/host/sql_strings.hpp"

namespace migsafe::migration::host {

namespace {

// exports.config = { transaction: false }
bool transaction_disabled(TSNode config, std::string_view text) {
    if (kind(config) != "object") return false;
    for (const TSNode member : named_children(config))
        if (kind(member) == "pair" && text_of(field(member, "key"), text) == "transaction" &&
            text_of(field(member, "value"), text) == "false")
            return true;
    return false;
}

// knex.raw(…) also builds fragments passed to other calls (`.defaultTo(knex.raw("now()"))`);
// only a raw call that runs on its own (a statement, awaited, returned, assigned, or inside
// Promise.all) sends SQL.
bool is_statement(TSNode raw_call, std::string_view text) {
    for (TSNode node = ts_node_parent(raw_call); !ts_node_is_null(node);
         node = ts_node_parent(node)) {
        const std::string_view node_kind = kind(node);
        if (node_kind == "arguments") {
            const TSNode outer = ts_node_parent(node);
            if (text_of(field(outer, "function"), text) != "Promise.all") return false;
            node = outer;
            continue;
        }
        if (node_kind == "pair") return false;
        if (node_kind == "expression_statement" || node_kind == "return_statement" ||
            node_kind == "arrow_function")
            return true;
    }
    return true;
}

}  // namespace

std::optional<Migration> extract_knex(const std::string& path, std::string_view text) {
    const HostLanguage language = js_language(path);
    const SyntaxTree tree(language, text);
    const TSNode up_function = js_export(tree.root(), "up", text);
    if (ts_node_is_null(up_function)) return std::nullopt;
    const TSNode down_function = js_export(tree.root(), "down", text);

    const bool no_transaction = transaction_disabled(js_export(tree.root(), "config", text), text);
    const TransactionModel model =
        no_transaction ? TransactionModel::AsWritten : TransactionModel::Wrapped;
    const std::string reason = no_transaction ? "config = { transaction: false }"
                                              : "knex default (transaction per migration)";

    const SqlStrings strings(tree, language);
    auto script_of = [&](TSNode function, Direction direction) {
        const std::string knex = first_parameter(function, text, "knex");
        AlignedScript script(text);
        for_each_method_call(function, text, {knex, knex + ".schema"}, "raw", [&](TSNode call) {
            const TSNode sql = first_argument(call);
            if (!ts_node_is_null(sql) && is_statement(call, text)) strings.write(sql, script);
        });
        return std::move(script).finish(path, direction, model, reason);
    };

    Migration migration = migration_named_by(path);
    migration.up = script_of(up_function, Direction::Up);
    if (!ts_node_is_null(down_function)) migration.down = script_of(down_function, Direction::Down);
    return migration;
}

}  // namespace migsafe::migration::host
