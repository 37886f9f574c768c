#include <filesystem>
#include <utility>

#include "migration/host/aligned_script.hpp"
#include "migration/host/file_name.hpp"
#include "migration/host/python_values.hpp"
#include "migration/host/runners.hpp"
#include "migration/host/sql_strings.hpp"

namespace migsafe::migration::host {

namespace {

TSNode migration_class(const SyntaxTree& tree) {
    for (TSNode statement : named_children(tree.root())) {
        if (kind(statement) == "decorated_definition") statement = field(statement, "definition");
        if (kind(statement) == "class_definition" &&
            text_of(field(statement, "superclasses"), tree.text()).find("Migration") !=
                std::string_view::npos)
            return statement;
    }
    return TSNode{};
}

// "shop/migrations/0002_x.py" → "shop": Django's app label is the package that holds
// migrations/.
std::string app_label(const std::string& path) {
    const std::filesystem::path directory = std::filesystem::path(path).parent_path();
    if (directory.filename() != "migrations") return {};
    return directory.parent_path().filename().string();
}

// ("shop", "0001_initial") → "shop.0001_initial".
std::vector<std::string> dependencies(TSNode list, std::string_view text) {
    std::vector<std::string> out;
    if (kind(list) != "list" && kind(list) != "tuple") return out;
    for (const TSNode entry : named_children(list)) {
        const auto parts = named_children(entry);
        if (kind(entry) != "tuple" || parts.size() != 2) continue;
        const auto app = python_string_value(parts[0], text);
        const auto name = python_string_value(parts[1], text);
        if (app && name) out.push_back(*app + "." + *name);
    }
    return out;
}

// RunSQL(sql, reverse_sql=None, …): the argument at `position` or named `keyword`.
TSNode run_sql_argument(TSNode call, size_t position, std::string_view keyword,
                        std::string_view text) {
    size_t index = 0;
    for (const TSNode argument : named_children(field(call, "arguments"))) {
        if (kind(argument) == "keyword_argument") {
            if (text_of(field(argument, "name"), text) == keyword) return field(argument, "value");
            continue;
        }
        if (index++ == position) return argument;
    }
    return TSNode{};
}

bool is_run_sql(TSNode node, std::string_view text) {
    if (kind(node) != "call") return false;
    const std::string_view function = text_of(field(node, "function"), text);
    return function == "migrations.RunSQL" || function == "RunSQL";
}

// RunSQL's sql and reverse_sql: a string, or a list or tuple whose elements are strings or
// (sql, params) pairs, each its own statement.
void write_sql_argument(const SqlStrings& strings, TSNode value, AlignedScript& script) {
    if (kind(value) == "list" || kind(value) == "tuple") {
        for (const TSNode element : named_children(value)) {
            const auto pair = named_children(element);
            if (kind(element) == "tuple" && pair.size() == 2)
                strings.write_with_parameters(pair[0], script);
            else
                strings.write(element, script);
        }
        return;
    }
    strings.write(value, script);
}

}  // namespace

std::optional<Migration> extract_django(const std::string& path, std::string_view text) {
    const SyntaxTree tree(HostLanguage::Python, text);
    const TSNode klass = migration_class(tree);
    if (ts_node_is_null(klass)) return std::nullopt;
    const TSNode body = field(klass, "body");

    const bool atomic = text_of(python_assignment(body, "atomic", text), text) != "False";
    const TransactionModel model = atomic ? TransactionModel::Wrapped : TransactionModel::AsWritten;
    const std::string reason = atomic ? "Django default (atomic migration)" : "atomic = False";

    const SqlStrings strings(tree, HostLanguage::Python);
    AlignedScript up(text);
    AlignedScript down(text);
    bool every_run_sql_reversible = true;
    walk(python_assignment(body, "operations", text), [&](TSNode node) {
        if (!is_run_sql(node, text)) return true;
        const TSNode sql = run_sql_argument(node, 0, "sql", text);
        if (!ts_node_is_null(sql)) write_sql_argument(strings, sql, up);
        const TSNode reverse = run_sql_argument(node, 1, "reverse_sql", text);
        const std::string_view reverse_text = text_of(reverse, text);
        // RunSQL.noop is a deliberate empty down; no reverse_sql (or None) makes Django refuse
        // to unapply the migration.
        if (ts_node_is_null(reverse) || reverse_text == "None")
            every_run_sql_reversible = false;
        else if (!reverse_text.ends_with("RunSQL.noop"))
            write_sql_argument(strings, reverse, down);
        return false;
    });

    Migration migration;
    const std::string stem = file_stem(path);
    const std::string app = app_label(path);
    migration.id = app.empty() ? stem : app + "." + stem;
    migration.name = stem;
    migration.depends_on = dependencies(python_assignment(body, "dependencies", text), text);
    migration.up = std::move(up).finish(path, Direction::Up, model, reason);
    if (every_run_sql_reversible)
        migration.down = std::move(down).finish(path, Direction::Down, model, reason);
    return migration;
}

}  // namespace migsafe::migration::host
