#include <utility>

#include "migration/host/aligned_script.hpp"
#include "migration/host/file_name.hpp"
#include "migration/host/js_module.hpp"
#include "migration/host/runners.hpp"
#include "migration/host/sql_strings.hpp"

namespace migsafe::migration::host {

std::optional<Migration> extract_node_pg_migrate(const std::string& path, std::string_view text) {
    const HostLanguage language = js_language(path);
    const SyntaxTree tree(language, text);
    const TSNode up_function = js_export(tree.root(), "up", text);
    if (ts_node_is_null(up_function)) return std::nullopt;
    const TSNode down_function = js_export(tree.root(), "down", text);

    const SqlStrings strings(tree, language);
    auto script_of = [&](TSNode function, Direction direction) {
        const std::string pgm = first_parameter(function, text, "pgm");
        AlignedScript script(text);
        for_each_method_call(function, text, {pgm}, "sql", [&](TSNode call) {
            const TSNode sql = first_argument(call);
            if (!ts_node_is_null(sql)) strings.write(sql, script);
        });
        bool no_transaction = false;
        for_each_method_call(function, text, {pgm}, "noTransaction",
                             [&](TSNode) { no_transaction = true; });
        return no_transaction
                   ? std::move(script).finish(path, direction, TransactionModel::AsWritten,
                                              "pgm.noTransaction()")
                   : std::move(script).finish(
                         path, direction, TransactionModel::Wrapped,
                         "node-pg-migrate default (transaction per migration)");
    };

    Migration migration = migration_named_by(path);
    migration.up = script_of(up_function, Direction::Up);
    if (!ts_node_is_null(down_function)) migration.down = script_of(down_function, Direction::Down);
    return migration;
}

}  // namespace migsafe::migration::host
