// Go struct tags that name columns: db (sqlx), gorm, bun, pg.
#include <cctype>
#include <map>

#include "code/code_file.hpp"
#include "code/names.hpp"

namespace migsafe::code {

namespace {

using migration::host::kind;

// One `key:"value"` of a struct tag, with where its value is in the file.
struct TagEntry {
    std::string_view key;
    std::string_view value;
    uint32_t value_offset = 0;
};

std::vector<TagEntry> parse_tag(const PlainString& tag) {
    std::vector<TagEntry> out;
    const std::string_view text = tag.value;
    size_t at = 0;
    while (at < text.size()) {
        while (at < text.size() && text[at] == ' ')
            ++at;
        const size_t colon = text.find(':', at);
        if (colon == std::string_view::npos || colon + 1 >= text.size() || text[colon + 1] != '"')
            break;
        const size_t close = text.find('"', colon + 2);
        if (close == std::string_view::npos) break;
        out.push_back({text.substr(at, colon - at), text.substr(colon + 2, close - colon - 2),
                       tag.span.begin + static_cast<uint32_t>(colon + 2)});
        at = close + 1;
    }
    return out;
}

// The part of a tag value before `separator`, e.g. "email" in db:"email,omitempty".
std::string_view first_part(std::string_view value, char separator) {
    return value.substr(0, value.find(separator));
}

struct TaggedColumn {
    std::string_view name;
    uint32_t offset = 0;
    bool gorm = false;
};

std::optional<TaggedColumn> column_of(const std::vector<TagEntry>& entries) {
    for (const TagEntry& entry : entries) {
        if (entry.key == "db" || entry.key == "pg" || entry.key == "bun") {
            const std::string_view name = first_part(entry.value, ',');
            if (name.empty() || name == "-" || name.find(':') != std::string_view::npos) continue;
            return TaggedColumn{name, entry.value_offset, false};
        }
        if (entry.key == "gorm") {
            for (size_t at = 0; at < entry.value.size();) {
                const std::string_view setting = first_part(entry.value.substr(at), ';');
                if (setting.starts_with("column:"))
                    return TaggedColumn{setting.substr(7),
                                        entry.value_offset + static_cast<uint32_t>(at + 7), true};
                at += setting.size() + 1;
            }
        }
    }
    return std::nullopt;
}

class GoReader {
  public:
    explicit GoReader(const CodeFile& file) : file_(file) {}

    void read() {
        migration::host::for_each_of_kind(file_.tree.root(), "method_declaration",
                                          [&](TSNode node) { read_table_name_method(node); });
        migration::host::walk(file_.tree.root(), [&](TSNode node) {
            if (kind(node) == "type_spec" && kind(field_of(node, "type")) == "struct_type")
                read_struct(node);
            return true;
        });
    }

  private:
    // func (User) TableName() string { return "users" }
    void read_table_name_method(TSNode method) {
        if (file_.text_of(field_of(method, "name")) != "TableName" ||
            ts_node_is_null(field_of(method, "receiver")) ||
            ts_node_is_null(field_of(method, "body")))
            return;
        std::string receiver;
        migration::host::walk(field_of(method, "receiver"), [&](TSNode node) {
            if (kind(node) == "type_identifier") receiver = std::string(file_.text_of(node));
            return receiver.empty();
        });
        std::optional<PlainString> name;
        migration::host::walk(field_of(method, "body"), [&](TSNode node) {
            if (!name && kind(node) == "return_statement")
                migration::host::walk(node, [&](TSNode value) {
                    if (!name) name = file_.plain(value);
                    return !name;
                });
            return !name;
        });
        if (!receiver.empty() && name) {
            table_names_[receiver] = std::string(name->value);
            file_.add(std::string(name->value), "", name->span, "Go TableName method");
        }
    }

    void read_struct(TSNode type_spec) {
        const std::string struct_name(file_.text_of(field_of(type_spec, "name")));
        std::vector<TaggedColumn> columns;
        std::vector<TSNode> untagged;  // field names whose column only gorm's naming gives
        std::string bun_table;
        bool gorm = false;
        migration::host::walk(field_of(type_spec, "type"), [&](TSNode node) {
            if (kind(node) != "field_declaration") return true;
            const std::string_view type = file_.text_of(field_of(node, "type"));
            if (type == "gorm.Model") gorm = true;
            std::vector<TagEntry> entries;
            if (const auto tag = file_.plain(field_of(node, "tag"))) entries = parse_tag(*tag);
            bool skipped = false;
            for (const TagEntry& entry : entries) {
                if (entry.key == "bun" && entry.value.starts_with("table:"))
                    bun_table = std::string(first_part(entry.value.substr(6), ','));
                if (entry.key == "gorm") gorm = true;
                skipped = skipped || (entry.key == "gorm" && entry.value == "-") ||
                          (entry.key == "db" && entry.value == "-");
            }
            if (const auto column = column_of(entries)) {
                columns.push_back(*column);
            } else if (!skipped && !type.starts_with("[]") && !type.starts_with("map[")) {
                for (const TSNode name : items_of(node))
                    if (kind(name) == "field_identifier") untagged.push_back(name);
            }
            return false;
        });
        if (columns.empty() && !gorm) return;
        std::string table = bun_table;
        if (const auto named = table_names_.find(struct_name); named != table_names_.end())
            table = named->second;
        if (table.empty() && gorm) table = plural(snake_case(struct_name));
        for (const TaggedColumn& column : columns)
            file_.add(table, std::string(column.name),
                      {column.offset, column.offset + static_cast<uint32_t>(column.name.size())},
                      "Go struct tag");
        if (!gorm) return;
        // gorm stores every exported field, named in snake_case.
        for (const TSNode name : untagged) {
            const std::string_view field_name = file_.text_of(name);
            if (field_name.empty() || std::isupper(static_cast<unsigned char>(field_name[0])) == 0)
                continue;
            file_.add(table, std::string(field_name), migration::host::span_of(name),
                      "gorm model field", Naming::OrmMapped);
        }
    }

    const CodeFile& file_;
    std::map<std::string, std::string> table_names_;  // struct → TableName()
};

}  // namespace

void add_go_references(const CodeFile& file) {
    GoReader(file).read();
}

}  // namespace migsafe::code
