// End-to-end: the sheetgen binary's validate command.
#include <catch2/catch.hpp>

#include <sstream>

#include "test_support.hpp"

using sheetgen::test::run_sheetgen;
using sheetgen::test::source_path;
using sheetgen::test::TempDir;
using sheetgen::test::write_file;

namespace {
std::string q(const std::string& s) { return "'" + s + "'"; }
std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> r;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) r.push_back(l);
    return r;
}
}  // namespace

TEST_CASE("validate: all samples are valid", "[cli][validate]") {
    auto r = run_sheetgen("validate " + q(source_path("samples")));
    CHECK(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(r.err == "12 profiles checked: 12 valid\n");
}

TEST_CASE("validate: samples/invalid gives one line per problem and exit 1", "[cli][validate]") {
    auto r = run_sheetgen("validate " + q(source_path("samples/invalid")));
    CHECK(r.exit_code == 1);
    auto out = lines(r.out);
    // Every line is file:line:column: message or file: message, for a file in samples/invalid.
    for (const auto& l : out) {
        INFO(l);
        CHECK(l.rfind(source_path("samples/invalid/"), 0) == 0);
        CHECK(l.find(".yaml") != std::string::npos);
    }
    // Each file's expected lines are in the README (which uses bare file names).
    std::string readme = sheetgen::test::read_file(source_path("samples/invalid/README.md"));
    size_t prefix = source_path("samples/invalid/").size();
    for (const auto& l : out) {
        std::string bare = l.substr(prefix);
        auto at = bare.find("already used by ");
        if (at != std::string::npos) {
            CHECK_THAT(bare, Catch::StartsWith("duplicate-id-b.yaml:3:5: duplicate id 'tama-dup': already used by " +
                                               source_path("samples/invalid/duplicate-id-a.yaml:3:5")));
            continue;
        }
        INFO(bare);
        CHECK(readme.find("`" + bare + "`") != std::string::npos);
    }
    // 27 broken files; anchor-alias.yaml and denormal-magnitudes.yaml give 2 lines, duplicate-id-a.yaml none.
    CHECK(out.size() == 29);
    CHECK(r.err == "28 profiles checked: 1 valid, 27 invalid\n");
}

TEST_CASE("validate: duplicate ids across files", "[cli][validate]") {
    auto r = run_sheetgen("validate " + q(source_path("samples/tama-001.yaml")) + " " +
                          q(source_path("samples/invalid/duplicate-id-a.yaml")) + " " +
                          q(source_path("samples/invalid/duplicate-id-b.yaml")));
    CHECK(r.exit_code == 1);
    CHECK(lines(r.out).size() == 1);
    CHECK_THAT(r.out, Catch::Contains("duplicate-id-b.yaml:3:5: duplicate id 'tama-dup'"));
    CHECK(r.err == "3 profiles checked: 2 valid, 1 invalid\n");
}

TEST_CASE("validate: the same file twice is a duplicate id", "[cli][validate]") {
    std::string f = q(source_path("samples/tama-002.yaml"));
    auto r = run_sheetgen("validate " + f + " " + f);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.out, Catch::Contains("duplicate id 'tama-002'"));
}

TEST_CASE("validate: --quiet drops the summary, not the problems", "[cli][validate]") {
    auto ok = run_sheetgen("validate --quiet " + q(source_path("samples")));
    CHECK(ok.exit_code == 0);
    CHECK(ok.out.empty());
    CHECK(ok.err.empty());
    auto bad = run_sheetgen("validate -q " + q(source_path("samples/invalid/bad-date.yaml")));
    CHECK(bad.exit_code == 1);
    CHECK(bad.out == source_path("samples/invalid/bad-date.yaml") +
                         ":4:10: updated '2023-02-30' is not a real calendar date (that month has only 28 days)\n");
    CHECK(bad.err.empty());
}

TEST_CASE("validate: missing path is reported, exit 1", "[cli][validate]") {
    TempDir dir;
    auto r = run_sheetgen("validate " + q(dir.file("nope.yaml")));
    CHECK(r.exit_code == 1);
    CHECK(r.out == dir.file("nope.yaml") + ": no such file or directory\n");
}

TEST_CASE("validate: usage errors exit 2", "[cli][validate]") {
    auto none = run_sheetgen("validate");
    CHECK(none.exit_code == 2);
    CHECK_THAT(none.err, Catch::Contains("no profile paths given") && Catch::Contains("see sheetgen validate --help"));
    auto unknown = run_sheetgen("validate --frobnicate " + q(source_path("samples")));
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("unknown option --frobnicate"));
    auto help = run_sheetgen("validate --help");
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::StartsWith("usage: sheetgen validate"));
}

TEST_CASE("validate: hostile inputs never crash the process", "[cli][validate]") {
    TempDir dir;
    std::string deep;
    for (int i = 0; i < 2500; ++i) deep += std::string(i % 200, ' ') + "a:\n";
    write_file(dir.file("deep.yaml"), deep);
    write_file(dir.file("flow.yaml"), "a: " + std::string(50000, '{') + "\n");
    write_file(dir.file("bin.yaml"), std::string("\0\1\2\3\xff\xfe", 6));
    write_file(dir.file("bomb.yaml"), "a: &a [x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b]\n");
    auto r = run_sheetgen("validate " + q(dir.path()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("4 profiles checked: 0 valid, 4 invalid"));
}
