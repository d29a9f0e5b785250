// CTest runs each Catch test by name, and CMake cuts a name at ';' (its list
// separator): such a test matched nothing, and passed without running (21
// tests did). Every test name must survive the trip; tests/CMakeLists.txt
// also passes `-w NoTests`, so a mangled name fails instead of passing. A
// backslash is Catch's escape in a test spec: the name no longer matches
// itself, and the test fails under CTest while passing when run by hand.
#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "test_support.hpp"

namespace fs = std::filesystem;

TEST_CASE("every test name reaches CTest whole: no semicolon or backslash in a TEST_CASE name", "[common][tests]") {
    const std::regex test_case(R"re(TEST_CASE\(\s*"((?:[^"\\]|\\.)*)")re");
    size_t names = 0;
    std::vector<std::string> bad;
    for (const auto& e : fs::recursive_directory_iterator(sheetgen::test::source_path("tests"))) {
        if (e.path().extension() != ".cpp") continue;
        const std::string text = sheetgen::test::read_file(e.path().string());
        for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
            ++names;
            // An escaped quote (\") is a plain quote in the name, which Catch matches.
            const std::string name = std::regex_replace((*it)[1].str(), std::regex(R"(\\")"), "\"");
            if (name.find_first_of(";\\") != std::string::npos) bad.push_back(e.path().filename().string() + ": " + name);
        }
    }
    CHECK(names > 300);  // the scan found the suite
    for (const auto& b : bad) UNSCOPED_INFO(b);  // shown with the next assertion
    CHECK(bad.empty());
}
