#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/rule_id.hpp"
#include "migration/migration.hpp"

namespace migsafe {

constexpr int kMinPgVersion = 11;
constexpr int kMaxPgVersion = 18;
constexpr int kDefaultPgVersion = 15;

// Everything that decides what a check reports, after config file and command line are merged.
struct Options {
    int pg_version = kDefaultPgVersion;
    // How the runner sends the file: as written, wrapped in BEGIN … COMMIT, or as one string
    // (an implicit transaction when it holds two or more statements). `--assume-in-transaction`
    // and config `assume_in_transaction` choose between the first two for loose files.
    migration::TransactionModel transaction = migration::TransactionModel::AsWritten;
    // Why, in words, for messages ("goose wraps each migration in a transaction").
    std::string transaction_reason;
    int64_t max_lock_timeout_ms = 10'000;
    int64_t min_build_timeout_ms = 3'600'000;
    std::vector<std::string> small_tables;
    // For a down script: the tables ("users") and columns ("users.email") its migration's up
    // created. Dropping them is what the down is for, not a hazard for running code.
    std::set<std::string> created_by_up;
    // Tables created by earlier migrations of the change set being checked (--changed-since,
    // --staged): they ship in the same deploy as this migration, so nobody uses them yet.
    std::set<std::string> created_in_change_set;
    bool created_by_up_contains(const std::string& table, const std::string& column = {}) const {
        return created_by_up.contains(column.empty() ? table : table + "." + column);
    }
    // Effective severity per rule (Off: not run / not reported).
    std::vector<Severity> severities = default_severities();
    // Rules whose severity the user set explicitly: a rule's own choice of severity for a
    // particular finding (e.g. error for UPDATE without WHERE) yields to the user's.
    std::vector<bool> severity_overridden = std::vector<bool>(all_rules().size(), false);

    Severity severity(RuleId id) const { return severities[static_cast<size_t>(id)]; }
    bool enabled(RuleId id) const { return severity(id) != Severity::Off; }

    static std::vector<Severity> default_severities() {
        std::vector<Severity> out;
        for (const RuleInfo& rule : all_rules())
            out.push_back(rule.default_severity);
        return out;
    }
};

}  // namespace migsafe
