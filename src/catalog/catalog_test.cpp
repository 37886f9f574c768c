#include "catalog/catalog.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "catalog/seed.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe::catalog {

namespace {

void run(Catalog& catalog, const std::string& sql) {
    const std::unique_ptr<sql::ParsedFile> file = sql::parse_file(sql);
    for (const sql::Statement& statement : file->statements) {
        REQUIRE(statement.node != nullptr);
        catalog.apply(statement.node);
    }
}

pg::QualifiedName named(const std::string& name) {
    return {"", name};
}

std::vector<std::string> index_names_on(const Catalog& catalog, const std::string& table) {
    std::vector<std::string> out;
    for (const Index* index : catalog.indexes_on(named(table)))
        out.push_back(index->name);
    return out;
}

const Constraint& constraint_of(const Catalog& catalog, const std::string& table,
                                const std::string& name) {
    const Table* t = catalog.table(named(table));
    REQUIRE(t != nullptr);
    const Constraint* c = t->constraint(name);
    REQUIRE_MESSAGE(c != nullptr, "no constraint " << name);
    return *c;
}

}  // namespace

TEST_CASE("CREATE TABLE records columns, their types and attributes") {
    Catalog catalog;
    CHECK(catalog.empty());
    run(catalog,
        "CREATE TABLE users (id bigserial PRIMARY KEY, email varchar(100) NOT NULL,"
        " name text DEFAULT 'x', n int GENERATED ALWAYS AS IDENTITY, "
        " total numeric(10,2) GENERATED ALWAYS AS (1) STORED, tags text[]);");
    CHECK_FALSE(catalog.empty());
    const Table* users = catalog.table(named("users"));
    REQUIRE(users != nullptr);
    CHECK(users->columns.size() == 6);
    REQUIRE(users->column("id") != nullptr);
    CHECK(users->column("id")->type.name == "int8");
    CHECK(users->column("id")->not_null);
    CHECK(users->column("id")->has_default);
    CHECK_FALSE(users->column("id")->identity_or_generated);
    CHECK(users->column("email")->type.display() == "varchar(100)");
    CHECK(users->column("email")->not_null);
    CHECK_FALSE(users->column("email")->has_default);
    CHECK_FALSE(users->column("name")->not_null);
    CHECK(users->column("name")->has_default);
    CHECK(users->column("n")->identity_or_generated);
    CHECK(users->column("total")->identity_or_generated);
    CHECK(users->column("tags")->type.array_dims == 1);
    CHECK(users->column("missing") == nullptr);
    CHECK_FALSE(users->partitioned);
}

TEST_CASE("CREATE TABLE names constraints and their indexes as PostgreSQL does") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE users (id int PRIMARY KEY, email text UNIQUE);"
        "CREATE TABLE orders (id int, user_id int REFERENCES users, a int, b int,"
        " total int CHECK (total > 0), CHECK (a < b), UNIQUE (a, b),"
        " CONSTRAINT named_fk FOREIGN KEY (b) REFERENCES users (id), PRIMARY KEY (id),"
        " EXCLUDE USING gist (a WITH =));");
    CHECK(constraint_of(catalog, "users", "users_pkey").kind == ConstraintKind::PrimaryKey);
    CHECK(constraint_of(catalog, "users", "users_pkey").index == "users_pkey");
    CHECK(constraint_of(catalog, "users", "users_email_key").kind == ConstraintKind::Unique);
    CHECK(index_names_on(catalog, "users") ==
          std::vector<std::string>{"users_email_key", "users_pkey"});
    REQUIRE(catalog.index(named("users_email_key")) != nullptr);
    CHECK(catalog.index(named("users_email_key"))->unique);
    CHECK(catalog.index(named("users_email_key"))->columns == std::vector<std::string>{"email"});
    CHECK(catalog.table(named("users"))->column("id")->not_null);

    const Constraint& fk = constraint_of(catalog, "orders", "orders_user_id_fkey");
    CHECK(fk.kind == ConstraintKind::ForeignKey);
    CHECK(fk.columns == std::vector<std::string>{"user_id"});
    CHECK(fk.references == named("users"));
    CHECK(constraint_of(catalog, "orders", "named_fk").columns == std::vector<std::string>{"b"});
    CHECK(constraint_of(catalog, "orders", "orders_total_check").kind == ConstraintKind::Check);
    // A CHECK on two columns gets no column in its name.
    CHECK(constraint_of(catalog, "orders", "orders_check").columns ==
          std::vector<std::string>{"a", "b"});
    CHECK(constraint_of(catalog, "orders", "orders_a_b_key").index == "orders_a_b_key");
    CHECK(constraint_of(catalog, "orders", "orders_pkey").columns ==
          std::vector<std::string>{"id"});
    CHECK(constraint_of(catalog, "orders", "orders_a_excl").kind == ConstraintKind::Exclusion);
    CHECK(catalog.index(named("orders_a_excl")) != nullptr);
    CHECK_FALSE(catalog.index(named("orders_a_excl"))->unique);
    CHECK(catalog.table(named("orders"))->column("id")->not_null);
}

