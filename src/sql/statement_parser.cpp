#include "sql/statement_parser.hpp"

#include <algorithm>
#include <string>

#include "sql/parse_limits.hpp"
#include "sql/values_insert.hpp"

namespace migsafe::sql {

uint32_t byte_offset_of_char(std::string_view text, int cursorpos) {
    uint32_t offset = 0;
    for (int ch = 1; ch < cursorpos && offset < text.size(); ++ch) {
        const int len = utf8_sequence_length(static_cast<unsigned char>(text[offset]));
        offset += static_cast<uint32_t>(std::max(len, 1));
    }
    return std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
}

namespace {

ByteSpan span_of(std::span<const Token> tokens) {
    if (tokens.empty()) return {};
    return {tokens.front().span.begin, tokens.back().span.end};
}

std::string clean_message(const char* message) {
    std::string out = message != nullptr ? message : "syntax error";
    return out;
}

}  // namespace

void StatementParser::parse(std::span<const Token> tokens, StatementOrigin origin, int parent,
                            PlpgsqlContext plpgsql) {
    Statement base;
    base.span = span_of(tokens);
    base.tokens = tokens;
    base.origin = origin;
    base.parent = parent;
    base.plpgsql = plpgsql;
    base.parse_base = base.span.begin;
    if (const auto head = values_insert_head(tokens, text_)) {
        if (parse_head_only(base, *head)) return;
    }
    parse_text(text_.substr(base.span.begin, base.span.end - base.span.begin), base);
}

bool StatementParser::parse_head_only(const Statement& base, ByteSpan head) {
    const std::string_view head_text =
        std::string_view(text_).substr(head.begin, head.end - head.begin);
    auto known = head_trees_.find(head_text);
    if (known == head_trees_.end()) {
        std::vector<Statement> parsed;
        parse_into(std::string(head_text) + " (NULL)", base, parsed);
        if (parsed.size() != 1 || parsed.front().node == nullptr) return false;
        known = head_trees_.emplace(std::string(head_text), parsed.front().node).first;
    }
    Statement stmt = base;
    stmt.node = known->second;
    stmt.values_elided = true;
    head_only_.push_back(file_.statements.size());
    file_.statements.push_back(stmt);
    return true;
}

void StatementParser::finish() {
    // Consecutive statements are checked together: one call of the bare parser (no tree is
    // built) per run, bounded so that its memory stays small.
    constexpr uint32_t kMaxRunBytes = 4u << 20;
    for (size_t i = 0; i < head_only_.size();) {
        size_t j = i;
        const uint32_t begin = file_.statements[head_only_[i]].span.begin;
        while (j + 1 < head_only_.size() && head_only_[j + 1] == head_only_[j] + 1 &&
               file_.statements[head_only_[j + 1]].span.end - begin <= kMaxRunBytes)
            ++j;
        validate_run(head_only_[i], head_only_[j]);
        i = j + 1;
    }
    head_only_.clear();
}

void StatementParser::validate_run(size_t first, size_t last) {
    const uint32_t begin = file_.statements[first].span.begin;
    const uint32_t end = file_.statements[last].span.end;
    const std::string run = text_.substr(begin, end - begin);
    PgQuerySplitResult split = pg_query_split_with_parser(run.c_str());
    const bool ok = split.error == nullptr && split.n_stmts == static_cast<int>(last - first + 1);
    pg_query_free_split_result(split);
    if (ok) return;
    // Somewhere in the run is an error: parse each statement fully to report it where it is.
    for (size_t i = first; i <= last; ++i) {
        Statement base = file_.statements[i];
        base.node = nullptr;
        base.values_elided = false;
        std::vector<Statement> parsed;
        parse_into(text_.substr(base.span.begin, base.span.end - base.span.begin), base, parsed);
        if (parsed.size() == 1) file_.statements[i] = parsed.front();
    }
}

void StatementParser::parse_mapped(const std::string& sql, const std::vector<uint32_t>* map,
                                   std::span<const Token> tokens, StatementOrigin origin,
                                   int parent, PlpgsqlContext plpgsql) {
    Statement base;
    base.span = span_of(tokens);
    base.tokens = tokens;
    base.origin = origin;
    base.parent = parent;
    base.plpgsql = plpgsql;
    base.offset_map = map;
    parse_text(sql, base);
}

void StatementParser::parse_text(const std::string& sql, Statement base) {
    parse_into(sql, std::move(base), file_.statements);
}

void StatementParser::parse_into(const std::string& sql, Statement base,
                                 std::vector<Statement>& out) {
    if (auto refusal = parse_refusal(sql)) {
        base.error = SyntaxError{std::move(*refusal), base.span.begin};
        out.push_back(base);
        return;
    }
    PgQueryProtobufParseResult raw = pg_query_parse_protobuf(sql.c_str());
    if (raw.error != nullptr) {
        const uint32_t at = byte_offset_of_char(sql, raw.error->cursorpos);
        base.error =
            SyntaxError{clean_message(raw.error->message),
                        raw.error->cursorpos > 0 ? base.file_offset(static_cast<int32_t>(at))
                                                 : base.span.begin};
        pg_query_free_protobuf_parse_result(raw);
        out.push_back(base);
        return;
    }
    PgQuery__ParseResult* result = pg_query__parse_result__unpack(
        nullptr, raw.parse_tree.len, reinterpret_cast<const uint8_t*>(raw.parse_tree.data));
    pg_query_free_protobuf_parse_result(raw);
    if (result == nullptr) {
        base.error = SyntaxError{"internal error: unreadable parse tree", base.span.begin};
        out.push_back(base);
        return;
    }
    file_.trees.push_back(std::make_unique<ParseTree>(result));
    for (size_t i = 0; i < result->n_stmts; ++i) {
        const PgQuery__RawStmt* raw_stmt = result->stmts[i];
        if (raw_stmt == nullptr || raw_stmt->stmt == nullptr) continue;
        Statement stmt = base;
        stmt.node = raw_stmt->stmt;
        out.push_back(stmt);
    }
}

}  // namespace migsafe::sql
