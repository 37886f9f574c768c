#include "engine/rule_context.hpp"

#include "sql/token_query.hpp"

namespace migsafe {

ByteSpan RuleContext::statement_span() const {
    return sql::without_semicolon(stmt);
}

ByteSpan RuleContext::alter_command_span(size_t i) const {
    const std::vector<ByteSpan> spans = sql::alter_command_spans(stmt, source());
    return i < spans.size() ? spans[i] : statement_span();
}

std::optional<ByteSpan> RuleContext::keyword_span(std::string_view keyword, uint32_t from) const {
    const sql::Token* t = sql::find_keyword(stmt, source(), keyword, from);
    if (t == nullptr) return std::nullopt;
    return t->span;
}

std::optional<WrittenColumnType> RuleContext::first_column_type(
    bool (*wanted)(const pg::ColumnTypeUse&)) const {
    for (pg::ColumnTypeUse& use : pg::column_type_uses(stmt.node)) {
        if (!wanted(use)) continue;
        const ByteSpan span = pg::type_span(stmt.tokens, source(), offset(use.type->location));
        std::string column = use.table.display() + "." + use.column;
        return WrittenColumnType{std::move(use), span, std::string(text(span)), std::move(column)};
    }
    return std::nullopt;
}

std::string RuleContext::snippet(ByteSpan span, size_t max_length) const {
    std::string out;
    bool space = false;
    for (const char c : text(span)) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
        // Enough to know where to cut: a statement can be megabytes long.
        if (out.size() > max_length) break;
    }
    if (out.size() > max_length) {
        // Cut on a character boundary, never inside a UTF-8 sequence.
        size_t cut = max_length;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0U) == 0x80U)
            --cut;
        out.resize(cut);
        out += "…";
    }
    return out;
}

Diagnostic& Findings::report(ByteSpan span, std::string message) {
    Diagnostic& d = items_.emplace_back();
    d.span = span;
    d.message = std::move(message);
    return d;
}

}  // namespace migsafe
