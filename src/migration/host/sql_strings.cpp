#include "migration/host/sql_strings.hpp"

#include <string>

namespace migsafe::migration::host {

namespace {

bool is_literal(std::string_view node_kind) {
    return node_kind == "string" || node_kind == "template_string";
}

bool is_substitution(std::string_view node_kind) {
    return node_kind == "interpolation" || node_kind == "template_substitution";
}

bool is_escape(std::string_view node_kind) {
    return node_kind == "escape_sequence" || node_kind == "escape_interpolation";
}

std::string quoted(std::string_view code) {
    constexpr size_t max_shown = 60;
    std::string shown(code.substr(0, max_shown));
    if (code.size() > max_shown) shown += "…";
    return "`" + shown + "`";
}

// The operator token of a binary expression ("+", "%"), empty when there is none.
std::string_view operator_of(TSNode node, std::string_view text) {
    const TSNode op = field(node, "operator");
    if (!ts_node_is_null(op)) return text_of(op, text);
    for (const TSNode child : children(node))
        if (!ts_node_is_named(child)) return text_of(child, text);
    return {};
}

// Calls that change only whitespace around or between tokens, so the SQL means the same without
// them: textwrap.dedent("…"), <<~SQL.squish, `…`.trim(). Returns the string they apply to, or a
// null node.
TSNode whitespace_only_call(TSNode node, HostLanguage language, std::string_view text) {
    if (language == HostLanguage::Python && kind(node) == "call") {
        const std::string_view function = text_of(field(node, "function"), text);
        const auto arguments = named_children(field(node, "arguments"));
        if ((function == "dedent" || function == "textwrap.dedent") && arguments.size() == 1)
            return arguments.front();
    }
    if (language == HostLanguage::Ruby && kind(node) == "call") {
        const std::string_view method = text_of(field(node, "method"), text);
        if (ts_node_is_null(field(node, "arguments")) &&
            (method == "squish" || method == "strip" || method == "strip_heredoc" ||
             method == "chomp"))
            return field(node, "receiver");
    }
    if (kind(node) == "call_expression") {  // JavaScript, TypeScript
        const TSNode function = field(node, "function");
        const std::string_view method = text_of(field(function, "property"), text);
        if (kind(function) == "member_expression" &&
            named_children(field(node, "arguments")).empty() &&
            (method == "trim" || method == "trimStart" || method == "trimEnd"))
            return field(function, "object");
    }
    return TSNode{};
}

}  // namespace

SqlStrings::SqlStrings(const SyntaxTree& tree, HostLanguage language)
    : tree_(tree), language_(language) {
    if (language_ != HostLanguage::Ruby) return;
    walk(tree_.root(), [&](TSNode node) {
        if (kind(node) == "heredoc_beginning") heredoc_beginnings_.push_back(node);
        if (kind(node) == "heredoc_body") heredoc_bodies_.push_back(node);
        return true;
    });
}

void SqlStrings::write(TSNode expression, AlignedScript& script) const {
    if (const auto closing = write_part(expression, script)) script.end_string(*closing);
}

void SqlStrings::write_with_parameters(TSNode expression, AlignedScript& script) const {
    write(expression, script);
    blank_placeholders(expression, '%', script);
}

std::optional<uint32_t> SqlStrings::write_part(TSNode node, AlignedScript& script) const {
    const std::string_view text = tree_.text();
    const std::string_view node_kind = kind(node);
    if (is_literal(node_kind)) return write_literal(node, script);
    if (node_kind == "heredoc_beginning") return write_heredoc(node, script);
    if (node_kind == "concatenated_string") {
        std::optional<uint32_t> closing;
        for (const TSNode part : named_children(node))
            if (const auto end = write_part(part, script)) closing = end;
        return closing;
    }
    if (const TSNode inner = whitespace_only_call(node, language_, text); !ts_node_is_null(inner))
        return write_part(inner, script);
    if (node_kind == "parenthesized_expression" || node_kind == "parenthesized_statements") {
        const auto inner = named_children(node);
        if (inner.size() == 1) return write_part(inner[0], script);
    }
    if (node_kind == "binary_operator" || node_kind == "binary_expression" ||
        node_kind == "binary") {
        const std::string_view op = operator_of(node, text);
        const TSNode left = field(node, "left");
        const TSNode right = field(node, "right");
        if (op == "+") {
            const auto left_end = write_part(left, script);
            const auto right_end = write_part(right, script);
            return right_end ? right_end : left_end;
        }
        if (op == "%" && (is_literal(kind(left)) || kind(left) == "concatenated_string")) {
            const auto closing = write_part(left, script);
            blank_placeholders(left, '%', script);
            return closing;
        }
    }
    // Python "…".format(…)
    if (node_kind == "call" && language_ == HostLanguage::Python) {
        const TSNode function = field(node, "function");
        const TSNode object = field(function, "object");
        if (kind(function) == "attribute" &&
            (is_literal(kind(object)) || kind(object) == "concatenated_string") &&
            text_of(field(function, "attribute"), text) == "format") {
            const auto closing = write_part(object, script);
            blank_placeholders(object, '{', script);
            return closing;
        }
    }
    report_opaque(node, script);
    return std::nullopt;
}

std::optional<uint32_t> SqlStrings::write_literal(TSNode literal, AlignedScript& script) const {
    const auto parts = children(literal);
    if (parts.size() < 2) return std::nullopt;
    const TSNode opening = parts.front();
    const TSNode closing = parts.back();
    const std::string_view opener = text_of(opening, tree_.text());
    if (language_ == HostLanguage::Python && opener.find_first_of("bB") != std::string_view::npos) {
        script.add_problem(span_of(literal), "a bytes literal is not SQL text");
        return std::nullopt;
    }
    // Ruby '…' and %q(…) know only the escapes \\ and \'.
    const bool raw_ruby =
        language_ == HostLanguage::Ruby && (opener.starts_with('\'') || opener.starts_with("%q"));
    write_content(literal, {ts_node_end_byte(opening), ts_node_start_byte(closing)}, raw_ruby,
                  script);
    return ts_node_start_byte(closing);
}

std::optional<uint32_t> SqlStrings::write_heredoc(TSNode beginning, AlignedScript& script) const {
    for (size_t i = 0; i < heredoc_beginnings_.size() && i < heredoc_bodies_.size(); ++i) {
        if (!ts_node_eq(heredoc_beginnings_[i], beginning)) continue;
        const TSNode body = heredoc_bodies_[i];
        const auto parts = children(body);
        if (parts.empty() || kind(parts.back()) != "heredoc_end") return std::nullopt;
        const TSNode end_marker = parts.back();
        // <<~'SQL' is raw: no escapes, no interpolation.
        const bool raw = text_of(beginning, tree_.text()).find('\'') != std::string_view::npos;
        const ByteSpan content{ts_node_start_byte(body), ts_node_start_byte(end_marker)};
        if (raw)
            script.copy(content);
        else
            write_content(body, content, false, script);
        return ts_node_start_byte(end_marker);
    }
    script.add_problem(span_of(beginning), "heredoc body not found");
    return std::nullopt;
}

void SqlStrings::write_content(TSNode literal, ByteSpan content, bool raw_ruby,
                               AlignedScript& script) const {
    const std::string_view text = tree_.text();
    std::vector<TSNode> specials;
    walk(literal, [&](TSNode node) {
        const std::string_view node_kind = kind(node);
        if (is_escape(node_kind) || is_substitution(node_kind)) {
            specials.push_back(node);
            return false;
        }
        return true;
    });
    uint32_t at = content.begin;
    auto copy_until = [&](uint32_t end) {
        if (!raw_ruby) {
            script.copy({at, end});
            at = end;
            return;
        }
        while (at < end) {
            const bool escape =
                text[at] == '\\' && at + 1 < end && (text[at + 1] == '\\' || text[at + 1] == '\'');
            if (escape) {
                write_escape({at, at + 2}, script);
                at += 2;
            } else {
                script.copy({at, at + 1});
                ++at;
            }
        }
    };
    for (const TSNode special : specials) {
        const ByteSpan span = span_of(special);
        if (span.begin < content.begin || span.end > content.end) continue;
        copy_until(span.begin);
        if (is_escape(kind(special))) {
            write_escape(span, script);
        } else {
            const auto inner = named_children(special);
            const std::string_view what =
                inner.empty() ? text_of(special, text) : text_of(inner.front(), text);
            script.add_problem(span, "the host language interpolates " + quoted(what) +
                                         " into the SQL; migsafe does not guess its value");
        }
        at = span.end;
    }
    copy_until(content.end);
}

void SqlStrings::write_escape(ByteSpan escape, AlignedScript& script) const {
    const std::string_view sequence = tree_.text().substr(escape.begin, escape.end - escape.begin);
    const auto unaligned = [&] {
        script.add_problem(escape, "string escape " + quoted(sequence) +
                                       " cannot be kept byte-aligned in the SQL");
    };
    if (sequence.size() != 2) return unaligned();
    const char c = sequence[1];
    if (c == 'n' || c == 't' || c == 'r' || c == '\n') {
        // Whitespace between SQL tokens; inside an SQL literal it would change the value.
        if (script.inside_quote_or_comment()) return unaligned();
        if (c == '\n') script.write(escape.begin, " \n");
        return;
    }
    if (c == '\'' || c == '"') {
        // The quote closes an open SQL literal or identifier: quote then space; otherwise it
        // opens one: space then quote.
        const bool closes = script.open_quote() == c;
        script.write(escape.begin, closes ? std::string{c, ' '} : std::string{' ', c});
        return;
    }
    if (c == '`' && !script.inside_quote_or_comment()) return script.write(escape.begin, " `");
    if (sequence == "{{" || sequence == "}}") {
        if (script.inside_quote_or_comment()) return unaligned();
        return script.write(escape.begin, std::string{c, ' '});
    }
    unaligned();
}

void SqlStrings::blank_placeholders(TSNode literal, char opener, AlignedScript& script) const {
    const std::string_view text = tree_.text();
    const ByteSpan span = span_of(literal);
    const std::string_view how =
        opener == '%' ? "`%` formatting or query parameters" : "`.format()`";
    for (uint32_t at = span.begin; at < span.end; ++at) {
        if (text[at] != opener) continue;
        if (at + 1 < span.end && text[at + 1] == opener) {  // %% or {{: a literal % or {
            script.write(at, std::string{opener, ' '});
            ++at;
            continue;
        }
        uint32_t end = at + 1;
        if (opener == '%') {
            if (end < span.end && text[end] == '(')
                while (end < span.end && text[end - 1] != ')')
                    ++end;
            while (end < span.end &&
                   std::string_view("#0- +.*0123456789").find(text[end]) != std::string_view::npos)
                ++end;
            if (end < span.end) ++end;  // the conversion character
        } else {
            while (end < span.end && text[end - 1] != '}')
                ++end;
        }
        const ByteSpan placeholder{at, end};
        script.write(at, std::string(end - at, ' '));
        script.add_problem(placeholder, "placeholder " + quoted(text.substr(at, end - at)) +
                                            " is filled in by Python " + std::string(how) +
                                            "; migsafe does not guess its value");
        at = end - 1;
    }
}

void SqlStrings::report_opaque(TSNode node, AlignedScript& script) const {
    script.add_problem(span_of(node), "the SQL comes from " + quoted(text_of(node, tree_.text())) +
                                          ", which is not a string literal; migsafe does not "
                                          "evaluate host-language code");
}

}  // namespace migsafe::migration::host
