// knex query builders, Prisma client calls and TypeORM entities (JavaScript and TypeScript).
#include <set>

#include "code/code_file.hpp"

namespace migsafe::code {

namespace {

using migration::host::kind;
using migration::host::span_of;

// knex methods whose string arguments (or object keys) name columns.
const std::set<std::string_view>& builder_methods() {
    static const std::set<std::string_view> methods = {
        "select",        "column",       "columns",
        "returning",     "distinct",     "groupBy",
        "pluck",         "first",        "where",
        "andWhere",      "orWhere",      "whereNot",
        "orWhereNot",    "whereIn",      "whereNotIn",
        "orWhereIn",     "whereNull",    "whereNotNull",
        "orWhereNull",   "whereBetween", "whereNotBetween",
        "having",        "orderBy",      "increment",
        "decrement",     "sum",          "avg",
        "min",           "max",          "count",
        "countDistinct", "insert",       "update",
        "onConflict",    "merge",        "join",
        "leftJoin",      "innerJoin"};
    return methods;
}

const std::set<std::string_view>& prisma_methods() {
    static const std::set<std::string_view> methods = {"findMany",
                                                       "findFirst",
                                                       "findFirstOrThrow",
                                                       "findUnique",
                                                       "findUniqueOrThrow",
                                                       "create",
                                                       "createMany",
                                                       "update",
                                                       "updateMany",
                                                       "upsert",
                                                       "delete",
                                                       "deleteMany",
                                                       "count",
                                                       "aggregate",
                                                       "groupBy"};
    return methods;
}

const std::set<std::string_view>& typeorm_column_decorators() {
    static const std::set<std::string_view> decorators = {
        "Column",           "PrimaryColumn",    "PrimaryGeneratedColumn", "CreateDateColumn",
        "UpdateDateColumn", "DeleteDateColumn", "VersionColumn",          "JoinColumn"};
    return decorators;
}

// What projects call their knex instance or transaction.
bool is_knex_name(std::string_view name) {
    return name == "knex" || name == "db" || name == "trx" || name == "tx" || name == "database" ||
           name.ends_with("Knex") || name.ends_with("Db");
}

bool is_join(std::string_view method) {
    return method == "join" || method == "leftJoin" || method == "innerJoin";
}

class JavaScriptReader {
  public:
    explicit JavaScriptReader(const CodeFile& file) : file_(file) {}

    void read() {
        migration::host::walk(file_.tree.root(), [&](TSNode node) {
            const std::string_view node_kind = kind(node);
            if (node_kind == "call_expression") read_call(node);
            if (node_kind == "class_declaration" || node_kind == "abstract_class_declaration" ||
                node_kind == "class")
                read_entity(node);
            return true;
        });
    }

  private:
    // `{ email: x, "name": y, id }`: each key.
    void read_object_keys(TSNode object, const std::string& table, std::string_view context,
                          Naming naming) const {
        for (const TSNode entry : items_of(object)) {
            if (kind(entry) == "shorthand_property_identifier") {
                file_.add(table, std::string(file_.text_of(entry)), span_of(entry),
                          std::string(context), naming);
                continue;
            }
            if (kind(entry) != "pair") continue;
            const TSNode key = field_of(entry, "key");
            if (kind(key) == "property_identifier")
                file_.add(table, std::string(file_.text_of(key)), span_of(key),
                          std::string(context), naming);
            else if (const auto string = file_.plain(key))
                file_.add(table, std::string(string->value), string->span, std::string(context),
                          naming);
        }
    }

    TSNode property_value(TSNode object, std::string_view name) const {
        for (const TSNode entry : items_of(object)) {
            if (kind(entry) != "pair") continue;
            const TSNode key = field_of(entry, "key");
            const auto quoted = file_.plain(key);
            if (file_.text_of(key) == name || (quoted && quoted->value == name))
                return field_of(entry, "value");
        }
        return TSNode{};
    }

    void read_call(TSNode call) {
        const TSNode function = field_of(call, "function");
        if (kind(function) != "member_expression") return;
        const std::string_view method = file_.text_of(field_of(function, "property"));
        if (prisma_methods().contains(method) && read_prisma(call, function)) return;
        if (builder_methods().contains(method)) read_builder(call, method);
    }

