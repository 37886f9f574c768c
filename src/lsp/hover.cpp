#include "lsp/hover.hpp"

#include <fmt/format.h>

#include "pg/statement_facts.hpp"

namespace migsafe::lsp {

namespace {

bool at_statement(const sql::Statement& stmt, uint32_t offset) {
    // The cursor right after the closing ';' still belongs to the statement.
    return stmt.span.contains(offset) || offset == stmt.span.end;
}

const sql::Statement* innermost_statement(const sql::ParsedFile& file, uint32_t offset) {
    const sql::Statement* best = nullptr;
    for (const sql::Statement& stmt : file.statements) {
        if (!at_statement(stmt, offset)) continue;
        const auto size = stmt.span.end - stmt.span.begin;
        if (best == nullptr || size < best->span.end - best->span.begin) best = &stmt;
    }
    return best;
}

std::string yes_no(bool value) {
    return value ? "**yes**" : "no";
}

std::string lock_table(const pg::StatementFacts& facts) {
    if (facts.locks.empty()) return "Takes no table-level lock.\n";
    std::string out = "| Relation | Lock | While held |\n|---|---|---|\n";
    for (const pg::RelationLock& lock : facts.locks) {
        out += fmt::format("| `{}`{} | {} | {} |\n", lock.relation.display(),
                           lock.implicit ? " (implicit)" : "", pg::lock_mode_name(lock.mode),
                           pg::lock_blocks(lock.mode));
    }
    return out;
}

std::string facts_list(const pg::StatementFacts& facts) {
    std::string out;
    out += fmt::format("- Rewrites the table: {}\n", yes_no(facts.rewrites_table));
    out += fmt::format("- Scans every row under the lock: {}\n", yes_no(facts.scans_table));
    if (facts.builds_index)
        out += fmt::format("- Builds an index{}\n", facts.concurrently ? " concurrently" : "");
    if (facts.stores_missing_default)
        out += "- The default is stored once in the catalog, not written into every row\n";
    if (!facts.allowed_in_transaction) out += "- Cannot run inside a transaction block\n";
    if (facts.cancel_leaves_invalid_index)
        out += "- If cancelled or failed midway it leaves an INVALID index behind\n";
    return out;
}

}  // namespace

std::optional<StatementHover> hover_statement(const sql::ParsedFile& file, uint32_t offset,
                                              const std::vector<Diagnostic>& findings) {
    const sql::Statement* stmt = innermost_statement(file, offset);
    if (stmt == nullptr || stmt->node == nullptr) return std::nullopt;
    const pg::StatementFacts facts = pg::describe_statement(stmt->node);
    std::string markdown = "**migsafe**: what this statement locks\n\n";
    markdown += lock_table(facts);
    markdown += '\n';
    markdown += facts_list(facts);
    std::string listed;
    for (const Diagnostic& d : findings) {
        if (d.span.begin < stmt->span.begin ||
            d.span.begin >= std::max(stmt->span.end, stmt->span.begin + 1))
            continue;
        listed += fmt::format("- `{}` ({}): {}\n", rule_info(d.rule).name,
                              severity_name(d.severity), d.message);
    }
    if (!listed.empty()) markdown += "\n**Findings**\n\n" + listed;
    return StatementHover{stmt->span, std::move(markdown)};
}

}  // namespace migsafe::lsp
