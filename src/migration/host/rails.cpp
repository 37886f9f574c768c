#include <optional>
#include <utility>

#include "migration/host/aligned_script.hpp"
#include "migration/host/file_name.hpp"
#include "migration/host/runners.hpp"
#include "migration/host/sql_strings.hpp"
#include "migration/layouts.hpp"

namespace migsafe::migration::host {

namespace {

// `dir.up { … }` / `dir.down { … }` inside `reversible do |dir| … end`: the direction it names.
std::optional<Direction> reversible_direction(TSNode node, std::string_view text) {
    if (kind(node) != "call" || ts_node_is_null(field(node, "receiver")) ||
        ts_node_is_null(field(node, "block")))
        return std::nullopt;
    const std::string_view method = text_of(field(node, "method"), text);
    if (method == "up") return Direction::Up;
    if (method == "down") return Direction::Down;
    return std::nullopt;
}

bool has_reversible_block(TSNode body, Direction direction, std::string_view text) {
    bool found = false;
    walk(body, [&](TSNode node) {
        if (reversible_direction(node, text) == direction) found = true;
        return !found;
    });
    return found;
}

// The `execute …` calls of one direction in a method body, with or without
// safety_assured { … } around them. `outside_reversible`: whether calls outside reversible
// direction blocks belong to this direction.
void write_executes(const SyntaxTree& tree, const SqlStrings& strings, TSNode body,
                    Direction direction, bool outside_reversible, AlignedScript& script) {
    walk(body, [&](TSNode node) {
        if (const auto named = reversible_direction(node, tree.text())) {
            if (*named == direction)
                write_executes(tree, strings, field(node, "block"), direction, true, script);
            return false;
        }
        if (kind(node) != "call" || text_of(field(node, "method"), tree.text()) != "execute")
            return true;
        const auto arguments = named_children(field(node, "arguments"));
        if (outside_reversible && !arguments.empty()) strings.write(arguments.front(), script);
        return false;
    });
}

bool raises_irreversible(const SyntaxTree& tree, TSNode body) {
    bool found = false;
    walk(body, [&](TSNode node) {
        if (kind(node) == "call" && text_of(field(node, "method"), tree.text()) == "raise") {
            const auto arguments = named_children(field(node, "arguments"));
            if (!arguments.empty() &&
                text_of(arguments.front(), tree.text()).ends_with("IrreversibleMigration"))
                found = true;
        }
        return !found;
    });
    return found;
}

}  // namespace

std::optional<Migration> extract_rails(const std::string& path, std::string_view text) {
    const auto versioned = split_version(file_stem(path));
    if (!versioned) return std::nullopt;
    const SyntaxTree tree(HostLanguage::Ruby, text);

    TSNode migration_class{};
    bool found_class = false;
    walk(tree.root(), [&](TSNode node) {
        if (found_class) return false;
        if (kind(node) == "class" &&
            text_of(field(node, "superclass"), text).find("ActiveRecord::Migration") !=
                std::string_view::npos) {
            migration_class = node;
            found_class = true;
        }
        return true;
    });
    if (!found_class) return std::nullopt;

    bool no_ddl_transaction = false;
    std::optional<TSNode> up_method, down_method, change_method;
    for (const TSNode member : named_children(field(migration_class, "body"))) {
        const std::string_view member_text = text_of(member, text);
        if (member_text == "disable_ddl_transaction!") no_ddl_transaction = true;
        // `def up`, or `def self.up` in migrations from before Rails 3.1.
        if (kind(member) != "method" && kind(member) != "singleton_method") continue;
        const std::string_view name = text_of(field(member, "name"), text);
        if (name == "up") up_method = member;
        if (name == "down") down_method = member;
        if (name == "change") change_method = member;
    }

    const TransactionModel model =
        no_ddl_transaction ? TransactionModel::AsWritten : TransactionModel::Wrapped;
    const std::string reason =
        no_ddl_transaction ? "disable_ddl_transaction!" : "Rails default (DDL transaction)";
    const SqlStrings strings(tree, HostLanguage::Ruby);
    auto script_of = [&](TSNode method, Direction direction, bool outside_reversible) {
        AlignedScript script(text);
        write_executes(tree, strings, method, direction, outside_reversible, script);
        return std::move(script).finish(path, direction, model, reason);
    };

    Migration migration;
    migration.id = versioned->version;
    migration.name = versioned->name;
    // `change` runs forwards as written. Its down is what Rails derives from the reversible
    // operations, plus the SQL of `reversible` down blocks; an `execute` outside them cannot be
    // reversed (Rails raises on rollback), so without down blocks there is no SQL down.
    if (up_method)
        migration.up = script_of(*up_method, Direction::Up, true);
    else if (change_method)
        migration.up = script_of(*change_method, Direction::Up, true);
    if (!down_method && change_method &&
        has_reversible_block(*change_method, Direction::Down, text))
        migration.down = script_of(*change_method, Direction::Down, false);
    if (down_method) {
        migration.down = script_of(*down_method, Direction::Down, true);
        migration.irreversible = raises_irreversible(tree, *down_method);
    }
    return migration;
}

}  // namespace migsafe::migration::host
