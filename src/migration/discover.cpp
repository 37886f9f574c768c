#include "migration/discover.hpp"

#include "migration/file_tree.hpp"
#include "migration/layouts.hpp"

namespace migsafe::migration {

MigrationSet discover(const std::filesystem::path& root, const DiscoverOptions& options) {
    MigrationSet set;
    set.root = root.generic_string();
    if (options.runner) {
        set.runner = *options.runner;
        set.detected_by = "--runner";
    } else {
        auto [runner, reason] = detect_runner(root);
        set.runner = runner;
        set.detected_by = std::move(reason);
    }
    const FileTree tree = list_files(root);
    switch (set.runner) {
        case Runner::Plain:
            discover_plain(tree, set);
            break;
        case Runner::GolangMigrate:
            discover_golang_migrate(tree, set);
            break;
        case Runner::Goose:
            discover_goose(tree, set);
            break;
        case Runner::Dbmate:
            discover_dbmate(tree, set);
            break;
        case Runner::Flyway:
            discover_flyway(tree, set);
            break;
        case Runner::Sqitch:
            discover_sqitch(tree, set);
            break;
        case Runner::Diesel:
            discover_diesel(tree, set);
            break;
        case Runner::Sqlx:
            discover_sqlx(tree, set);
            break;
        case Runner::Prisma:
            discover_prisma(tree, set);
            break;
        case Runner::Rails:
        case Runner::Alembic:
        case Runner::Django:
        case Runner::Knex:
        case Runner::NodePgMigrate:
            discover_host(tree, set.runner, options.extract_host, set);
            break;
    }
    return set;
}

}  // namespace migsafe::migration
