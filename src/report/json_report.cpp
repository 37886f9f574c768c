#include <nlohmann/json.hpp>

#include "report/report.hpp"

namespace migsafe {

namespace {

using Json = nlohmann::ordered_json;

Json edit_json(const SourceText& src, const Edit& edit) {
    // Unlike a diagnostic's inclusive end, an edit's end is exclusive (the first character kept),
    // so that an insertion has end == start.
    const Position start = src.position(edit.span.begin);
    const Position end = src.position(edit.span.end);
    return Json{{"line", start.line},
                {"column", start.column},
                {"end_line", end.line},
                {"end_column", end.column},
                {"text", edit.text}};
}

Json diagnostic_json(const FileResult& result, const Diagnostic& d) {
    const SourceText& src = result.file->source;
    const Range range = src.range(d.span);
    Json j{{"rule", rule_info(d.rule).name},
           {"severity", severity_name(d.severity)},
           {"path", result.path},
           {"line", range.start.line},
           {"column", range.start.column},
           {"end_line", range.end.line},
           {"end_column", range.end.column},
           {"message", d.message}};
    if (!d.help.empty()) j["help"] = d.help;
    if (d.lock)
        j["lock"] = Json{{"mode", pg::lock_mode_name(d.lock->mode)},
                         {"relation", d.lock->relation.display()}};
    if (std::string migration = migration_name(result.path); !migration.empty())
        j["migration"] = std::move(migration);
    if (d.fix) {
        Json edits = Json::array();
        for (const Edit& e : d.fix->edits)
            edits.push_back(edit_json(src, e));
        j["fix"] = Json{{"description", d.fix->title}, {"safe", d.fix->safe}, {"edits", edits}};
    }
    return j;
}

}  // namespace

void write_json(std::ostream& out, std::span<const FileResult> results) {
    Json diagnostics = Json::array();
    for (const FileResult& result : results) {
        for (const Diagnostic& d : result.diagnostics)
            diagnostics.push_back(diagnostic_json(result, d));
    }
    const Json report{{"version", 1},
                      {"tool", {{"name", "migsafe"}, {"version", MIGSAFE_VERSION}}},
                      {"files_checked", results.size()},
                      {"diagnostics", diagnostics}};
    out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace migsafe
