#pragma once

#include <nlohmann/json.hpp>

#include "engine/diagnostic.hpp"
#include "util/source_text.hpp"

namespace migsafe::lsp {

// LSP positions are 0-based lines and UTF-16 code-unit columns; ranges end exclusively.
nlohmann::json to_lsp_position(const SourceText& source, uint32_t offset);
nlohmann::json to_lsp_range(const SourceText& source, ByteSpan span);
// The byte offset of an LSP position (clamped to its line); nullopt when the JSON is not one.
std::optional<uint32_t> from_lsp_position(const SourceText& source, const nlohmann::json& position);

// A diagnostic as LSP publishes it: the rule id as `code`, its docs link, the lock in the message.
nlohmann::json to_lsp_diagnostic(const SourceText& source, const Diagnostic& diagnostic);

}  // namespace migsafe::lsp
