#include "lsp/convert.hpp"

#include <fmt/format.h>

#include "docs/rule_docs.hpp"
#include "pg/lock_mode.hpp"

namespace migsafe::lsp {

namespace {

int lsp_severity(Severity severity) {
    switch (severity) {
        case Severity::Error:
            return 1;
        case Severity::Warning:
            return 2;
        case Severity::Info:
        case Severity::Off:
            return 3;
    }
    return 3;
}

}  // namespace

nlohmann::json to_lsp_position(const SourceText& source, uint32_t offset) {
    const Position pos = source.position(offset, ColumnUnit::Utf16);
    return {{"line", pos.line - 1}, {"character", pos.column - 1}};
}

nlohmann::json to_lsp_range(const SourceText& source, ByteSpan span) {
    return {{"start", to_lsp_position(source, span.begin)},
            {"end", to_lsp_position(source, std::max(span.begin, span.end))}};
}

std::optional<uint32_t> from_lsp_position(const SourceText& source,
                                          const nlohmann::json& position) {
    if (!position.is_object()) return std::nullopt;
    const auto line = position.find("line");
    const auto character = position.find("character");
    if (line == position.end() || character == position.end() || !line->is_number_unsigned() ||
        !character->is_number_unsigned())
        return std::nullopt;
    const auto line_index = line->get<uint64_t>();
    if (line_index >= source.line_count()) return source.size();
    const uint64_t column = std::min<uint64_t>(character->get<uint64_t>(), UINT32_MAX - 1);
    return source.offset({static_cast<uint32_t>(line_index + 1), static_cast<uint32_t>(column + 1)},
                         ColumnUnit::Utf16);
}

nlohmann::json to_lsp_diagnostic(const SourceText& source, const Diagnostic& diagnostic) {
    std::string message = diagnostic.message;
    if (diagnostic.lock) {
        message += fmt::format("\nlock: {} on {} ({})", pg::lock_mode_name(diagnostic.lock->mode),
                               diagnostic.lock->relation.display(),
                               pg::lock_blocks(diagnostic.lock->mode));
    }
    return {{"range", to_lsp_range(source, diagnostic.span)},
            {"severity", lsp_severity(diagnostic.severity)},
            {"code", std::string(rule_info(diagnostic.rule).name)},
            {"codeDescription", {{"href", rule_doc_url(diagnostic.rule)}}},
            {"source", "migsafe"},
            {"message", message}};
}

}  // namespace migsafe::lsp
