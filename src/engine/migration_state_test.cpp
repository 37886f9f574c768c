#include "engine/migration_state.hpp"

#include <doctest/doctest.h>

#include <string>

#include "pg/statement_facts.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe {

TEST_CASE("MigrationState: a transaction keeps one held lock per table and mode") {
    std::string sql = "BEGIN;\nALTER TABLE t ADD COLUMN c int;\n";
    for (int i = 0; i < 200; ++i)
        sql += "INSERT INTO t VALUES (" + std::to_string(i) + ");\nINSERT INTO u VALUES (1);\n";
    const auto file = sql::parse_file(sql, sql::TreeDetail::Full);
    MigrationState state(false);
    for (size_t i = 0; i < file->statements.size(); ++i) {
        const sql::Statement& stmt = file->statements[i];
        state.apply(stmt, i, pg::describe_statement(stmt.node));
    }
    REQUIRE(state.in_transaction());
    const TransactionState& tx = state.transaction();
    // ACCESS EXCLUSIVE on t, ROW EXCLUSIVE on t and on u: each from the first statement taking it.
    REQUIRE(tx.locks.size() == 3);
    CHECK(tx.locks[0].statement == 1);
    CHECK(tx.locks[1].statement == 2);
    CHECK(tx.locks[2].statement == 3);
    REQUIRE(tx.dml_writes.size() == 2);
    CHECK(tx.dml_writes[0].lock.relation.name == "t");
    CHECK(tx.dml_writes[1].lock.relation.name == "u");
    CHECK(tx.last_statement == file->statements.size() - 1);
}

}  // namespace migsafe
