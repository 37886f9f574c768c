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
    // `stand_ins`: give statements no rule reads in detail a shared stand-in tree.
    StatementParser(ParsedFile& file, const std::string& scrubbed, bool stand_ins)
        : file_(file), text_(scrubbed), stand_ins_(stand_ins) {}

    // A statement made of file tokens: parsed from the scrubbed file text.
    void parse(std::span<const Token> tokens, StatementOrigin origin, int parent,
               PlpgsqlContext plpgsql);

    // Checks the syntax of the statements that parse() gave a stand-in tree (stand_in.hpp);
    // call once, after the last parse().
    void finish();

    // A statement whose text was unescaped from a quoted body: `map[i]` is the file offset of
    // byte i of `sql` (one extra entry for the end).
    void parse_mapped(const std::string& sql, const std::vector<uint32_t>* map,
                      std::span<const Token> tokens, StatementOrigin origin, int parent,
                      PlpgsqlContext plpgsql);

  private:
    void parse_text(const std::string& sql, Statement base);
    // `limits_checked`: parse_refusal already ran on the statement's tokens.
    void parse_into(const std::string& sql, Statement base, std::vector<Statement>& out,
                    bool limits_checked = false);
    bool parse_stand_in(const Statement& base, const std::string& stand_in);
    void validate_run(size_t first, size_t last);

    ParsedFile& file_;
    const std::string& text_;
    bool stand_ins_;
    // The tree of each stand-in statement (stand_in.hpp), shared by the statements it stands
    // in for; a data insert's stand-in starts with its own head, so locations there are right.
    std::map<std::string, const PgQuery__Node*, std::less<>> stand_in_trees_;
    std::vector<size_t> stood_in_;  // indexes of statements given a stand-in tree
};

// Byte offset in `text` of the 1-based character position PostgreSQL reports in errors.
uint32_t byte_offset_of_char(std::string_view text, int cursorpos);

}  // namespace migsafe::sql
