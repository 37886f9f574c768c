#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pg/names.hpp"
#include "pg/type_changes.hpp"
#include "sql/pg_ast.hpp"

namespace migsafe::catalog {

struct Column {
    std::string name;
    pg::TypeSpec type;  // serial types appear as the integer type behind them
    bool not_null = false;
    bool has_default = false;  // DEFAULT, or serial's nextval
    bool identity_or_generated = false;
};

enum class ConstraintKind : uint8_t {
    Check,
    NotNullCheck,
    ForeignKey,
    Unique,
    PrimaryKey,
    Exclusion
};

struct Constraint {
    std::string name;  // PostgreSQL's generated name when the statement gave none
    ConstraintKind kind = ConstraintKind::Check;
    bool validated = true;             // false while NOT VALID
    std::vector<std::string> columns;  // key / referencing columns; a CHECK's referenced columns
    std::string not_null_column;       // NotNullCheck: CHECK (col IS NOT NULL)
    pg::QualifiedName references;      // ForeignKey: the referenced table
    std::string index;                 // Unique / PrimaryKey / Exclusion: the index behind it
};

struct Index {
    std::string name;
    pg::QualifiedName table;
    std::vector<std::string> columns;  // key columns; expressions in a short form ("lower(email)")
    bool unique = false;
    bool valid = true;  // false: left INVALID (a CONCURRENTLY build that is not known to finish)
    // Columns that key expressions and the WHERE predicate use: dropping one drops the index.
    std::vector<std::string> expression_columns;

    pg::QualifiedName qualified_name() const { return {table.schema, name}; }
};

struct Table {
    pg::QualifiedName name;  // schema empty when the migration did not qualify it
    std::vector<Column> columns;
    std::vector<Constraint> constraints;
    bool partitioned = false;
    bool columns_known = true;  // false for CREATE TABLE AS / SELECT INTO

    const Column* column(std::string_view column_name) const;
    const Constraint* constraint(std::string_view constraint_name) const;
};

struct View {
    pg::QualifiedName name;
    bool materialized = false;
};

struct Enum {
    pg::QualifiedName name;
    std::vector<std::string> values;
};

// The schema as far as replayed migrations (and a seeding schema dump) tell. Names are compared
// as `QualifiedName::same_object` does: an unqualified name matches any schema. Copying is cheap
// enough to take one snapshot per migration (tables are shared until changed). Pointers it
// returns stay valid until the next apply() on the same catalog.
class Catalog {
  public:
    const Table* table(const pg::QualifiedName& name) const;
    const Index* index(const pg::QualifiedName& name) const;
    const View* view(const pg::QualifiedName& name) const;
    const Enum* enum_type(const pg::QualifiedName& name) const;
    std::vector<const Index*> indexes_on(const pg::QualifiedName& table) const;
    bool empty() const;

    // Every object, in a stable order (by display name).
    std::vector<const Table*> tables() const;
    std::vector<const Index*> indexes() const;
    std::vector<const View*> views() const;
    std::vector<const Enum*> enum_types() const;

    // Applies one top-level statement that ran (or a statement of a DO block). Statements the
    // catalog does not model change nothing; nothing here fails.
    void apply(const PgQuery__Node* stmt);

    // For the caller that knows a CREATE INDEX CONCURRENTLY did not finish (or a REINDEX did).
    void set_index_valid(const pg::QualifiedName& name, bool valid);

  private:
    using TableMap = std::map<std::string, std::shared_ptr<Table>>;

    // Mutable access; copies a table still shared with a snapshot first.
    Table* edit_table(const pg::QualifiedName& name);
    TableMap::iterator find_table(const pg::QualifiedName& name);
    std::map<std::string, Index>::iterator find_index(const pg::QualifiedName& name);
    bool relation_name_taken(const std::string& schema, const std::string& name) const;
    std::string choose_name(const pg::QualifiedName& table, const std::string& columns,
                            const std::string& label) const;

    void create_table(const PgQuery__CreateStmt& stmt);
    void copy_like_columns(const PgQuery__TableLikeClause& like, Table& target) const;
    void create_table_as(const PgQuery__RangeVar* relation, bool materialized, bool if_not_exists);
    void add_column(const pg::QualifiedName& table, const PgQuery__ColumnDef& def,
                    bool if_not_exists);
    void add_constraint(const pg::QualifiedName& table, const PgQuery__Constraint& constraint,
                        const std::string& column, bool from_alter);
    void add_index_constraint(const pg::QualifiedName& table, const PgQuery__Constraint& c,
                              const std::string& column, ConstraintKind kind);
    void alter_table(const PgQuery__AlterTableStmt& stmt);
    void alter_column(const pg::QualifiedName& table, const PgQuery__AlterTableCmd& cmd);
    void drop_column(const pg::QualifiedName& table, const std::string& column);
    void drop_constraint(const pg::QualifiedName& table, const std::string& name);
    void create_index(const PgQuery__IndexStmt& stmt);
    void drop(const PgQuery__DropStmt& stmt);
    void drop_table(const pg::QualifiedName& name);
    void drop_columns_of_type(const pg::QualifiedName& type);
    void drop_schema(const std::string& schema);
    void rename(const PgQuery__RenameStmt& stmt);
    void rename_table(const pg::QualifiedName& from, const pg::QualifiedName& to);
    void rename_column(const pg::QualifiedName& table, const std::string& from,
                       const std::string& to);
    void rename_type_of_columns(const pg::QualifiedName& from, const pg::QualifiedName& to);
    void rename_index(const pg::QualifiedName& from, const std::string& to);
    void set_schema(const PgQuery__AlterObjectSchemaStmt& stmt);
    void create_view(const pg::QualifiedName& name, bool materialized);
    void create_enum(const PgQuery__CreateEnumStmt& stmt);
    void alter_enum(const PgQuery__AlterEnumStmt& stmt);

    TableMap tables_;  // by display name
    std::map<std::string, Index> indexes_;
    std::map<std::string, View> views_;
    std::map<std::string, Enum> enums_;
};

// What differs between two catalogs, one line per object, phrased for a down migration that
// should have restored `before`: "index orders_user_id_idx remains", "column
// users.email_verified is not restored", "column users.name has type text, not varchar(100)".
std::vector<std::string> differences(const Catalog& before, const Catalog& after);

}  // namespace migsafe::catalog
