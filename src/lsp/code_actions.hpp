#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/check.hpp"

namespace migsafe::lsp {

// Code actions for the diagnostics that overlap `requested`: each rule's own fix, and
// "ignore this rule for this statement", which inserts a `-- migsafe: ignore ID` comment.
nlohmann::json code_actions(const std::string& uri, const FileResult& result, ByteSpan requested);

// The edit that suppresses `rule` for the top-level statement containing `offset`.
Edit suppression_edit(const sql::ParsedFile& file, uint32_t offset, RuleId rule);

}  // namespace migsafe::lsp
