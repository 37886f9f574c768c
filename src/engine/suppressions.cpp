#include "engine/suppressions.hpp"

#include <algorithm>

namespace migsafe {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

bool consume(std::string_view& s, std::string_view prefix) {
    if (!s.starts_with(prefix)) return false;
    s.remove_prefix(prefix.size());
    return true;
}

struct Directive {
    bool whole_file = false;
    bool squawk = false;
    std::vector<std::string_view> names;
};

std::optional<Directive> parse_directive(std::string_view comment) {
    std::string_view body = comment;
    if (consume(body, "--")) {
        // line comment
    } else if (consume(body, "/*")) {
        if (body.ends_with("*/")) body.remove_suffix(2);
    } else {
        return std::nullopt;
    }
    body = trim(body);
    Directive d;
    if (consume(body, "migsafe:")) {
        body = trim(body);
        if (consume(body, "ignore-file")) {
            d.whole_file = true;
        } else if (!consume(body, "ignore")) {
            return std::nullopt;
        }
    } else if (consume(body, "squawk-ignore-file")) {
        d.whole_file = true;
        d.squawk = true;
    } else if (consume(body, "squawk-ignore")) {
        d.squawk = true;
    } else {
        return std::nullopt;
    }
    if (!body.empty() && body.front() != ' ' && body.front() != '\t') return std::nullopt;
    // Everything after a second "--" is the reason.
    if (const size_t reason = body.find("--"); reason != std::string_view::npos)
        body = body.substr(0, reason);
    size_t i = 0;
    while (i < body.size()) {
        while (i < body.size() && (body[i] == ' ' || body[i] == ',' || body[i] == '\t'))
            ++i;
        const size_t start = i;
        while (i < body.size() && body[i] != ' ' && body[i] != ',' && body[i] != '\t')
            ++i;
        if (i > start) d.names.push_back(body.substr(start, i - start));
    }
    return d;
}

// The statement a comment on `line` applies to: one starting on that line before the comment, or
// the next one when only comment lines lie between.
std::optional<ByteSpan> target_statement(const sql::ParsedFile& file, const sql::Token& comment) {
    const SourceText& src = file.source;
    const uint32_t line = src.line_of(comment.span.begin);
    const sql::Statement* next = nullptr;
    for (const sql::Statement& stmt : file.statements) {
        if (stmt.origin != sql::StatementOrigin::TopLevel) continue;
        if (stmt.span.begin < comment.span.begin) {
            if (src.line_of(stmt.span.begin) == line) return stmt.span;
            continue;
        }
        next = &stmt;
        break;
    }
    if (next == nullptr) return std::nullopt;
    const uint32_t first_line = src.line_of(next->span.begin);
    for (uint32_t l = line + 1; l < first_line; ++l) {
        const std::string_view text = trim(src.line_text(l));
        if (!text.starts_with("--") && !text.starts_with("/*")) return std::nullopt;
    }
    return next->span;
}

}  // namespace

std::vector<Suppression> find_suppressions(const sql::ParsedFile& file) {
    std::vector<Suppression> out;
    for (const sql::Token& token : file.tokens) {
        if (!token.is_comment()) continue;
        const auto directive = parse_directive(file.source.view(token.span));
        if (!directive) continue;
        Suppression base;
        base.comment = token.span;
        base.whole_file = directive->whole_file;
        if (!base.whole_file) {
            const auto target = target_statement(file, token);
            if (!target) {
                base.rule_name = directive->names.empty() ? std::string()
                                                          : std::string(directive->names.front());
                base.target = {};
            } else {
                base.target = *target;
            }
        }
        if (directive->names.empty()) {
            Suppression s = base;
            // squawk-ignore and ignore-file without names cover every rule.
            s.all_rules = directive->squawk || directive->whole_file;
            out.push_back(s);
            continue;
        }
        for (const std::string_view name : directive->names) {
            Suppression s = base;
            s.rule_name = std::string(name);
            s.rule = find_rule(name);
            out.push_back(s);
        }
    }
    return out;
}

void apply_suppressions(const sql::ParsedFile& file, const Options& options,
                        std::vector<Diagnostic>& diagnostics) {
    std::vector<Suppression> suppressions = find_suppressions(file);
    std::vector<bool> used(suppressions.size(), false);
    const auto suppresses = [](const Suppression& s, const Diagnostic& d) {
        if (d.rule == RuleId::syntax_error || d.rule == RuleId::unused_suppression) return false;
        if (!s.all_rules && s.rule != d.rule) return false;
        return s.whole_file || (!s.target.empty() && s.target.contains(d.span.begin));
    };
    std::erase_if(diagnostics, [&](const Diagnostic& d) {
        bool hit = false;
        for (size_t i = 0; i < suppressions.size(); ++i) {
            if (suppresses(suppressions[i], d)) {
                used[i] = true;
                hit = true;
            }
        }
        return hit;
    });
    if (!options.enabled(RuleId::unused_suppression)) return;
    for (size_t i = 0; i < suppressions.size(); ++i) {
        const Suppression& s = suppressions[i];
        if (used[i]) continue;
        std::string message;
        if (!s.all_rules && s.rule_name.empty()) {
            message =
                "suppression comment names no rule: write `-- migsafe: ignore RULE-ID -- reason`";
        } else if (!s.all_rules && !s.rule) {
            message = "suppression names unknown rule `" + s.rule_name + "` (see `migsafe rules`)";
        } else if (!s.whole_file && s.target.empty()) {
            message =
                "suppression comment is not attached to a statement: put it on the line before the "
                "statement or at the end of its first line";
        } else if (s.rule && !options.enabled(*s.rule)) {
            continue;  // the rule is turned off: nothing to report either way
        } else {
            message = s.all_rules
                          ? "suppression comment suppresses nothing"
                          : "suppression of `" + s.rule_name + "` suppresses nothing: remove it";
        }
        Diagnostic& d = diagnostics.emplace_back();
        d.rule = RuleId::unused_suppression;
        d.span = s.comment;
        d.message = std::move(message);
        d.help = "delete the stale suppression so that it cannot hide a future finding";
    }
}

}  // namespace migsafe
