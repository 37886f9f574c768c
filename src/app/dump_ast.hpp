#pragma once

#include <iosfwd>
#include <string>

namespace migsafe {

// `migsafe dump-ast FILE`: each statement's span, origin, lock facts and libpg_query parse tree
// (JSON), for rule authors.
int run_dump_ast(const std::string& path, std::ostream& out, std::ostream& err);

}  // namespace migsafe
