#pragma once

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

    // A statement whose text was unescaped from a quoted body: `map[i]` is the file offset of
    // byte i of `sql` (one extra entry for the end).
    void parse_mapped(const std::string& sql, const std::vector<uint32_t>* map,
                      std::span<const Token> tokens, StatementOrigin origin, int parent,
                      PlpgsqlContext plpgsql);

  private:
    void parse_text(const std::string& sql, Statement base);

    ParsedFile& file_;
    const std::string& text_;
};

// Byte offset in `text` of the 1-based character position PostgreSQL reports in errors.
uint32_t byte_offset_of_char(std::string_view text, int cursorpos);

}  // namespace migsafe::sql
