#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sql/pg_ast.hpp"
#include "sql/token.hpp"
#include "util/arena.hpp"
#include "util/source_text.hpp"

namespace migsafe::sql {

struct SyntaxError {
    std::string message;
    uint32_t offset = 0;  // file byte offset of the error
};

// Where a statement runs: directly in the migration, or inside a PL/pgSQL body.
enum class StatementOrigin : uint8_t { TopLevel, DoBlock, FunctionBody };

// What the PL/pgSQL structure around an embedded statement looks like.
struct PlpgsqlContext {
    int loop_depth = 0;            // enclosing LOOP / FOR / WHILE bodies
    bool commits_in_loop = false;  // the innermost loop's body runs COMMIT
};

struct Statement {
    ByteSpan span;                        // first token to the terminating ';' (or last token)
    std::span<const Token> tokens;        // the statement's tokens, trivia included
    const PgQuery__Node* node = nullptr;  // null when the parser rejected it
    std::optional<SyntaxError> error;
    StatementOrigin origin = StatementOrigin::TopLevel;
    // `node` is a stand-in tree of the same kind (stand_in.hpp): a data insert's head
    // `INSERT INTO t (…) VALUES` only, or a fixed SELECT / COMMENT / GRANT / REVOKE. The
    // statement was syntax-checked; anything beyond its kind (literals, VALUES) is read from
    // `tokens`.
    bool tree_elided = false;
    int parent = -1;  // index of the DO / CREATE FUNCTION for embedded statements
    PlpgsqlContext plpgsql;

    // Maps a parse-tree `location` (byte offset in the parsed text) to a file offset.
    uint32_t file_offset(int32_t location) const;

    // Set by the parser: the parsed text started at `parse_base` in the file; when the text was
    // unescaped from a quoted body, `offset_map` translates each parsed byte instead.
    uint32_t parse_base = 0;
    const std::vector<uint32_t>* offset_map = nullptr;
};

// Something about the input the analyzer reports outside of any statement's SQL.
struct InputProblem {
    enum class Kind : uint8_t { Binary, InvalidUtf8, PsqlVariable, DynamicSql, Placeholder };
    Kind kind;
    ByteSpan span;
    std::string message;
};

struct ParsedFile {
    SourceText source;
    std::vector<Token> tokens;          // the file's own tokens
    std::vector<Statement> statements;  // in execution order: a body's statements follow its owner
    std::vector<InputProblem> problems;

    // Storage the statements point into.
    std::deque<std::vector<Token>> body_tokens;
    std::deque<std::vector<uint32_t>> offset_maps;
    // The statements' parse trees live here (protobuf-c messages unpacked into the arena).
    Arena tree_memory;

    explicit ParsedFile(std::string bytes) : source(std::move(bytes)) {}
};

// Parses a whole file. Never throws on bad input: problems become syntax errors or InputProblems.
// What a caller needs of the parse trees.
enum class TreeDetail : uint8_t {
    Full,      // every statement's own tree
    ForRules,  // stand-in trees where no rule reads more than the kind (stand_in.hpp): faster
};

std::unique_ptr<ParsedFile> parse_file(std::string bytes, TreeDetail detail = TreeDetail::Full);

}  // namespace migsafe::sql
