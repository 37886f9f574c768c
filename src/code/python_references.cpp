// Django and SQLAlchemy models, and their query methods.
#include <map>

#include "code/code_file.hpp"
#include "code/names.hpp"

namespace migsafe::code {

namespace {

using migration::host::kind;
using migration::host::span_of;

// The name after the last '.' of a callee such as `models.CharField` or `sa.Column`.
std::string_view last_segment(std::string_view callee) {
    const size_t dot = callee.rfind('.');
    return dot == std::string_view::npos ? callee : callee.substr(dot + 1);
}

// The Django app a models file belongs to: the directory holding models.py or models/.
std::string django_app_label(std::string_view path) {
    std::string_view directory = path.substr(0, path.rfind('/') + 1);
    if (directory.ends_with("/")) directory.remove_suffix(1);
    if (path.ends_with("/models.py") || path == "models.py") {
        // the directory itself
    } else if (directory.ends_with("/models") || directory == "models") {
        directory = directory.substr(0, directory.size() - std::string_view("models").size());
        if (directory.ends_with("/")) directory.remove_suffix(1);
    } else {
        return "";
    }
    return std::string(directory.substr(directory.rfind('/') + 1));
}

TSNode keyword_value(TSNode arguments, const CodeFile& file, std::string_view name) {
    for (const TSNode argument : items_of(arguments))
        if (kind(argument) == "keyword_argument" &&
            file.text_of(field_of(argument, "name")) == name)
            return field_of(argument, "value");
    return TSNode{};
}

TSNode first_positional(TSNode arguments) {
    for (const TSNode argument : items_of(arguments))
        if (kind(argument) != "keyword_argument" && kind(argument) != "comment") return argument;
    return TSNode{};
}

// The assignments `name = value` / `name: T = value` directly in a class body.
std::vector<TSNode> body_assignments(TSNode body) {
    std::vector<TSNode> out;
    for (const TSNode statement : items_of(body))
        if (kind(statement) == "expression_statement")
            for (const TSNode inner : items_of(statement))
                if (kind(inner) == "assignment") out.push_back(inner);
    return out;
}

std::optional<PlainString> assigned_string(const CodeFile& file, TSNode body,
                                           std::string_view name) {
    for (const TSNode assignment : body_assignments(body))
        if (file.text_of(field_of(assignment, "left")) == name)
            return file.plain(field_of(assignment, "right"));
    return std::nullopt;
}

class PythonReader {
  public:
    explicit PythonReader(const CodeFile& file) : file_(file) {}

    void read() {
        migration::host::for_each_of_kind(file_.tree.root(), "class_definition",
                                          [&](TSNode node) { read_model(node); });
        migration::host::for_each_of_kind(file_.tree.root(), "call",
                                          [&](TSNode node) { read_call(node); });
    }

  private:
    void read_model(TSNode model) {
        const TSNode body = field_of(model, "body");
        const std::string class_name(file_.text_of(field_of(model, "name")));
        std::string table;
        std::string app = django_app_label(file_.path);
        bool django = false;
        bool abstract = false;
        if (const auto name = assigned_string(file_, body, "__tablename__")) {
            table = std::string(name->value);
        } else {
            for (const TSNode inner : items_of(body)) {
                if (kind(inner) != "class_definition" ||
                    file_.text_of(field_of(inner, "name")) != "Meta")
                    continue;
                const TSNode meta = field_of(inner, "body");
                if (const auto db_table = assigned_string(file_, meta, "db_table"))
                    table = std::string(db_table->value);
                if (const auto label = assigned_string(file_, meta, "app_label"))
                    app = std::string(label->value);
                for (const TSNode assignment : body_assignments(meta))
                    if (file_.text_of(field_of(assignment, "left")) == "abstract" &&
                        file_.text_of(field_of(assignment, "right")) == "True")
                        abstract = true;
            }
        }
        for (const TSNode assignment : body_assignments(body)) {
            const TSNode value = field_of(assignment, "right");
            if (kind(value) != "call") continue;
            const std::string_view callee = file_.text_of(field_of(value, "function"));
            if (callee.starts_with("models.")) django = true;
        }
        // An abstract model's fields live in the tables of the models that extend it.
        if (table.empty() && django && !abstract && !app.empty())
            table = app + "_" + fold_identifier(class_name);
        if (!table.empty()) model_tables_[class_name] = table;
        for (const TSNode assignment : body_assignments(body))
            read_field(assignment, table);
    }

