#pragma once

// Helpers for the host-language extraction tests (not part of migsafe_core).

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "migration/migration.hpp"

namespace migsafe::migration::host::testing {

inline std::string read_layout_file(const std::string& relative) {
    std::ifstream in(std::string(MIGSAFE_SOURCE_DIR) + "/testdata/layouts/" + relative,
                     std::ios::binary);
    REQUIRE_MESSAGE(in.good(), relative);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The SQL with each run of spaces and newlines collapsed to one space, trimmed.
inline std::string squeezed(std::string_view sql) {
    std::string out;
    bool pending_space = false;
    for (const char c : sql) {
        if (c == ' ' || c == '\n') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// Script::sql has the file's length and its newlines exactly where the file has them.
inline void check_byte_aligned(const Script& script, std::string_view text) {
    REQUIRE(script.sql.size() == text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if ((text[i] == '\n') != (script.sql[i] == '\n')) {
            FAIL("newline mismatch at offset " << i);
            return;
        }
    }
}

// `sql` appears in the script at the offset where the file has it, and nowhere else.
inline size_t check_sql_at_file_offset(const Script& script, std::string_view text,
                                       std::string_view sql) {
    const size_t offset = script.sql.find(sql);
    REQUIRE_MESSAGE(offset != std::string::npos, sql);
    CHECK(text.substr(offset).starts_with(sql));
    CHECK(script.sql.find(sql, offset + 1) == std::string::npos);
    return offset;
}

inline void check_no_host_code(const Script& script,
                               std::initializer_list<std::string_view> host_words) {
    for (const std::string_view word : host_words)
        CHECK_MESSAGE(script.sql.find(word) == std::string::npos, word);
}

}  // namespace migsafe::migration::host::testing
