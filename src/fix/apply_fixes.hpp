#pragma once

#include <span>
#include <string>

#include "engine/diagnostic.hpp"

namespace migsafe {

struct FixOutcome {
    std::string text;
    size_t applied = 0;  // fixes applied; overlapping ones wait for the next round
};

// Applies every safe fix whose edits do not overlap an earlier fix's edits.
FixOutcome apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics);

}  // namespace migsafe
