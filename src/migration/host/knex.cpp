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
            if (!ts_node_is_null(sql)) strings.write(sql, script);
        });
        return std::move(script).finish(path, direction, model, reason);
    };

    Migration migration;
    const std::string stem = file_stem(path);
    const auto versioned = split_version(stem);
    migration.id = versioned ? versioned->version : stem;
    migration.name = versioned ? versioned->name : stem;
    migration.up = script_of(up_function, Direction::Up);
    if (!ts_node_is_null(down_function)) migration.down = script_of(down_function, Direction::Down);
    return migration;
}

}  // namespace migsafe::migration::host
