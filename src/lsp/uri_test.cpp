#include "lsp/uri.hpp"

#include <doctest/doctest.h>

using migsafe::lsp::uri_to_path;

TEST_CASE("lsp uri: file URIs become local paths, percent-decoded") {
    CHECK(uri_to_path("file:///tmp/db/0001_init.sql") ==
          std::filesystem::path("/tmp/db/0001_init.sql"));
    CHECK(uri_to_path("file:///tmp/my%20db/caf%C3%A9.sql") ==
          std::filesystem::path("/tmp/my db/caf\xC3\xA9.sql"));
    CHECK(uri_to_path("file://localhost/x.sql") == std::filesystem::path("/x.sql"));
}

TEST_CASE("lsp uri: other schemes and remote hosts have no local path") {
    CHECK_FALSE(uri_to_path("untitled:Untitled-1").has_value());
    CHECK_FALSE(uri_to_path("file://server/share/x.sql").has_value());
    CHECK(uri_to_path("file:///a%2") == std::filesystem::path("/a%2"));
}
