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
    track_quotes(bytes);
    wrote_sql_ = true;
}

void AlignedScript::end_string(uint32_t offset) {
    if (offset < sql_.size() && sql_[offset] != '\n') sql_[offset] = ';';
    // A host string that left an SQL literal open is broken SQL anyway; the next string starts
    // fresh rather than inheriting the open quote.
    quote_ = 0;
}

void AlignedScript::add_problem(ByteSpan span, std::string message) {
    problems_.push_back({span, std::move(message)});
}

void AlignedScript::track_quotes(std::string_view bytes) {
    for (const char c : bytes) {
        if (c != '\'' && c != '"') continue;
        if (quote_ == 0)
            quote_ = c;
        else if (quote_ == c)
            quote_ = 0;
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
