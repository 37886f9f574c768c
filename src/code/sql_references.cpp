#include "code/sql_references.hpp"

#include <cctype>
#include <map>
#include <set>

#include "code/names.hpp"
#include "sql/ast.hpp"
#include "sql/parsed_file.hpp"

namespace migsafe::code {

namespace {

bool is_word_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

std::string lower_word_before(const std::string& sql, size_t at) {
    size_t end = at;
    while (end > 0 && sql[end - 1] == ' ')
        --end;
    size_t begin = end;
    while (begin > 0 && is_word_char(sql[begin - 1]))
        --begin;
    std::string word;
    for (size_t i = begin; i < end; ++i)
        word += static_cast<char>(std::tolower(static_cast<unsigned char>(sql[i])));
    return word;
}

// Whether a `?` at `at` stands where a value goes (a JDBC / ActiveRecord parameter) rather
// than being the jsonb `?` operator.
bool is_question_parameter(const std::string& sql, size_t at) {
    if (at + 1 < sql.size() && std::isdigit(static_cast<unsigned char>(sql[at + 1])) != 0)
        return true;
    size_t before = at;
    while (before > 0 && (sql[before - 1] == ' ' || sql[before - 1] == '\n'))
        --before;
    if (before == 0) return true;
    if (std::string_view("=<>(,+-*/|").find(sql[before - 1]) != std::string_view::npos) return true;
    static const std::set<std::string, std::less<>> value_keywords = {
        "like", "ilike", "limit", "offset", "in",  "between", "and",    "or",
        "then", "else",  "when",  "is",     "not", "values",  "select", "set"};
    return value_keywords.contains(lower_word_before(sql, before));
}

// Rewrites query parameters as the value 0 padded with spaces, so the SQL parses and every
// offset stays where it was. Returns false when a `%s` is glued to a name ("users_%s"): the
// string is formatted into a name, which is then unknown.
bool read_parameters_as_values(std::string& sql) {
    char quote = 0;
    for (size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
            while (i < sql.size() && sql[i] != '\n')
                ++i;
            continue;
        }
        size_t end = i;
        if (c == '?' && is_question_parameter(sql, i)) {
            end = i + 1;
        } else if (c == '%' && i + 1 < sql.size() && (sql[i + 1] == 's' || sql[i + 1] == 'd')) {
            end = i + 2;
        } else if (c == '%' && i + 1 < sql.size() && sql[i + 1] == '(') {
            end = sql.find(')', i);
            end = end == std::string::npos ? i : end + 2;
        } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
            ++i;  // a cast
            continue;
        } else if (c == ':' && i + 1 < sql.size() &&
                   (std::isalpha(static_cast<unsigned char>(sql[i + 1])) != 0 ||
                    sql[i + 1] == '_')) {
            end = i + 1;
            while (end < sql.size() && is_word_char(sql[end]))
                ++end;
        }
        if (end <= i || end > sql.size()) continue;
        const bool formatted = c == '%';
        if (formatted &&
            ((i > 0 && is_word_char(sql[i - 1])) || (end < sql.size() && is_word_char(sql[end]))))
            return false;
        sql[i] = '0';
        for (size_t k = i + 1; k < end; ++k)
            sql[k] = ' ';
        i = end - 1;
    }
    return true;
}

bool is_query(const PgQuery__Node* node) {
    return sql::is(node, PG_QUERY__NODE__NODE_SELECT_STMT) ||
           sql::is(node, PG_QUERY__NODE__NODE_INSERT_STMT) ||
           sql::is(node, PG_QUERY__NODE__NODE_UPDATE_STMT) ||
           sql::is(node, PG_QUERY__NODE__NODE_DELETE_STMT) ||
           sql::is(node, PG_QUERY__NODE__NODE_MERGE_STMT);
}

// Reads one parsed query: the tables it names, then its columns resolved to those tables.
class QueryReader {
  public:
    QueryReader(const sql::Statement& statement, const EmbeddedSql& embedded,
                std::vector<Reference>& out)
        : statement_(statement), embedded_(embedded), out_(out) {}

