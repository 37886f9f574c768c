#pragma once

#include <map>
#include <span>
#include <string>
#include <vector>

#include "sql/parsed_file.hpp"

namespace migsafe::sql {

// Runs libpg_query on one statement's text and appends the result to the file's statements.
class StatementParser {
  public:
    StatementParser(ParsedFile& file, const std::string& scrubbed) : file_(file), text_(scrubbed) {}

    // A statement made of file tokens: parsed from the scrubbed file text.
    void parse(std::span<const Token> tokens, StatementOrigin origin, int parent,
               PlpgsqlContext plpgsql);

    // Checks the syntax of the data inserts that parse() gave only their head's tree (see
    // values_insert.hpp); call once, after the last parse().
    void finish();

    // A statement whose text was unescaped from a quoted body: `map[i]` is the file offset of
    // byte i of `sql` (one extra entry for the end).
    void parse_mapped(const std::string& sql, const std::vector<uint32_t>* map,
                      std::span<const Token> tokens, StatementOrigin origin, int parent,
                      PlpgsqlContext plpgsql);

  private:
    void parse_text(const std::string& sql, Statement base);
    void parse_into(const std::string& sql, Statement base, std::vector<Statement>& out);
    bool parse_head_only(const Statement& base, ByteSpan head);
    void validate_run(size_t first, size_t last);

    ParsedFile& file_;
    const std::string& text_;
    // The tree of `<head> (NULL)` per distinct head text: statements with the same head share
    // it, and their locations in the head are the same bytes.
    std::map<std::string, const PgQuery__Node*, std::less<>> head_trees_;
    std::vector<size_t> head_only_;  // indexes of statements parsed from their head only
};

// Byte offset in `text` of the 1-based character position PostgreSQL reports in errors.
uint32_t byte_offset_of_char(std::string_view text, int cursorpos);

}  // namespace migsafe::sql
