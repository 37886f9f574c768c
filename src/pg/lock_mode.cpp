#include "pg/lock_mode.hpp"

namespace migsafe::pg {

std::string_view lock_mode_name(LockMode mode) {
    switch (mode) {
        case LockMode::None:
            return "no lock";
        case LockMode::AccessShare:
            return "ACCESS SHARE";
        case LockMode::RowShare:
            return "ROW SHARE";
        case LockMode::RowExclusive:
            return "ROW EXCLUSIVE";
        case LockMode::ShareUpdateExclusive:
            return "SHARE UPDATE EXCLUSIVE";
        case LockMode::Share:
            return "SHARE";
        case LockMode::ShareRowExclusive:
            return "SHARE ROW EXCLUSIVE";
        case LockMode::Exclusive:
            return "EXCLUSIVE";
        case LockMode::AccessExclusive:
            return "ACCESS EXCLUSIVE";
    }
    return "unknown";
}

std::string_view lock_mode_pg_locks_name(LockMode mode) {
    switch (mode) {
        case LockMode::None:
            return "";
        case LockMode::AccessShare:
            return "AccessShareLock";
        case LockMode::RowShare:
            return "RowShareLock";
        case LockMode::RowExclusive:
            return "RowExclusiveLock";
        case LockMode::ShareUpdateExclusive:
            return "ShareUpdateExclusiveLock";
        case LockMode::Share:
            return "ShareLock";
        case LockMode::ShareRowExclusive:
            return "ShareRowExclusiveLock";
        case LockMode::Exclusive:
            return "ExclusiveLock";
        case LockMode::AccessExclusive:
            return "AccessExclusiveLock";
    }
    return "";
}

std::string_view lock_blocks(LockMode mode) {
    switch (mode) {
        case LockMode::AccessExclusive:
            return "blocks all reads and writes";
        case LockMode::Exclusive:
            return "blocks writes and SELECT … FOR UPDATE; only plain reads proceed";
        case LockMode::ShareRowExclusive:
        case LockMode::Share:
            return "blocks INSERT, UPDATE and DELETE";
        case LockMode::ShareUpdateExclusive:
            return "blocks other DDL and VACUUM, not reads or writes";
        case LockMode::RowExclusive:
        case LockMode::RowShare:
        case LockMode::AccessShare:
            return "conflicts only with stronger DDL locks";
        case LockMode::None:
            return "blocks nothing";
    }
    return "";
}

}  // namespace migsafe::pg
