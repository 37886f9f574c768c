// libFuzzer target: the whole check of one loose file, from bytes to every report format, and
// one round of fixes re-checked. Any crash, sanitizer report, leak or exception fails.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "engine/check.hpp"
#include "fix/apply_fixes.hpp"
#include "report/report.hpp"

namespace {

// Options vary with the input's length so that every PostgreSQL version and transaction model
// is exercised without spending input bytes on them (the seeds stay plain SQL).
migsafe::Options options_for(size_t size) {
    migsafe::Options options;
    options.pg_version =
        migsafe::kMinPgVersion +
        static_cast<int>(size % (migsafe::kMaxPgVersion - migsafe::kMinPgVersion + 1));
    options.transaction = size % 3 == 0 ? migsafe::migration::TransactionModel::Wrapped
                          : size % 3 == 1
                              ? migsafe::migration::TransactionModel::AsWritten
                              : migsafe::migration::TransactionModel::ImplicitWhenMultiStatement;
    return options;
}

// SARIF carries every rule's documentation (a quarter of a megabyte), which costs a hundred
// times the check itself: it is written for one input size in 16, so fuzzing stays fast.
void report_all(const std::vector<migsafe::FileResult>& results, size_t size) {
    std::ostringstream sink;
    migsafe::write_text(sink, results, {.color = true});
    migsafe::write_json(sink, results);
    migsafe::write_github(sink, results);
    if (size % 16 == 0) migsafe::write_sarif(sink, results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const migsafe::Options options = options_for(size);
    std::string bytes(reinterpret_cast<const char*>(data), size);
    std::vector<migsafe::FileResult> results;
    results.push_back(migsafe::check_source("fuzz.sql", bytes, options));
    report_all(results, size);

    const migsafe::FixOutcome fixed = migsafe::apply_fixes(bytes, results.front().diagnostics);
    if (fixed.applied > 0) {
        results.push_back(migsafe::check_source("fixed.sql", fixed.text, options));
        report_all(results, size);
    }
    return 0;
}