    void read() {
        const PgQuery__Node* root = statement_.node;
        // CTE names first: the main query names them before the WITH clause is reached.
        sql::for_each_descendant(&root->base, [&](const PgQuery__Node& node) {
            if (sql::is(&node, PG_QUERY__NODE__NODE_COMMON_TABLE_EXPR))
                cte_names_.insert(std::string(sql::str(node.common_table_expr->ctename)));
        });
        collect_relations(root);
        sql::for_each_descendant(&root->base,
                                 [&](const PgQuery__Node& node) { collect_relations(&node); });
        for (const auto& [name, table] : tables_by_name_)
            distinct_tables_.insert(table);
        if (distinct_tables_.empty() && !embedded_.default_table.empty())
            distinct_tables_.insert(embedded_.default_table);
        // Columns with no table anywhere ('SELECT-FOCUSED-ROW' parses as arithmetic) are not
        // a query over the database.
        // A fragment (an ActiveRecord condition) is the exception: its table is the caller's.
        if (distinct_tables_.empty() && embedded_.prefix_length == 0) return;
        for (const Relation& relation : relations_)
            add(relation.schema, relation.name, "", relation.location, relation.skip_names);
        read_columns(root);
        sql::for_each_descendant(&root->base,
                                 [&](const PgQuery__Node& node) { read_columns(&node); });
    }

  private:
    struct Relation {
        std::string schema;
        std::string name;
        int32_t location = -1;
        int skip_names = 0;  // tokens before the name itself (schema, '.')
    };

    void collect_relations(const PgQuery__Node* node) {
        if (sql::is(node, PG_QUERY__NODE__NODE_RANGE_VAR)) note_relation(node->range_var);
        if (sql::is(node, PG_QUERY__NODE__NODE_INSERT_STMT))
            note_relation(node->insert_stmt->relation);
        if (sql::is(node, PG_QUERY__NODE__NODE_UPDATE_STMT))
            note_relation(node->update_stmt->relation);
        if (sql::is(node, PG_QUERY__NODE__NODE_DELETE_STMT))
            note_relation(node->delete_stmt->relation);
        if (sql::is(node, PG_QUERY__NODE__NODE_MERGE_STMT))
            note_relation(node->merge_stmt->relation);
        if (sql::is(node, PG_QUERY__NODE__NODE_SELECT_STMT)) {
            const PgQuery__SelectStmt& select = *node->select_stmt;
            for (const PgQuery__Node* target : sql::list(select.target_list, select.n_target_list))
                if (sql::is(target, PG_QUERY__NODE__NODE_RES_TARGET))
                    output_names_.insert(std::string(sql::str(target->res_target->name)));
        }
    }

    void note_relation(const PgQuery__RangeVar* relation) {
        if (relation == nullptr) return;
        const std::string name(sql::str(relation->relname));
        const std::string schema(sql::str(relation->schemaname));
        if (name.empty() || (schema.empty() && cte_names_.contains(name))) return;
        for (const Relation& known : relations_)
            if (known.location == relation->location) return;
        relations_.push_back({schema, name, relation->location, schema.empty() ? 0 : 2});
        tables_by_name_[name] = name;
        if (relation->alias != nullptr && !sql::str(relation->alias->aliasname).empty())
            tables_by_name_[std::string(sql::str(relation->alias->aliasname))] = name;
    }

    void read_columns(const PgQuery__Node* node) {
        if (sql::is(node, PG_QUERY__NODE__NODE_COLUMN_REF)) read_column_ref(*node->column_ref);
        if (sql::is(node, PG_QUERY__NODE__NODE_INSERT_STMT)) {
            const PgQuery__InsertStmt& insert = *node->insert_stmt;
            read_targets(sql::list(insert.cols, insert.n_cols), insert.relation);
        }
        if (sql::is(node, PG_QUERY__NODE__NODE_UPDATE_STMT)) {
            const PgQuery__UpdateStmt& update = *node->update_stmt;
            read_targets(sql::list(update.target_list, update.n_target_list), update.relation);
        }
    }

