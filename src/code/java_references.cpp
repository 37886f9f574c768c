// JPA entities: @Entity classes, @Table and @Column names, and their persistent fields.
#include "code/code_file.hpp"
#include "code/names.hpp"

namespace migsafe::code {

namespace {

using migration::host::kind;
using migration::host::span_of;

struct Annotation {
    std::string_view name;  // without package: "Column" for @javax.persistence.Column
    TSNode arguments;       // annotation_argument_list, null for a marker annotation
};

class JavaReader {
  public:
    explicit JavaReader(const CodeFile& file) : file_(file) {}

    void read() {
        migration::host::for_each_of_kind(file_.tree.root(), "class_declaration",
                                          [&](TSNode node) { read_entity(node); });
    }

  private:
    TSNode modifiers_of(TSNode declaration) const {
        for (const TSNode child : items_of(declaration))
            if (kind(child) == "modifiers") return child;
        return TSNode{};
    }

    std::vector<Annotation> annotations_of(TSNode declaration) const {
        std::vector<Annotation> out;
        for (const TSNode modifier : items_of(modifiers_of(declaration))) {
            if (kind(modifier) != "annotation" && kind(modifier) != "marker_annotation") continue;
            std::string_view name = file_.text_of(field_of(modifier, "name"));
            name = name.substr(name.rfind('.') + 1);
            out.push_back({name, field_of(modifier, "arguments")});
        }
        return out;
    }

    bool has_keyword(TSNode declaration, std::string_view keyword) const {
        for (const TSNode modifier : all_children_of(modifiers_of(declaration)))
            if (file_.text_of(modifier) == keyword) return true;
        return false;
    }

    // The `name = "…"` element of an annotation.
    std::optional<PlainString> name_element(TSNode arguments) const {
        for (const TSNode element : items_of(arguments))
            if (kind(element) == "element_value_pair" &&
                file_.text_of(field_of(element, "key")) == "name")
                return file_.plain(field_of(element, "value"));
        return std::nullopt;
    }

    void read_entity(TSNode entity) {
        bool is_entity = false;
        bool shared = false;  // @Embeddable, @MappedSuperclass: columns of other tables
        std::optional<PlainString> table_name;
        for (const Annotation& annotation : annotations_of(entity)) {
            if (annotation.name == "Entity") is_entity = true;
            if (annotation.name == "Embeddable" || annotation.name == "MappedSuperclass")
                shared = true;
            if (annotation.name == "Table") table_name = name_element(annotation.arguments);
        }
        if (!is_entity && !shared) return;
        std::string table;
        Naming naming = Naming::Exact;
        if (shared) {
            // The table is the entity's that embeds or extends this class.
        } else if (table_name) {
            table = fold_identifier(table_name->value);
            file_.add(table, "", table_name->span, "JPA @Table");
        } else {
            // Spring's default naming: the class name in snake_case.
            table = std::string(file_.text_of(field_of(entity, "name")));
            naming = Naming::OrmMapped;
        }
        for (const TSNode member : items_of(field_of(entity, "body")))
            if (kind(member) == "field_declaration") read_field(member, table, naming);
    }

    void read_field(TSNode declaration, const std::string& table, Naming table_naming) {
        if (has_keyword(declaration, "static") || has_keyword(declaration, "transient")) return;
        std::optional<PlainString> explicit_name;
        bool to_one = false;
        for (const Annotation& annotation : annotations_of(declaration)) {
            const std::string_view name = annotation.name;
            // Not stored in this table's columns: computed, or the other side's join column.
            if (name == "Transient" || name == "OneToMany" || name == "ManyToMany") return;
            if (name == "Column" || name == "JoinColumn")
                if (const auto written = name_element(annotation.arguments))
                    explicit_name = written;
            if (name == "ManyToOne" || name == "OneToOne") to_one = true;
        }
        if (explicit_name) {
            file_.add(table, fold_identifier(explicit_name->value), explicit_name->span,
                      "JPA @Column", table_naming);
            return;
        }
        for (const TSNode declarator : items_of(declaration)) {
            if (kind(declarator) != "variable_declarator") continue;
            const TSNode name = field_of(declarator, "name");
            // A to-one relation's join column defaults to <field>_id.
            const std::string column(file_.text_of(name));
            file_.add(table, to_one ? column + "_id" : column, span_of(name), "JPA entity field",
                      Naming::OrmMapped);
        }
    }

    const CodeFile& file_;
};

}  // namespace

void add_java_references(const CodeFile& file) {
    JavaReader(file).read();
}

}  // namespace migsafe::code
