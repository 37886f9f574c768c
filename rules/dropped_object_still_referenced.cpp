#include <string>

#include "engine/rule_context.hpp"
#include "pg/schema_changes.hpp"

namespace migsafe::rules {

namespace {

constexpr size_t kListed = 5;

std::string where(const code::CodeIndex::Hit& hit) {
    const Position at = hit.file->source.position(hit.reference->span.begin);
    return hit.file->path + ":" + std::to_string(at.line) + " (" + hit.reference->context + ")";
}

void check(const RuleContext& ctx, Findings& out) {
    if (ctx.code == nullptr) return;
    // A function body runs when the function is called, not as this migration.
    if (ctx.stmt.origin == sql::StatementOrigin::FunctionBody) return;
    for (const pg::SchemaChanges::Removal& removal : pg::schema_changes(ctx.stmt.node).removed) {
        const pg::SchemaObject& object = removal.object;
        // Created earlier in this migration: no deployed code can use it yet.
        if (!ctx.existing(object.table)) continue;
        // A down script dropping what its up added.
        if (ctx.options.created_by_up_contains(object.table.name, object.column)) continue;
        const std::vector<code::CodeIndex::Hit> hits =
            ctx.code->find(object.table, object.column, false);
        if (hits.empty()) continue;
        const std::string what = (object.column.empty() ? "table " : "column ") + object.display();
        std::string listed;
        for (size_t i = 0; i < hits.size() && i < kListed; ++i)
            listed += (listed.empty() ? "" : ", ") + where(hits[i]);
        if (hits.size() > kListed)
            listed += " and " + std::to_string(hits.size() - kListed) + " more";
        Diagnostic& d = out.report(
            ctx.statement_span(),
            "this migration " +
                (removal.renamed_to.empty() ? "drops " + what
                                            : "renames " + what + " to " + removal.renamed_to) +
                " while application code in the repository still uses " +
                (removal.renamed_to.empty() ? "it" : "the old name") + ": " + listed +
                ". Until that code is deployed without it, its queries fail with \"" +
                (object.column.empty() ? "relation" : "column") + " … does not exist\"");
        for (const code::CodeIndex::Hit& hit : hits) {
            d.related.push_back(code::CodeIndex::location(
                hit, "uses " + what + " (" + hit.reference->context + ")"));
        }
        d.help = removal.renamed_to.empty()
                     ? "contract in two releases: first ship code that no longer uses " + what +
                           " (remove it from queries and ORM models, or tell the ORM to ignore "
                           "it), deploy it everywhere, and only then drop it in a later migration"
                     : "rename in steps: add the new name (a new column kept in sync, or a view "
                       "for a table), ship code that uses only the new name, then drop the old "
                       "one in a later migration";
        return;  // one finding per statement
    }
}

}  // namespace

RuleHooks hooks_dropped_object_still_referenced() {
    return {.on_statement = &check};
}

}  // namespace migsafe::rules
