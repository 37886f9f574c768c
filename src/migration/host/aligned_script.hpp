#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "migration/migration.hpp"

namespace migsafe::migration::host {

// Builds one Script::sql byte-aligned with its host file: starts as the file with every byte but
// newlines turned into a space; extracted SQL is copied in at its own offsets.
class AlignedScript {
  public:
    explicit AlignedScript(std::string_view file_text);

    std::string_view file_text() const { return file_; }
    // Copies the file's bytes in `span` into the script unchanged.
    void copy(ByteSpan span);
    // Writes `bytes` (same length as the file bytes it stands for) at `offset`.
    void write(uint32_t offset, std::string_view bytes);
    // Ends one extracted string: a `;` where the host string closed, so two strings never run
    // together.
    void end_string(uint32_t offset);
    void add_problem(ByteSpan span, std::string message);

    // Whether the SQL written so far leaves an SQL '…' literal or "…" identifier open: an
    // escape's replacement text depends on it.
    bool in_sql_literal() const { return quote_ != 0; }
    char open_quote() const { return quote_; }

    bool has_sql() const { return wrote_sql_; }
    const std::vector<ScriptProblem>& problems() const { return problems_; }

    Script finish(const std::string& path, Direction direction, TransactionModel transaction,
                  std::string transaction_reason) &&;

  private:
    void track_quotes(std::string_view bytes);

    std::string_view file_;
    std::string sql_;
    std::vector<ScriptProblem> problems_;
    char quote_ = 0;
    bool wrote_sql_ = false;
};

}  // namespace migsafe::migration::host
