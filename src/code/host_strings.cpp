#include "code/host_strings.hpp"

#include <cctype>

#include "migration/host/aligned_script.hpp"
#include "migration/host/sql_strings.hpp"

namespace migsafe::code {

namespace {

using migration::host::children;
using migration::host::field;
using migration::host::kind;
using migration::host::named_children;
using migration::host::span_of;
using migration::host::text_of;

bool joins_strings(TSNode node, std::string_view text) {
    const std::string_view node_kind = kind(node);
    if (node_kind == "concatenated_string" || node_kind == "parenthesized_expression" ||
        node_kind == "parenthesized_statements")
        return true;
    if (node_kind == "binary_operator" || node_kind == "binary_expression" ||
        node_kind == "binary") {
        const TSNode op = field(node, "operator");
        return text_of(op, text) == "+";
    }
    return false;
}

bool is_docstring(TSNode expression) {
    const TSNode parent = ts_node_parent(expression);
    return kind(expression) == "string" && kind(parent) == "expression_statement" &&
           ts_node_named_child_count(parent) == 1;
}

// Between the delimiters; a literal the grammar keeps as one leaf has one-byte delimiters.
ByteSpan literal_content(TSNode literal) {
    const auto parts = children(literal);
    if (parts.size() >= 2)
        return {ts_node_end_byte(parts.front()), ts_node_start_byte(parts.back())};
    const ByteSpan span = span_of(literal);
    if (span.end - span.begin < 2) return {span.begin, span.begin};
    return {span.begin + 1, span.end - 1};
}

// Go and Java literals, which the migration extractor does not read: content copied at its
// offsets, escapes as spaces (an escaped quote keeps its quote).
void write_literal_content(TSNode literal, std::string_view text, uint32_t base, std::string& sql) {
    const ByteSpan content = literal_content(literal);
    const uint32_t begin = content.begin;
    const uint32_t end = content.end;
    for (uint32_t at = begin; at < end; ++at) {
        if (text[at] == '\\' && at + 1 < end && kind(literal) != "raw_string_literal") {
            const char escaped = text[at + 1];
            if (escaped == '"' || escaped == '\'' || escaped == '\\') sql[at + 1 - base] = escaped;
            ++at;
            continue;
        }
        sql[at - base] = text[at];
    }
}

// Whether the file byte at `at` is part of a name (a letter, digit or underscore).
bool is_name_byte(std::string_view text, uint32_t at) {
    if (at >= text.size()) return false;
    const char c = text[at];
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

// Python, Ruby, JavaScript: the migration extractor writes the SQL and reports what the host
// computes at run time.
EmbeddedSql extracted_sql(const SyntaxTree& tree, Language language, TSNode expression) {
    migration::host::AlignedScript script(tree.text());
    migration::host::SqlStrings(tree, *host_language(language)).write(expression, script);
    const migration::Script written = std::move(script).finish(
        "", migration::Direction::Up, migration::TransactionModel::AsWritten, "");
    // A Ruby heredoc's body comes after the line that opens it: keep the whole file then.
    bool heredoc = false;
    migration::host::walk(expression, [&](TSNode node) {
        heredoc = heredoc || kind(node) == "heredoc_beginning";
        return !heredoc;
    });
    const ByteSpan kept =
        heredoc ? ByteSpan{0, static_cast<uint32_t>(written.sql.size())} : span_of(expression);
    EmbeddedSql embedded;
    embedded.file_base = kept.begin;
    embedded.sql = written.sql.substr(kept.begin, kept.end - kept.begin);
    const auto glued = [&](uint32_t at) {
        return kept.contains(at) && is_name_byte(written.sql, at);
    };
    for (const migration::ScriptProblem& problem : written.problems) {
        if (!kept.contains(problem.span.begin) || problem.span.end <= problem.span.begin) continue;
        // Run-time text glued to a name ("v_opts_%s") makes the name itself unknown.
        if (glued(problem.span.begin - 1) || glued(problem.span.end)) {
            embedded.sql.clear();
            return embedded;
        }
        embedded.sql[problem.span.begin - kept.begin] = '0';
    }
    return embedded;
}

// Go and Java: literals copied at their offsets; a non-literal operand of `+` reads as the
// value 0, unless it is glued to a name in the literal next to it ("users_" + shard).
EmbeddedSql go_java_sql(const SyntaxTree& tree, Language language, TSNode expression) {
    const std::string_view text = tree.text();
    const ByteSpan span = span_of(expression);
    EmbeddedSql embedded;
    embedded.file_base = span.begin;
    embedded.sql.assign(span.end - span.begin, ' ');
    bool unknown_name = false;
    const auto is_quote = [&](uint32_t at) {
        return at < text.size() && (text[at] == '"' || text[at] == '`');
    };
    const auto is_gap = [&](uint32_t at) {
        return std::string_view(" \t\n+").find(text[at]) != std::string_view::npos;
    };
    const auto write = [&](const auto& self, TSNode node) -> void {
        if (is_string_literal(node, language)) {
            write_literal_content(node, text, span.begin, embedded.sql);
            return;
        }
        if (joins_strings(node, text)) {
            for (const TSNode operand : items_of(node))
                self(self, operand);
            return;
        }
        const ByteSpan at = span_of(node);
        uint32_t before = at.begin;
        while (before > span.begin && is_gap(before - 1))
            --before;
        uint32_t after = at.end;
        while (after < span.end && is_gap(after))
            ++after;
        // The literal next to it ends (or starts) inside a name.
        if ((before >= 2 && is_quote(before - 1) && is_name_byte(text, before - 2)) ||
            (is_quote(after) && is_name_byte(text, after + 1)))
            unknown_name = true;
        embedded.sql[at.begin - span.begin] = '0';
    };
    write(write, expression);
    if (unknown_name) embedded.sql.clear();
    return embedded;
}

}  // namespace

TSNode field_of(TSNode node, const char* name) {
    return ts_node_is_null(node) ? TSNode{} : field(node, name);
}

std::vector<TSNode> items_of(TSNode node) {
    return ts_node_is_null(node) ? std::vector<TSNode>{} : named_children(node);
}

std::vector<TSNode> all_children_of(TSNode node) {
    return ts_node_is_null(node) ? std::vector<TSNode>{} : children(node);
}

bool is_string_literal(TSNode node, Language language) {
    const std::string_view node_kind = kind(node);
    switch (language) {
        case Language::Go:
            return node_kind == "interpreted_string_literal" || node_kind == "raw_string_literal";
        case Language::Java:
            return node_kind == "string_literal";
        case Language::Ruby:
            return node_kind == "string" || node_kind == "heredoc_beginning";
        default:
            return node_kind == "string" || node_kind == "template_string";
    }
}

std::optional<PlainString> plain_string(TSNode node, std::string_view text, Language language) {
    const std::string_view node_kind = kind(node);
    if (node_kind == "simple_symbol") {  // Ruby :email
        const ByteSpan span = span_of(node);
        return PlainString{text.substr(span.begin + 1, span.end - span.begin - 1),
                           {span.begin + 1, span.end}};
    }
    if (node_kind == "hash_key_symbol") return PlainString{text_of(node, text), span_of(node)};
    if (!is_string_literal(node, language) || node_kind == "heredoc_beginning") return std::nullopt;
    const auto parts = children(node);
    for (size_t i = 1; i + 1 < parts.size(); ++i) {
        const std::string_view part = kind(parts[i]);
        if (part != "string_content" && part != "string_fragment" &&
            part != "interpreted_string_literal_content" && part != "raw_string_literal_content" &&
            part != "multiline_string_fragment")
            return std::nullopt;
    }
    const ByteSpan span = literal_content(node);
    const std::string_view opener =
        text.substr(span_of(node).begin, span.begin - span_of(node).begin);
    if (text.substr(span.begin, span.end - span.begin).find('\\') != std::string_view::npos)
        return std::nullopt;
    if (opener.find_first_of("fFbB") != std::string_view::npos) return std::nullopt;
    return PlainString{text.substr(span.begin, span.end - span.begin), span};
}

std::vector<TSNode> string_expressions(const SyntaxTree& tree, Language language) {
    std::vector<TSNode> out;
    migration::host::walk(tree.root(), [&](TSNode node) {
        if (!is_string_literal(node, language)) return true;
        TSNode top = node;
        for (TSNode parent = ts_node_parent(top);
             !ts_node_is_null(parent) && joins_strings(parent, tree.text());
             parent = ts_node_parent(parent))
            top = parent;
        // JSX attribute values are markup (titles, labels), never SQL.
        const bool markup = kind(ts_node_parent(top)) == "jsx_attribute";
        if (!markup && !(language == Language::Python && is_docstring(top)) &&
            (out.empty() || !ts_node_eq(out.back(), top)))
            out.push_back(top);
        return false;
    });
    return out;
}

EmbeddedSql embedded_sql(const SyntaxTree& tree, Language language, TSNode expression) {
    return language == Language::Go || language == Language::Java
               ? go_java_sql(tree, language, expression)
               : extracted_sql(tree, language, expression);
}

}  // namespace migsafe::code
