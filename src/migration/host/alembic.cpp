#include <utility>

#include "migration/host/aligned_script.hpp"
#include "migration/host/file_name.hpp"
#include "migration/host/python_values.hpp"
#include "migration/host/runners.hpp"
#include "migration/host/sql_strings.hpp"

namespace migsafe::migration::host {

namespace {

bool is_sqlalchemy_text(std::string_view function) {
    return function == "text" || function == "sa.text" || function == "sqlalchemy.text";
}

// op.execute("…") and op.execute(sa.text("…")): the SQL argument.
TSNode execute_argument(TSNode call, std::string_view text) {
    if (text_of(field(call, "function"), text) != "op.execute") return TSNode{};
    const auto arguments = named_children(field(call, "arguments"));
    if (arguments.empty()) return TSNode{};
    TSNode sql = arguments.front();
    if (kind(sql) == "call" && is_sqlalchemy_text(text_of(field(sql, "function"), text))) {
        const auto inner = named_children(field(sql, "arguments"));
        if (!inner.empty()) sql = inner.front();
    }
    return sql;
}

bool is_autocommit_block(TSNode with_statement, std::string_view text) {
    for (const TSNode clause : named_children(with_statement))
        if (kind(clause) == "with_clause" &&
            text_of(clause, text).find("autocommit_block()") != std::string_view::npos)
            return true;
    return false;
}

std::vector<std::string> down_revisions(TSNode value, std::string_view text) {
    std::vector<std::string> revisions;
    if (auto single = python_string_value(value, text)) {
        revisions.push_back(std::move(*single));
        return revisions;
    }
    if (kind(value) == "tuple" || kind(value) == "list")
        for (const TSNode element : named_children(value))
            if (auto revision = python_string_value(element, text))
                revisions.push_back(std::move(*revision));
    return revisions;  // None: the root of the history
}

std::optional<Script> function_script(const SyntaxTree& tree, TSNode function,
                                      const std::string& path, Direction direction) {
    if (ts_node_is_null(function)) return std::nullopt;
    const std::string_view text = tree.text();
    const SqlStrings strings(tree, HostLanguage::Python);
    AlignedScript script(text);
    bool autocommit = false;
    walk(field(function, "body"), [&](TSNode node) {
        if (kind(node) == "with_statement" && is_autocommit_block(node, text)) autocommit = true;
        if (kind(node) != "call") return true;
        const TSNode sql = execute_argument(node, text);
        if (ts_node_is_null(sql)) return true;
        strings.write(sql, script);
        return false;
    });
    // The statements inside autocommit_block() run outside Alembic's transaction; the script is
    // modelled as run statement by statement.
    return autocommit ? std::move(script).finish(path, direction, TransactionModel::AsWritten,
                                                 "op.get_context().autocommit_block()")
                      : std::move(script).finish(path, direction, TransactionModel::Wrapped,
                                                 "Alembic default (transaction per migration)");
}

}  // namespace

std::optional<Migration> extract_alembic(const std::string& path, std::string_view text) {
    const SyntaxTree tree(HostLanguage::Python, text);
    const TSNode module = tree.root();
    const auto revision = python_string_value(python_assignment(module, "revision", text), text);
    if (!revision) return std::nullopt;

    Migration migration;
    migration.id = *revision;
    const std::string stem = file_stem(path);
    migration.name = stem.starts_with(*revision + "_") ? stem.substr(revision->size() + 1) : stem;
    migration.depends_on = down_revisions(python_assignment(module, "down_revision", text), text);
    migration.up =
        function_script(tree, python_function(module, "upgrade", text), path, Direction::Up);
    migration.down =
        function_script(tree, python_function(module, "downgrade", text), path, Direction::Down);
    return migration;
}

}  // namespace migsafe::migration::host
