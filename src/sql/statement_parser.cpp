#include "sql/statement_parser.hpp"

#include <algorithm>
#include <string>

#include "sql/parse_limits.hpp"
#include "sql/stand_in.hpp"

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
    if (stand_ins_) {
        if (const auto stand_in = stand_in_sql(tokens, text_)) {
            // A data insert's values only go through the bare parser, which builds no deep
            // tree; anything else is bounded like a statement parsed for its tree.
            const bool data_insert = values_insert_head(tokens, text_).has_value();
            if (auto refusal = data_insert ? std::nullopt : parse_refusal(tokens, text_)) {
                base.error = SyntaxError{std::move(*refusal), base.span.begin};
                file_.statements.push_back(base);
                return;
            }
            if (parse_stand_in(base, *stand_in)) return;
        }
    }
    // Already lexed: the limits are checked on these tokens, not on a second lexing.
    if (auto refusal = parse_refusal(tokens, text_)) {
        base.error = SyntaxError{std::move(*refusal), base.span.begin};
        file_.statements.push_back(base);
        return;
    }
    parse_into(text_.substr(base.span.begin, base.span.end - base.span.begin), base,
               file_.statements, true);
}

bool StatementParser::parse_stand_in(const Statement& base, const std::string& stand_in) {
    auto known = stand_in_trees_.find(stand_in);
    if (known == stand_in_trees_.end()) {
        std::vector<Statement> parsed;
        parse_into(stand_in, base, parsed);
        if (parsed.size() != 1 || parsed.front().node == nullptr) return false;
        known = stand_in_trees_.emplace(stand_in, parsed.front().node).first;
    }
    Statement stmt = base;
    stmt.node = known->second;
    stmt.tree_elided = true;
    stood_in_.push_back(file_.statements.size());
    file_.statements.push_back(stmt);
    return true;
}

void StatementParser::finish() {
    // Consecutive statements are checked together: one call of the bare parser (no tree is
    // returned) per run, bounded because the parser's raw trees take ~20x the run's bytes.
    constexpr uint32_t kMaxRunBytes = 256u << 10;
    for (size_t i = 0; i < stood_in_.size();) {
        size_t j = i;
        const uint32_t begin = file_.statements[stood_in_[i]].span.begin;
        while (j + 1 < stood_in_.size() && stood_in_[j + 1] == stood_in_[j] + 1 &&
               file_.statements[stood_in_[j + 1]].span.end - begin <= kMaxRunBytes)
            ++j;
        validate_run(stood_in_[i], stood_in_[j]);
        i = j + 1;
    }
    stood_in_.clear();
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
        base.tree_elided = false;
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
                                 std::vector<Statement>& out, bool limits_checked) {
    if (auto refusal = limits_checked ? std::nullopt : parse_refusal(sql)) {
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
    // Unpacked into the file's arena: freed all at once with the file, not message by message.
    ProtobufCAllocator allocator{
        [](void* arena, size_t size) { return static_cast<Arena*>(arena)->allocate(size); },
        [](void*, void*) {}, &file_.tree_memory};
    PgQuery__ParseResult* result = pg_query__parse_result__unpack(
        &allocator, raw.parse_tree.len, reinterpret_cast<const uint8_t*>(raw.parse_tree.data));
    pg_query_free_protobuf_parse_result(raw);
    if (result == nullptr) {
        base.error = SyntaxError{"internal error: unreadable parse tree", base.span.begin};
        out.push_back(base);
        return;
    }
    for (size_t i = 0; i < result->n_stmts; ++i) {
        const PgQuery__RawStmt* raw_stmt = result->stmts[i];
        if (raw_stmt == nullptr || raw_stmt->stmt == nullptr) continue;
        Statement stmt = base;
        stmt.node = raw_stmt->stmt;
        out.push_back(stmt);
    }
}

}  // namespace migsafe::sql