    // A knex table source: knex("users"), db("users"), .from("users"), .table("users"),
    // .into("users"). Returns the string naming the table.
    std::optional<PlainString> table_source(TSNode call) const {
        const TSNode function = field_of(call, "function");
        const auto arguments = items_of(field_of(call, "arguments"));
        if (arguments.empty()) return std::nullopt;
        const auto name = file_.plain(arguments.front());
        if (!name || !is_identifier(name->value)) return std::nullopt;
        if (kind(function) == "member_expression") {
            const std::string_view method = file_.text_of(field_of(function, "property"));
            if (method == "from" || method == "table" || method == "into" || method == "knex" ||
                method == "db")
                return name;
            return std::nullopt;
        }
        // knex("users"), db("users"): not require("path") or $("h1").
        const std::string_view callee = file_.text_of(function);
        if (kind(function) == "identifier" && arguments.size() == 1 && is_knex_name(callee))
            return name;
        return std::nullopt;
    }

    void read_builder(TSNode call, std::string_view method) {
        // Find the table this chain queries: its source may come before or after this call
        // (knex("users").where(…), knex.select(…).from("users")).
        TSNode outermost = call;
        for (TSNode member = ts_node_parent(outermost);
             kind(member) == "member_expression" &&
             ts_node_eq(field_of(member, "object"), outermost) &&
             kind(ts_node_parent(member)) == "call_expression";
             member = ts_node_parent(outermost))
            outermost = ts_node_parent(member);
        std::optional<PlainString> source;
        std::string_view root_name;
        for (TSNode link = outermost; !ts_node_is_null(link);) {
            if (kind(link) != "call_expression") {
                root_name = file_.text_of(link);
                break;
            }
            if (!source) source = table_source(link);
            const TSNode callee = field_of(link, "function");
            link = kind(callee) == "member_expression" ? field_of(callee, "object") : callee;
        }
        const bool knex_root = is_knex_name(root_name) || root_name == "this.knex" ||
                               root_name == "this.db" || root_name == "qb";
        if (!source && !knex_root) return;
        std::string table;
        if (source) {
            table = std::string(source->value);
            file_.add(table, "", source->span, "query builder");
        }
        const auto arguments = items_of(field_of(call, "arguments"));
        const bool keys_only = method == "insert" || method == "update" || method == "merge";
        // Methods that take a list of columns; the others take one column, then values
        // (where("email", x), orderBy("created_at", "desc"), increment("logins", 1)).
        const bool many_columns = method == "select" || method == "column" || method == "columns" ||
                                  method == "returning" || method == "distinct" ||
                                  method == "groupBy" || method == "first" || is_join(method);
        const bool first_only = !keys_only && !many_columns;
        for (size_t i = 0; i < arguments.size(); ++i) {
            const TSNode argument = arguments[i];
            if (first_only && i > 0) break;
            if (is_join(method) && i == 0) {
                if (const auto joined = file_.plain(argument);
                    joined && is_identifier(joined->value))
                    file_.add(std::string(joined->value), "", joined->span, "query builder");
                continue;
            }
            read_builder_argument(argument, table, keys_only);
        }
    }

    void read_builder_argument(TSNode argument, const std::string& table, bool keys_only) const {
        const std::string_view argument_kind = kind(argument);
        if (argument_kind == "object") {
            read_object_keys(argument, table, "query builder", Naming::Exact);
        } else if (argument_kind == "array") {
            for (const TSNode element : items_of(argument))
                read_builder_argument(element, table, keys_only);
        } else if (!keys_only) {
            if (const auto name = file_.plain(argument))
                add_column_string(file_, *name, table, "query builder");
        }
    }

    // prisma.user.findMany({ where: { emailVerified: true } }): model `user`, field
    // emailVerified.
    bool read_prisma(TSNode call, TSNode function) {
        const TSNode model_access = field_of(function, "object");
        if (kind(model_access) != "member_expression") return false;
        const std::string_view client = file_.text_of(field_of(model_access, "object"));
        const bool is_client = client.find("prisma") != std::string_view::npos ||
                               client.find("Prisma") != std::string_view::npos || client == "tx" ||
                               client == "db";
        if (!is_client) return false;
        const std::string model(file_.text_of(field_of(model_access, "property")));
        const auto arguments = items_of(field_of(call, "arguments"));
        if (arguments.empty() || kind(arguments.front()) != "object") return true;
        for (const TSNode entry : items_of(arguments.front())) {
            if (kind(entry) != "pair") continue;
            const std::string_view key = file_.text_of(field_of(entry, "key"));
            const TSNode value = field_of(entry, "value");
            if (key == "where")
                read_prisma_where(value, model);
            else if (key == "select" || key == "data" || key == "create" || key == "update" ||
                     key == "orderBy" || key == "cursor")
                read_prisma_fields(value, model);
        }
        return true;
    }

