#include "report/report.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "docs/rule_docs.hpp"
#include "engine/check.hpp"

namespace migsafe {

namespace {

using Json = nlohmann::json;

// Line 2 has 9 code points (10 UTF-16 code units) before the statement: é is one unit, 😀 two.
const std::string kSource =
    "CREATE INDEX a_idx ON orders (id);\n"
    "/* \xC3\xA9\xF0\x9F\x98\x80 */ CREATE INDEX b_idx ON t (x);\n"
    "SELEC 1;\n";

// Only index-not-concurrent (plus the meta rules): the tests are about reporting, not rules.
Options report_options() {
    Options options;
    REQUIRE_FALSE(
        apply_rule_selection({"index-not-concurrent"}, {}, {}, "test", options).has_value());
    return options;
}

std::vector<FileResult> check(std::string path, std::string source) {
    std::vector<FileResult> results;
    results.push_back(check_source(std::move(path), std::move(source), report_options()));
    return results;
}

// A result with hand-made diagnostics, for spans no rule produces yet.
std::vector<FileResult> with_diagnostics(std::string path, std::string source,
                                         std::vector<Diagnostic> diagnostics) {
    std::vector<FileResult> results(1);
    results[0].path = std::move(path);
    results[0].file = sql::parse_file(std::move(source));
    results[0].diagnostics = std::move(diagnostics);
    return results;
}

Diagnostic diagnostic(RuleId rule, uint32_t begin, uint32_t end, std::string message) {
    Diagnostic d;
    d.rule = rule;
    d.severity = Severity::Warning;
    d.span = {begin, end};
    d.message = std::move(message);
    return d;
}

Json json_of(std::span<const FileResult> results) {
    std::ostringstream out;
    write_json(out, results);
    return Json::parse(out.str());
}

Json sarif_of(std::span<const FileResult> results) {
    std::ostringstream out;
    write_sarif(out, results);
    return Json::parse(out.str());
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        out.push_back(line);
    return out;
}

std::string github_of(std::span<const FileResult> results) {
    std::ostringstream out;
    write_github(out, results);
    return out.str();
}

std::vector<std::string> fingerprints_of(const Json& sarif) {
    std::vector<std::string> out;
    for (const Json& r : sarif["runs"][0]["results"])
        out.push_back(r["partialFingerprints"]["migsafeFindingHash/v1"].get<std::string>());
    return out;
}

}  // namespace

TEST_CASE("json report: positions are 1-based code points with an inclusive end") {
    const auto results = check("db/0042_add_idx.up.sql", kSource);
    const Json report = json_of(results);
    CHECK(report["version"] == 1);
    CHECK(report["tool"]["name"] == "migsafe");
    CHECK(report["tool"]["version"] == MIGSAFE_VERSION);
    CHECK(report["files_checked"] == 1);
    const Json& diags = report["diagnostics"];
    REQUIRE(diags.size() == 3);

    const Json& first = diags[0];
    CHECK(first["rule"] == "index-not-concurrent");
    CHECK(first["severity"] == "error");
    CHECK(first["path"] == "db/0042_add_idx.up.sql");
    CHECK(first["migration"] == "0042_add_idx");
    CHECK(first["line"] == 1);
    CHECK(first["column"] == 1);
    CHECK(first["end_line"] == 1);
    CHECK(first["end_column"] == 33);  // ")": a finding covers its statement without the ';'
    CHECK(first["lock"]["mode"] == "SHARE");
    CHECK(first["lock"]["relation"] == "orders");
    CHECK_FALSE(first["help"].get<std::string>().empty());

    const Json& second = diags[1];
    CHECK(second["line"] == 2);
    CHECK(second["column"] == 10);
    CHECK(second["end_line"] == 2);
    CHECK(second["end_column"] == 36);
}

TEST_CASE("json report: fix has a description and half-open edits, insertion is empty") {
    const Json report = json_of(check("m.sql", kSource));
    const Json& fix = report["diagnostics"][1]["fix"];
    CHECK(fix["description"] == "Add CONCURRENTLY");
    REQUIRE(fix["edits"].size() == 1);
    const Json& edit = fix["edits"][0];
    // After "CREATE INDEX", which starts at column 10.
    CHECK(edit["line"] == 2);
    CHECK(edit["column"] == 22);
    CHECK(edit["end_line"] == 2);
    CHECK(edit["end_column"] == 22);
    CHECK(edit["text"] == " CONCURRENTLY");
}

TEST_CASE("json report: unknown fields are omitted") {
    const Json report = json_of(check("m.sql", kSource));
    const Json& syntax = report["diagnostics"][2];
    CHECK(syntax["rule"] == "syntax-error");
    CHECK(syntax["line"] == 3);
    CHECK(syntax["column"] == 1);
    CHECK(syntax["end_column"] == 5);
    CHECK_FALSE(syntax.contains("lock"));
    CHECK_FALSE(syntax.contains("fix"));
    CHECK(syntax["migration"] == "m");

    Diagnostic bare = diagnostic(RuleId::unused_suppression, 0, 6, "unused");
    const Json other = json_of(with_diagnostics("x.sql", "SELECT 1;\n", {bare}));
    CHECK_FALSE(other["diagnostics"][0].contains("help"));
    CHECK(other["diagnostics"][0]["migration"] == "x");

    // No file name, no migration name.
    const Json unnamed = json_of(with_diagnostics("", "SELECT 1;\n", {bare}));
    CHECK_FALSE(unnamed["diagnostics"][0].contains("migration"));
}

TEST_CASE("json report: quotes, control characters and invalid UTF-8 are escaped") {
    std::string message = "bad \"name\"\tand \\ and \xFF";
    const auto results = with_diagnostics(
        "x.sql", "SELECT 1;\n", {diagnostic(RuleId::syntax_error, 0, 6, std::move(message))});
    std::ostringstream out;
    write_json(out, results);
    CHECK(out.str().find(R"(bad \"name\"\tand \\ and )") != std::string::npos);
    const Json report = Json::parse(out.str());
    CHECK(report["diagnostics"][0]["message"] == "bad \"name\"\tand \\ and \xEF\xBF\xBD");
    CHECK(report["diagnostics"][0]["severity"] == "warning");
}

TEST_CASE("github report: workflow commands with exact positions") {
    const auto lines = lines_of(github_of(check("db/m.sql", kSource)));
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].starts_with(
        "::error file=db/m.sql,line=2,col=10,endLine=2,endColumn=36,"
        "title=migsafe index-not-concurrent::CREATE INDEX without CONCURRENTLY"));
    // The help follows the message on an escaped new line.
    CHECK(lines[1].find("until the whole index is built%0Abuild the index") != std::string::npos);
    CHECK(lines[2].starts_with(
        "::error file=db/m.sql,line=3,col=1,endLine=3,endColumn=5,title=migsafe syntax-error::"));
}

