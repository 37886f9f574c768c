#include "lsp/code_actions.hpp"

#include "lsp/convert.hpp"

namespace migsafe::lsp {

namespace {

bool overlaps(ByteSpan a, ByteSpan b) {
    // Touching counts: a cursor (empty range) at either end of a diagnostic selects it.
    return a.begin <= b.end && b.begin <= a.end;
}

// Rules a suppression comment cannot or should not silence.
bool suppressible(RuleId rule) {
    return rule != RuleId::syntax_error && rule != RuleId::unused_suppression;
}

nlohmann::json text_edit(const SourceText& source, const Edit& edit) {
    return {{"range", to_lsp_range(source, edit.span)}, {"newText", edit.text}};
}

nlohmann::json quick_fix(const std::string& uri, const SourceText& source, std::string title,
                         const std::vector<Edit>& edits, const nlohmann::json& diagnostic,
                         bool preferred) {
    nlohmann::json changes = nlohmann::json::array();
    for (const Edit& edit : edits)
        changes.push_back(text_edit(source, edit));
    return {{"title", std::move(title)},
            {"kind", "quickfix"},
            {"diagnostics", nlohmann::json::array({diagnostic})},
            {"isPreferred", preferred},
            {"edit", {{"changes", {{uri, changes}}}}}};
}

}  // namespace

Edit suppression_edit(const sql::ParsedFile& file, uint32_t offset, RuleId rule) {
    const SourceText& source = file.source;
    uint32_t target = offset;
    for (const sql::Statement& stmt : file.statements) {
        if (stmt.origin == sql::StatementOrigin::TopLevel &&
            (stmt.span.contains(offset) || offset == stmt.span.begin)) {
            target = stmt.span.begin;
            break;
        }
    }
    const std::string newline = source.bytes().find("\r\n") != std::string::npos ? "\r\n" : "\n";
    const std::string comment = "-- migsafe: ignore " + std::string(rule_info(rule).name);
    const uint32_t line_begin = source.line_start(source.line_of(target));
    const std::string_view before = source.view({line_begin, target});
    if (before.find_first_not_of(" \t") == std::string_view::npos) {
        // The statement starts its line: the comment goes on its own line above, indented alike.
        return {{line_begin, line_begin}, std::string(before) + comment + newline};
    }
    // Something else shares the line: move the statement onto a line of its own under the
    // comment, dropping the blanks that separated it.
    const size_t kept = before.find_last_not_of(" \t") + 1;
    const auto from = static_cast<uint32_t>(line_begin + kept);
    return {{from, target}, newline + comment + newline};
}

nlohmann::json code_actions(const std::string& uri, const FileResult& result, ByteSpan requested) {
    nlohmann::json actions = nlohmann::json::array();
    const sql::ParsedFile& file = *result.file;
    for (const Diagnostic& d : result.diagnostics) {
        if (!overlaps(d.span, requested)) continue;
        const nlohmann::json diagnostic = to_lsp_diagnostic(file.source, d);
        const std::string_view id = rule_info(d.rule).name;
        if (d.fix && !d.fix->edits.empty()) {
            std::string title = d.fix->title + (d.fix->safe ? "" : " (changes behaviour: review)");
            actions.push_back(quick_fix(uri, file.source, std::move(title), d.fix->edits,
                                        diagnostic, d.fix->safe));
        }
        if (suppressible(d.rule)) {
            const Edit edit = suppression_edit(file, d.span.begin, d.rule);
            actions.push_back(quick_fix(uri, file.source,
                                        "Ignore " + std::string(id) + " for this statement", {edit},
                                        diagnostic, false));
        }
    }
    return actions;
}

}  // namespace migsafe::lsp
