#include "lsp/code_actions.hpp"

#include <doctest/doctest.h>

#include "engine/check.hpp"

using migsafe::ByteSpan;
using migsafe::RuleId;
using migsafe::lsp::suppression_edit;

namespace {

std::string apply(const std::string& text, const migsafe::Edit& edit) {
    std::string out = text;
    out.replace(edit.span.begin, edit.span.end - edit.span.begin, edit.text);
    return out;
}

}  // namespace

TEST_CASE("lsp ignore action: a comment line above the statement, with its indentation") {
    const std::string text = "BEGIN;\n  CREATE INDEX a ON t (x);\nCOMMIT;\n";
    const auto file = migsafe::sql::parse_file(text);
    const auto offset = static_cast<uint32_t>(text.find("INDEX"));
    const auto edit = suppression_edit(*file, offset, RuleId::index_not_concurrent);
    CHECK(
        apply(text, edit) ==
        "BEGIN;\n  -- migsafe: ignore index-not-concurrent\n  CREATE INDEX a ON t (x);\nCOMMIT;\n");
}

TEST_CASE("lsp ignore action: a statement sharing its line moves under the comment") {
    const std::string text = "SELECT 1;   CREATE INDEX a ON t (x);\r\n";
    const auto file = migsafe::sql::parse_file(text);
    const auto offset = static_cast<uint32_t>(text.find("CREATE"));
    const auto edit = suppression_edit(*file, offset, RuleId::index_not_concurrent);
    CHECK(apply(text, edit) ==
          "SELECT 1;\r\n-- migsafe: ignore index-not-concurrent\r\nCREATE INDEX a ON t (x);\r\n");
}

TEST_CASE("lsp ignore action: applying it silences the finding on the next check") {
    const std::string text = "ALTER TABLE t ADD COLUMN c int;\nCREATE INDEX a ON t (x);\n";
    const migsafe::Options options;
    const auto before = migsafe::check_source("m.sql", text, options);
    const auto actions = migsafe::lsp::code_actions("file:///m.sql", before, ByteSpan{40, 40});
    const nlohmann::json* ignore = nullptr;
    for (const auto& action : actions)
        if (action["title"] == "Ignore index-not-concurrent for this statement") ignore = &action;
    REQUIRE(ignore != nullptr);
    const auto edit = suppression_edit(*before.file, 40, RuleId::index_not_concurrent);
    const auto after = migsafe::check_source("m.sql", apply(text, edit), options);
    for (const auto& d : after.diagnostics)
        CHECK(d.rule != RuleId::index_not_concurrent);
    CHECK(after.diagnostics.size() + 1 == before.diagnostics.size());
}
