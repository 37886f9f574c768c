#include "pg/type_changes.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "sql/ast.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe::pg {

namespace {

// The new type of `ALTER TABLE t ALTER COLUMN c TYPE <type>`.
TypeSpec parse_type(const std::string& type) {
    const std::unique_ptr<sql::ParsedFile> file =
        sql::parse_file("ALTER TABLE t ALTER COLUMN c TYPE " + type + ";");
    REQUIRE(file->statements.size() == 1);
    const PgQuery__Node* node = file->statements[0].node;
    REQUIRE(sql::is(node, PG_QUERY__NODE__NODE_ALTER_TABLE_STMT));
    const PgQuery__Node* def = node->alter_table_stmt->cmds[0]->alter_table_cmd->def;
    REQUIRE(sql::is(def, PG_QUERY__NODE__NODE_COLUMN_DEF));
    return type_spec(*def->column_def->type_name);
}

TypeChange change(const std::string& from, const std::string& to) {
    return type_change(parse_type(from), parse_type(to));
}

}  // namespace

TEST_CASE("column_type reads names, modifiers and array bounds") {
    CHECK(parse_type("character varying(20)") == TypeSpec{"varchar", "", {20}, 0});
    CHECK(parse_type("numeric(10, 2)[]") == TypeSpec{"numeric", "", {10, 2}, 1});
    CHECK(parse_type("int") == TypeSpec{"int4", "", {}, 0});
    CHECK(parse_type("app.money_amount") == TypeSpec{"money_amount", "app", {}, 0});
    CHECK(parse_type("numeric(10,2)").display() == "numeric(10,2)");
}

TEST_CASE("type_change: binary-coercible changes need no rewrite") {
    CHECK(change("varchar(10)", "varchar(20)") == TypeChange::NoRewrite);
    CHECK(change("varchar(10)", "varchar") == TypeChange::NoRewrite);
    CHECK(change("varchar(10)", "text") == TypeChange::NoRewrite);
    CHECK(change("text", "varchar") == TypeChange::NoRewrite);
    CHECK(change("numeric(10,2)", "numeric(12,2)") == TypeChange::NoRewrite);
    CHECK(change("numeric(10,2)", "numeric") == TypeChange::NoRewrite);
    CHECK(change("timestamp(3)", "timestamp(6)") == TypeChange::NoRewrite);
    CHECK(change("timestamptz(0)", "timestamptz") == TypeChange::NoRewrite);
    CHECK(change("cidr", "inet") == TypeChange::NoRewrite);
    CHECK(change("bit varying(8)", "bit varying(16)") == TypeChange::NoRewrite);
    CHECK(change("bigint", "int8") == TypeChange::NoRewrite);
}

TEST_CASE("type_change: other changes rewrite the table") {
    CHECK(change("int", "bigint") == TypeChange::Rewrite);
    CHECK(change("varchar(20)", "varchar(10)") == TypeChange::Rewrite);
    CHECK(change("text", "varchar(50)") == TypeChange::Rewrite);
    CHECK(change("numeric(10,2)", "numeric(12,3)") == TypeChange::Rewrite);
    CHECK(change("numeric", "numeric(10,2)") == TypeChange::Rewrite);
    CHECK(change("timestamp(6)", "timestamp(3)") == TypeChange::Rewrite);
    CHECK(change("char(10)", "char(20)") == TypeChange::Rewrite);
    CHECK(change("inet", "cidr") == TypeChange::Rewrite);
    CHECK(change("json", "jsonb") == TypeChange::Rewrite);
}

TEST_CASE("type_change: unknown when it depends on what migsafe cannot see") {
    CHECK(change("text", "app.email") == TypeChange::Unknown);  // maybe a domain over text
    CHECK(change("varchar(10)[]", "text[]") == TypeChange::Unknown);
    CHECK(change("timestamp", "timestamptz") == TypeChange::Unknown);  // TimeZone = UTC?
}

}  // namespace migsafe::pg
