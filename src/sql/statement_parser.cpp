#include "sql/statement_parser.hpp"

#include <algorithm>

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
    parse_text(text_.substr(base.span.begin, base.span.end - base.span.begin), base);
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
    PgQueryProtobufParseResult raw = pg_query_parse_protobuf(sql.c_str());
    if (raw.error != nullptr) {
        const uint32_t at = byte_offset_of_char(sql, raw.error->cursorpos);
        base.error =
            SyntaxError{clean_message(raw.error->message),
                        raw.error->cursorpos > 0 ? base.file_offset(static_cast<int32_t>(at))
                                                 : base.span.begin};
        pg_query_free_protobuf_parse_result(raw);
        file_.statements.push_back(base);
        return;
    }
    PgQuery__ParseResult* result = pg_query__parse_result__unpack(
        nullptr, raw.parse_tree.len, reinterpret_cast<const uint8_t*>(raw.parse_tree.data));
    pg_query_free_protobuf_parse_result(raw);
    if (result == nullptr) {
        base.error = SyntaxError{"internal error: unreadable parse tree", base.span.begin};
        file_.statements.push_back(base);
        return;
    }
    file_.trees.push_back(std::make_unique<ParseTree>(result));
    for (size_t i = 0; i < result->n_stmts; ++i) {
        const PgQuery__RawStmt* raw_stmt = result->stmts[i];
        if (raw_stmt == nullptr || raw_stmt->stmt == nullptr) continue;
        Statement stmt = base;
        stmt.node = raw_stmt->stmt;
        file_.statements.push_back(stmt);
    }
}

}  // namespace migsafe::sql
