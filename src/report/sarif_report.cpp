// SARIF 2.1.0 output, shaped for GitHub code scanning.
//
// Columns are UTF-16 code units (SARIF's default columnKind) and region ends are exclusive.
// Relative paths (the caller makes them relative to the git repository's root) are reported
// against %SRCROOT%; absolute paths are file URIs. partialFingerprints hash what a finding is about
// (rule, statement text, offending text) rather than where it is, so they survive edits elsewhere
// in the file.

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "docs/rule_docs.hpp"
#include "report/report.hpp"

namespace migsafe {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "migsafeFindingHash/v1";
constexpr std::string_view kInformationUri = "https://github.com/migsafe/migsafe";

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

// GitHub shows precision next to an alert. Engine-reported problems are certain; a rule's
// findings depend on what the analyzer could see of the schema, so they are "high".
std::string_view precision(const RuleInfo& info) {
    if (info.id == RuleId::syntax_error || info.id == RuleId::unused_suppression)
        return "very-high";
    return "high";
}

// "index-not-concurrent" -> "IndexNotConcurrent": SARIF's reportingDescriptor.name.
std::string pascal_case(std::string_view id) {
    std::string out;
    bool upper = true;
    for (const char c : id) {
        if (c == '-' || c == '_') {
            upper = true;
            continue;
        }
        out.push_back(upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        upper = false;
    }
    return out;
}

// Inline markdown as plain text: code ticks and "**" dropped, "[text](url)" as
// "text (url)".
std::string plain_inline(std::string_view line) {
    std::string out;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '`') continue;
        if (c == '*' && i + 1 < line.size() && line[i + 1] == '*') {
            ++i;
            continue;
        }
        if (c == '[') {
            const size_t close = line.find("](", i);
            const size_t end = close == std::string_view::npos ? close : line.find(')', close);
            if (end != std::string_view::npos &&
                line.substr(i, close - i).find(']') == std::string_view::npos) {
                out += plain_inline(line.substr(i + 1, close - i - 1));
                out += " (";
                out += line.substr(close + 2, end - close - 2);
                out += ')';
                i = end;
                continue;
            }
        }
        out.push_back(c);
    }
    return out;
}

// A plain-text rendering of a rule page for help.text: no code fences or heading marks. The
// markdown itself goes to help.markdown unchanged.
std::string plain_text(std::string_view markdown) {
    std::string out;
    while (!markdown.empty()) {
        const size_t newline = markdown.find('\n');
        std::string_view line = markdown.substr(0, newline);
        markdown.remove_prefix(newline == std::string_view::npos ? markdown.size() : newline + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.starts_with("```")) continue;
        if (line.starts_with('#')) {
            line.remove_prefix(std::min(line.find_first_not_of('#'), line.size()));
            if (line.starts_with(' ')) line.remove_prefix(1);
        }
        out += plain_inline(line);
        out.push_back('\n');
    }
    while (!out.empty() && out.back() == '\n')
        out.pop_back();
    return out;
}

bool is_unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Percent-encodes a path for use as a URI reference; '/' stays a separator. Everything else
// outside the unreserved set is encoded, which also keeps a ':' in the first segment from
// reading as a scheme.
std::string encode_path(std::string_view path) {
    std::string out;
    for (const char ch : path) {
        const auto c = static_cast<unsigned char>(ch);
        if (is_unreserved(c) || c == '/') {
            out.push_back(ch);
        } else {
            out += fmt::format("%{:02X}", static_cast<unsigned>(c));
        }
    }
    return out;
}

Json artifact_location(std::string_view path) {
    if (path.starts_with('/')) return Json{{"uri", "file://" + encode_path(path)}};
    // "./x.sql" and "x.sql" name the same artifact; keep one spelling.
    while (path.starts_with("./"))
        path.remove_prefix(2);
    return Json{{"uri", encode_path(path)}, {"uriBaseId", kSrcRoot}};
}

Json region_json(Position start, Position end) {
    return Json{{"startLine", start.line},
                {"startColumn", start.column},
                {"endLine", end.line},
                {"endColumn", end.column}};
}

