// read_file_limited: the one way configs, templates and fonts are read, so a
// path at /dev/zero, a directory or a huge file is a located InputError.
#include <catch2/catch.hpp>

#include <chrono>

#include "common/error.hpp"
#include "common/read_file.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {

// The InputError message for reading `path`, or "" when it did not throw.
std::string error_of(const std::string& path, size_t limit, const std::string& what) {
    try {
        read_file_limited(path, limit, what);
    } catch (const InputError& e) {
        CHECK(e.where().file == path);
        CHECK(e.where().line == 0);
        return e.message();
    }
    return "";
}

}  // namespace

TEST_CASE("read_file_limited returns a file up to the limit byte for byte", "[common][read_file]") {
    test::TempDir dir;
    const std::string bytes = std::string("a\0b\r\n\xff", 6) + std::string(1024 - 6, 'x');
    test::write_file(dir.file("exact"), bytes);
    CHECK(read_file_limited(dir.file("exact"), 1024, "template") == bytes);  // exactly the limit
    test::write_file(dir.file("empty"), "");
    CHECK(read_file_limited(dir.file("empty"), 1024, "template").empty());
    const std::string big(200 * 1024, 'y');  // larger than one 64 KiB read chunk
    test::write_file(dir.file("big"), big);
    CHECK(read_file_limited(dir.file("big"), big.size(), "font") == big);
}

TEST_CASE("read_file_limited refuses one byte over the limit", "[common][read_file]") {
    test::TempDir dir;
    test::write_file(dir.file("over"), std::string(1025, 'x'));
    CHECK(error_of(dir.file("over"), 1024, "template") == "template is larger than 1 KiB; is this really a template?");
    test::write_file(dir.file("over-mib"), std::string(2 * 1024 * 1024 + 1, 'x'));
    CHECK(error_of(dir.file("over-mib"), 2 * 1024 * 1024, "hazard config") ==
          "hazard config is larger than 2 MiB; is this really a hazard config?");
}

TEST_CASE("read_file_limited stops an endless file at the limit", "[common][read_file]") {
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(error_of("/dev/zero", 1024 * 1024, "font") == "font is larger than 1 MiB; is this really a font?");
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
}

TEST_CASE("read_file_limited names directories and missing files", "[common][read_file]") {
    test::TempDir dir;
    CHECK(error_of(dir.path(), 1024, "template") == "is a directory, not a template");
    CHECK(error_of(dir.file("missing.yaml"), 1024, "template") ==
          "cannot open template: No such file or directory");
}
