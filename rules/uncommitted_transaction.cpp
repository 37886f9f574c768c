#include <string>

#include "engine/rule_context.hpp"
#include "sql/token_query.hpp"

namespace migsafe::rules {

namespace {

void check(const sql::ParsedFile& file, const MigrationState& state, const Options&,
           Findings& out) {
    const TransactionState& tx = state.transaction();
    // Closed by COMMIT or ROLLBACK, or never opened.
    if (!tx.open) return;
    // The runner's own transaction is committed by the runner.
    if (tx.implicit) return;
    const ByteSpan span = tx.begin_statement < file.statements.size()
                              ? sql::without_semicolon(file.statements[tx.begin_statement])
                              : tx.begin_span;
    Diagnostic& d =
        out.report(span,
                   "this BEGIN is never committed: at the end of the file the transaction is still "
                   "open, so when the session ends PostgreSQL rolls back every statement after it, "
                   "while the runner may record the migration as applied");
    d.help = "end the transaction with COMMIT; after its last statement";
    std::string text = "COMMIT;\n";
    const std::string& bytes = file.source.bytes();
    if (!bytes.empty() && bytes.back() != '\n') text.insert(0, "\n");
    d.fix = Fix{"Add COMMIT at the end of the file",
                {{{file.source.size(), file.source.size()}, text}},
                false};
}

}  // namespace

RuleHooks hooks_uncommitted_transaction() {
    return {.on_file_end = &check};
}

}  // namespace migsafe::rules
