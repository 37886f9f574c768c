#include "sql/splitter.hpp"

namespace migsafe::sql {

namespace {

struct Scan {
    uint32_t end = 0;                     // one past the statement's last token
    bool balanced = true;                 // false: ran out of input inside parentheses
    uint32_t first_nested_semicolon = 0;  // fallback end for an unbalanced statement
    bool has_nested_semicolon = false;
};

class Splitter {
  public:
    Splitter(const std::vector<Token>& tokens, std::string_view text, uint32_t base)
        : tokens_(tokens), text_(text), base_(base) {}

    std::vector<TokenRange> run() {
        std::vector<TokenRange> out;
        uint32_t i = 0;
        const auto count = static_cast<uint32_t>(tokens_.size());
        while (i < count) {
            while (i < count && tokens_[i].is_trivia())
                ++i;
            if (i >= count) break;
            Scan scan = scan_statement(i);
            if (!scan.balanced && scan.has_nested_semicolon) scan.end = scan.first_nested_semicolon;
            out.push_back({i, scan.end});
            i = scan.end;
        }
        return out;
    }

  private:
    std::string_view word(const Token& t) const {
        return text_.substr(t.span.begin - base_, t.span.end - t.span.begin);
    }
    bool is_word(uint32_t i, std::string_view kw) const {
        return i < tokens_.size() && tokens_[i].kind == TokenKind::Word &&
               keyword_equals(word(tokens_[i]), kw);
    }

    Scan scan_statement(uint32_t first) const {
        Scan scan;
        int depth = 0;
        int atomic_depth = 0;
        int case_depth = 0;
        uint32_t previous_word = UINT32_MAX;
        const auto count = static_cast<uint32_t>(tokens_.size());
        for (uint32_t i = first; i < count; ++i) {
            const Token& t = tokens_[i];
            if (t.is_trivia()) continue;
            switch (t.kind) {
                case TokenKind::LParen:
                    ++depth;
                    break;
                case TokenKind::RParen:
                    if (depth > 0) --depth;
                    break;
                case TokenKind::Word:
                    if (is_word(i, "atomic") && previous_word != UINT32_MAX &&
                        is_word(previous_word, "begin")) {
                        ++atomic_depth;
                    } else if (atomic_depth > 0 && is_word(i, "case")) {
                        ++case_depth;
                    } else if (atomic_depth > 0 && is_word(i, "end")) {
                        if (case_depth > 0) {
                            --case_depth;
                        } else {
                            --atomic_depth;
                        }
                    }
                    previous_word = i;
                    break;
                case TokenKind::Semicolon:
                    if (depth == 0 && atomic_depth == 0) {
                        scan.end = i + 1;
                        return scan;
                    }
                    if (!scan.has_nested_semicolon) {
                        scan.has_nested_semicolon = true;
                        scan.first_nested_semicolon = i + 1;
                    }
                    break;
                default:
                    break;
            }
            if (t.kind != TokenKind::Word) previous_word = UINT32_MAX;
        }
        scan.end = count;
        scan.balanced = depth == 0 && atomic_depth == 0;
        // Trailing trivia (comments after the last statement) is not part of it.
        while (scan.end > first && tokens_[scan.end - 1].is_trivia())
            --scan.end;
        return scan;
    }

    const std::vector<Token>& tokens_;
    std::string_view text_;
    uint32_t base_;
};

}  // namespace

std::vector<TokenRange> split_statements(const std::vector<Token>& tokens, std::string_view text,
                                         uint32_t base) {
    return Splitter(tokens, text, base).run();
}

}  // namespace migsafe::sql