    void read_field(TSNode assignment, const std::string& table) {
        const TSNode left = field_of(assignment, "left");
        if (kind(left) != "identifier") return;
        const std::string attribute(file_.text_of(left));
        const TSNode value = field_of(assignment, "right");
        const TSNode type = field_of(assignment, "type");
        if (ts_node_is_null(value)) {
            // SQLAlchemy 2: `email: Mapped[str]` alone declares a column.
            if (file_.text_of(type).starts_with("Mapped[") && !table.empty())
                file_.add(table, attribute, span_of(left), "SQLAlchemy column");
            return;
        }
        if (kind(value) != "call") return;
        const std::string_view callee = file_.text_of(field_of(value, "function"));
        const std::string_view function = last_segment(callee);
        const TSNode arguments = field_of(value, "arguments");
        if (callee.starts_with("models.")) {
            if (function == "ManyToManyField" ||
                !(function.ends_with("Field") || function == "ForeignKey"))
                return;
            if (const auto column = file_.plain(keyword_value(arguments, file_, "db_column"))) {
                file_.add(table, std::string(column->value), column->span, "Django model field");
                return;
            }
            const bool foreign = function == "ForeignKey" || function == "OneToOneField";
            file_.add(table, foreign ? attribute + "_id" : attribute, span_of(left),
                      "Django model field");
            return;
        }
        if (function == "Column" || function == "mapped_column") {
            if (const auto column = file_.plain(first_positional(arguments))) {
                file_.add(table, std::string(column->value), column->span, "SQLAlchemy column");
                return;
            }
            file_.add(table, attribute, span_of(left), "SQLAlchemy column");
        }
    }

    void read_call(TSNode call) {
        const TSNode function = field_of(call, "function");
        const TSNode arguments = field_of(call, "arguments");
        const std::string_view callee = file_.text_of(function);
        if (last_segment(callee) == "Table") return read_core_table(arguments);
        if (kind(function) != "attribute") return;
        const std::string_view method = file_.text_of(field_of(function, "attribute"));
        const TSNode receiver = field_of(function, "object");
        const std::string_view chain = file_.text_of(receiver);
        const std::string table = table_of_chain(receiver);
        // Only chains that look like an ORM query: `filter` and `values` are common method
        // names elsewhere.
        bool manager = !table.empty();
        for (const std::string_view marker : {".objects", "query", "select("})
            manager = manager || chain.find(marker) != std::string_view::npos;
        const bool keyword_filter =
            method == "filter" || method == "filter_by" || method == "exclude";
        const bool keyword_write =
            manager && (method == "get" || method == "create" || method == "update" ||
                        method == "get_or_create" || method == "update_or_create");
        if ((keyword_filter && manager) || keyword_write) {
            for (const TSNode argument : items_of(arguments)) {
                if (kind(argument) != "keyword_argument") continue;
                const TSNode name = field_of(argument, "name");
                const std::string_view text = file_.text_of(name);
                if (text == "defaults" || text == "pk") continue;
                add_column_string(file_, {text, span_of(name)}, table, "ORM query");
            }
            return;
        }
        const bool field_strings = method == "values" || method == "values_list" ||
                                   method == "order_by" || method == "only" || method == "defer" ||
                                   method == "distinct";
        if (!field_strings || !manager) return;
        for (const TSNode argument : items_of(arguments))
            if (const auto string = file_.plain(argument))
                add_column_string(file_, *string, table, "ORM query");
    }

    // SQLAlchemy Core: Table("users", metadata, Column("email", …), …).
    void read_core_table(TSNode arguments) {
        const auto name = file_.plain(first_positional(arguments));
        if (!name || !is_identifier(name->value)) return;
        // Table(name, metadata, …): other libraries have a Table class too.
        const auto positional = items_of(arguments);
        if (positional.size() < 2) return;
        const std::string_view metadata = file_.text_of(positional[1]);
        if (metadata.find("metadata") == std::string_view::npos &&
            metadata.find("MetaData") == std::string_view::npos)
            return;
        const std::string table(name->value);
        file_.add(table, "", name->span, "SQLAlchemy table");
        for (const TSNode argument : items_of(arguments)) {
            if (kind(argument) != "call" ||
                last_segment(file_.text_of(field_of(argument, "function"))) != "Column")
                continue;
            if (const auto column = file_.plain(first_positional(field_of(argument, "arguments"))))
                file_.add(table, std::string(column->value), column->span, "SQLAlchemy column");
        }
    }

    // The table of a model named at the start of a query chain (User.objects…, User.query…,
    // session.query(User)…), when this file declares the model.
    std::string table_of_chain(TSNode receiver) const {
        TSNode root = receiver;
        while (true) {
            if (kind(root) == "attribute") {
                root = field_of(root, "object");
            } else if (kind(root) == "call") {
                const TSNode function = field_of(root, "function");
                if (kind(function) == "attribute" &&
                    file_.text_of(field_of(function, "attribute")) == "query") {
                    const TSNode model = first_positional(field_of(root, "arguments"));
                    if (!ts_node_is_null(model)) {
                        root = model;
                        break;
                    }
                }
                root = function;
            } else {
                break;
            }
        }
        const auto found = model_tables_.find(std::string(file_.text_of(root)));
        return found == model_tables_.end() ? "" : found->second;
    }

    const CodeFile& file_;
    std::map<std::string, std::string> model_tables_;  // class name → table
};

}  // namespace

void add_python_references(const CodeFile& file) {
    PythonReader(file).read();
}

}  // namespace migsafe::code