TEST_CASE("github report: escaping of properties and data") {
    Diagnostic d = diagnostic(RuleId::unanalyzable_sql, 0, 6, "100% sure: a,b\r\nnext");
    d.severity = Severity::Info;
    const std::string out = github_of(with_diagnostics("a,b:c%d.sql", "SELECT 1;\n", {d}));
    CHECK(out ==
          "::notice file=a%2Cb%3Ac%25d.sql,line=1,col=1,endLine=1,endColumn=6,"
          "title=migsafe unanalyzable-sql::100%25 sure: a,b%0D%0Anext\n");
}

TEST_CASE("github report: a multi-line finding has no columns") {
    const std::string src = "CREATE INDEX i\n  ON t (x);\n";
    const std::string out = github_of(check("m.sql", src));
    CHECK(out.starts_with(
        "::error file=m.sql,line=1,endLine=2,title=migsafe index-not-concurrent::"));
}

TEST_CASE("sarif report: one run with the driver and every rule") {
    const Json sarif = sarif_of(check("m.sql", kSource));
    CHECK(sarif["version"] == "2.1.0");
    CHECK(sarif.contains("$schema"));
    REQUIRE(sarif["runs"].size() == 1);
    const Json& run = sarif["runs"][0];
    const Json& driver = run["tool"]["driver"];
    CHECK(driver["name"] == "migsafe");
    CHECK(driver["version"] == MIGSAFE_VERSION);
    CHECK(driver["informationUri"].get<std::string>().starts_with("https://"));
    CHECK(run["originalUriBaseIds"].contains("%SRCROOT%"));
    CHECK(run["columnKind"] == "utf16CodeUnits");

    const Json& rules = driver["rules"];
    REQUIRE(rules.size() == all_rules().size());
    for (const RuleInfo& info : all_rules()) {
        const Json& rule = rules[static_cast<size_t>(info.id)];
        CAPTURE(info.name);
        CHECK(rule["id"] == info.name);
        CHECK(rule["shortDescription"]["text"] == info.summary);
        CHECK_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
        CHECK_FALSE(rule["fullDescription"]["markdown"].get<std::string>().empty());
        const auto doc = rule_doc(info.id);
        CHECK(rule["help"]["markdown"] == (doc ? *doc : info.summary));
        const std::string help_text = rule["help"]["text"];
        CHECK_FALSE(help_text.empty());
        // Plain text: no code fences, heading marks or code ticks from the markdown page.
        CHECK(help_text.find("```") == std::string::npos);
        CHECK(help_text.find("## ") == std::string::npos);
        CHECK(help_text.find('`') == std::string::npos);
        CHECK(rule["defaultConfiguration"]["level"].is_string());
        CHECK(rule["properties"]["tags"][0] == info.category);
        CHECK(rule["properties"]["precision"].is_string());
    }
    CHECK(rules[0]["name"] == "IndexNotConcurrent");

    for (const Json& result : run["results"]) {
        const size_t index = result["ruleIndex"];
        CHECK(rules[index]["id"] == result["ruleId"]);
    }
}

