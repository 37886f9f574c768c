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
    pg::TypeSpec type;
    bool not_null = false;
    bool has_default = false;
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
    std::string index;                 // Unique / PrimaryKey: the index behind it
};

struct Index {
    std::string name;
    pg::QualifiedName table;
    std::vector<std::string> columns;  // key columns; expressions as written
    bool unique = false;
    bool valid = true;  // false: left INVALID (a CONCURRENTLY build that is not known to finish)
};

struct Table {
    pg::QualifiedName name;  // schema empty when the migration did not qualify it
    std::vector<Column> columns;
    std::vector<Constraint> constraints;
    bool partitioned = false;

    const Column* column(std::string_view name) const;
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
// enough to take one snapshot per migration (tables are shared until changed).
class Catalog {
  public:
    const Table* table(const pg::QualifiedName& name) const;
    const Index* index(const pg::QualifiedName& name) const;
    const View* view(const pg::QualifiedName& name) const;
    const Enum* enum_type(const pg::QualifiedName& name) const;
    std::vector<const Index*> indexes_on(const pg::QualifiedName& table) const;
    bool empty() const;

    // Applies one top-level statement that ran (or a statement of a DO block). Statements the
    // catalog does not model change nothing; nothing here fails.
    void apply(const PgQuery__Node* stmt);

  private:
    std::map<std::string, std::shared_ptr<const Table>> tables_;  // by display name
    std::map<std::string, Index> indexes_;
    std::map<std::string, View> views_;
    std::map<std::string, Enum> enums_;
};

// What differs between two catalogs, one line per object, phrased for a down migration that
// should have restored `before`: "index orders_user_id_idx remains", "column
// users.email_verified is not restored", "column users.name has type text, not varchar(100)".
std::vector<std::string> differences(const Catalog& before, const Catalog& after);

}  // namespace migsafe::catalog
