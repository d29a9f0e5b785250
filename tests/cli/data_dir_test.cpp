// Where the binary finds its default templates: $SHEETGEN_DATA_DIR, then the
// install layout beside the binary, then (build tree only) the source tree.
// tests/install/install_test.sh checks the same on a real installed copy.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/data_dir.hpp"
#include "test_support.hpp"

using namespace sheetgen::cli;

TEST_CASE("choose_data_dir: environment, then the install location, then the source tree", "[cli][install]") {
    sheetgen::test::TempDir tmp;
    std::filesystem::create_directories(tmp.file("prefix/bin"));
    std::filesystem::create_directories(tmp.file("prefix/share/sheetgen"));
    DataDirSources s;
    s.exe_path = tmp.file("prefix/bin/sheetgen");
    s.exe_to_data = "../share/sheetgen";
    s.source_dir = "/src/sheetgen";

    SECTION("installed: share/sheetgen beside the binary wins over the source tree") {
        CHECK(choose_data_dir(s) == tmp.file("prefix/share/sheetgen"));
    }
    SECTION("the environment variable wins over everything") {
        s.env_dir = "/opt/data";
        CHECK(choose_data_dir(s) == "/opt/data");
    }
    SECTION("a build-tree binary (no share/sheetgen beside it) falls back to the source tree") {
        s.exe_path = tmp.file("build/generator/cli/sheetgen");
        CHECK(choose_data_dir(s) == "/src/sheetgen");
    }
    SECTION("with the fallback off, the install location is named even when missing") {
        s.exe_path = tmp.file("build/generator/cli/sheetgen");
        s.source_fallback = false;
        CHECK(choose_data_dir(s) == tmp.file("build/generator/share/sheetgen"));
    }
    SECTION("no known binary path and no fallback") {
        s.exe_path.clear();
        s.source_fallback = false;
        CHECK(choose_data_dir(s) == "../share/sheetgen");
    }
}

TEST_CASE("data_path of this test binary follows SHEETGEN_DATA_DIR", "[cli][install]") {
    // The test binary is in the build tree: without the variable it uses the source tree.
    ::unsetenv("SHEETGEN_DATA_DIR");
    ::unsetenv("SHEETGEN_NO_SOURCE_FALLBACK");
    CHECK(data_path("templates/support-sheet.yaml") == sheetgen::test::source_path("templates/support-sheet.yaml"));
    ::setenv("SHEETGEN_DATA_DIR", "/elsewhere", 1);
    CHECK(data_path("templates/x.yaml") == "/elsewhere/templates/x.yaml");
    ::unsetenv("SHEETGEN_DATA_DIR");
}