    void read_prisma_fields(TSNode value, const std::string& model) const {
        if (kind(value) == "array") {
            for (const TSNode element : items_of(value))
                read_prisma_fields(element, model);
        } else if (kind(value) == "object") {
            read_object_keys(value, model, "Prisma query", Naming::OrmMapped);
        }
    }

    void read_prisma_where(TSNode where, const std::string& model) const {
        if (kind(where) == "array") {
            for (const TSNode element : items_of(where))
                read_prisma_where(element, model);
            return;
        }
        if (kind(where) != "object") return;
        for (const TSNode entry : items_of(where)) {
            const TSNode key = field_of(entry, "key");
            const std::string_view name = file_.text_of(key);
            if (kind(entry) == "pair" && (name == "AND" || name == "OR" || name == "NOT")) {
                read_prisma_where(field_of(entry, "value"), model);
                continue;
            }
            if (kind(entry) == "shorthand_property_identifier")
                file_.add(model, std::string(file_.text_of(entry)), span_of(entry), "Prisma query",
                          Naming::OrmMapped);
            else if (kind(entry) == "pair" && kind(key) == "property_identifier")
                file_.add(model, std::string(name), span_of(key), "Prisma query",
                          Naming::OrmMapped);
        }
    }

    // The decorators written before a class or field: its own children, and for an exported
    // class those of the export statement.
    std::vector<TSNode> decorators_of(TSNode node) const {
        std::vector<TSNode> out;
        for (const TSNode child : items_of(node))
            if (kind(child) == "decorator") out.push_back(child);
        const TSNode parent = ts_node_parent(node);
        if (kind(parent) == "export_statement")
            for (const TSNode child : items_of(parent))
                if (kind(child) == "decorator") out.push_back(child);
        return out;
    }

    // The decorator's name (`Column` for @Column(...)) and its call arguments (null if none).
    std::pair<std::string_view, TSNode> decorator_call(TSNode decorator) const {
        const auto inner = items_of(decorator);
        if (inner.empty()) return {"", TSNode{}};
        if (kind(inner.front()) == "call_expression")
            return {file_.text_of(field_of(inner.front(), "function")),
                    field_of(inner.front(), "arguments")};
        return {file_.text_of(inner.front()), TSNode{}};
    }

    // The `name` option among a decorator's arguments: @Entity("users"),
    // @Column({ name: "email_verified" }).
    std::optional<PlainString> name_option(TSNode arguments, bool string_argument_is_name) const {
        for (const TSNode argument : items_of(arguments)) {
            if (string_argument_is_name)
                if (const auto name = file_.plain(argument)) return name;
            if (kind(argument) == "object")
                if (const auto name = file_.plain(property_value(argument, "name"))) return name;
        }
        return std::nullopt;
    }

    void read_entity(TSNode entity) {
        std::string table;
        Naming table_naming = Naming::Exact;
        bool is_entity = false;
        for (const TSNode decorator : decorators_of(entity)) {
            const auto [name, arguments] = decorator_call(decorator);
            if (name != "Entity") continue;
            is_entity = true;
            if (const auto explicit_name = name_option(arguments, true)) {
                table = std::string(explicit_name->value);
                file_.add(table, "", explicit_name->span, "TypeORM entity");
            }
        }
        if (!is_entity) return;
        if (table.empty()) {
            table = std::string(file_.text_of(field_of(entity, "name")));
            table_naming = Naming::OrmMapped;
        }
        for (const TSNode member : items_of(field_of(entity, "body"))) {
            const std::string_view member_kind = kind(member);
            if (member_kind != "public_field_definition" && member_kind != "field_definition")
                continue;
            TSNode property = field_of(member, "name");
            if (ts_node_is_null(property)) property = field_of(member, "property");
            for (const TSNode decorator : decorators_of(member)) {
                const auto [name, arguments] = decorator_call(decorator);
                if (!typeorm_column_decorators().contains(name)) continue;
                if (const auto column = name_option(arguments, false)) {
                    file_.add(table, std::string(column->value), column->span, "TypeORM column",
                              table_naming);
                } else if (name != "JoinColumn") {
                    file_.add(table, std::string(file_.text_of(property)), span_of(property),
                              "TypeORM column", Naming::OrmMapped);
                }
            }
        }
    }

    const CodeFile& file_;
};

}  // namespace

void add_javascript_references(const CodeFile& file) {
    JavaScriptReader(file).read();
}

}  // namespace migsafe::code
