#include "lsp/document_options.hpp"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;
using migsafe::lsp::options_for_document;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("migsafe-lsp-options-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
        fs::create_directories(path / "db" / "migrations");
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void write(const fs::path& relative, const std::string& text) const {
        std::ofstream(path / relative) << text;
    }
};

}  // namespace

TEST_CASE("lsp options: the nearest migsafe.toml above the document is applied") {
    const TempDir dir;
    dir.write("migsafe.toml", "pg_version = 12\n");
    const auto found = options_for_document(dir.path / "db" / "migrations" / "0001.sql", "/");
    CHECK(found.options.pg_version == 12);
    REQUIRE(found.config_file.has_value());
    CHECK(found.config_file->filename() == "migsafe.toml");
    CHECK_FALSE(found.problem.has_value());
}

TEST_CASE("lsp options: a broken config is reported and the defaults are used") {
    const TempDir dir;
    dir.write("migsafe.toml", "no-such-key = 1\n");
    const auto found = options_for_document(dir.path / "db" / "0001.sql", "/");
    CHECK(found.problem.has_value());
    CHECK(found.options.pg_version == migsafe::kDefaultPgVersion);
}

TEST_CASE("lsp options: a document without a path uses the workspace directory") {
    const TempDir dir;
    dir.write("migsafe.toml", "pg_version = 13\n");
    const auto found = options_for_document(std::nullopt, dir.path);
    CHECK(found.options.pg_version == 13);
}
