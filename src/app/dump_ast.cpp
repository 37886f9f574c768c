#include "app/dump_ast.hpp"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/check_command.hpp"
#include "pg/statement_facts.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe {

namespace {

std::string_view origin_name(sql::StatementOrigin origin) {
    switch (origin) {
        case sql::StatementOrigin::TopLevel:
            return "top-level";
        case sql::StatementOrigin::DoBlock:
            return "DO block";
        case sql::StatementOrigin::FunctionBody:
            return "function body";
    }
    return "";
}

// libpg_query's JSON rendering of one statement's text.
nlohmann::json parse_tree_json(const std::string& sql) {
    PgQueryParseResult result = pg_query_parse(sql.c_str());
    nlohmann::json tree = result.error == nullptr && result.parse_tree != nullptr
                              ? nlohmann::json::parse(result.parse_tree, nullptr, false)
                              : nlohmann::json();
    pg_query_free_parse_result(result);
    return tree;
}

}  // namespace

int run_dump_ast(const std::string& path, std::ostream& out, std::ostream& err) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        err << "migsafe: " << path << ": cannot read file\n";
        return kExitUnreadable;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const auto file = sql::parse_file(std::move(buffer).str());
    for (const sql::Statement& stmt : file->statements) {
        const Range range = file->source.range(stmt.span);
        out << fmt::format("── {}:{}:{}-{}:{} ({})\n", path, range.start.line, range.start.column,
                           range.end.line, range.end.column, origin_name(stmt.origin));
        if (stmt.error) {
            const Position at = file->source.position(stmt.error->offset);
            out << fmt::format("syntax error at {}:{}: {}\n\n", at.line, at.column,
                               stmt.error->message);
            continue;
        }
        const pg::StatementFacts facts = pg::describe_statement(stmt.node);
        for (const pg::RelationLock& lock : facts.locks) {
            out << fmt::format("lock: {} on {}{}\n", pg::lock_mode_name(lock.mode),
                               lock.relation.display(), lock.implicit ? " (implicit)" : "");
        }
        out << fmt::format(
            "rewrites: {}, scans: {}, builds index: {}, allowed in transaction: {}\n",
            facts.rewrites_table, facts.scans_table, facts.builds_index,
            facts.allowed_in_transaction);
        const std::string text(file->source.view(stmt.span));
        if (stmt.origin == sql::StatementOrigin::TopLevel)
            out << parse_tree_json(text).dump(2) << "\n";
        out << '\n';
    }
    return kExitClean;
}

}  // namespace migsafe
