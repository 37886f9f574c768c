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

namespace {

// `j` printed as nlohmann would print it `depth` levels down an indented document: a report
// is streamed one diagnostic at a time instead of built as one tree first.
void write_nested(std::ostream& out, const Json& j, int depth) {
    const std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
    const std::string indent(static_cast<size_t>(2 * depth), ' ');
    size_t from = 0;
    // Strings are escaped in a dump, so every raw newline is one of the layout's.
    for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        out.write(text.data() + from, static_cast<std::streamsize>(nl + 1 - from));
        out << indent;
        from = nl + 1;
    }
    out.write(text.data() + from, static_cast<std::streamsize>(text.size() - from));
}

}  // namespace

void write_json(std::ostream& out, std::span<const FileResult> results) {
    out << "{\n  \"version\": 1,\n  \"tool\": ";
    write_nested(out, Json{{"name", "migsafe"}, {"version", MIGSAFE_VERSION}}, 1);
    out << ",\n  \"files_checked\": " << results.size() << ",\n  \"diagnostics\": [";
    bool first = true;
    for (const FileResult& result : results) {
        for (const Diagnostic& d : result.diagnostics) {
            out << (first ? "\n    " : ",\n    ");
            write_nested(out, diagnostic_json(result, d), 2);
            first = false;
        }
    }
    out << (first ? "]" : "\n  ]");
    // Which transaction model each migration script was checked under (runner directories).
    if (const Json scripts = scripts_json(results); !scripts.empty()) {
        out << ",\n  \"migrations\": ";
        write_nested(out, scripts, 1);
    }
    out << "\n}\n";
}

}  // namespace migsafe
