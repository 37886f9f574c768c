#include "sql/plpgsql.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>

#include "sql/ast.hpp"
#include "sql/lexer.hpp"
#include "sql/parse_limits.hpp"

namespace migsafe::sql {

namespace {

using Json = nlohmann::ordered_json;

// A PL/pgSQL body as the function compiler sees it, and where each of its bytes is in the file.
struct Body {
    std::string text;
    std::vector<uint32_t> map;  // file offset of each byte of `text`, plus one for the end
};

std::string_view language_of(const PgQuery__Node* node) {
    if (is(node, PG_QUERY__NODE__NODE_DO_STMT)) {
        const auto* lang =
            find_def_elem(list(node->do_stmt->args, node->do_stmt->n_args), "language");
        return lang != nullptr ? string_value(lang->arg) : std::string_view("plpgsql");
    }
    if (is(node, PG_QUERY__NODE__NODE_CREATE_FUNCTION_STMT)) {
        const auto* fn = node->create_function_stmt;
        const auto* lang = find_def_elem(list(fn->options, fn->n_options), "language");
        return lang != nullptr ? string_value(lang->arg) : std::string_view();
    }
    return {};
}

// The string token holding the body: the DO's string, or the one after a function's AS.
const Token* body_token(const Statement& stmt, std::string_view text) {
    const bool is_do = is(stmt.node, PG_QUERY__NODE__NODE_DO_STMT);
    bool after_as = is_do;
    for (const Token& t : stmt.tokens) {
        if (t.kind == TokenKind::Word) {
            after_as =
                is_do || keyword_equals(text.substr(t.span.begin, t.span.end - t.span.begin), "as");
        } else if (t.kind == TokenKind::String && after_as) {
            return t.unterminated ? nullptr : &t;
        } else if (!t.is_comment()) {
            after_as = is_do;
        }
    }
    return nullptr;
}

// Unquotes a string token: dollar quotes are verbatim, '…' has its doubled quotes undone.
std::optional<Body> unquote(const Token& token, std::string_view text) {
    const std::string_view raw = text.substr(token.span.begin, token.span.end - token.span.begin);
    Body body;
    if (raw.starts_with('$')) {
        const size_t tag_end = raw.find('$', 1);
        if (tag_end == std::string_view::npos || raw.size() < 2 * (tag_end + 1))
            return std::nullopt;
        const size_t tag_len = tag_end + 1;
        const uint32_t begin = token.span.begin + static_cast<uint32_t>(tag_len);
        body.text = std::string(raw.substr(tag_len, raw.size() - 2 * tag_len));
        body.map.reserve(body.text.size() + 1);
        for (uint32_t i = 0; i <= body.text.size(); ++i)
            body.map.push_back(begin + i);
        return body;
    }
    if (!raw.starts_with('\'') || raw.size() < 2) return std::nullopt;
    for (uint32_t i = 1; i + 1 < raw.size(); ++i) {
        body.map.push_back(token.span.begin + i);
        body.text.push_back(raw[i]);
        if (raw[i] == '\'' && raw[i + 1] == '\'') ++i;
    }
    body.map.push_back(token.span.end - 1);
    return body;
}

bool is_loop(std::string_view type) {
    return type == "PLpgSQL_stmt_loop" || type == "PLpgSQL_stmt_while" ||
           type == "PLpgSQL_stmt_fori" || type == "PLpgSQL_stmt_fors" ||
           type == "PLpgSQL_stmt_forc" || type == "PLpgSQL_stmt_foreach_a" ||
           type == "PLpgSQL_stmt_dynfors";
}

// Whether a loop body commits, not counting loops nested in it.
bool commits(const Json& value) {
    if (value.is_array()) {
        for (const Json& item : value) {
            if (commits(item)) return true;
        }
        return false;
    }
    if (!value.is_object()) return false;
    for (const auto& [key, child] : value.items()) {
        if (key == "PLpgSQL_stmt_commit") return true;
        if (is_loop(key)) continue;
        if (commits(child)) return true;
    }
    return false;
}

// libpg_query's PL/pgSQL compiler does not declare $1, $2, … for the function's parameters, so
// `x ALIAS FOR $1` fails to parse. Aliasing the always-declared FOUND instead keeps the statement
// structure (and line numbers) while the alias's type does not matter to any rule.
std::string without_positional_aliases(std::string text) {
    size_t pos = 0;
    while ((pos = text.find('$', pos)) != std::string::npos) {
        size_t digits = pos + 1;
        while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0)
            ++digits;
        size_t back = pos;
        while (back > 0 && std::isspace(static_cast<unsigned char>(text[back - 1])) != 0)
            --back;
        const bool after_for =
            back >= 3 && keyword_equals(std::string_view(text).substr(back - 3, 3), "for");
        size_t before_for = back >= 3 ? back - 3 : 0;
        while (before_for > 0 &&
               std::isspace(static_cast<unsigned char>(text[before_for - 1])) != 0)
            --before_for;
        const bool alias =
            before_for >= 5 &&
            keyword_equals(std::string_view(text).substr(before_for - 5, 5), "alias");
        if (digits > pos + 1 && after_for && alias) {
            text.replace(pos, digits - pos, "found");
            pos += 5;
        } else {
            ++pos;
        }
    }
    return text;
}

class BodyWalker {
  public:
    BodyWalker(ParsedFile& file, int owner, StatementOrigin origin, StatementParser& parser,
               const Body& body)
        : file_(file), owner_(owner), origin_(origin), parser_(parser), body_(body) {}

