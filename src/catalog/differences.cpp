// differences(): what a down migration failed to restore.
#include <algorithm>

#include "catalog/catalog.hpp"

namespace migsafe::catalog {

namespace {

template <typename T>
const T* find_same(const std::vector<const T*>& objects, const pg::QualifiedName& name,
                   pg::QualifiedName (*name_of)(const T&)) {
    const auto it = std::find_if(objects.begin(), objects.end(), [&](const T* object) {
        return name_of(*object).same_object(name);
    });
    return it != objects.end() ? *it : nullptr;
}

pg::QualifiedName table_name(const Table& t) {
    return t.name;
}
pg::QualifiedName index_name(const Index& i) {
    return i.qualified_name();
}
pg::QualifiedName view_name(const View& v) {
    return v.name;
}
pg::QualifiedName enum_name(const Enum& e) {
    return e.name;
}

// Equal types; a type written without a schema matches the same type in any schema, as names do.
bool same_type(const pg::TypeSpec& a, const pg::TypeSpec& b) {
    return a.name == b.name && a.typmods == b.typmods && a.array_dims == b.array_dims &&
           (a.schema.empty() || b.schema.empty() || a.schema == b.schema);
}

std::string listed(const std::vector<std::string>& names) {
    std::string out = "(";
    for (size_t i = 0; i < names.size(); ++i)
        out += (i > 0 ? ", " : "") + names[i];
    return out + ")";
}

// What a constraint is, in words: "FOREIGN KEY (user_id) REFERENCES users".
std::string definition(const Constraint& c) {
    switch (c.kind) {
        case ConstraintKind::Check:
        case ConstraintKind::NotNullCheck:
            return "CHECK on " + listed(c.columns);
        case ConstraintKind::ForeignKey:
            // The schema is left out: a dump qualifies what a migration may not.
            return "FOREIGN KEY " + listed(c.columns) + " REFERENCES " + c.references.name;
        case ConstraintKind::Unique:
            return "UNIQUE " + listed(c.columns);
        case ConstraintKind::PrimaryKey:
            return "PRIMARY KEY " + listed(c.columns);
        case ConstraintKind::Exclusion:
            return "EXCLUDE " + listed(c.columns);
    }
    return {};
}

// Objects of `before` missing from `after` ("is not restored") and the reverse ("remains").
template <typename T>
void presence(const std::vector<const T*>& before, const std::vector<const T*>& after,
              pg::QualifiedName (*name_of)(const T&), const std::string& kind,
              std::vector<std::string>& out) {
    for (const T* object : before)
        if (find_same(after, name_of(*object), name_of) == nullptr)
            out.push_back(kind + " " + name_of(*object).display() + " is not restored");
    for (const T* object : after)
        if (find_same(before, name_of(*object), name_of) == nullptr)
            out.push_back(kind + " " + name_of(*object).display() + " remains");
}

void column_differences(const Table& before, const Table& after, std::vector<std::string>& out) {
    if (!before.columns_known || !after.columns_known) return;
    const std::string table = before.name.display();
    for (const Column& was : before.columns)
        if (after.column(was.name) == nullptr)
            out.push_back("column " + table + "." + was.name + " is not restored");
    for (const Column& is : after.columns)
        if (before.column(is.name) == nullptr)
            out.push_back("column " + table + "." + is.name + " remains");
    for (const Column& was : before.columns) {
        const Column* is = after.column(was.name);
        if (is == nullptr) continue;
        const std::string column = "column " + table + "." + was.name;
        if (!same_type(is->type, was.type))
            out.push_back(column + " has type " + is->type.display() + ", not " +
                          was.type.display());
        if (is->not_null != was.not_null)
            out.push_back(column + (is->not_null ? " is NOT NULL, but was nullable"
                                                 : " is nullable, but was NOT NULL"));
        if (is->has_default != was.has_default)
            out.push_back(column + (is->has_default ? " has a default, but had none"
                                                    : " has no default, but had one"));
        if (is->identity_or_generated != was.identity_or_generated)
            out.push_back(column + (is->identity_or_generated
                                        ? " is identity or generated, but was not"
                                        : " is no longer identity or generated"));
    }
}

void constraint_differences(const Table& before, const Table& after,
                            std::vector<std::string>& out) {
    const std::string table = before.name.display();
    for (const Constraint& was : before.constraints)
        if (after.constraint(was.name) == nullptr)
            out.push_back("constraint " + was.name + " on " + table + " is not restored");
    for (const Constraint& is : after.constraints)
        if (before.constraint(is.name) == nullptr)
            out.push_back("constraint " + is.name + " on " + table + " remains");
    for (const Constraint& was : before.constraints) {
        const Constraint* is = after.constraint(was.name);
        if (is == nullptr) continue;
        if (definition(*is) != definition(was))
            out.push_back("constraint " + was.name + " on " + table + " is " + definition(*is) +
                          ", not " + definition(was));
        if (is->validated == was.validated) continue;
        out.push_back("constraint " + was.name + " on " + table +
                      (is->validated ? " is validated, but was NOT VALID"
                                     : " is NOT VALID, but was validated"));
    }
}

void index_differences(const Index& before, const Index& after, std::vector<std::string>& out) {
    const std::string index = "index " + before.qualified_name().display();
    if (!after.table.same_object(before.table))
        out.push_back(index + " is on " + after.table.display() + ", not " +
                      before.table.display());
    if (after.columns != before.columns)
        out.push_back(index + " is on " + listed(after.columns) + ", not " +
                      listed(before.columns));
    if (after.unique != before.unique)
        out.push_back(index + (after.unique ? " is unique, but was not" : " is not unique"));
    if (after.valid != before.valid)
        out.push_back(index + (after.valid ? " is valid, but was INVALID" : " is INVALID"));
}

}  // namespace

std::vector<std::string> differences(const Catalog& before, const Catalog& after) {
    std::vector<std::string> out;
    const auto before_tables = before.tables();
    const auto after_tables = after.tables();
    presence(before_tables, after_tables, table_name, "table", out);
    for (const Table* was : before_tables)
        if (const Table* is = find_same(after_tables, was->name, table_name))
            column_differences(*was, *is, out);
    for (const Table* was : before_tables)
        if (const Table* is = find_same(after_tables, was->name, table_name))
            constraint_differences(*was, *is, out);

    const auto before_indexes = before.indexes();
    const auto after_indexes = after.indexes();
    presence(before_indexes, after_indexes, index_name, "index", out);
    for (const Index* was : before_indexes)
        if (const Index* is = find_same(after_indexes, was->qualified_name(), index_name))
            index_differences(*was, *is, out);

    const auto before_views = before.views();
    const auto after_views = after.views();
    presence(before_views, after_views, view_name, "view", out);
    for (const View* was : before_views) {
        const View* is = find_same(after_views, was->name, view_name);
        if (is != nullptr && is->materialized != was->materialized)
            out.push_back("view " + was->name.display() +
                          (is->materialized ? " is materialized, but was not"
                                            : " is not materialized, but was"));
    }

    const auto before_enums = before.enum_types();
    const auto after_enums = after.enum_types();
    presence(before_enums, after_enums, enum_name, "enum type", out);
    for (const Enum* was : before_enums) {
        const Enum* is = find_same(after_enums, was->name, enum_name);
        if (is != nullptr && is->values != was->values)
            out.push_back("enum type " + was->name.display() + " has values " + listed(is->values) +
                          ", not " + listed(was->values));
    }
    return out;
}

}  // namespace migsafe::catalog
