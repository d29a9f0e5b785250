#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/cli_fixtures.hpp"

using namespace sheetgen::test;

TEST_CASE("render --changed-only renders just the households whose plans a revision changed", "[cli][diff][render]") {
    TempDir dir;
    // Two households: one inside the sample flood zone, one far outside any zone.
    std::filesystem::create_directories(dir.file("p"));
    write_file(dir.file("p/in.yaml"), minimal_profile("in-1"));
    write_file(dir.file("p/out.yaml"), minimal_profile("out-1", 35.6000, 139.5200));
    const std::string common = " --date 2026-11-28 -q " + q(dir.file("p"));
    RunResult flag = run_sheetgen("flag --hazards " + q(sample_hazards()) + " -o " + q(dir.file("before.csv")) + common);
    REQUIRE(flag.exit_code == 0);
    // Today against the list just saved: every plan unchanged.
    RunResult diff = run_sheetgen("diff --before-list " + q(dir.file("before.csv")) + " --after " + q(sample_hazards()) +
                                  " -o " + q(dir.file("changes.csv")) + common);
    INFO(diff.err);
    REQUIRE(diff.exit_code == 0);
    // Unchanged lists: nothing to re-render.
    RunResult none = run_sheetgen("render --hazards " + q(sample_hazards()) + " --changed-only " +
                                  q(dir.file("changes.csv")) + " --out " + q(dir.file("out0")) + common);
    INFO(none.out << none.err);
    CHECK(none.exit_code == 0);
    CHECK_FALSE(file_exists(dir.file("out0/in-1.pdf")));
    CHECK_FALSE(file_exists(dir.file("out0/out-1.pdf")));

    // A changes list naming in-1 as changed (as diff writes it).
    std::string changes = read_file(dir.file("changes.csv"));
    const auto at = changes.find("in-1,");
    REQUIRE(at != std::string::npos);
    const auto end = changes.find("\r\n", at);
    std::string row = changes.substr(at, end - at);
    const auto u = row.find(",unchanged,");
    REQUIRE(u != std::string::npos);
    row.replace(u, std::string(",unchanged,").size(), ",entered_zone,");
    changes.replace(at, end - at, row);
    write_file(dir.file("changes2.csv"), changes);
    RunResult some = run_sheetgen("render --hazards " + q(sample_hazards()) + " --changed-only " +
                                  q(dir.file("changes2.csv")) + " --out " + q(dir.file("out1")) + common);
    INFO(some.out << some.err);
    CHECK(some.exit_code == 0);
    CHECK(file_exists(dir.file("out1/in-1.pdf")));
    CHECK_FALSE(file_exists(dir.file("out1/out-1.pdf")));

    RunResult bad = run_sheetgen("render --hazards " + q(sample_hazards()) + " --changed-only " +
                                 q(dir.file("before.csv")) + " --out " + q(dir.file("out2")) + common);
    CHECK(bad.exit_code == 3);  // a flag list is not a changes list: said, nothing rendered
    CHECK_THAT(bad.err, Catch::Contains("change_codes"));
}