    void walk(const Json& value, PlpgsqlContext context) {
        if (value.is_array()) {
            for (const Json& item : value)
                walk(item, context);
            return;
        }
        if (!value.is_object()) return;
        for (const auto& [key, child] : value.items()) {
            if (key == "PLpgSQL_stmt_execsql") {
                embedded_sql(child, context);
            } else if (key == "PLpgSQL_stmt_dynexecute" || key == "PLpgSQL_stmt_dynfors") {
                dynamic_sql(child, context);
                if (key == "PLpgSQL_stmt_dynfors") walk(child, loop_context(child, context));
            } else if (is_loop(key)) {
                walk(child, loop_context(child, context));
            } else if (key != "datums") {
                walk(child, context);
            }
        }
    }

  private:
    static PlpgsqlContext loop_context(const Json& loop, PlpgsqlContext outer) {
        PlpgsqlContext inner = outer;
        ++inner.loop_depth;
        inner.commits_in_loop = loop.contains("body") && commits(loop["body"]);
        return inner;
    }

    static std::string query_of(const Json& stmt, const char* field) {
        if (!stmt.contains(field)) return {};
        const Json& expr = stmt[field];
        if (!expr.contains("PLpgSQL_expr")) return {};
        return expr["PLpgSQL_expr"].value("query", std::string());
    }

    // Byte offset in the body where 1-based `line` starts.
    size_t line_offset(int line) const {
        size_t offset = 0;
        for (int l = 1; l < line; ++l) {
            const size_t nl = body_.text.find('\n', offset);
            if (nl == std::string::npos) return body_.text.size();
            offset = nl + 1;
        }
        return offset;
    }

    // Finds `query` in the body at or after its line; PL/pgSQL keeps statement text verbatim
    // except where it removed an INTO clause.
    size_t locate(const std::string& query, int line) {
        const size_t from = std::max(cursor_, line_offset(line));
        const size_t at = body_.text.find(query, from);
        if (at != std::string::npos) cursor_ = at + query.size();
        return at;
    }

    void embedded_sql(const Json& stmt, PlpgsqlContext context) {
        const std::string query = query_of(stmt, "sqlstmt");
        if (query.empty()) return;
        const int line = stmt.value("lineno", 1);
        const size_t at = locate(query, line);
        if (at == std::string::npos) {
            // The text was rewritten (SELECT … INTO): analyse it, positioned at its line.
            const uint32_t line_start =
                body_.map[std::min(line_offset(line), body_.map.size() - 1)];
            auto& map = file_.offset_maps.emplace_back(query.size() + 1, line_start);
            auto& tokens = file_.body_tokens.emplace_back(lex(query));
            for (Token& t : tokens)
                t.span = {line_start, line_start};
            parser_.parse_mapped(query, &map, tokens, origin_, owner_, context);
            return;
        }
        parse_region(at, at + query.size(), context);
    }