// The names in these tests were checked against PostgreSQL 15 (pg_constraint, pg_index).
TEST_CASE("a generated name that is taken gets a number, as in PostgreSQL") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE t4 (id int, m int, CONSTRAINT t4_pkey CHECK (id > 0));"
        "ALTER TABLE t4 ADD PRIMARY KEY (m);");
    CHECK(constraint_of(catalog, "t4", "t4_pkey").kind == ConstraintKind::Check);
    CHECK(constraint_of(catalog, "t4", "t4_pkey1").kind == ConstraintKind::PrimaryKey);
    CHECK(catalog.index(named("t4_pkey1")) != nullptr);
    CHECK(catalog.index(named("t4_pkey")) == nullptr);
}

TEST_CASE("CREATE TABLE variants") {
    Catalog catalog;
    run(catalog, "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);");
    CHECK(catalog.table(named("events"))->partitioned);
    run(catalog, "CREATE TABLE IF NOT EXISTS events (other int);");
    CHECK(catalog.table(named("events"))->column("id") != nullptr);
    CHECK(catalog.table(named("events"))->column("other") == nullptr);

    run(catalog, "CREATE TABLE copy AS SELECT * FROM events; SELECT 1 AS x INTO copy2;");
    REQUIRE(catalog.table(named("copy")) != nullptr);
    CHECK_FALSE(catalog.table(named("copy"))->columns_known);
    REQUIRE(catalog.table(named("copy2")) != nullptr);
    CHECK_FALSE(catalog.table(named("copy2"))->columns_known);

    run(catalog, "CREATE MATERIALIZED VIEW totals AS SELECT 1; CREATE VIEW v AS SELECT 1;");
    REQUIRE(catalog.view(named("totals")) != nullptr);
    CHECK(catalog.view(named("totals"))->materialized);
    REQUIRE(catalog.view(named("v")) != nullptr);
    CHECK_FALSE(catalog.view(named("v"))->materialized);
    run(catalog, "CREATE OR REPLACE VIEW v AS SELECT 2;");
    CHECK(catalog.views().size() == 2);
    CHECK(catalog.table(named("totals")) == nullptr);
}

TEST_CASE("ALTER TABLE changes columns") {
    Catalog catalog;
    run(catalog, "CREATE TABLE t (a int, b text NOT NULL DEFAULT '', c int);");
    run(catalog,
        "ALTER TABLE t ADD COLUMN d varchar(10) NOT NULL DEFAULT 'x', ALTER COLUMN a TYPE bigint,"
        " ALTER COLUMN a SET NOT NULL, ALTER COLUMN b DROP NOT NULL, ALTER COLUMN b DROP DEFAULT,"
        " ALTER COLUMN c SET DEFAULT 1;");
    const Table* t = catalog.table(named("t"));
    REQUIRE(t->column("d") != nullptr);
    CHECK(t->column("d")->not_null);
    CHECK(t->column("d")->has_default);
    CHECK(t->column("a")->type.name == "int8");
    CHECK(t->column("a")->not_null);
    CHECK_FALSE(t->column("b")->not_null);
    CHECK_FALSE(t->column("b")->has_default);
    CHECK(t->column("c")->has_default);

    run(catalog, "ALTER TABLE t ADD COLUMN IF NOT EXISTS d int;");
    CHECK(catalog.table(named("t"))->column("d")->type.name == "varchar");
    run(catalog, "ALTER TABLE t ALTER COLUMN c ADD GENERATED BY DEFAULT AS IDENTITY;");
    CHECK(catalog.table(named("t"))->column("c")->identity_or_generated);
    run(catalog, "ALTER TABLE t ALTER COLUMN c DROP IDENTITY;");
    CHECK_FALSE(catalog.table(named("t"))->column("c")->identity_or_generated);
    run(catalog, "ALTER TABLE t DROP COLUMN c; ALTER TABLE t DROP COLUMN IF EXISTS nope;");
    CHECK(catalog.table(named("t"))->column("c") == nullptr);
    CHECK(catalog.table(named("t"))->columns.size() == 3);
}