// The region of a finding: exclusive end, trailing line terminators left out so that a
// statement's region ends on its last line.
Json result_region(const SourceText& src, ByteSpan span) {
    const std::string& bytes = src.bytes();
    const uint32_t begin = std::min(span.begin, src.size());
    uint32_t end = std::clamp(span.end, begin, src.size());
    while (end > begin && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r'))
        --end;
    return region_json(src.position(begin, ColumnUnit::Utf16),
                       src.position(end, ColumnUnit::Utf16));
}

// A replaced region is exactly the edit's bytes; an insertion is an empty region.
Json edit_region(const SourceText& src, ByteSpan span) {
    const uint32_t begin = std::min(span.begin, src.size());
    const uint32_t end = std::clamp(span.end, begin, src.size());
    return region_json(src.position(begin, ColumnUnit::Utf16),
                       src.position(end, ColumnUnit::Utf16));
}

// SQL text with comments dropped and each run of whitespace reduced to one space; quoted
// strings, quoted identifiers and dollar-quoted bodies are kept byte for byte.
std::string normalize_sql(std::string_view text) {
    std::string out;
    bool space = false;
    const auto emit = [&](std::string_view part) {
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out += part;
    };
    size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = true;
            ++i;
        } else if (c == '-' && next == '-') {
            const size_t eol = text.find('\n', i);
            i = eol == std::string_view::npos ? text.size() : eol;
            space = true;
        } else if (c == '/' && next == '*') {
            int depth = 0;
            while (i < text.size()) {
                if (text.compare(i, 2, "/*") == 0) {
                    ++depth;
                    i += 2;
                } else if (text.compare(i, 2, "*/") == 0) {
                    i += 2;
                    if (--depth == 0) break;
                } else {
                    ++i;
                }
            }
            space = true;
        } else if (c == '\'' || c == '"') {
            const size_t close = text.find(c, i + 1);
            const size_t stop = close == std::string_view::npos ? text.size() : close + 1;
            emit(text.substr(i, stop - i));
            i = stop;
        } else if (c == '$') {
            // $tag$ … $tag$, where the tag is empty or an identifier not starting with a digit.
            size_t j = i + 1;
            while (j < text.size() &&
                   (text[j] == '_' || std::isalnum(static_cast<unsigned char>(text[j])) != 0))
                ++j;
            const bool is_tag =
                j < text.size() && text[j] == '$' &&
                !(j > i + 1 && std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0);
            if (!is_tag) {
                emit(text.substr(i, 1));
                ++i;
                continue;
            }
            const std::string_view tag = text.substr(i, j + 1 - i);
            const size_t close = text.find(tag, j + 1);
            const size_t stop = close == std::string_view::npos ? text.size() : close + tag.size();
            emit(text.substr(i, stop - i));
            i = stop;
        } else {
            emit(text.substr(i, 1));
            ++i;
        }
    }
    return out;
}

// 64-bit FNV-1a: small, stable across platforms and releases, enough to tell findings apart.
class Fnv1a {
  public:
    void add(std::string_view bytes) {
        for (const char c : bytes) {
            hash_ ^= static_cast<unsigned char>(c);
            hash_ *= 0x100000001b3ULL;
        }
        // A separator so that ("ab", "c") and ("a", "bc") differ.
        hash_ ^= 0xffU;
        hash_ *= 0x100000001b3ULL;
    }
    uint64_t value() const { return hash_; }

