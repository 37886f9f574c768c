#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sql/pg_ast.hpp"

namespace migsafe {

// A timeout setting in milliseconds (0 = disabled), as PostgreSQL reads '5s', '1min', 500.
std::optional<int64_t> parse_duration_ms(std::string_view text);

// A SET / RESET / set_config() of a setting this analyzer tracks.
struct SettingChange {
    std::string_view name;            // "lock_timeout", "statement_timeout"
    std::optional<int64_t> value_ms;  // nullopt: RESET/DEFAULT (back to the server's default)
    bool local = false;  // SET LOCAL / set_config(…, true): until the transaction ends
    bool reset_all = false;
};

// Recognises SET [LOCAL] x = v, RESET x, RESET ALL and SELECT set_config('x', 'v', is_local).
std::optional<SettingChange> setting_change(const PgQuery__Node* stmt);

}  // namespace migsafe
