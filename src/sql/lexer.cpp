#include "sql/lexer.hpp"

#include <cctype>

namespace migsafe::sql {

bool keyword_equals(std::string_view text, std::string_view lower_keyword) {
    if (text.size() != lower_keyword.size()) return false;
    for (size_t i = 0; i < text.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[i])) != lower_keyword[i]) return false;
    }
    return true;
}

namespace {

bool is_ident_start(unsigned char c) {
    return std::isalpha(c) != 0 || c == '_' || c >= 0x80;
}
bool is_ident_char(unsigned char c) {
    return is_ident_start(c) || std::isdigit(c) != 0 || c == '$';
}
bool is_operator_char(char c) {
    return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

class Lexer {
  public:
    Lexer(std::string_view text, uint32_t base) : text_(text), base_(base) {}

    std::vector<Token> run() {
        // Real SQL averages more than 4 bytes a token: one allocation, no copies while growing
        // (pages never written to are never touched).
        tokens_.reserve(text_.size() / 4 + 8);
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (std::isspace(static_cast<unsigned char>(c)) != 0) {
                ++pos_;
                continue;
            }
            lex_one(c);
        }
        return std::move(tokens_);
    }

  private:
    char peek(size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }

    void emit(TokenKind kind, size_t begin, bool unterminated = false) {
        tokens_.push_back(
            {{base_ + static_cast<uint32_t>(begin), base_ + static_cast<uint32_t>(pos_)},
             kind,
             unterminated});
    }

    void lex_one(char c) {
        const size_t begin = pos_;
        if (c == '-' && peek(1) == '-') return line_comment(begin);
        if (c == '/' && peek(1) == '*') return block_comment(begin);
        if (c == '\\') return psql_meta(begin);
        if (c == '\'') return quoted(begin, TokenKind::String, '\'', false);
        if (c == '"') return quoted(begin, TokenKind::QuotedIdent, '"', false);
        if ((c == 'e' || c == 'E') && peek(1) == '\'') {
            ++pos_;
            return quoted(begin, TokenKind::String, '\'', true);
        }
        if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') &&
            peek(1) == '\'') {
            ++pos_;
            return quoted(begin, TokenKind::String, '\'', false);
        }
        if ((c == 'u' || c == 'U') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
            pos_ += 2;
            const char q = peek();
            return quoted(begin, q == '"' ? TokenKind::QuotedIdent : TokenKind::String, q, false);
        }
        if (placeholder(begin)) return;
        if (c == '$') return dollar(begin);
        if (is_ident_start(static_cast<unsigned char>(c))) return word(begin);
        if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
            (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))) != 0)) {
            return number(begin);
        }
        if (c == ':') return colon(begin);
        ++pos_;
        switch (c) {
            case '(':
                return emit(TokenKind::LParen, begin);
            case ')':
                return emit(TokenKind::RParen, begin);
            case '[':
                ++bracket_depth_;
                return emit(TokenKind::LBracket, begin);
            case ']':
                if (bracket_depth_ > 0) --bracket_depth_;
                return emit(TokenKind::RBracket, begin);
            case ',':
                return emit(TokenKind::Comma, begin);
            case ';':
                return semicolon(begin);
            case '.':
                return emit(TokenKind::Dot, begin);
            default:
                break;
        }
        if (is_operator_char(c)) {
            while (pos_ < text_.size() && is_operator_char(text_[pos_]) &&
                   !(text_[pos_] == '-' && peek(1) == '-') &&
                   !(text_[pos_] == '/' && peek(1) == '*')) {
                ++pos_;
            }
        }
        emit(TokenKind::Operator, begin);
    }

    void line_comment(size_t begin) {
        while (pos_ < text_.size() && text_[pos_] != '\n')
            ++pos_;
        // A CRLF line's comment must not own the carriage return.
        size_t end = pos_;
        if (end > begin && text_[end - 1] == '\r') --end;
        const size_t saved = pos_;
        pos_ = end;
        emit(TokenKind::LineComment, begin);
        pos_ = saved;
    }

    void block_comment(size_t begin) {
        pos_ += 2;
        int depth = 1;
        while (pos_ < text_.size() && depth > 0) {
            if (text_[pos_] == '/' && peek(1) == '*') {
                ++depth;
                pos_ += 2;
            } else if (text_[pos_] == '*' && peek(1) == '/') {
                --depth;
                pos_ += 2;
            } else {
                ++pos_;
            }
        }
        emit(TokenKind::BlockComment, begin, depth > 0);
    }

    void psql_meta(size_t begin) {
        while (pos_ < text_.size() && text_[pos_] != '\n')
            ++pos_;
        size_t end = pos_;
        if (end > begin && text_[end - 1] == '\r') --end;
        const size_t saved = pos_;
        pos_ = end;
        emit(TokenKind::PsqlMeta, begin);
        pos_ = saved;
    }

    void quoted(size_t begin, TokenKind kind, char quote, bool backslash_escapes) {
        ++pos_;  // opening quote
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (backslash_escapes && c == '\\') {
                pos_ += 2;
                continue;
            }
            if (c == quote) {
                if (peek(1) == quote) {
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                return emit(kind, begin);
            }
            ++pos_;
        }
        pos_ = text_.size();
        emit(kind, begin, true);
    }

    void dollar(size_t begin) {
        size_t i = pos_ + 1;
        if (std::isdigit(static_cast<unsigned char>(peek(1))) != 0) {
            while (i < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i])) != 0)
                ++i;
            pos_ = i;
            return emit(TokenKind::Param, begin);
        }
        while (i < text_.size() && text_[i] != '$' &&
               (is_ident_char(static_cast<unsigned char>(text_[i])))) {
            ++i;
        }
        if (i >= text_.size() || text_[i] != '$') {
            pos_ = begin + 1;
            return emit(TokenKind::Operator, begin);
        }
        const std::string_view tag = text_.substr(begin, i + 1 - begin);
        const size_t close = text_.find(tag, i + 1);
        if (close == std::string_view::npos) {
            pos_ = text_.size();
            return emit(TokenKind::String, begin, true);
        }
        pos_ = close + tag.size();
        emit(TokenKind::String, begin);
    }

    // A template placeholder that a tool substitutes before PostgreSQL sees the SQL.
    bool placeholder(size_t begin) {
        const char c = text_[begin];
        size_t end = std::string_view::npos;
        if (c == '$' && peek(1) == '{') {
            end = text_.find('}', begin + 2);
            if (end != std::string_view::npos) ++end;
        } else if (c == '{' && peek(1) == '{') {
            end = text_.find("}}", begin + 2);
            if (end != std::string_view::npos) end += 2;
        } else if (c == '@' && is_ident_start(static_cast<unsigned char>(peek(1)))) {
            size_t i = begin + 1;
            while (i < text_.size() && is_ident_char(static_cast<unsigned char>(text_[i])) &&
                   text_[i] != '$')
                ++i;
            if (i < text_.size() && text_[i] == '@') end = i + 1;
        }
        // A placeholder never spans lines: an unmatched opener is ordinary SQL (or an error).
        if (end == std::string_view::npos ||
            text_.substr(begin, end - begin).find('\n') != std::string_view::npos) {
            return false;
        }
        pos_ = end;
        emit(TokenKind::Placeholder, begin);
        return true;
    }

    void word(size_t begin) {
        while (pos_ < text_.size() && is_ident_char(static_cast<unsigned char>(text_[pos_])))
            ++pos_;
        emit(TokenKind::Word, begin);
    }

    void number(size_t begin) {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_') {
                ++pos_;
            } else if (c == '.' && peek(1) != '.') {
                ++pos_;
            } else if ((c == '+' || c == '-') &&
                       (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E')) {
                ++pos_;
            } else {
                break;
            }
        }
        emit(TokenKind::Number, begin);
    }

    void colon(size_t begin) {
        const char next = peek(1);
        if (next == ':' || next == '=') {
            pos_ += 2;
            return emit(next == ':' ? TokenKind::Colon : TokenKind::Operator, begin);
        }
        const bool after_colon = begin > 0 && text_[begin - 1] == ':';
        if (bracket_depth_ == 0 && !after_colon) {
            if (next == '\'' || next == '"') {
                ++pos_;
                quoted(pos_, TokenKind::String, next, false);
                tokens_.back().kind = TokenKind::PsqlVariable;
                tokens_.back().span.begin = base_ + static_cast<uint32_t>(begin);
                return;
            }
            if (is_ident_start(static_cast<unsigned char>(next))) {
                ++pos_;
                while (pos_ < text_.size() &&
                       is_ident_char(static_cast<unsigned char>(text_[pos_])) &&
                       text_[pos_] != '$') {
                    ++pos_;
                }
                return emit(TokenKind::PsqlVariable, begin);
            }
        }
        ++pos_;
        emit(TokenKind::Colon, begin);
    }

    void semicolon(size_t begin) {
        emit(TokenKind::Semicolon, begin);
        if (statement_is_copy_from_stdin()) copy_data();
        statement_start_ = tokens_.size();
    }

    bool statement_is_copy_from_stdin() const {
        bool first = true;
        bool copy = false;
        bool saw_from = false;
        for (size_t i = statement_start_; i < tokens_.size(); ++i) {
            const Token& t = tokens_[i];
            if (t.is_trivia()) continue;
            const std::string_view w =
                text_.substr(t.span.begin - base_, t.span.end - t.span.begin);
            if (first) {
                copy = t.kind == TokenKind::Word && keyword_equals(w, "copy");
                first = false;
                if (!copy) return false;
                continue;
            }
            if (t.kind != TokenKind::Word) continue;
            if (saw_from && keyword_equals(w, "stdin")) return true;
            saw_from = keyword_equals(w, "from");
        }
        return false;
    }

    // psql reads the rows of COPY … FROM STDIN from the lines after the command, up to "\.".
    void copy_data() {
        const size_t newline = text_.find('\n', pos_);
        if (newline == std::string_view::npos) return;
        const size_t begin = newline + 1;
        size_t line = begin;
        while (line < text_.size()) {
            size_t end = text_.find('\n', line);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view content = text_.substr(line, end - line);
            if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
            if (content == "\\.") {
                pos_ = line + content.size();
                return emit(TokenKind::CopyData, begin);
            }
            line = end + 1;
        }
        pos_ = text_.size();
        emit(TokenKind::CopyData, begin, true);
    }

    std::string_view text_;
    uint32_t base_;
    size_t pos_ = 0;
    int bracket_depth_ = 0;
    size_t statement_start_ = 0;
    std::vector<Token> tokens_;
};

}  // namespace

std::vector<Token> lex(std::string_view text, uint32_t base) {
    return Lexer(text, base).run();
}

}  // namespace migsafe::sql
