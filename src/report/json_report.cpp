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
    if (std::string migration = script_migration(result); !migration.empty())
        j["migration"] = std::move(migration);
    if (!d.related.empty()) {
        Json related = Json::array();
        for (const RelatedLocation& r : d.related) {
            related.push_back(
                {{"path", r.path}, {"line", r.line}, {"column", r.column}, {"message", r.message}});
        }
        j["related"] = std::move(related);
    }
    if (d.fix) {
        Json edits = Json::array();
        for (const Edit& e : d.fix->edits)
            edits.push_back(edit_json(src, e));
        j["fix"] = Json{{"description", d.fix->title}, {"safe", d.fix->safe}, {"edits", edits}};
    }
    return j;
}

}  // namespace

Json scripts_json(std::span<const FileResult> results) {
    Json scripts = Json::array();
    for (const FileResult& result : results) {
        if (result.script.runner.empty()) continue;
        scripts.push_back({{"path", result.path},
                           {"migration", result.script.migration},
                           {"direction", result.script.direction},
                           {"runner", result.script.runner},
                           {"transaction", result.script.transaction},
                           {"transaction_reason", result.script.transaction_reason}});
    }
    return scripts;
}

void write_json(std::ostream& out, std::span<const FileResult> results) {
    Json diagnostics = Json::array();
    for (const FileResult& result : results) {
        for (const Diagnostic& d : result.diagnostics)
            diagnostics.push_back(diagnostic_json(result, d));
    }
    Json report{{"version", 1},
                {"tool", {{"name", "migsafe"}, {"version", MIGSAFE_VERSION}}},
                {"files_checked", results.size()},
                {"diagnostics", diagnostics}};
    // Which transaction model each migration script was checked under (runner directories).
    if (Json scripts = scripts_json(results); !scripts.empty())
        report["migrations"] = std::move(scripts);
    out << report.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace migsafe
