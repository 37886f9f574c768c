#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "code/host_strings.hpp"
#include "code/language.hpp"
#include "code/reference.hpp"

namespace migsafe::code {

// One file being searched, and the references found so far; shared by the language readers.
struct CodeFile {
    const SyntaxTree& tree;
    Language language;
    std::string_view path;
    std::vector<Reference>& out;

    std::string_view text() const { return tree.text(); }
    std::string_view text_of(TSNode node) const {
        return migration::host::text_of(node, tree.text());
    }
    std::optional<PlainString> plain(TSNode node) const {
        return plain_string(node, tree.text(), language);
    }
    void add(std::string table, std::string column, ByteSpan span, std::string context,
             Naming naming = Naming::Exact) const {
        out.push_back({"", std::move(table), std::move(column), span, std::move(context), naming});
    }
};

// Whether `name` is a plain identifier, or a qualified one (`users.email`).
bool is_identifier(std::string_view name);

// Adds the column named by a query-builder string such as "email", "users.email",
// "email AS mail" or "-created_at" (Django descending), whose table is `table` unless the
// string qualifies it. Strings that are not identifiers add nothing.
void add_column_string(const CodeFile& file, const PlainString& string, const std::string& table,
                       const std::string& context);

// The ORM readers, one per language family.
void add_python_references(const CodeFile& file);
void add_ruby_references(const CodeFile& file);
void add_javascript_references(const CodeFile& file);
void add_go_references(const CodeFile& file);
void add_java_references(const CodeFile& file);
// schema.prisma: model fields and their @map / @@map names.
void add_prisma_schema_references(std::string_view text, std::vector<Reference>& out);

}  // namespace migsafe::code