TEST_CASE("dropping a column drops the indexes and constraints that use it") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE t (id int PRIMARY KEY, a int, b int, c int CHECK (c > 0));"
        "CREATE INDEX t_a_b ON t (a, b); CREATE INDEX t_lower ON t (lower(a::text));"
        "CREATE INDEX t_partial ON t (id) WHERE a > 0; CREATE INDEX t_b ON t (b);"
        "ALTER TABLE t ADD CONSTRAINT t_ab UNIQUE (a, b);");
    CHECK(catalog.index(named("t_lower"))->columns == std::vector<std::string>{"lower(a)"});
    run(catalog, "ALTER TABLE t DROP COLUMN a;");
    CHECK(index_names_on(catalog, "t") == std::vector<std::string>{"t_b", "t_pkey"});
    const Table* t = catalog.table(named("t"));
    CHECK(t->constraint("t_ab") == nullptr);
    CHECK(t->constraint("t_c_check") != nullptr);
    run(catalog, "ALTER TABLE t DROP COLUMN c;");
    CHECK(catalog.table(named("t"))->constraint("t_c_check") == nullptr);
}

TEST_CASE("ADD CONSTRAINT: NOT VALID, VALIDATE, NOT NULL checks, DROP") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE users (id int PRIMARY KEY); CREATE TABLE t (id int, user_id int, e text);"
        "ALTER TABLE t ADD CONSTRAINT e_nn CHECK (e IS NOT NULL) NOT VALID;"
        "ALTER TABLE t ADD FOREIGN KEY (user_id) REFERENCES users NOT VALID;"
        "ALTER TABLE t ADD CHECK (id > 0);");
    const Constraint& nn = constraint_of(catalog, "t", "e_nn");
    CHECK(nn.kind == ConstraintKind::NotNullCheck);
    CHECK(nn.not_null_column == "e");
    CHECK_FALSE(nn.validated);
    CHECK_FALSE(constraint_of(catalog, "t", "t_user_id_fkey").validated);
    CHECK(constraint_of(catalog, "t", "t_id_check").validated);

    run(catalog, "ALTER TABLE t VALIDATE CONSTRAINT e_nn;");
    CHECK(constraint_of(catalog, "t", "e_nn").validated);
    CHECK_FALSE(constraint_of(catalog, "t", "t_user_id_fkey").validated);

    run(catalog, "ALTER TABLE t ADD PRIMARY KEY (id); ALTER TABLE t ADD UNIQUE (e);");
    CHECK(catalog.index(named("t_pkey")) != nullptr);
    CHECK(catalog.index(named("t_e_key")) != nullptr);
    run(catalog,
        "ALTER TABLE t DROP CONSTRAINT t_e_key, DROP CONSTRAINT IF EXISTS nope;"
        "ALTER TABLE t DROP CONSTRAINT e_nn;");
    CHECK(catalog.index(named("t_e_key")) == nullptr);
    CHECK(catalog.table(named("t"))->constraint("t_e_key") == nullptr);
    CHECK(catalog.table(named("t"))->constraint("e_nn") == nullptr);
    CHECK(catalog.index(named("t_pkey")) != nullptr);
}

TEST_CASE("ADD CONSTRAINT … USING INDEX renames the index to the constraint") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE t (id int, e text);"
        "CREATE UNIQUE INDEX CONCURRENTLY t_id_idx_new ON t (id);"
        "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx_new;"
        "CREATE UNIQUE INDEX t_e_uniq ON t (e);"
        "ALTER TABLE t ADD UNIQUE USING INDEX t_e_uniq;");
    CHECK(catalog.index(named("t_id_idx_new")) == nullptr);
    REQUIRE(catalog.index(named("t_pkey")) != nullptr);
    CHECK(catalog.index(named("t_pkey"))->columns == std::vector<std::string>{"id"});
    const Constraint& pk = constraint_of(catalog, "t", "t_pkey");
    CHECK(pk.kind == ConstraintKind::PrimaryKey);
    CHECK(pk.index == "t_pkey");
    CHECK(pk.columns == std::vector<std::string>{"id"});
    CHECK(catalog.table(named("t"))->column("id")->not_null);
    // Without a constraint name, the constraint takes the index's.
    CHECK(constraint_of(catalog, "t", "t_e_uniq").index == "t_e_uniq");
}