  private:
    uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// The innermost statement that a finding lies in (a statement of a DO block's body rather than
// the DO), if any.
const sql::Statement* enclosing_statement(const sql::ParsedFile& file, ByteSpan span) {
    const sql::Statement* best = nullptr;
    for (const sql::Statement& stmt : file.statements) {
        if (!stmt.span.contains(span.begin) && stmt.span.begin != span.begin) continue;
        if (best == nullptr || stmt.span.end - stmt.span.begin < best->span.end - best->span.begin)
            best = &stmt;
    }
    return best;
}

// One fingerprint per diagnostic of a file, in order: hash(rule, statement, offending text)
// plus the occurrence number of that same hash earlier in the file.
std::vector<std::string> fingerprints(const FileResult& result) {
    std::vector<std::string> out;
    std::map<uint64_t, int> seen;
    const sql::ParsedFile& file = *result.file;
    for (const Diagnostic& d : result.diagnostics) {
        Fnv1a hash;
        hash.add(rule_info(d.rule).name);
        const sql::Statement* stmt = enclosing_statement(file, d.span);
        hash.add(stmt != nullptr ? normalize_sql(file.source.view(stmt->span)) : std::string());
        hash.add(normalize_sql(file.source.view(d.span)));
        const int occurrence = ++seen[hash.value()];
        out.push_back(fmt::format("{:016x}:{}", hash.value(), occurrence));
    }
    return out;
}

Json rule_descriptor(const RuleInfo& info) {
    const auto doc = rule_doc(info.id);
    const std::string_view summary = doc ? doc_summary(*doc) : std::string_view();
    const std::string_view description = summary.empty() ? info.summary : summary;
    const std::string markdown = doc ? std::string(*doc) : std::string(info.summary);
    Json configuration{{"level", level(info.default_severity)}};
    if (info.default_severity == Severity::Off) configuration["enabled"] = false;
    Json rule{
        {"id", info.name},
        {"shortDescription", {{"text", info.summary}}},
        {"fullDescription", {{"text", plain_text(description)}, {"markdown", description}}},
        {"helpUri", rule_doc_url(info.id)},
        {"help", {{"text", plain_text(markdown)}, {"markdown", markdown}}},
        {"defaultConfiguration", configuration},
        {"properties",
         {{"tags", Json::array({std::string(info.category)})}, {"precision", precision(info)}}}};
    // SARIF wants `name` to differ from `id`; a one-word id ("truncate") has no distinct name.
    if (info.name.find('-') != std::string_view::npos) rule["name"] = pascal_case(info.name);
    return rule;
}

Json fix_json(const FileResult& result, const Fix& fix) {
    const SourceText& src = result.file->source;
    Json replacements = Json::array();
    for (const Edit& e : fix.edits) {
        replacements.push_back(
            {{"deletedRegion", edit_region(src, e.span)}, {"insertedContent", {{"text", e.text}}}});
    }
    return Json{
        {"description", {{"text", fix.title}}},
        {"artifactChanges", Json::array({{{"artifactLocation", artifact_location(result.path)},
                                          {"replacements", replacements}}})}};
}

Json result_json(const FileResult& result, const Diagnostic& d, size_t rule_index,
                 const std::string& fingerprint) {
    const SourceText& src = result.file->source;
    std::string text = d.message;
    if (!d.help.empty()) text += "\n" + d.help;
    Json properties{{"migration", script_migration(result)}};
    if (!result.script.transaction.empty()) {
        properties["runner"] = result.script.runner;
        properties["direction"] = result.script.direction;
        properties["transaction"] = result.script.transaction;
    }
    if (d.lock) {
        properties["lock"] = Json{{"mode", pg::lock_mode_name(d.lock->mode)},
                                  {"relation", d.lock->relation.display()}};
    }
    Json r{{"ruleId", rule_info(d.rule).name},
           {"ruleIndex", rule_index},
           {"level", level(d.severity)},
           {"message", {{"text", text}}},
           {"locations", Json::array({{{"physicalLocation",
                                        {{"artifactLocation", artifact_location(result.path)},
                                         {"region", result_region(src, d.span)}}}}})},
           {"partialFingerprints", {{kFingerprintKey, fingerprint}}}};
    if (d.fix && !d.fix->edits.empty()) r["fixes"] = Json::array({fix_json(result, *d.fix)});
    if (!d.related.empty()) {
        Json related = Json::array();
        for (size_t i = 0; i < d.related.size(); ++i) {
            const RelatedLocation& loc = d.related[i];
            related.push_back(
                {{"id", i + 1},
                 {"physicalLocation",
                  {{"artifactLocation", artifact_location(loc.path)},
                   {"region", {{"startLine", loc.line}, {"startColumn", loc.utf16_column}}}}},
                 {"message", {{"text", loc.message}}}});
        }
        r["relatedLocations"] = std::move(related);
    }
    r["properties"] = std::move(properties);
    return r;
}

}  // namespace

void write_sarif(std::ostream& out, std::span<const FileResult> results) {
    Json rules = Json::array();
    std::vector<size_t> rule_index(all_rules().size());
    for (const RuleInfo& info : all_rules()) {
        rule_index[static_cast<size_t>(info.id)] = rules.size();
        rules.push_back(rule_descriptor(info));
    }
    Json sarif_results = Json::array();
    for (const FileResult& result : results) {
        const std::vector<std::string> prints = fingerprints(result);
        for (size_t i = 0; i < result.diagnostics.size(); ++i) {
            const Diagnostic& d = result.diagnostics[i];
            sarif_results.push_back(
                result_json(result, d, rule_index[static_cast<size_t>(d.rule)], prints[i]));
        }
    }
    const Json driver{{"name", "migsafe"},
                      {"version", MIGSAFE_VERSION},
                      {"semanticVersion", MIGSAFE_VERSION},
                      {"informationUri", kInformationUri},
                      {"rules", rules}};
    Json run{{"tool", {{"driver", driver}}},
             {"originalUriBaseIds",
              {{kSrcRoot,
                {{"description",
                  {{"text",
                    "The root of the git repository migsafe ran in (else the directory it ran in): "
                    "relative paths in this log are relative to it."}}}}}}},
             {"columnKind", "utf16CodeUnits"},
             {"results", sarif_results}};
    if (Json scripts = scripts_json(results); !scripts.empty())
        run["properties"] = Json{{"migrations", std::move(scripts)}};
    const Json sarif{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                     {"version", "2.1.0"},
                     {"runs", Json::array({run})}};
    out << sarif.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace migsafe
