// ActiveRecord models and the arguments of their query methods.
#include <map>
#include <set>

#include "code/code_file.hpp"
#include "code/names.hpp"

namespace migsafe::code {

namespace {

using migration::host::kind;

// Methods whose hash keys name columns: where(email: x), find_by(email: x), order(name: :asc).
const std::set<std::string_view>& hash_methods() {
    static const std::set<std::string_view> methods = {"where",
                                                       "rewhere",
                                                       "not",
                                                       "find_by",
                                                       "find_by!",
                                                       "exists?",
                                                       "find_or_create_by",
                                                       "find_or_create_by!",
                                                       "find_or_initialize_by",
                                                       "order",
                                                       "reorder",
                                                       "update_all",
                                                       "update",
                                                       "update!",
                                                       "create",
                                                       "create!",
                                                       "having"};
    return methods;
}

// Methods whose symbol or string arguments name columns: pluck(:email), order("email").
const std::set<std::string_view>& column_methods() {
    static const std::set<std::string_view> methods = {
        "pluck",   "pick",    "select",  "order", "reorder", "group",      "sum",
        "average", "minimum", "maximum", "where", "rewhere", "increment!", "decrement!"};
    return methods;
}

// How an SQL fragment argument becomes a query that parses, by method.
std::string_view fragment_prefix(std::string_view method) {
    if (method == "where" || method == "rewhere" || method == "not" || method == "having")
        return "SELECT 1 WHERE ";
    if (method == "order" || method == "reorder") return "SELECT 1 ORDER BY ";
    if (method == "group") return "SELECT 1 GROUP BY ";
    if (method == "select" || method == "pluck" || method == "pick") return "SELECT ";
    return "";
}

std::string last_constant(std::string_view name) {
    const size_t colons = name.rfind("::");
    return std::string(colons == std::string_view::npos ? name : name.substr(colons + 2));
}

std::string conventional_table(std::string_view class_name) {
    return plural(snake_case(last_constant(class_name)));
}

class RubyReader {
  public:
    explicit RubyReader(const CodeFile& file) : file_(file) {}

    void read() {
        migration::host::for_each_of_kind(file_.tree.root(), "class",
                                          [&](TSNode node) { read_model(node); });
        migration::host::for_each_of_kind(file_.tree.root(), "call",
                                          [&](TSNode node) { read_call(node); });
    }

  private:
    void read_model(TSNode model) {
        const std::string_view superclass = file_.text_of(field_of(model, "superclass"));
        if (superclass.find("ApplicationRecord") == std::string_view::npos &&
            superclass.find("ActiveRecord::Base") == std::string_view::npos)
            return;
        const std::string name = last_constant(file_.text_of(field_of(model, "name")));
        std::string table = conventional_table(name);
        migration::host::walk(model, [&](TSNode node) {
            if (kind(node) != "assignment") return true;
            const TSNode left = field_of(node, "left");
            if (file_.text_of(left) == "self.table_name")
                if (const auto value = file_.plain(field_of(node, "right")))
                    table = std::string(value->value);
            return false;
        });
        model_tables_[name] = table;
    }

    std::string table_of_class(std::string_view name) const {
        const std::string last = last_constant(name);
        const auto found = model_tables_.find(last);
        return found != model_tables_.end() ? found->second : conventional_table(last);
    }

    // The model class a call without receiver (or on self) runs in: a scope or class method.
    std::string enclosing_model_table(TSNode node) const {
        for (TSNode up = ts_node_parent(node); !ts_node_is_null(up); up = ts_node_parent(up)) {
            if (kind(up) != "class") continue;
            const auto found =
                model_tables_.find(last_constant(file_.text_of(field_of(up, "name"))));
            return found == model_tables_.end() ? "" : found->second;
        }
        return "";
    }

    std::string table_of_chain(TSNode call) const {
        TSNode root = call;
        while (kind(root) == "call" && !ts_node_is_null(field_of(root, "receiver")))
            root = field_of(root, "receiver");
        if (kind(root) == "call" || kind(root) == "self") return enclosing_model_table(call);
        if (kind(root) == "constant" || kind(root) == "scope_resolution")
            return table_of_class(file_.text_of(root));
        return "";
    }

    void read_call(TSNode call) {
        const std::string_view method = file_.text_of(field_of(call, "method"));
        const bool by_hash = hash_methods().contains(method);
        const bool by_name = column_methods().contains(method);
        if (!by_hash && !by_name) return;
        const std::string table = table_of_chain(call);
        // where("email = ?", value): after the condition come its values.
        const bool condition = fragment_prefix(method) == "SELECT 1 WHERE ";
        bool first = true;
        for (const TSNode argument : items_of(field_of(call, "arguments"))) {
            const bool value_position = condition && !first;
            first = false;
            const std::string_view argument_kind = kind(argument);
            if (by_hash && argument_kind == "pair") {
                read_pair(argument, table);
            } else if (by_hash && argument_kind == "hash") {
                for (const TSNode pair : items_of(argument))
                    if (kind(pair) == "pair") read_pair(pair, table);
            } else if (value_position) {
                continue;
            } else if (by_name && argument_kind == "array") {
                for (const TSNode element : items_of(argument))
                    read_name(element, method, table);
            } else if (by_name) {
                read_name(argument, method, table);
            }
        }
    }

    void read_pair(TSNode pair, const std::string& table) {
        const auto key = file_.plain(field_of(pair, "key"));
        if (!key) return;
        const TSNode value = field_of(pair, "value");
        if (kind(value) == "hash") {  // where(users: { email: x })
            for (const TSNode inner : items_of(value))
                if (kind(inner) == "pair") read_pair(inner, std::string(key->value));
            return;
        }
        add_column_string(file_, *key, table, "ActiveRecord query");
    }

    void read_name(TSNode argument, std::string_view method, const std::string& table) {
        const auto name = file_.plain(argument);
        if (!name) return;
        if (is_identifier(name->value) || kind(argument) == "simple_symbol") {
            add_column_string(file_, *name, table, "ActiveRecord query");
            return;
        }
        const std::string_view prefix = fragment_prefix(method);
        if (prefix.empty()) return;
        EmbeddedSql fragment;
        fragment.sql = std::string(prefix) + std::string(name->value);
        fragment.prefix_length = static_cast<uint32_t>(prefix.size());
        fragment.file_base = name->span.begin;
        fragment.default_table = table;
        fragment.context = "ActiveRecord SQL fragment";
        add_sql_references(std::move(fragment), file_.out);
    }

    const CodeFile& file_;
    std::map<std::string, std::string, std::less<>> model_tables_;  // class name → table
};

}  // namespace

void add_ruby_references(const CodeFile& file) {
    RubyReader(file).read();
}

}  // namespace migsafe::code