TEST_CASE("CREATE INDEX, default names, DROP INDEX, ALTER INDEX RENAME") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE t (a int, b int);"
        "CREATE INDEX ON t (a, b); CREATE UNIQUE INDEX ON t (a); CREATE INDEX ON t (a);"
        "CREATE INDEX ON t ((a + b));"
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (b);");
    REQUIRE(catalog.index(named("t_a_b_idx")) != nullptr);
    CHECK(catalog.index(named("t_a_b_idx"))->columns == std::vector<std::string>{"a", "b"});
    REQUIRE(catalog.index(named("t_a_idx")) != nullptr);
    CHECK(catalog.index(named("t_a_idx"))->unique);
    CHECK(catalog.index(named("t_a_idx"))->columns == std::vector<std::string>{"a"});
    REQUIRE(catalog.index(named("t_a_idx1")) != nullptr);
    CHECK_FALSE(catalog.index(named("t_a_idx1"))->unique);
    CHECK(catalog.index(named("t_expr_idx")) != nullptr);
    CHECK(catalog.indexes_on(named("t")).size() == 4);

    run(catalog, "ALTER INDEX t_a_idx1 RENAME TO t_a_plain;");
    CHECK(catalog.index(named("t_a_idx1")) == nullptr);
    REQUIRE(catalog.index(named("t_a_plain")) != nullptr);
    CHECK(catalog.index(named("t_a_plain"))->table == named("t"));
    run(catalog, "DROP INDEX CONCURRENTLY IF EXISTS t_a_plain, nope; DROP INDEX t_expr_idx;");
    CHECK(catalog.index(named("t_a_plain")) == nullptr);
    CHECK(catalog.indexes_on(named("t")).size() == 2);

    catalog.set_index_valid(named("t_a_idx"), false);
    CHECK_FALSE(catalog.index(named("t_a_idx"))->valid);
}

TEST_CASE("renames keep indexes and constraints attached") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE users (id int PRIMARY KEY, e text);"
        "CREATE TABLE orders (id int, user_id int REFERENCES users (id));"
        "CREATE INDEX users_e ON users (e);"
        "ALTER TABLE users RENAME COLUMN e TO email;"
        "ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;"
        "ALTER TABLE users RENAME TO accounts;");
    CHECK(catalog.table(named("users")) == nullptr);
    const Table* accounts = catalog.table(named("accounts"));
    REQUIRE(accounts != nullptr);
    CHECK(accounts->column("email") != nullptr);
    CHECK(accounts->column("e") == nullptr);
    CHECK(catalog.index(named("users_e"))->columns == std::vector<std::string>{"email"});
    CHECK(catalog.index(named("users_e"))->table == named("accounts"));
    CHECK(catalog.index(named("users_pkey")) == nullptr);
    CHECK(catalog.index(named("users_pk")) != nullptr);
    CHECK(constraint_of(catalog, "accounts", "users_pk").index == "users_pk");
    CHECK(catalog.indexes_on(named("accounts")).size() == 2);
    CHECK(constraint_of(catalog, "orders", "orders_user_id_fkey").references == named("accounts"));

    run(catalog, "ALTER INDEX users_pk RENAME TO accounts_pkey;");
    CHECK(constraint_of(catalog, "accounts", "accounts_pkey").index == "accounts_pkey");

    run(catalog, "ALTER TABLE accounts SET SCHEMA archive;");
    REQUIRE(catalog.table({"archive", "accounts"}) != nullptr);
    CHECK(catalog.table({"public", "accounts"}) == nullptr);
    CHECK(catalog.index({"archive", "accounts_pkey"}) != nullptr);
}

