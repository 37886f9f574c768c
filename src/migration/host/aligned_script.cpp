#include "migration/host/aligned_script.hpp"

#include <utility>

namespace migsafe::migration::host {

AlignedScript::AlignedScript(std::string_view file_text)
    : file_(file_text), sql_(file_text.size(), ' ') {
    for (size_t i = 0; i < file_.size(); ++i)
        if (file_[i] == '\n') sql_[i] = '\n';
}

void AlignedScript::copy(ByteSpan span) {
    if (span.empty()) return;
    write(span.begin, file_.substr(span.begin, span.end - span.begin));
}

void AlignedScript::write(uint32_t offset, std::string_view bytes) {
    // A tree recovered from a syntax error may end a literal at the end of the file.
    if (offset >= sql_.size()) return;
    bytes = bytes.substr(0, sql_.size() - offset);
    sql_.replace(offset, bytes.size(), bytes);
    track_context(bytes);
}

void AlignedScript::end_string(uint32_t offset) {
    if (offset < sql_.size() && sql_[offset] != '\n') sql_[offset] = ';';
    // Each host string is read as SQL on its own: one that leaves a literal open is broken SQL
    // anyway, and the next string should not inherit the open quote.
    context_ = Context::Code;
    previous_ = 0;
}

void AlignedScript::add_problem(ByteSpan span, std::string message) {
    problems_.push_back({span, std::move(message)});
}

char AlignedScript::open_quote() const {
    if (context_ == Context::Literal) return '\'';
    if (context_ == Context::Identifier) return '"';
    return 0;
}

void AlignedScript::track_context(std::string_view bytes) {
    for (const char c : bytes) {
        switch (context_) {
            case Context::Code:
                if (c == '\'') context_ = Context::Literal;
                if (c == '"') context_ = Context::Identifier;
                if (c == '-' && previous_ == '-') context_ = Context::LineComment;
                break;
            case Context::Literal:
                if (c == '\'') context_ = Context::Code;
                break;
            case Context::Identifier:
                if (c == '"') context_ = Context::Code;
                break;
            case Context::LineComment:
                if (c == '\n') context_ = Context::Code;
                break;
        }
        // A closing quote must not pair with the next byte into "--".
        previous_ = context_ == Context::Code && c == '-' && previous_ != '-' ? c : 0;
    }
}

Script AlignedScript::finish(const std::string& path, Direction direction,
                             TransactionModel transaction, std::string transaction_reason) && {
    Script script;
    script.path = path;
    script.direction = direction;
    script.sql = std::move(sql_);
    script.transaction = transaction;
    script.transaction_reason = std::move(transaction_reason);
    script.problems = std::move(problems_);
    return script;
}

}  // namespace migsafe::migration::host
