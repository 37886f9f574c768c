#pragma once

#include <cstdint>
#include <string_view>

namespace migsafe::pg {

// PostgreSQL's table-level lock modes, weakest to strongest.
enum class LockMode : uint8_t {
    None,
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
};

// "ACCESS EXCLUSIVE", as PostgreSQL's documentation and pg_locks (minus "Lock") spell it.
std::string_view lock_mode_name(LockMode mode);
// pg_locks.mode, e.g. "AccessExclusiveLock".
std::string_view lock_mode_pg_locks_name(LockMode mode);

// SHARE or stronger: blocks writes (and from EXCLUSIVE on, reads too for ACCESS EXCLUSIVE).
inline bool is_dangerous(LockMode mode) {
    return mode >= LockMode::Share;
}

// What concurrent sessions cannot do while the lock is held, in a few words.
std::string_view lock_blocks(LockMode mode);

}  // namespace migsafe::pg
