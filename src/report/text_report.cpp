#include <fmt/format.h>

#include "report/report.hpp"
#include "report/snippet.hpp"

namespace migsafe {

namespace {

struct Palette {
    std::string_view bold, red, yellow, blue, cyan, reset;
};

Palette palette(bool color) {
    if (!color) return {};
    return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;34m", "\x1b[36m", "\x1b[0m"};
}

std::string_view severity_color(Severity s, const Palette& p) {
    switch (s) {
        case Severity::Error:
            return p.red;
        case Severity::Warning:
            return p.yellow;
        default:
            return p.cyan;
    }
}

// The caret line: the source line's tabs are kept so that the carets line up under the text.
std::string underline(std::string_view line, uint32_t start_col, uint32_t end_col) {
    std::string out;
    uint32_t col = 1;
    size_t i = 0;
    while (i < line.size() && col < start_col) {
        const int len = std::max(utf8_sequence_length(static_cast<unsigned char>(line[i])), 1);
        out.push_back(line[i] == '\t' ? '\t' : ' ');
        i += static_cast<size_t>(len);
        ++col;
    }
    const uint32_t width = end_col >= start_col ? end_col - start_col + 1 : 1;
    out.append(width, '^');
    return out;
}

void write_diagnostic(std::ostream& out, const FileResult& result, const Diagnostic& d,
                      const Palette& p) {
    const SourceText& src = result.file->source;
    const Range range = src.range(d.span);
    const RuleInfo& info = rule_info(d.rule);
    out << fmt::format("{}{}[{}]{}: {}{}{}\n", severity_color(d.severity, p),
                       severity_name(d.severity), info.name, p.reset, p.bold,
                       terminal_safe(d.message), p.reset);
    const std::string gutter(std::to_string(range.start.line).size(), ' ');
    out << fmt::format("{} {}-->{} {}:{}:{}\n", gutter, p.blue, p.reset, terminal_safe(result.path),
                       range.start.line, range.start.column);
    if (src.size() > 0) {
        const std::string_view line = src.line_text(range.start.line);
        const uint32_t line_width = static_cast<uint32_t>(
            src.position(src.line_start(range.start.line) + static_cast<uint32_t>(line.size()))
                .column -
            1);
        const uint32_t end_col = range.end.line == range.start.line
                                     ? range.end.column
                                     : std::max(line_width, range.start.column);
        const Snippet shown = make_snippet(line, range.start.column, end_col);
        out << fmt::format("{} {}|{}\n", gutter, p.blue, p.reset);
        out << fmt::format("{}{} |{} {}\n", p.blue, range.start.line, p.reset, shown.text);
        out << fmt::format("{} {}|{} {}{}{}{}\n", gutter, p.blue, p.reset,
                           severity_color(d.severity, p),
                           underline(shown.text, shown.start_column, shown.end_column),
                           range.end.line != range.start.line ? " …" : "", p.reset);
    }
    if (d.lock) {
        out << fmt::format("{} {}={} lock: {} on {} ({})\n", gutter, p.blue, p.reset,
                           pg::lock_mode_name(d.lock->mode), d.lock->relation.display(),
                           pg::lock_blocks(d.lock->mode));
    }
    if (!d.help.empty()) {
        // Continuation lines (SQL in the help) are indented under the "help:" label.
        std::string help;
        for (const char c : d.help) {
            help.push_back(c);
            if (c == '\n') help += gutter + "         ";
        }
        out << fmt::format("{} {}={} help: {}\n", gutter, p.blue, p.reset, help);
    }
    if (d.fix)
        out << fmt::format("{} {}={} fix: {} (apply with --fix)\n", gutter, p.blue, p.reset,
                           d.fix->title);
    constexpr size_t kShownRelated = 10;
    for (size_t i = 0; i < d.related.size() && i < kShownRelated; ++i) {
        const RelatedLocation& r = d.related[i];
        out << fmt::format("{} {}={} see: {}:{}:{}: {}\n", gutter, p.blue, p.reset, r.path, r.line,
                           r.column, r.message);
    }
    if (d.related.size() > kShownRelated) {
        out << fmt::format("{} {}={} see: … and {} more\n", gutter, p.blue, p.reset,
                           d.related.size() - kShownRelated);
    }
    out << '\n';
}

}  // namespace

void write_text(std::ostream& out, std::span<const FileResult> results, TextStyle style) {
    const Palette p = palette(style.color);
    size_t errors = 0;
    size_t warnings = 0;
    size_t infos = 0;
    size_t files_with_findings = 0;
    for (const FileResult& result : results) {
        if (!result.diagnostics.empty()) ++files_with_findings;
        for (const Diagnostic& d : result.diagnostics) {
            write_diagnostic(out, result, d, p);
            (d.severity == Severity::Error     ? errors
             : d.severity == Severity::Warning ? warnings
                                               : infos) += 1;
        }
    }
    const size_t total = errors + warnings + infos;
    if (total == 0) {
        out << fmt::format("{}no problems{} in {} file{}\n", p.bold, p.reset, results.size(),
                           results.size() == 1 ? "" : "s");
        return;
    }
    out << fmt::format(
        "{}found {} problem{}{} ({} error{}, {} warning{}, {} info) in {} of {} file{}\n", p.bold,
        total, total == 1 ? "" : "s", p.reset, errors, errors == 1 ? "" : "s", warnings,
        warnings == 1 ? "" : "s", infos, files_with_findings, results.size(),
        results.size() == 1 ? "" : "s");
}

std::string script_migration(const FileResult& result) {
    return result.script.migration.empty() ? migration_name(result.path) : result.script.migration;
}

std::string migration_name(std::string_view path) {
    const size_t slash = path.find_last_of('/');
    std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
    for (const std::string_view suffix : {".up.sql", ".down.sql", ".sql"}) {
        if (base.ends_with(suffix)) {
            base.remove_suffix(suffix.size());
            break;
        }
    }
    return std::string(base);
}

}  // namespace migsafe