TEST_CASE("DROP TABLE / VIEW / TYPE, with IF EXISTS on missing objects") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE users (id int PRIMARY KEY);"
        "CREATE TABLE orders (id int, user_id int REFERENCES users);"
        "CREATE INDEX orders_user ON orders (user_id); CREATE VIEW v AS SELECT 1;"
        "CREATE MATERIALIZED VIEW mv AS SELECT 1; CREATE TYPE mood AS ENUM ('a');");
    run(catalog,
        "DROP TABLE IF EXISTS nope; DROP VIEW IF EXISTS nope; DROP TYPE IF EXISTS nope;"
        "ALTER TABLE IF EXISTS nope ADD COLUMN x int; DROP INDEX IF EXISTS nope;");
    CHECK(catalog.tables().size() == 2);
    CHECK(catalog.indexes().size() == 2);

    run(catalog, "DROP TABLE users CASCADE;");
    CHECK(catalog.table(named("users")) == nullptr);
    CHECK(catalog.index(named("users_pkey")) == nullptr);
    CHECK(catalog.table(named("orders"))->constraint("orders_user_id_fkey") == nullptr);
    run(catalog, "DROP TABLE orders;");
    CHECK(catalog.indexes().empty());
    run(catalog, "DROP VIEW v; DROP MATERIALIZED VIEW mv; DROP TYPE mood;");
    CHECK(catalog.empty());
}

TEST_CASE("DROP SCHEMA … CASCADE drops what was created in it") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE app.t (id int PRIMARY KEY); CREATE VIEW app.v AS SELECT 1;"
        "CREATE TYPE app.mood AS ENUM ('a'); CREATE TABLE public.u (m app.mood, id int);"
        "CREATE TABLE kept (id int); DROP SCHEMA app CASCADE;");
    CHECK(catalog.table(named("t")) == nullptr);
    CHECK(catalog.index(named("t_pkey")) == nullptr);
    CHECK(catalog.view(named("v")) == nullptr);
    CHECK(catalog.enum_type(named("mood")) == nullptr);
    CHECK(catalog.table(named("u"))->column("m") == nullptr);
    CHECK(catalog.table(named("u"))->column("id") != nullptr);
    CHECK(catalog.table(named("kept")) != nullptr);
}

TEST_CASE("enum types: CREATE, ADD VALUE, RENAME VALUE") {
    Catalog catalog;
    run(catalog,
        "CREATE TYPE mood AS ENUM ('sad', 'happy');"
        "ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy';"
        "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'sad';"
        "ALTER TYPE mood ADD VALUE 'ecstatic';"
        "ALTER TYPE mood ADD VALUE 'meh' AFTER 'sad';"
        "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';");
    const Enum* mood = catalog.enum_type(named("mood"));
    REQUIRE(mood != nullptr);
    CHECK(mood->values == std::vector<std::string>{"blue", "meh", "ok", "happy", "ecstatic"});
}

TEST_CASE("renaming or moving an enum type changes the columns of that type") {
    Catalog catalog;
    run(catalog,
        "CREATE TYPE mood AS ENUM ('a'); CREATE TABLE t (m mood, n public.mood);"
        "ALTER TYPE mood RENAME TO feeling;");
    CHECK(catalog.enum_type(named("mood")) == nullptr);
    REQUIRE(catalog.enum_type(named("feeling")) != nullptr);
    CHECK(catalog.table(named("t"))->column("m")->type.display() == "feeling");
    CHECK(catalog.table(named("t"))->column("n")->type.display() == "public.feeling");
    run(catalog, "ALTER TYPE feeling SET SCHEMA app;");
    CHECK(catalog.enum_type({"app", "feeling"}) != nullptr);
    CHECK(catalog.table(named("t"))->column("n")->type.display() == "app.feeling");
}

