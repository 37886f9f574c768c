#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.hpp"
#include "code/code_index.hpp"
#include "engine/diagnostic.hpp"
#include "engine/migration_state.hpp"
#include "engine/options.hpp"
#include "engine/small_tables.hpp"
#include "migration/migration.hpp"
#include "pg/column_types.hpp"
#include "pg/statement_facts.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe {

// A column's type as this statement writes it, for the schema-design rules.
struct WrittenColumnType {
    pg::ColumnTypeUse use;
    ByteSpan span;       // the type as written ("varchar(255)", "timestamp(3) without time zone")
    std::string text;    // that text
    std::string column;  // table.column, for messages
};

// Everything a rule may look at for one statement. Cross-statement facts (transaction, settings,
// objects created earlier) come from `state`, which the engine keeps; rules never recompute them.
struct RuleContext {
    const sql::ParsedFile& file;
    const sql::Statement& stmt;
    size_t index;  // of stmt in file.statements
    const pg::StatementFacts& facts;
    const MigrationState& state;  // before this statement
    // The schema before this statement: earlier migrations and earlier statements of this one.
    const catalog::Catalog& catalog;
    const Options& options;
    // The repository's application code, when a change set is checked (--changed-since,
    // --staged); null otherwise.
    const code::CodeIndex* code = nullptr;

    std::string_view source() const { return file.source.bytes(); }
    std::string_view text(ByteSpan span) const { return file.source.view(span); }

    // In a transaction block: explicit BEGIN, the runner's, or the one a DO block runs in.
    bool in_transaction() const {
        return state.in_transaction() || stmt.origin != sql::StatementOrigin::TopLevel;
    }
    // The relation existed before this migration: it was not created earlier in it, nor by an
    // earlier migration of the change set being checked (not deployed yet, so still empty and
    // unused when this one runs).
    bool existing(const pg::QualifiedName& relation) const {
        return !state.created_here(relation) &&
               !options.created_in_change_set.contains(relation.name);
    }

    // Data changes on it are instant (configured `small_tables`, catalogs, version tables).
    bool small_table(const pg::QualifiedName& table) const {
        return is_small_table(options, table);
    }

    // The statement's span without its semicolon: where most findings point.
    ByteSpan statement_span() const;
    // File offset of a parse-tree location in this statement.
    uint32_t offset(int32_t location) const { return stmt.file_offset(location); }
    // Span of the i-th ALTER TABLE sub-command, or the statement's span when unknown.
    ByteSpan alter_command_span(size_t i) const;
    // Span of the first word `keyword` in the statement (after byte `from`), if any.
    std::optional<ByteSpan> keyword_span(std::string_view keyword, uint32_t from = 0) const;
    // The first column definition of this statement (CREATE TABLE, ADD COLUMN, ALTER COLUMN …
    // TYPE) whose type `wanted` accepts: schema-design rules report one finding per statement.
    std::optional<WrittenColumnType> first_column_type(
        bool (*wanted)(const pg::ColumnTypeUse&)) const;
    // The statement's own text with single spaces, for quoting in messages.
    std::string snippet(ByteSpan span, size_t max_length = 80) const;
};

// Where rules put their findings. The engine fills in rule id and severity.
class Findings {
  public:
    Diagnostic& report(ByteSpan span, std::string message);
    // Builds the lock field and the usual " (<MODE> lock on <table>: <what it blocks>)" wording.
    static pg::RelationLock lock(const pg::QualifiedName& relation, pg::LockMode mode) {
        return {relation, mode, false};
    }

    std::vector<Diagnostic>& items() { return items_; }

  private:
    std::vector<Diagnostic> items_;
};

// One migration of a runner's set after its scripts were checked: for the rules about the
// migration as a whole (its down script).
struct MigrationContext {
    const migration::Migration& migration;
    migration::Runner runner;
    const sql::ParsedFile* up = nullptr;    // the checked up script, if any
    const sql::ParsedFile* down = nullptr;  // the checked down script, if any
    // Where replaying up and then down on the history's schema differs from the schema before
    // up, one phrase per object ("index orders_user_id_idx remains"). Empty without a down.
    std::vector<std::string> restore_differences;
    const Options& options;
};

// An object (a table, or a column of one) that a migration of the change set adds and that did
// not exist before it.
struct AddedObject {
    std::string migration;  // its id
    std::string path;       // its (up) script
    pg::QualifiedName table;
    std::string column;  // empty: the table
};

// The change set as a whole: for rules about application code in it.
struct ChangeSetContext {
    const std::vector<AddedObject>& added;
    const code::CodeIndex& code;
    const Options& options;
};

// Findings in application code files.
class CodeFindings {
  public:
    struct Item {
        const code::CodeIndex::File* file;
        Diagnostic diagnostic;
    };
    Diagnostic& report(const code::CodeIndex::File& file, ByteSpan span, std::string message) {
        items_.push_back({&file, {}});
        Diagnostic& d = items_.back().diagnostic;
        d.span = span;
        d.message = std::move(message);
        return d;
    }
    std::vector<Item>& items() { return items_; }

  private:
    std::vector<Item> items_;
};

// Findings of a migration-level rule, by the script they point into.
struct MigrationFindings {
    Findings up;
    Findings down;
};

// The moments a rule can act at: after each statement, at the end of the file, and once per
// migration of a runner's set.
struct RuleHooks {
    void (*on_statement)(const RuleContext&, Findings&) = nullptr;
    void (*on_file_end)(const sql::ParsedFile&, const MigrationState&, const Options&,
                        Findings&) = nullptr;
    void (*on_migration)(const MigrationContext&, MigrationFindings&) = nullptr;
    void (*on_change_set)(const ChangeSetContext&, CodeFindings&) = nullptr;
};

}  // namespace migsafe
