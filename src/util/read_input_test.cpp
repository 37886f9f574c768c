#include "util/read_input.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using migsafe::InputError;
using migsafe::read_input;
using migsafe::read_input_stream;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path =
            fs::temp_directory_path() / ("migsafe-read-input-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(reinterpret_cast<uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return path / name;
    }
};

// The error of a read that must fail, checked to name the file.
InputError error_of(const migsafe::ReadResult& result, const std::string& display) {
    REQUIRE(std::holds_alternative<InputError>(result));
    const InputError& error = std::get<InputError>(result);
    CHECK(error.message.rfind(display + ": ", 0) == 0);
    CHECK(error.message.find('\n') == std::string::npos);
    return error;
}

}  // namespace

TEST_CASE("read_input: a regular file is read whole, bytes unchanged") {
    const TempDir dir;
    const std::string bytes = std::string("SELECT 1;\n\0\xff", 12);
    const auto result = read_input(dir.write("a.sql", bytes), "a.sql");
    REQUIRE(std::holds_alternative<std::string>(result));
    CHECK(std::get<std::string>(result) == bytes);
    const auto empty = read_input(dir.write("e.sql", ""), "e.sql");
    REQUIRE(std::holds_alternative<std::string>(empty));
    CHECK(std::get<std::string>(empty).empty());
}

TEST_CASE("read_input: a file over the limit is refused with its name and the limit") {
    const TempDir dir;
    const fs::path file = dir.write("big.sql", std::string(2000, 'x'));
    const InputError error = error_of(read_input(file, "big.sql", 1024), "big.sql");
    CHECK(error.kind == InputError::Kind::TooLarge);
    CHECK(error.message.find("larger than 1024 bytes") != std::string::npos);
    CHECK(std::holds_alternative<std::string>(read_input(file, "big.sql", 2000)));
}

TEST_CASE("read_input: directories, missing files and broken links are named errors") {
    const TempDir dir;
    fs::create_directory(dir.path / "d.sql");
    CHECK(error_of(read_input(dir.path / "d.sql", "d.sql"), "d.sql").kind ==
          InputError::Kind::NotAFile);
    CHECK(error_of(read_input(dir.path / "none.sql", "none.sql"), "none.sql").kind ==
          InputError::Kind::Missing);
    fs::create_symlink(dir.path / "nowhere", dir.path / "link.sql");
    const InputError broken = error_of(read_input(dir.path / "link.sql", "link.sql"), "link.sql");
    CHECK(broken.kind == InputError::Kind::Missing);
    CHECK(broken.message.find("broken symbolic link") != std::string::npos);
}

TEST_CASE("read_input: a file the kernel cannot read is an error, not a crash") {
    // Reading /proc/self/mem at offset 0 fails with EIO, even for root.
    const InputError error = error_of(read_input("/proc/self/mem", "mem"), "mem");
    CHECK(error.kind == InputError::Kind::Unreadable);
}

TEST_CASE("read_input: a FIFO without a writer reads as empty instead of waiting") {
    const TempDir dir;
    REQUIRE(::mkfifo((dir.path / "f.sql").c_str(), 0600) == 0);
    const auto result = read_input(dir.path / "f.sql", "f.sql");
    REQUIRE(std::holds_alternative<std::string>(result));
    CHECK(std::get<std::string>(result).empty());
}

TEST_CASE("read_input: endless character devices are cut off at the limit") {
    const InputError error = error_of(read_input("/dev/zero", "/dev/zero", 1 << 20), "/dev/zero");
    CHECK(error.kind == InputError::Kind::TooLarge);
}

TEST_CASE("read_input_stream: standard input is bounded the same way") {
    std::istringstream small("SELECT 1;");
    const auto ok = read_input_stream(small, "stdin.sql", 100);
    REQUIRE(std::holds_alternative<std::string>(ok));
    CHECK(std::get<std::string>(ok) == "SELECT 1;");
    std::istringstream big(std::string(200000, 'x'));
    CHECK(error_of(read_input_stream(big, "stdin.sql", 100000), "stdin.sql").kind ==
          InputError::Kind::TooLarge);
}
