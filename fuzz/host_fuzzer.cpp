// libFuzzer target: SQL extraction from host-language migrations (Rails, Alembic, Django, knex,
// node-pg-migrate; tree-sitter), then the check of each extracted script. The input is tried as a
// migration of every runner. Extracted SQL must be byte-aligned with the file (same length), as
// migration.hpp promises; a violation aborts.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check.hpp"
#include "migration/host/extract.hpp"
#include "report/report.hpp"

namespace {

struct HostFile {
    migsafe::migration::Runner runner;
    const char* path;
};

constexpr HostFile kHostFiles[] = {
    {migsafe::migration::Runner::Rails, "db/migrate/20240101000000_fuzz.rb"},
    {migsafe::migration::Runner::Alembic, "alembic/versions/1a2b3c4d5e6f_fuzz.py"},
    {migsafe::migration::Runner::Django, "shop/migrations/0001_fuzz.py"},
    {migsafe::migration::Runner::Knex, "migrations/20240101000000_fuzz.js"},
    {migsafe::migration::Runner::NodePgMigrate, "migrations/1700000000000_fuzz.ts"},
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (const HostFile& host : kHostFiles) {
        const auto migration =
            migsafe::migration::extract_host_migration(host.runner, host.path, text);
        if (!migration) continue;
        std::vector<migsafe::FileResult> results;
        for (const auto* script : {&migration->up, &migration->down}) {
            if (!*script) continue;
            if ((*script)->sql.size() != size) std::abort();  // positions would be wrong
            migsafe::Options options;
            options.transaction = (*script)->transaction;
            results.push_back(migsafe::check_source(host.path, (*script)->sql, options));
        }
        std::ostringstream sink;
        migsafe::write_text(sink, results, {});
        migsafe::write_json(sink, results);
    }
    return 0;
}
