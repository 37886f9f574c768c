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

    // Copies the file's bytes in `span` into the script unchanged.
    void copy(ByteSpan span);
    // Writes `bytes` (same length as the file bytes it stands for) at `offset`.
    void write(uint32_t offset, std::string_view bytes);
    // Ends one extracted string: a `;` where the host string closed, so two strings never run
    // together.
    void end_string(uint32_t offset);
    void add_problem(ByteSpan span, std::string message);

    // Whether the SQL written so far ends inside a '…' literal, a "…" identifier or a -- comment,
    // where a host escape such as \n cannot become spaces without changing the SQL.
    bool inside_quote_or_comment() const { return context_ != Context::Code; }
    // The quote that would close the open literal or identifier; 0 outside one.
    char open_quote() const;

    Script finish(const std::string& path, Direction direction, TransactionModel transaction,
                  std::string transaction_reason) &&;

  private:
    enum class Context : uint8_t { Code, Literal, Identifier, LineComment };
    void track_context(std::string_view bytes);

    std::string_view file_;
    std::string sql_;
    std::vector<ScriptProblem> problems_;
    Context context_ = Context::Code;
    char previous_ = 0;
};

}  // namespace migsafe::migration::host
