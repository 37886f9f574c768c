#include <nlohmann/json.hpp>

#include "docs/rule_docs.hpp"
#include "report/report.hpp"

namespace migsafe {

namespace {

using Json = nlohmann::ordered_json;

std::string_view level(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        default:
            return "note";
    }
}

Json region(const SourceText& src, ByteSpan span) {
    const Range r = src.range(span, ColumnUnit::Utf16);
    // SARIF regions are end-exclusive in columns.
    return Json{{"startLine", r.start.line},
                {"startColumn", r.start.column},
                {"endLine", r.end.line},
                {"endColumn", r.end.column + 1}};
}

Json rule_descriptor(const RuleInfo& info) {
    const auto doc = rule_doc(info.id);
    const std::string markdown = doc ? std::string(*doc) : std::string(info.summary);
    return Json{
        {"id", info.name},
        {"shortDescription", {{"text", info.summary}}},
        {"fullDescription",
         {{"text", doc ? std::string(doc_summary(*doc)) : std::string(info.summary)}}},
        {"helpUri", rule_doc_url(info.id)},
        {"help", {{"text", markdown}, {"markdown", markdown}}},
        {"defaultConfiguration",
         {{"level", level(info.default_severity == Severity::Off ? Severity::Info
                                                                 : info.default_severity)}}},
        {"properties", {{"tags", Json::array({std::string(info.category)})}}}};
}

}  // namespace

void write_sarif(std::ostream& out, std::span<const FileResult> results) {
    Json rules = Json::array();
    for (const RuleInfo& info : all_rules())
        rules.push_back(rule_descriptor(info));
    Json sarif_results = Json::array();
    for (const FileResult& result : results) {
        const SourceText& src = result.file->source;
        for (const Diagnostic& d : result.diagnostics) {
            std::string text = d.message;
            if (!d.help.empty()) text += "\n" + d.help;
            Json r{
                {"ruleId", rule_info(d.rule).name},
                {"ruleIndex", static_cast<size_t>(d.rule)},
                {"level", level(d.severity)},
                {"message", {{"text", text}}},
                {"locations",
                 Json::array(
                     {{{"physicalLocation",
                        {{"artifactLocation", {{"uri", result.path}, {"uriBaseId", "%SRCROOT%"}}},
                         {"region", region(src, d.span)}}}}})}};
            if (d.fix) {
                Json replacements = Json::array();
                for (const Edit& e : d.fix->edits) {
                    const Position start = src.position(e.span.begin, ColumnUnit::Utf16);
                    const Position end = src.position(e.span.end, ColumnUnit::Utf16);
                    replacements.push_back({{"deletedRegion",
                                             {{"startLine", start.line},
                                              {"startColumn", start.column},
                                              {"endLine", end.line},
                                              {"endColumn", end.column}}},
                                            {"insertedContent", {{"text", e.text}}}});
                }
                r["fixes"] = Json::array(
                    {{{"description", {{"text", d.fix->title}}},
                      {"artifactChanges",
                       Json::array({{{"artifactLocation",
                                      {{"uri", result.path}, {"uriBaseId", "%SRCROOT%"}}},
                                     {"replacements", replacements}}})}}});
            }
            sarif_results.push_back(std::move(r));
        }
    }
    const Json sarif{
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs", Json::array({{{"tool",
                                {{"driver",
                                  {{"name", "migsafe"},
                                   {"version", MIGSAFE_VERSION},
                                   {"informationUri", "https://github.com/migsafe/migsafe"},
                                   {"rules", rules}}}}},
                               {"results", sarif_results}}})}};
    out << sarif.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace migsafe
