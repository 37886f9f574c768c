#include "migration/host/sql_strings.hpp"

#include <doctest/doctest.h>

#include "migration/host/extract.hpp"
#include "migration/host/host_test_support.hpp"

using namespace migsafe::migration;
using namespace migsafe::migration::host::testing;

namespace {

Script python_up(const std::string& text) {
    const auto migration = extract_host_migration(Runner::Alembic, "versions/a1_x.py", text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    check_byte_aligned(*migration->up, text);
    return *migration->up;
}

std::string alembic(std::string_view expression) {
    return "revision = 'a1'\n\ndef upgrade():\n    op.execute(" + std::string(expression) + ")\n";
}

Script ruby_up(const std::string& body) {
    const std::string text =
        "class X < ActiveRecord::Migration[7.1]\n  def up\n" + body + "  end\nend\n";
    const auto migration = extract_host_migration(Runner::Rails, "db/migrate/1_x.rb", text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    check_byte_aligned(*migration->up, text);
    return *migration->up;
}

Script pgm_up(const std::string& text) {
    const auto migration = extract_host_migration(Runner::NodePgMigrate, "m/1_x.js", text);
    REQUIRE(migration);
    REQUIRE(migration->up);
    check_byte_aligned(*migration->up, text);
    return *migration->up;
}

}  // namespace

TEST_CASE("host strings: a \\n escape inside an SQL literal is a problem") {
    const std::string text = alembic(R"("SELECT 'a\nb'")");
    const Script up = python_up(text);
    REQUIRE(up.problems.size() == 1);
    CHECK(up.problems[0].span.begin == text.find("\\n"));
    CHECK(up.problems[0].span.end == text.find("\\n") + 2);
    CHECK(up.problems[0].message.find("\\n") != std::string::npos);
}

TEST_CASE("host strings: escaped double quotes become a quoted identifier") {
    const std::string text = alembic(R"("SELECT \"x\" FROM t")");
    const Script up = python_up(text);
    CHECK(up.problems.empty());
    const size_t select = check_sql_at_file_offset(up, text, "SELECT ");
    CHECK(up.sql.substr(select, 20) == "SELECT  \"x\"  FROM t;");
}

TEST_CASE("host strings: Python raw strings keep backslashes") {
    const std::string text = alembic(R"(r"SELECT '\d'")");
    const Script up = python_up(text);
    CHECK(up.problems.empty());
    check_sql_at_file_offset(up, text, R"(SELECT '\d')");
}

TEST_CASE("host strings: a backslash escape cannot be aligned") {
    const std::string text = alembic(R"("SELECT 'a\\b'")");
    const Script up = python_up(text);
    REQUIRE(up.problems.size() == 1);
    CHECK(up.problems[0].span.begin == text.find("\\\\"));
}

TEST_CASE("host strings: Python triple quotes end with one `;`") {
    const std::string text = alembic("\"\"\"SELECT 1\"\"\"");
    const Script up = python_up(text);
    CHECK(up.problems.empty());
    const size_t closing = text.find("1\"\"\"") + 1;
    CHECK(up.sql.substr(closing - 8, 11) == "SELECT 1;  ");
}

TEST_CASE("host strings: .format() placeholders and non-literal operands are problems") {
    const std::string format_text = alembic(R"("SELECT {} FROM t".format(name))");
    const Script formatted = python_up(format_text);
    REQUIRE(formatted.problems.size() == 1);
    CHECK(formatted.problems[0].span.begin == format_text.find("{}"));
    CHECK(formatted.problems[0].message.find(".format()") != std::string::npos);
    CHECK(squeezed(formatted.sql) == "SELECT FROM t;");

    const std::string percent_text = alembic(R"("UPDATE %(table)s " "SET a = 1" % values)");
    const Script percent = python_up(percent_text);
    REQUIRE(percent.problems.size() == 1);
    CHECK(percent.problems[0].span.begin == percent_text.find("%(table)s"));
    CHECK(percent.problems[0].span.end == percent_text.find("%(table)s") + 9);
    CHECK(squeezed(percent.sql) == "UPDATE SET a = 1;");

    const std::string variable_text = alembic("statement");
    const Script variable = python_up(variable_text);
    REQUIRE(variable.problems.size() == 1);
    CHECK(variable.problems[0].span.begin == variable_text.find("statement"));
    CHECK(squeezed(variable.sql).empty());

    const Script bytes = python_up(alembic(R"(b"SELECT 1")"));
    CHECK(bytes.problems.size() == 1);
    CHECK(squeezed(bytes.sql).empty());
}

TEST_CASE("host strings: Ruby heredoc forms and blocks") {
    const Script plain = ruby_up("    execute <<SQL\nSELECT 1\nSQL\n");
    CHECK(squeezed(plain.sql) == "SELECT 1 ;");
    CHECK(plain.problems.empty());

    // A quoted heredoc does not interpolate: #{x} is SQL text here.
    const Script raw = ruby_up("    execute <<~'SQL'\n      SELECT '#{x}'\n    SQL\n");
    CHECK(raw.problems.empty());
    CHECK(squeezed(raw.sql) == "SELECT '#{x}' ;");

    const Script two = ruby_up(
        "    execute <<~A\n      SELECT 1\n    A\n"
        "    safety_assured { execute <<~B }\n      SELECT 2\n    B\n");
    CHECK(squeezed(two.sql) == "SELECT 1 ; SELECT 2 ;");

    const std::string interpolated_body = "    execute %Q(SELECT #{x})\n";
    const Script interpolated = ruby_up(interpolated_body);
    REQUIRE(interpolated.problems.size() == 1);
    CHECK(squeezed(interpolated.sql) == "SELECT ;");
}

TEST_CASE("host strings: JavaScript escapes and template literals") {
    const std::string text =
        "exports.up = (pgm) => {\n  pgm.sql('SELECT \\'x\\'');\n  pgm.sql(`SELECT 2`);\n};\n";
    const Script up = pgm_up(text);
    CHECK(up.problems.empty());
    const size_t select = text.find("SELECT \\'x");
    CHECK(up.sql.substr(select, 13) == "SELECT  'x' ;");
    CHECK(squeezed(up.sql) == "SELECT 'x' ; SELECT 2;");
}

TEST_CASE("host strings: a file cut off inside a string stays byte-aligned") {
    for (const std::string& text :
         {alembic("\"SELECT 1").substr(0, 60),
          std::string("revision = 'a1'\ndef upgrade():\n    op.execute(\"SELECT 1"),
          std::string("revision = 'a1'\ndef upgrade():\n    op.execute('''SELECT 1\n")}) {
        CAPTURE(text);
        const auto migration = extract_host_migration(Runner::Alembic, "versions/a1_x.py", text);
        REQUIRE(migration);
        if (migration->up) check_byte_aligned(*migration->up, text);
    }
    const std::string ruby =
        "class X < ActiveRecord::Migration[7.1]\n  def up\n    execute <<~SQL\n      SELECT 1\n";
    const auto rails = extract_host_migration(Runner::Rails, "db/migrate/1_x.rb", ruby);
    if (rails && rails->up) check_byte_aligned(*rails->up, ruby);
    const std::string js = "exports.up = (pgm) => { pgm.sql(`SELECT ${";
    const auto pgm = extract_host_migration(Runner::NodePgMigrate, "m/1_x.js", js);
    if (pgm && pgm->up) check_byte_aligned(*pgm->up, js);
}

TEST_CASE("host strings: whitespace-only calls around the SQL are looked through") {
    const Script dedented = python_up(alembic("textwrap.dedent(\"\"\"\n    SELECT 1\n\"\"\")"));
    CHECK(dedented.problems.empty());
    CHECK(squeezed(dedented.sql) == "SELECT 1 ;");

    const Script squished = ruby_up("    execute <<~SQL.squish\n      SELECT 2\n    SQL\n");
    CHECK(squished.problems.empty());
    CHECK(squeezed(squished.sql) == "SELECT 2 ;");

    const Script trimmed = pgm_up("exports.up = (pgm) => pgm.sql(`SELECT 3`.trim());\n");
    CHECK(trimmed.problems.empty());
    CHECK(squeezed(trimmed.sql) == "SELECT 3;");

    // Other method calls are code migsafe does not evaluate.
    const Script upcased = pgm_up("exports.up = (pgm) => pgm.sql(`select 4`.toUpperCase());\n");
    CHECK(upcased.problems.size() == 1);
    CHECK(squeezed(upcased.sql).empty());
}

TEST_CASE("host strings: a \\n escape ending an SQL -- comment is a problem") {
    const std::string text = alembic(R"("SELECT 1 -- one\nSELECT 2")");
    const Script up = python_up(text);
    REQUIRE(up.problems.size() == 1);
    CHECK(up.problems[0].span.begin == text.find("\\n"));
    const std::string fine_text = alembic(R"("SELECT 1\n-- one")");
    CHECK(python_up(fine_text).problems.empty());
}
