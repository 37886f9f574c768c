#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "sql/lexer.hpp"
#include "sql/parsed_file.hpp"
#include "sql/plpgsql.hpp"
#include "sql/splitter.hpp"
#include "sql/statement_parser.hpp"

namespace migsafe::sql {

uint32_t Statement::file_offset(int32_t location) const {
    if (location < 0) return span.begin;
    const auto loc = static_cast<uint32_t>(location);
    if (offset_map != nullptr) {
        if (offset_map->empty()) return span.begin;
        return (*offset_map)[std::min<size_t>(loc, offset_map->size() - 1)];
    }
    return parse_base + loc;
}

namespace {

// The bytes the parser sees: same length as the file, so every offset stays valid, with what
// PostgreSQL would not accept as SQL blanked out.
std::string scrub(const std::string& bytes, bool has_bom, std::vector<InputProblem>& problems) {
    std::string out = bytes;
    if (has_bom) out.replace(0, 3, "   ");
    size_t from = has_bom ? 3 : 0;
    bool reported = false;
    while (from < out.size()) {
        const size_t bad = find_invalid_utf8(std::string_view(out).substr(from));
        if (bad == std::string_view::npos) break;
        const size_t at = from + bad;
        if (!reported) {
            problems.push_back({InputProblem::Kind::InvalidUtf8,
                                {static_cast<uint32_t>(at), static_cast<uint32_t>(at + 1)},
                                "invalid UTF-8 byte sequence: migrations must be UTF-8 "
                                "(PostgreSQL rejects this with client_encoding UTF8)"});
            reported = true;
        }
        out[at] = '?';
        from = at + 1;
    }
    return out;
}

void blank(std::string& text, ByteSpan span) {
    for (uint32_t i = span.begin; i < span.end && i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') text[i] = ' ';
    }
}

// Replaces a placeholder with an identifier of the same length built from its name
// (${schema} -> schema___), so the statement parses and positions stay put.
void stand_in(std::string& text, ByteSpan span) {
    std::string name;
    for (uint32_t i = span.begin; i < span.end; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c) != 0 || c == '_') name.push_back(static_cast<char>(std::tolower(c)));
    }
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front())) != 0)
        name.insert(0, "p");
    for (uint32_t i = span.begin, k = 0; i < span.end; ++i, ++k)
        text[i] = k < name.size() ? name[k] : '_';
}

}  // namespace

std::unique_ptr<ParsedFile> parse_file(std::string bytes, TreeDetail detail) {
    auto file = std::make_unique<ParsedFile>(std::move(bytes));
    const std::string& original = file->source.bytes();
    if (const size_t nul = original.find('\0'); nul != std::string::npos) {
        file->problems.push_back({InputProblem::Kind::Binary,
                                  {static_cast<uint32_t>(nul), static_cast<uint32_t>(nul + 1)},
                                  "binary data (NUL byte): this is not a SQL file, not checked"});
        return file;
    }
    std::string text = scrub(original, file->source.has_bom(), file->problems);
    file->tokens = lex(text);
    for (const Token& t : file->tokens) {
        if (t.kind == TokenKind::PsqlMeta || t.kind == TokenKind::CopyData) {
            blank(text, t.span);
        } else if (t.kind == TokenKind::Placeholder) {
            const std::string_view written =
                std::string_view(original).substr(t.span.begin, t.span.end - t.span.begin);
            stand_in(text, t.span);
            file->problems.push_back(
                {InputProblem::Kind::Placeholder, t.span,
                 "template placeholder `" + std::string(written) +
                     "` is substituted by a tool before PostgreSQL runs this: the "
                     "statement is checked with a stand-in name"});
        } else if (t.kind == TokenKind::PsqlVariable) {
            text[t.span.begin] = ' ';
            file->problems.push_back(
                {InputProblem::Kind::PsqlVariable, t.span,
                 "psql variable `" +
                     std::string(original.substr(t.span.begin, t.span.end - t.span.begin)) +
                     "` is interpolated at run time: its value is not analysed"});
        }
    }
    const std::vector<TokenRange> ranges = split_statements(file->tokens, text);
    StatementParser parser(*file, text, detail == TreeDetail::ForRules);
    for (const TokenRange& range : ranges) {
        const std::span<const Token> tokens(file->tokens.data() + range.first,
                                            range.end - range.first);
        const size_t owner_count = file->statements.size();
        parser.parse(tokens, StatementOrigin::TopLevel, -1, {});
        for (size_t i = owner_count; i < file->statements.size(); ++i) {
            if (file->statements[i].origin == StatementOrigin::TopLevel) {
                extract_plpgsql(*file, text, static_cast<int>(i), parser);
            }
        }
    }
    parser.finish();
    return file;
}

}  // namespace migsafe::sql
