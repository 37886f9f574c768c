#include <fmt/format.h>

#include "report/report.hpp"

namespace migsafe {

namespace {

// Workflow commands need %, CR and LF escaped in messages, and also : and , in properties.
std::string escape_data(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

std::string escape_property(std::string_view text) {
    std::string out = escape_data(text);
    std::string escaped;
    for (const char c : out) {
        if (c == ':') {
            escaped += "%3A";
        } else if (c == ',') {
            escaped += "%2C";
        } else {
            escaped.push_back(c);
        }
    }
    return escaped;
}

std::string_view command(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        default:
            return "notice";
    }
}

}  // namespace

void write_github(std::ostream& out, std::span<const FileResult> results) {
    for (const FileResult& result : results) {
        for (const Diagnostic& d : result.diagnostics) {
            const Range r = result.file->source.range(d.span);
            std::string message = d.message;
            if (!d.help.empty()) message += "\n" + d.help;
            // GitHub takes columns only for an annotation on a single line.
            const bool one_line = r.start.line == r.end.line;
            out << fmt::format("::{} file={},line={}", command(d.severity),
                               escape_property(result.path), r.start.line);
            if (one_line) out << ",col=" << r.start.column;
            out << ",endLine=" << r.end.line;
            if (one_line) out << ",endColumn=" << r.end.column;
            out << ",title=" << escape_property("migsafe " + std::string(rule_info(d.rule).name))
                << "::" << escape_data(message) << '\n';
        }
    }
}

}  // namespace migsafe
