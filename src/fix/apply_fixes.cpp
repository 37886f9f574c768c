#include "fix/apply_fixes.hpp"

#include <algorithm>
#include <vector>

namespace migsafe {

FixOutcome apply_fixes(std::string_view text, std::span<const Diagnostic> diagnostics) {
    std::vector<const Edit*> edits;
    std::vector<ByteSpan> taken;
    FixOutcome outcome;
    const auto overlaps = [&](const Edit& e) {
        return std::any_of(taken.begin(), taken.end(), [&](const ByteSpan& t) {
            // Two insertions at one point, or an edit touching another's range, conflict.
            return e.span.begin <= t.end && t.begin <= e.span.end;
        });
    };
    for (const Diagnostic& d : diagnostics) {
        if (!d.fix || !d.fix->safe || d.fix->edits.empty()) continue;
        if (std::any_of(d.fix->edits.begin(), d.fix->edits.end(), overlaps)) continue;
        if (std::any_of(d.fix->edits.begin(), d.fix->edits.end(), [&](const Edit& e) {
                return e.span.end > text.size() || e.span.begin > e.span.end;
            })) {
            continue;
        }
        for (const Edit& e : d.fix->edits) {
            edits.push_back(&e);
            taken.push_back(e.span);
        }
        ++outcome.applied;
    }
    std::sort(edits.begin(), edits.end(),
              [](const Edit* a, const Edit* b) { return a->span.begin < b->span.begin; });
    size_t cursor = 0;
    for (const Edit* e : edits) {
        outcome.text.append(text.substr(cursor, e->span.begin - cursor));
        outcome.text.append(e->text);
        cursor = e->span.end;
    }
    outcome.text.append(text.substr(cursor));
    return outcome;
}

}  // namespace migsafe
