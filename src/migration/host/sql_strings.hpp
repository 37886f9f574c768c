#pragma once

#include <optional>
#include <vector>

#include "migration/host/aligned_script.hpp"
#include "migration/host/syntax_tree.hpp"

namespace migsafe::migration::host {

// Writes the SQL that a host-language expression holds into an AlignedScript, at the offsets of
// the string literals it is made of. Understands string literals with their escapes, implicit
// ("a" "b") and `+` concatenation, Ruby heredocs and %q/%Q, Python triple quotes. Whatever the
// host would compute at run time (f-string and template substitutions, `#{…}`, `%` and
// `.format` placeholders, a non-literal operand of `+`) is left as spaces and reported as a
// ScriptProblem: interpolation is never guessed.
class SqlStrings {
  public:
    SqlStrings(const SyntaxTree& tree, HostLanguage language);

    // Writes `expression` and ends it with `;` where its last string closed. An expression with
    // no string literal at all is reported as a problem.
    void write(TSNode expression, AlignedScript& script) const;
    // Like write(), for SQL run with query parameters (Django RunSQL [(sql, params)]): each `%s`
    // or `%(name)s` placeholder becomes spaces and a problem.
    void write_with_parameters(TSNode expression, AlignedScript& script) const;

  private:
    // Each returns the offset of the closing delimiter of the last literal written.
    std::optional<uint32_t> write_part(TSNode node, AlignedScript& script) const;
    std::optional<uint32_t> write_literal(TSNode literal, AlignedScript& script) const;
    std::optional<uint32_t> write_heredoc(TSNode beginning, AlignedScript& script) const;
    void write_content(TSNode literal, ByteSpan content, bool raw_ruby,
                       AlignedScript& script) const;
    void write_escape(ByteSpan escape, AlignedScript& script) const;
    void blank_placeholders(TSNode literal, char opener, AlignedScript& script) const;
    void report_opaque(TSNode node, AlignedScript& script) const;

    const SyntaxTree& tree_;
    HostLanguage language_;
    // Ruby: heredoc bodies in file order, matched with heredoc beginnings in file order.
    std::vector<TSNode> heredoc_beginnings_;
    std::vector<TSNode> heredoc_bodies_;
};

}  // namespace migsafe::migration::host
