#include "migration/host/syntax_tree.hpp"

#include <doctest/doctest.h>

using namespace migsafe::migration::host;

TEST_CASE("syntax tree: every linked grammar loads and parses its language") {
    struct Case {
        HostLanguage language;
        std::string_view code;
        std::string_view root_kind;
    };
    const Case cases[] = {
        {HostLanguage::Python, "def up():\n    op.execute('SELECT 1')\n", "module"},
        {HostLanguage::Ruby, "class A < B\n  def up\n    execute 'x'\n  end\nend\n", "program"},
        {HostLanguage::JavaScript, "exports.up = (knex) => knex.raw(`x`);\n", "program"},
        {HostLanguage::TypeScript, "export async function up(k: Knex): Promise<void> {}\n",
         "program"},
        {HostLanguage::Tsx, "const a = <div>{x as string}</div>;\n", "program"},
        {HostLanguage::Go, "package main\n\nfunc main() { db.Exec(\"SELECT 1\") }\n",
         "source_file"},
        {HostLanguage::Java, "class A { void f() { s.execute(\"SELECT 1\"); } }\n", "program"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.code);
        const TSLanguage* language = grammar(c.language);
        REQUIRE(language != nullptr);
        CHECK(ts_language_version(language) <= TREE_SITTER_LANGUAGE_VERSION);
        const SyntaxTree tree(c.language, c.code);
        CHECK(kind(tree.root()) == c.root_kind);
        CHECK_FALSE(ts_node_has_error(tree.root()));
        CHECK(span_of(tree.root()).end == c.code.size());
    }
}

TEST_CASE("syntax tree: node helpers") {
    const std::string_view code = "x = f(1, 'a')\n";
    const SyntaxTree tree(HostLanguage::Python, code);
    TSNode call{};
    walk(tree.root(), [&](TSNode node) {
        if (kind(node) == "call") call = node;
        return true;
    });
    REQUIRE_FALSE(ts_node_is_null(call));
    CHECK(text_of(call, code) == "f(1, 'a')");
    CHECK(text_of(field(call, "function"), code) == "f");
    CHECK(ts_node_is_null(field(call, "no_such_field")));
    CHECK(named_children(field(call, "arguments")).size() == 2);
    CHECK(children(field(call, "arguments")).size() == 5);  // ( 1 , 'a' )
    CHECK(span_of(call) == migsafe::ByteSpan{4, 13});
}
