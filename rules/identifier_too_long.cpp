#include <string>

#include "engine/rule_context.hpp"
#include "sql/ast.hpp"

namespace migsafe::rules {

namespace {

// NAMEDATALEN - 1: PostgreSQL keeps at most this many bytes of an identifier.
constexpr size_t kMaxIdentifierBytes = 63;

bool defines_names(const PgQuery__Node* node) {
    if (node == nullptr) return false;
    switch (node->node_case) {
        case PG_QUERY__NODE__NODE_CREATE_STMT:
        case PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT:
        case PG_QUERY__NODE__NODE_INDEX_STMT:
        case PG_QUERY__NODE__NODE_ALTER_TABLE_STMT:
        case PG_QUERY__NODE__NODE_RENAME_STMT:
        case PG_QUERY__NODE__NODE_CREATE_SEQ_STMT:
        case PG_QUERY__NODE__NODE_VIEW_STMT:
        case PG_QUERY__NODE__NODE_CREATE_SCHEMA_STMT:
            return true;
        default:
            return false;
    }
}

// The identifier a token spells: a quoted one without its quotes and with "" unescaped.
std::string identifier(const sql::Token& token, std::string_view text) {
    if (token.kind != sql::TokenKind::QuotedIdent) return std::string(text);
    std::string out;
    const std::string_view inner = text.size() >= 2 ? text.substr(1, text.size() - 2) : text;
    for (size_t i = 0; i < inner.size(); ++i) {
        out.push_back(inner[i]);
        if (inner[i] == '"' && i + 1 < inner.size() && inner[i + 1] == '"') ++i;
    }
    return out;
}

// What PostgreSQL keeps: the longest prefix of whole UTF-8 characters within the limit.
std::string truncated(const std::string& name, size_t limit = kMaxIdentifierBytes) {
    if (name.size() <= limit) return name;
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0U) == 0x80U)
        --cut;
    return name.substr(0, cut);
}

void check(const RuleContext& ctx, Findings& out) {
    // Names are defined (and silently truncated) by CREATE, ALTER and RENAME statements.
    if (!defines_names(ctx.stmt.node)) return;
    for (const sql::Token& token : ctx.stmt.tokens) {
        if (token.kind != sql::TokenKind::Word && token.kind != sql::TokenKind::QuotedIdent)
            continue;
        const std::string name = identifier(token, ctx.text(token.span));
        if (name.size() <= kMaxIdentifierBytes) continue;
        const std::string kept = truncated(name);
        Diagnostic& d = out.report(
            token.span, "identifier " + name + " is " + std::to_string(name.size()) +
                            " bytes; PostgreSQL silently truncates names to 63 bytes, so the "
                            "object is created as " +
                            kept +
                            ", and code or later migrations that use the full name miss it (two "
                            "long names with the same first 63 bytes even collide)");
        d.help = "choose a name of at most 63 bytes (e.g. abbreviate: " + truncated(kept, 40) +
                 "…), and use that name everywhere";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_identifier_too_long() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
