// The hostile-input corpus: every case asserts the exact outcome (exit code,
// a message naming the file and, where one exists, the line), and that other
// households are still processed. Generated here so the corpus needs no
// binary blobs in git.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

#include "cli/cli_fixtures.hpp"

using namespace sheetgen::test;

namespace {

struct Case {
    std::string name;
    std::string bytes;
    std::string expect;  // substring of the message
};

std::string nested_flow(int depth) { return "x: " + std::string(depth, '[') + std::string(depth, ']') + "\n"; }

std::string nested_block(int depth) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += std::string(i % 200, ' ') + "k" + std::to_string(i) + ":\n";
    return s;
}

std::string alias_bomb() {
    std::string s = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 30; ++i) {
        s += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) s += (k ? ", *a" : "*a") + std::to_string(i - 1);
        s += "]\n";
    }
    return s;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("Hostile profiles get a clear message and exit 1, never a crash", "[cli][hostile]") {
    const std::string good = minimal_profile();
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("schema: sheetgen/profile-v1\n")) {
        utf16 += c;
        utf16 += '\0';
    }
    std::string garbage;
    unsigned x = 12345;
    for (int i = 0; i < 4096; ++i) {
        x = x * 1103515245u + 12345u;
        garbage += static_cast<char>(x >> 16);
    }
    std::vector<Case> cases = {
        {"deep-flow.yaml", nested_flow(100000), "nest"},
        {"deep-block.yaml", nested_block(5000), "nest"},
        {"alias-bomb.yaml", alias_bomb(), "alias"},
        {"garbage.yaml", garbage, "UTF-8"},
        {"nul.yaml", std::string("schema: sheetgen/profile-v1\nid: a\0b\n", 36), "NUL"},
        {"utf16.yaml", utf16, "UTF-16"},
        {"shift-jis.yaml", replace(good, "多摩 花子", "\x91\xbd\x96\x80 \x89\xd4\x8e\x71"), "Shift_JIS"},
        {"tabs.yaml", replace(good, "  name: 多摩 花子", "\tname: 多摩 花子"), "tab"},
        {"swapped.yaml", replace(good, "{lat: 35.630500, lon: 139.448000}", "{lat: 139.448, lon: 35.6305}"), "swap"},
        {"nan.yaml", replace(good, "watts: 30", "watts: .nan"), "watts"},
        {"inf.yaml", replace(good, "watts: 30", "watts: .inf"), "watts"},
        {"huge.yaml", replace(good, "watts: 30", "watts: 1e400"), "watts"},
        {"bad-date.yaml", replace(good, "updated: 2026-04-01", "updated: 2023-02-30"), "2023-02-30"},
        {"traversal-id.yaml", replace(good, "id: t-001", "id: ../../etc/passwd"), "id"},
        {"device-name-id.yaml", replace(good, "id: t-001", "id: CON"), "CON"},
        {"list.yaml", "- a\n- b\n", "mapping"},
        {"empty.yaml", "", "empty"},
    };
    TempDir dir;
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            write_file(dir.file(c.name), c.bytes);
            auto r = run_sheetgen("validate " + q(dir.file(c.name)));
            INFO(r.out << r.err);
            CHECK(r.exit_code == 1);
            CHECK(r.out.find(c.name) != std::string::npos);  // names the file
            // The expected word appears (case-insensitive for the first letter).
            std::string all = r.out + r.err;
            bool found = all.find(c.expect) != std::string::npos;
            if (!found && !c.expect.empty()) {
                std::string alt = c.expect;
                alt[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(alt[0])));
                found = all.find(alt) != std::string::npos;
            }
            CHECK(found);
        }
    }
}

TEST_CASE("A BOM and CRLF line ends are accepted", "[cli][hostile]") {
    TempDir dir;
    std::string crlf;
    for (char c : minimal_profile()) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    write_file(dir.file("bom.yaml"), "\xEF\xBB\xBF" + minimal_profile("t-bom"));
    write_file(dir.file("crlf.yaml"), crlf);
    auto r = run_sheetgen("validate " + q(dir.path()));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
}

TEST_CASE("A 1 GB profile is refused by size without reading it", "[cli][hostile]") {
    TempDir dir;
    std::string big = dir.file("huge.yaml");
    int fd = ::open(big.c_str(), O_CREAT | O_WRONLY, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::ftruncate(fd, 1LL << 30) == 0);  // sparse: costs no disk
    ::close(fd);
    auto r = run_sheetgen("validate " + q(big));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("huge.yaml") != std::string::npos);
}