    void parse_region(size_t begin, size_t end, PlpgsqlContext context) {
        const std::string sql = body_.text.substr(begin, end - begin);
        auto& map =
            file_.offset_maps.emplace_back(body_.map.begin() + static_cast<ptrdiff_t>(begin),
                                           body_.map.begin() + static_cast<ptrdiff_t>(end) + 1);
        auto& tokens = file_.body_tokens.emplace_back(lex(sql));
        for (Token& t : tokens)
            t.span = {map[t.span.begin], map[t.span.end]};
        parser_.parse_mapped(sql, &map, tokens, origin_, owner_, context);
    }

    void dynamic_sql(const Json& stmt, PlpgsqlContext context) {
        const std::string query = query_of(stmt, "query");
        const int line = stmt.value("lineno", 1);
        const size_t at = locate(query, line);
        const std::vector<Token> tokens = lex(query);
        const bool constant = tokens.size() == 1 && tokens[0].kind == TokenKind::String &&
                              !tokens[0].unterminated && at != std::string::npos;
        if (constant) {
            const std::string_view raw = std::string_view(query);
            size_t quote = 1;
            if (raw.starts_with('$')) quote = raw.find('$', 1) + 1;
            if (raw.starts_with('\'') && raw.find("''") == std::string_view::npos) {
                parse_region(at + 1, at + raw.size() - 1, context);
                return;
            }
            if (raw.starts_with('$')) {
                parse_region(at + quote, at + raw.size() - quote, context);
                return;
            }
        }
        const uint32_t begin = at != std::string::npos
                                   ? body_.map[at]
                                   : body_.map[std::min(line_offset(line), body_.map.size() - 1)];
        const uint32_t end = at != std::string::npos ? body_.map[at + query.size()] : begin + 1;
        file_.problems.push_back(
            {InputProblem::Kind::DynamicSql,
             {begin, end},
             "dynamic SQL in EXECUTE is built at run time: its statements are not analysed"});
    }

    ParsedFile& file_;
    int owner_;
    StatementOrigin origin_;
    StatementParser& parser_;
    const Body& body_;
    size_t cursor_ = 0;
};

}  // namespace

void extract_plpgsql(ParsedFile& file, const std::string& scrubbed, int owner,
                     StatementParser& parser) {
    const Statement& stmt = file.statements[static_cast<size_t>(owner)];
    if (language_of(stmt.node) != "plpgsql") return;
    const Token* token = body_token(stmt, scrubbed);
    if (token == nullptr) return;
    const std::optional<Body> body = unquote(*token, scrubbed);
    if (!body) return;
    if (body->text.size() > kMaxPlpgsqlBodyBytes) {
        file.problems.push_back({InputProblem::Kind::DynamicSql, token->span,
                                 "PL/pgSQL body not analysed: larger than " +
                                     std::to_string(kMaxPlpgsqlBodyBytes >> 10) + " KiB"});
        return;
    }
    const bool is_do = is(stmt.node, PG_QUERY__NODE__NODE_DO_STMT);
    const std::string wrapper = without_positional_aliases(
        is_do
            ? "CREATE FUNCTION migsafe_do_block() RETURNS void LANGUAGE plpgsql AS $migsafe_body$" +
                  body->text + "$migsafe_body$"
            : std::string(scrubbed.substr(stmt.span.begin, stmt.span.end - stmt.span.begin)));
    PgQueryPlpgsqlParseResult result = pg_query_parse_plpgsql(wrapper.c_str());
    if (result.error != nullptr) {
        file.problems.push_back(
            {InputProblem::Kind::DynamicSql, token->span,
             std::string("PL/pgSQL body not analysed: ") +
                 (result.error->message != nullptr ? result.error->message : "parse error")});
        pg_query_free_plpgsql_parse_result(result);
        return;
    }
    const Json tree =
        Json::parse(result.plpgsql_funcs != nullptr ? result.plpgsql_funcs : "[]", nullptr, false);
    pg_query_free_plpgsql_parse_result(result);
    if (tree.is_discarded()) return;
    // The body must outlive the walk only: statements keep copies of their maps.
    BodyWalker walker(file, owner, is_do ? StatementOrigin::DoBlock : StatementOrigin::FunctionBody,
                      parser, *body);
    walker.walk(tree, {});
}

}  // namespace migsafe::sql
