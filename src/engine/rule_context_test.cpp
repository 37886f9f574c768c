#include "engine/rule_context.hpp"

#include <doctest/doctest.h>

#include <string>

namespace migsafe {

TEST_CASE("RuleContext::snippet: one line, cut at the limit on a character boundary") {
    std::string sql = "UPDATE orders\n   SET note =   'caf\xC3\xA9' WHERE id = 1;";
    for (int i = 0; i < 20000; ++i)
        sql += "\n-- filler line " + std::to_string(i);
    const auto file = sql::parse_file(sql);
    const sql::Statement& stmt = file->statements.front();
    const pg::StatementFacts facts = pg::describe_statement(stmt.node);
    const MigrationState state(false);
    const catalog::Catalog catalog;
    const Options options;
    const RuleContext ctx{*file, stmt, 0, facts, state, catalog, options};
    const ByteSpan all{0, static_cast<uint32_t>(sql.size())};

    CHECK(ctx.snippet({0, 13}, 60) == "UPDATE orders");
    CHECK(ctx.snippet(all, 29) == "UPDATE orders SET note = 'caf\xE2\x80\xA6");
    // The cut never splits the two bytes of the é.
    CHECK(ctx.snippet(all, 30) == "UPDATE orders SET note = 'caf\xE2\x80\xA6");
    CHECK(ctx.snippet(all, 31) == "UPDATE orders SET note = 'caf\xC3\xA9\xE2\x80\xA6");
    CHECK(ctx.snippet(all, 1000).size() == 1000 + 3);
}

}  // namespace migsafe
