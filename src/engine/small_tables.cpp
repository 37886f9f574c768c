#include "engine/small_tables.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace migsafe {

namespace {

bool ends_with_word(std::string_view name, std::string_view word) {
    if (name == word) return true;
    return name.size() > word.size() && name.ends_with(word) &&
           name[name.size() - word.size() - 1] == '_';
}

bool is_version_bookkeeping(std::string_view name) {
    constexpr std::array<std::string_view, 6> kWords = {
        "version", "versions", "schema_migrations", "schema_history", "schema_info", "migrations"};
    return std::ranges::any_of(kWords, [&](std::string_view w) { return ends_with_word(name, w); });
}

bool is_system_catalog(const pg::QualifiedName& table) {
    if (table.schema == "pg_catalog") return true;
    return table.schema.empty() && table.name.starts_with("pg_");
}

}  // namespace

bool is_small_table(const Options& options, const pg::QualifiedName& table) {
    if (std::ranges::any_of(options.small_tables, [&](const std::string& small) {
            return small == table.name || small == table.display();
        }))
        return true;
    return is_system_catalog(table) || is_version_bookkeeping(table.name);
}

bool is_instant(const pg::StatementFacts& facts, const Options& options) {
    if (facts.kind == pg::StatementKind::Set) return true;
    const bool dml = facts.kind == pg::StatementKind::Insert ||
                     facts.kind == pg::StatementKind::Update ||
                     facts.kind == pg::StatementKind::Delete;
    return dml && !facts.locks.empty() &&
           std::ranges::all_of(facts.locks, [&](const pg::RelationLock& lock) {
               return is_small_table(options, lock.relation);
           });
}

}  // namespace migsafe
