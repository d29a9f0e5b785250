// CTest runs each Catch test by name, and CMake cuts a name at ';' (its list
// separator): such a test matched nothing, and passed without running (21
// tests did). Every test name must survive the trip; tests/CMakeLists.txt
// also passes `-w NoTests`, so a mangled name fails instead of passing.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("every test name reaches CTest whole: no semicolon in a TEST_CASE name", "[common][tests]") {
    const std::regex test_case(R"re(TEST_CASE\(\s*"((?:[^"\\]|\\.)*)")re");
    size_t names = 0;
    std::vector<std::string> bad;
    for (const auto& e : fs::recursive_directory_iterator(sheetgen::test::source_path("tests"))) {
        if (e.path().extension() != ".cpp") continue;
        const std::string text = sheetgen::test::read_file(e.path().string());
        for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
            ++names;
            if ((*it)[1].str().find(';') != std::string::npos) bad.push_back(e.path().filename().string() + ": " + (*it)[1].str());
        }
    }
    for (const auto& b : bad) UNSCOPED_INFO(b);
    CHECK(names > 300);  // the scan found the suite
    CHECK(bad.empty());
}