TEST_CASE("LIKE, INHERITS and PARTITION OF take the source's columns") {
    Catalog catalog;
    run(catalog,
        "CREATE TABLE src (id int NOT NULL DEFAULT 1, n int GENERATED ALWAYS AS IDENTITY);"
        "CREATE TABLE plain (LIKE src, extra text);"
        "CREATE TABLE with_defaults (LIKE src INCLUDING DEFAULTS INCLUDING IDENTITY);"
        "CREATE TABLE child (extra text, id int DEFAULT 2) INHERITS (src);"
        "CREATE TABLE events (id int NOT NULL, at date) PARTITION BY RANGE (at);"
        "CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO "
        "('2025-01-01');"
        "CREATE TABLE unknown_copy (LIKE not_in_catalog);");
    const Table* plain = catalog.table(named("plain"));
    REQUIRE(plain->columns.size() == 3);
    CHECK(plain->columns[0].name == "id");
    CHECK(plain->column("id")->not_null);
    CHECK_FALSE(plain->column("id")->has_default);
    CHECK_FALSE(plain->column("n")->identity_or_generated);
    CHECK(plain->columns[2].name == "extra");
    CHECK(catalog.table(named("with_defaults"))->column("id")->has_default);
    CHECK(catalog.table(named("with_defaults"))->column("n")->identity_or_generated);
    const Table* child = catalog.table(named("child"));
    REQUIRE(child->columns.size() == 3);
    CHECK(child->columns[0].name == "id");
    CHECK(child->column("id")->not_null);
    CHECK(child->column("extra") != nullptr);
    const Table* partition = catalog.table(named("events_2024"));
    REQUIRE(partition != nullptr);
    CHECK(partition->columns.size() == 2);
    CHECK(partition->column("id")->not_null);
    CHECK(catalog.table(named("plain"))->columns_known);
    CHECK_FALSE(catalog.table(named("unknown_copy"))->columns_known);
}

TEST_CASE("DROP TYPE … CASCADE drops the columns of that type") {
    Catalog catalog;
    run(catalog,
        "CREATE TYPE public.mood AS ENUM ('a'); CREATE TABLE t (id int, m mood, ms mood[]);"
        "CREATE INDEX t_m_idx ON t (m); DROP TYPE mood CASCADE;");
    CHECK(catalog.enum_type(named("mood")) == nullptr);
    CHECK(catalog.table(named("t"))->column("m") == nullptr);
    CHECK(catalog.table(named("t"))->column("ms") == nullptr);
    CHECK(catalog.table(named("t"))->column("id") != nullptr);
    CHECK(catalog.index(named("t_m_idx")) == nullptr);
}

TEST_CASE("an unqualified name matches the qualified object and the reverse") {
    Catalog catalog;
    run(catalog, "CREATE TABLE public.orders (id int); CREATE INDEX ON orders (id);");
    CHECK(catalog.table(named("orders")) != nullptr);
    CHECK(catalog.table({"billing", "orders"}) == nullptr);
    CHECK(catalog.index({"public", "orders_id_idx"}) != nullptr);
    CHECK(catalog.indexes_on(named("orders")).size() == 1);
    run(catalog, "CREATE TABLE users (id int); ALTER TABLE public.users ADD COLUMN e text;");
    CHECK(catalog.table({"public", "users"})->column("e") != nullptr);
}

TEST_CASE("a copy is a snapshot: later applies do not show in it") {
    Catalog catalog;
    run(catalog, "CREATE TABLE t (a int); CREATE TYPE mood AS ENUM ('a');");
    const Catalog snapshot = catalog;
    run(catalog,
        "ALTER TABLE t ADD COLUMN b int, ALTER COLUMN a SET NOT NULL; CREATE INDEX ON t (a);"
        "ALTER TYPE mood ADD VALUE 'b'; CREATE TABLE u (x int);");
    CHECK(catalog.table(named("t"))->column("b") != nullptr);
    CHECK(snapshot.table(named("t"))->column("b") == nullptr);
    CHECK_FALSE(snapshot.table(named("t"))->column("a")->not_null);
    CHECK(snapshot.indexes().empty());
    CHECK(snapshot.enum_type(named("mood"))->values.size() == 1);
    CHECK(snapshot.table(named("u")) == nullptr);
}

TEST_CASE("statements the catalog does not model, and broken input, change nothing") {
    Catalog catalog;
    run(catalog, "CREATE TABLE t (a int);");
    const size_t columns = catalog.table(named("t"))->columns.size();
    run(catalog,
        "INSERT INTO t VALUES (1); UPDATE t SET a = 2; COMMENT ON TABLE t IS 'x';"
        "GRANT SELECT ON t TO public; ALTER TABLE t ALTER COLUMN nope SET NOT NULL;"
        "ALTER TABLE t RENAME COLUMN nope TO other; ALTER SEQUENCE s RESTART;");
    CHECK(catalog.table(named("t"))->columns.size() == columns);
    catalog.apply(nullptr);
    PgQuery__Node empty_node = PG_QUERY__NODE__INIT;
    empty_node.node_case = PG_QUERY__NODE__NODE_CREATE_STMT;
    catalog.apply(&empty_node);  // a node whose payload is missing
    CHECK(catalog.tables().size() == 1);
}

}  // namespace migsafe::catalog
