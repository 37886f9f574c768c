#include "pg/statement_facts.hpp"

#include <doctest/doctest.h>

#include "sql/parsed_file.hpp"

namespace migsafe::pg {

namespace {

// Facts of the only statement in `sql`.
StatementFacts facts_of(const std::string& sql) {
    const auto file = sql::parse_file(sql);
    REQUIRE(file->statements.size() == 1);
    REQUIRE(file->statements[0].node != nullptr);
    return describe_statement(file->statements[0].node);
}

LockMode lock(const StatementFacts& facts, const std::string& relation) {
    return facts.lock_on({"", relation});
}

bool implicit_lock(const StatementFacts& facts, const std::string& relation) {
    for (const RelationLock& l : facts.locks)
        if (l.relation.name == relation) return l.implicit;
    return false;
}

}  // namespace

TEST_CASE("CREATE INDEX: SHARE, or SHARE UPDATE EXCLUSIVE when concurrent") {
    const StatementFacts plain = facts_of("CREATE INDEX i ON orders (a);");
    CHECK(plain.kind == StatementKind::CreateIndex);
    CHECK(lock(plain, "orders") == LockMode::Share);
    CHECK(plain.allowed_in_transaction);

    const StatementFacts concurrent = facts_of("CREATE INDEX CONCURRENTLY i ON orders (a);");
    CHECK(lock(concurrent, "orders") == LockMode::ShareUpdateExclusive);
    CHECK(concurrent.concurrently);
    CHECK_FALSE(concurrent.allowed_in_transaction);
}

TEST_CASE("DROP INDEX: ACCESS EXCLUSIVE, or SHARE UPDATE EXCLUSIVE when concurrent") {
    const StatementFacts plain = facts_of("DROP INDEX idx;");
    CHECK(plain.kind == StatementKind::DropIndex);
    CHECK(lock(plain, "idx") == LockMode::AccessExclusive);
    CHECK(plain.allowed_in_transaction);

    const StatementFacts concurrent = facts_of("DROP INDEX CONCURRENTLY IF EXISTS idx;");
    CHECK(lock(concurrent, "idx") == LockMode::ShareUpdateExclusive);
    CHECK_FALSE(concurrent.allowed_in_transaction);
}

TEST_CASE("REINDEX locks and transaction use") {
    CHECK(lock(facts_of("REINDEX TABLE orders;"), "orders") == LockMode::Share);
    CHECK(lock(facts_of("REINDEX INDEX idx;"), "idx") == LockMode::AccessExclusive);
    const StatementFacts concurrent = facts_of("REINDEX INDEX CONCURRENTLY idx;");
    CHECK(lock(concurrent, "idx") == LockMode::ShareUpdateExclusive);
    CHECK_FALSE(concurrent.allowed_in_transaction);
    CHECK(facts_of("REINDEX TABLE orders;").allowed_in_transaction);
}

TEST_CASE("ADD UNIQUE builds an index under ACCESS EXCLUSIVE; USING INDEX builds none") {
    const StatementFacts unique = facts_of("ALTER TABLE users ADD UNIQUE (email);");
    CHECK(lock(unique, "users") == LockMode::AccessExclusive);
    CHECK(unique.builds_index);

    const StatementFacts using_index =
        facts_of("ALTER TABLE users ADD CONSTRAINT k UNIQUE USING INDEX k;");
    CHECK(lock(using_index, "users") == LockMode::AccessExclusive);
    CHECK_FALSE(using_index.builds_index);
}

TEST_CASE("ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables") {
    const StatementFacts fk = facts_of(
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);");
    CHECK(lock(fk, "orders") == LockMode::ShareRowExclusive);
    CHECK(lock(fk, "users") == LockMode::ShareRowExclusive);
    CHECK_FALSE(implicit_lock(fk, "orders"));
    CHECK(implicit_lock(fk, "users"));
}

TEST_CASE("CREATE TABLE … REFERENCES locks the referenced table implicitly") {
    const StatementFacts create =
        facts_of("CREATE TABLE invoices (id bigint, user_id bigint REFERENCES users (id));");
    CHECK(create.kind == StatementKind::CreateTable);
    CHECK(lock(create, "users") == LockMode::ShareRowExclusive);
    CHECK(implicit_lock(create, "users"));
    REQUIRE(create.creates.size() == 1);
    CHECK(create.creates[0].name == "invoices");

    const StatementFacts table_fk = facts_of(
        "CREATE TABLE invoices (user_id bigint, FOREIGN KEY (user_id) REFERENCES accounts);");
    CHECK(lock(table_fk, "accounts") == LockMode::ShareRowExclusive);
}

TEST_CASE("VACUUM cannot run in a transaction block; ANALYZE can") {
    const StatementFacts vacuum = facts_of("VACUUM orders;");
    CHECK(vacuum.kind == StatementKind::Vacuum);
    CHECK_FALSE(vacuum.allowed_in_transaction);
    CHECK(lock(vacuum, "orders") == LockMode::ShareUpdateExclusive);
    CHECK(lock(facts_of("VACUUM FULL orders;"), "orders") == LockMode::AccessExclusive);
    CHECK(facts_of("ANALYZE orders;").allowed_in_transaction);
}

TEST_CASE("other statements that cannot run in a transaction block") {
    CHECK_FALSE(facts_of("CREATE DATABASE reporting;").allowed_in_transaction);
    CHECK_FALSE(facts_of("ALTER SYSTEM SET work_mem = '64MB';").allowed_in_transaction);
    CHECK_FALSE(facts_of("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;")
                    .allowed_in_transaction);
    CHECK(facts_of("REFRESH MATERIALIZED VIEW CONCURRENTLY mv;").allowed_in_transaction);
}

TEST_CASE("DETACH PARTITION CONCURRENTLY still takes ACCESS EXCLUSIVE on the partition") {
    // Checked against PostgreSQL 15 by testdata/lockmodel/partitions.sql: the parent gets SHARE
    // UPDATE EXCLUSIVE, the partition ACCESS EXCLUSIVE in the command's second transaction.
    const StatementFacts facts =
        facts_of("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;");
    CHECK(lock(facts, "events") == LockMode::ShareUpdateExclusive);
    CHECK(lock(facts, "events_2020") == LockMode::AccessExclusive);
    CHECK(implicit_lock(facts, "events_2020"));
}

TEST_CASE("a plain REFRESH MATERIALIZED VIEW rewrites the view; CONCURRENTLY does not") {
    CHECK(facts_of("REFRESH MATERIALIZED VIEW mv;").rewrites_table);
    CHECK_FALSE(facts_of("REFRESH MATERIALIZED VIEW CONCURRENTLY mv;").rewrites_table);
}

}  // namespace migsafe::pg