    // INSERT column lists and UPDATE SET targets name columns of the statement's table.
    void read_targets(std::span<PgQuery__Node* const> targets, const PgQuery__RangeVar* relation) {
        const std::string table(relation != nullptr ? sql::str(relation->relname) : "");
        for (const PgQuery__Node* target : targets) {
            if (!sql::is(target, PG_QUERY__NODE__NODE_RES_TARGET)) continue;
            const std::string_view name = sql::str(target->res_target->name);
            if (!name.empty()) add("", table, std::string(name), target->res_target->location, 0);
        }
    }

    void read_column_ref(const PgQuery__ColumnRef& ref) {
        const auto fields = sql::list(ref.fields, ref.n_fields);
        if (fields.empty() || !sql::is(fields.back(), PG_QUERY__NODE__NODE_STRING)) return;
        const std::string column(sql::string_value(fields.back()));
        std::string table;
        if (fields.size() == 1) {
            // ORDER BY n after `count(*) AS n` names the output column, not a stored one.
            if (output_names_.contains(column)) return;
            if (distinct_tables_.size() == 1) table = *distinct_tables_.begin();
        } else {
            const std::string qualifier(sql::string_value(fields[fields.size() - 2]));
            if (const auto found = tables_by_name_.find(qualifier); found != tables_by_name_.end())
                table = found->second;
            else
                return;  // a qualifier that is not a table here (a record, a NEW row): unknown
        }
        add("", table, column, ref.location, static_cast<int>(fields.size() - 1) * 2);
    }

    // Adds a reference at the name token `skip_names` tokens after `location`.
    void add(const std::string& schema, const std::string& table, const std::string& column,
             int32_t location, int skip_names) {
        const uint32_t start = statement_.file_offset(location);
        size_t index = 0;
        while (index < statement_.tokens.size() && statement_.tokens[index].span.begin < start)
            ++index;
        for (int skipped = 0; index < statement_.tokens.size();) {
            if (!statement_.tokens[index].is_trivia() && skipped++ == skip_names) break;
            ++index;
        }
        if (index >= statement_.tokens.size()) return;
        const ByteSpan token = statement_.tokens[index].span;
        if (token.begin < embedded_.prefix_length) return;
        const uint32_t shift = embedded_.file_base - embedded_.prefix_length;
        Reference reference;
        reference.schema = schema;
        reference.table = table;
        reference.column = column;
        reference.span = {token.begin + shift, token.end + shift};
        reference.context = embedded_.context;
        out_.push_back(std::move(reference));
    }

    const sql::Statement& statement_;
    const EmbeddedSql& embedded_;
    std::vector<Reference>& out_;
    std::set<std::string, std::less<>> cte_names_;
    std::vector<Relation> relations_;
    std::map<std::string, std::string, std::less<>> tables_by_name_;  // name or alias → table
    std::set<std::string, std::less<>> distinct_tables_;
    std::set<std::string, std::less<>> output_names_;  // SELECT … AS name
};

}  // namespace

bool may_be_query(std::string_view text) {
    static const std::set<std::string, std::less<>> starters = {"select", "insert", "update",
                                                                "delete", "with",   "merge"};
    std::string word;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])) != 0) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
            continue;
        }
        if (starters.contains(word)) return true;
        word.clear();
    }
    return false;
}

bool add_sql_references(EmbeddedSql embedded, std::vector<Reference>& out) {
    if (!read_parameters_as_values(embedded.sql)) return false;
    const auto parsed = sql::parse_file(embedded.sql);
    bool any = false;
    for (const sql::Statement& statement : parsed->statements) {
        if (statement.error || statement.origin != sql::StatementOrigin::TopLevel ||
            !is_query(statement.node))
            continue;
        any = true;
        QueryReader(statement, embedded, out).read();
    }
    return any;
}

}  // namespace migsafe::code