TEST_CASE("sarif report: regions are UTF-16 code units with an exclusive end") {
    const Json sarif = sarif_of(check("db/m.sql", kSource));
    const Json& results = sarif["runs"][0]["results"];
    REQUIRE(results.size() == 3);
    const Json& loc = results[1]["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "db/m.sql");
    CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
    CHECK(loc["region"] ==
          Json{{"startLine", 2}, {"startColumn", 11}, {"endLine", 2}, {"endColumn", 38}});
    CHECK(results[1]["level"] == "error");
    CHECK(results[1]["message"]["text"].get<std::string>().starts_with(
        "CREATE INDEX without CONCURRENTLY takes a SHARE lock on t"));
    CHECK(results[2]["locations"][0]["physicalLocation"]["region"] ==
          Json{{"startLine", 3}, {"startColumn", 1}, {"endLine", 3}, {"endColumn", 6}});
}

TEST_CASE("sarif report: a span ending in an astral character or a newline") {
    // "x😀y\n": 😀 is bytes 1..5 and columns 2..3 in UTF-16.
    const std::string src = "x\xF0\x9F\x98\x80y\nz\n";
    const auto results =
        with_diagnostics("m.sql", src,
                         {diagnostic(RuleId::unanalyzable_sql, 1, 5, "astral"),
                          diagnostic(RuleId::unanalyzable_sql, 0, 7, "line with its newline"),
                          diagnostic(RuleId::unanalyzable_sql, 7, 7, "empty")});
    const Json r = sarif_of(results)["runs"][0]["results"];
    CHECK(r[0]["locations"][0]["physicalLocation"]["region"] ==
          Json{{"startLine", 1}, {"startColumn", 2}, {"endLine", 1}, {"endColumn", 4}});
    CHECK(r[1]["locations"][0]["physicalLocation"]["region"] ==
          Json{{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}, {"endColumn", 5}});
    CHECK(r[2]["locations"][0]["physicalLocation"]["region"] ==
          Json{{"startLine", 2}, {"startColumn", 1}, {"endLine", 2}, {"endColumn", 1}});
    CHECK(r[0]["level"] == "warning");
}

TEST_CASE("sarif report: a byte order mark and CRLF line ends take no columns") {
    const std::string src =
        "\xEF\xBB\xBF"
        "CREATE INDEX i ON t (x);\r\n"
        "DO $$\r\nBEGIN\r\n  CREATE INDEX j ON t (y);\r\nEND $$;\r\n";
    const Json r = sarif_of(check("m.sql", src))["runs"][0]["results"];
    REQUIRE(r.size() == 2);
    CHECK(r[0]["locations"][0]["physicalLocation"]["region"] ==
          Json{{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}, {"endColumn", 24}});
    CHECK(r[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] ==
          Json{{"startLine", 1}, {"startColumn", 13}, {"endLine", 1}, {"endColumn", 13}});
    // The statement inside the DO block is reported at its own line.
    CHECK(r[1]["locations"][0]["physicalLocation"]["region"] ==
          Json{{"startLine", 4}, {"startColumn", 3}, {"endLine", 4}, {"endColumn", 26}});
}

TEST_CASE("sarif report: fixes are artifact changes; an insertion deletes an empty region") {
    const Json sarif = sarif_of(check("m.sql", kSource));
    const Json& results = sarif["runs"][0]["results"];
    REQUIRE(results[1].contains("fixes"));
    const Json& fix = results[1]["fixes"][0];
    CHECK(fix["description"]["text"] == "Add CONCURRENTLY");
    const Json& change = fix["artifactChanges"][0];
    CHECK(change["artifactLocation"]["uri"] == "m.sql");
    const Json& replacement = change["replacements"][0];
    CHECK(replacement["deletedRegion"] ==
          Json{{"startLine", 2}, {"startColumn", 23}, {"endLine", 2}, {"endColumn", 23}});
    CHECK(replacement["insertedContent"]["text"] == " CONCURRENTLY");
    CHECK_FALSE(results[2].contains("fixes"));
}

TEST_CASE("sarif report: a replacement covers exactly the replaced text") {
    Diagnostic d = diagnostic(RuleId::unanalyzable_sql, 0, 6, "replace");
    // Replace "😀b" on line 2 of "a\n😀b\n" (bytes 2..7).
    d.fix = Fix{"swap", {{{2, 7}, "c"}}, true};
    const Json r = sarif_of(with_diagnostics("m.sql",
                                             "a\n\xF0\x9F\x98\x80"
                                             "b\n",
                                             {d}))["runs"][0]["results"];
    CHECK(r[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"] ==
          Json{{"startLine", 2}, {"startColumn", 1}, {"endLine", 2}, {"endColumn", 4}});
}

TEST_CASE("sarif report: artifact URIs") {
    const std::string src = "SELECT 1;\n";
    const auto uri_of = [&](std::string path) {
        const Json sarif = sarif_of(with_diagnostics(
            std::move(path), src, {diagnostic(RuleId::unanalyzable_sql, 0, 6, "m")}));
        return sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                    ["artifactLocation"];
    };
    CHECK(uri_of("db/sub dir/\xC3\xA9:1#%.sql") ==
          Json{{"uri", "db/sub%20dir/%C3%A9%3A1%23%25.sql"}, {"uriBaseId", "%SRCROOT%"}});
    CHECK(uri_of("./a.sql") == Json{{"uri", "a.sql"}, {"uriBaseId", "%SRCROOT%"}});
    CHECK(uri_of("/abs/a b.sql") == Json{{"uri", "file:///abs/a%20b.sql"}});
}

TEST_CASE("sarif report: partialFingerprints ignore unrelated edits") {
    const std::string body =
        "CREATE INDEX a_idx ON orders (id);\n"
        "CREATE INDEX b_idx ON orders (created_at);\n"
        "CREATE INDEX a_idx ON orders (id);\n";
    const auto base = fingerprints_of(sarif_of(check("m.sql", body)));
    REQUIRE(base.size() == 3);
    // Identical statements are told apart by their occurrence number.
    CHECK(base[0].ends_with(":1"));
    CHECK(base[2].ends_with(":2"));
    CHECK(base[0].substr(0, 16) == base[2].substr(0, 16));
    CHECK(base[0] != base[1]);

    const std::string edited =
        "-- a comment\n\n\nSELECT 1;\n"
        "CREATE   INDEX a_idx\n  ON orders (id);  -- moved\n"
        "\n"
        "CREATE INDEX b_idx ON orders /* note */ (created_at);\n"
        "CREATE INDEX a_idx ON orders (id);\n";
    CHECK(fingerprints_of(sarif_of(check("other/path.sql", edited))) == base);

    // Inside a DO block the finding belongs to the inner statement, not to the whole block.
    const auto in_do = [](const std::string& before, const std::string& after) {
        return fingerprints_of(sarif_of(check("m.sql", "DO $$\nBEGIN\n" + before +
                                                           "  CREATE INDEX c_idx ON orders (x);\n" +
                                                           after + "END $$;\n")));
    };
    const auto plain_do = in_do("", "");
    REQUIRE(plain_do.size() == 1);
    CHECK(in_do("  PERFORM 1;\n\n", "  PERFORM 2;\n") == plain_do);

    // A change to the statement itself is a different finding.
    const std::string changed = "CREATE INDEX a_idx ON orders (id, x);\n";
    CHECK(fingerprints_of(sarif_of(check("m.sql", changed)))[0] != base[0]);
}

}  // namespace migsafe
