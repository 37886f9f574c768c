#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace migsafe::code {

// Glob over '/'-separated paths: `*` and `?` stay within one path segment, `**/` matches any
// number of directories (none included), a trailing `/**` anything below.
bool glob_match(std::string_view pattern, std::string_view path);

// The globs of files whose references do not count: migrations, tests, generated schema dumps,
// vendored dependencies. (schema.prisma is not among them: it is where Prisma models live.)
const std::vector<std::string>& default_ignored_globs();

// Whether `path` (relative to the repository root) matches a default glob or one of
// `extra_globs` (from configuration).
bool is_ignored_path(std::string_view path, const std::vector<std::string>& extra_globs);

}  // namespace migsafe::code
