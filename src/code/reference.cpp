#include "code/reference.hpp"

#include "code/names.hpp"

namespace migsafe::code {

bool Reference::refers_to_table(std::string_view db_table) const {
    if (table.empty()) return false;
    if (naming == Naming::Exact) return table == db_table;
    return table_names_match(table, db_table);
}

bool Reference::refers_to_column(std::string_view db_table, std::string_view db_column) const {
    if (column.empty()) return false;
    if (!table.empty() && !refers_to_table(db_table)) return false;
    if (naming == Naming::Exact) return column == db_column;
    return names_match(column, db_column);
}

}  // namespace migsafe::code
