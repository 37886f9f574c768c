#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

namespace migsafe::migration {

// For one file named on the command line (pre-commit passes files, not directories): the
// migrations directory it belongs to, when its own name, place or first lines say it is a
// migration of a runner (goose or dbmate markers, golang-migrate / sqlx / Flyway names, Diesel
// and Prisma directory shapes, sqitch deploy/revert, a host-language file). nullopt for a plain
// SQL file: it is checked on its own, and no directory is walked for it.
// A Ruby, Python, JavaScript or TypeScript file: a migration only if a host-language runner's
// layout claims it.
bool is_host_language_file(const std::filesystem::path& file);

std::optional<std::filesystem::path> migration_root_of(const std::filesystem::path& file,
                                                       std::string_view head);

}  // namespace migsafe::migration
