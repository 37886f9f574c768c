#include "code/find_references.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "code/code_file.hpp"

namespace migsafe::code {

bool is_identifier(std::string_view name) {
    if (name.empty()) return false;
    bool segment_start = true;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '.' && !segment_start) {
            segment_start = true;
            continue;
        }
        if (std::isalpha(u) == 0 && c != '_' && (segment_start || std::isdigit(u) == 0))
            return false;
        segment_start = false;
    }
    return !segment_start;
}

void add_column_string(const CodeFile& file, const PlainString& string, const std::string& table,
                       const std::string& context) {
    std::string_view name = string.value;
    uint32_t begin = string.span.begin;
    if (name.starts_with('-')) {  // Django order_by("-created_at")
        name.remove_prefix(1);
        ++begin;
    }
    for (const std::string_view alias : {" as ", " AS "})
        if (const size_t at = name.find(alias); at != std::string_view::npos)
            name = name.substr(0, at);
    if (const size_t lookup = name.find("__"); lookup != std::string_view::npos)
        name = name.substr(0, lookup);  // Django email__iexact
    if (!is_identifier(name)) return;
    std::string owner = table;
    if (const size_t dot = name.rfind('.'); dot != std::string_view::npos) {
        const std::string_view qualifier = name.substr(0, dot);
        owner = std::string(qualifier.substr(qualifier.rfind('.') + 1));
        begin += static_cast<uint32_t>(dot + 1);
        name = name.substr(dot + 1);
    }
    file.add(owner, std::string(name), {begin, begin + static_cast<uint32_t>(name.size())},
             context);
}

namespace {

void add_sql_string_references(const CodeFile& file) {
    for (const TSNode expression : string_expressions(file.tree, file.language)) {
        // A Ruby heredoc's text is on the lines after it: look at what it holds.
        const bool heredoc = migration::host::kind(expression) == "heredoc_beginning";
        if (!heredoc && !may_be_query(file.text_of(expression))) continue;
        EmbeddedSql embedded = embedded_sql(file.tree, file.language, expression);
        if (heredoc && !may_be_query(embedded.sql)) continue;
        add_sql_references(std::move(embedded), file.out);
    }
}

// Sorted by position, each (span, table, column) once: a name can be read by two rules.
std::vector<Reference> in_file_order(std::vector<Reference> out) {
    const auto key = [](const Reference& r) {
        return std::tie(r.span.begin, r.span.end, r.table, r.column);
    };
    std::stable_sort(out.begin(), out.end(),
                     [&](const Reference& a, const Reference& b) { return key(a) < key(b); });
    out.erase(std::unique(out.begin(), out.end(),
                          [&](const Reference& a, const Reference& b) { return key(a) == key(b); }),
              out.end());
    return out;
}

}  // namespace

std::vector<Reference> find_references(Language language, std::string_view text,
                                       std::string_view path) {
    std::vector<Reference> out;
    const auto grammar = host_language(language);
    if (!grammar) {
        add_prisma_schema_references(text, out);
        return in_file_order(std::move(out));
    }
    const SyntaxTree tree(*grammar, text);
    const CodeFile file{tree, language, path, out};
    add_sql_string_references(file);
    switch (language) {
        case Language::Python:
            add_python_references(file);
            break;
        case Language::Ruby:
            add_ruby_references(file);
            break;
        case Language::JavaScript:
        case Language::TypeScript:
        case Language::Tsx:
            add_javascript_references(file);
            break;
        case Language::Go:
            add_go_references(file);
            break;
        case Language::Java:
            add_java_references(file);
            break;
        case Language::PrismaSchema:
            break;
    }
    return in_file_order(std::move(out));
}

}  // namespace migsafe::code
