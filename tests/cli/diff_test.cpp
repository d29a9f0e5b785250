// End to end: `sheetgen diff` from the command line. A list written by
// today's `sheetgen flag` (CSV, GeoJSON, GeoPackage) read back with
// --before-list gives `unchanged` for every household; exit codes.
#include <catch2/catch.hpp>

#include <sstream>
#include <sys/wait.h>

#include "cli/cli_fixtures.hpp"

using namespace sheetgen::test;

namespace {

// change_codes of every data row (the 24th column; the cells before it hold no comma here).
std::vector<std::string> change_codes(const std::string& csv) {
    std::vector<std::string> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        size_t at = 0;
        for (int i = 0; i < 23; ++i) at = line.find(',', at) + 1;
        out.push_back(line.substr(at, line.find(',', at) - at));
    }
    return out;
}

}  // namespace

TEST_CASE("cli diff: flag's CSV, GeoJSON and GeoPackage as --before-list give unchanged for every sample") {
    TempDir dir;
    const std::string flag = "flag --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) +
                             " --date 2026-05-01 -q -o " + q(dir.file("old.csv")) + " --geojson " +
                             q(dir.file("old.geojson")) + " --gpkg " + q(dir.file("old.gpkg"));
    RunResult f = run_sheetgen(flag);
    REQUIRE(f.exit_code == 0);
    for (const char* list : {"old.csv", "old.geojson", "old.gpkg"}) {
        INFO(list);
        const std::string out = dir.file(std::string("changes-") + list + ".csv");
        RunResult r = run_sheetgen("diff --before-list " + q(dir.file(list)) + " --after " + q(sample_hazards()) +
                                   " " + q(source_path("samples")) + " --date 2026-05-01 -q -o " + q(out));
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
        CHECK(r.out.find("unchanged: 12") != std::string::npos);
        CHECK(r.out.find("plans to redo now: 0") != std::string::npos);
        const auto codes = change_codes(read_file(out));
        CHECK(codes.size() == 12);
        for (const auto& c : codes) CHECK(c == "unchanged");
    }
}

TEST_CASE("cli diff: two configs, the shelters CSV, the summary by id, exit codes") {
    TempDir dir;
    write_file(dir.file("moved.yaml"), minimal_profile("t-moved", 35.6450, 139.4460));
    RunResult r = run_sheetgen("diff --before " + q(sample_hazards()) + " --after " + q(sample_hazards()) + " " +
                               q(source_path("samples")) + " " + q(dir.file("moved.yaml")) +
                               " --date 2026-05-01 -q -o " + q(dir.file("c.csv")));
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("13 households compared") != std::string::npos);
    CHECK(r.out.find("unchanged: 13") != std::string::npos);
    CHECK(r.out.find("shelter changes: 0") != std::string::npos);
    CHECK(file_exists(dir.file("c-shelters.csv")));
    CHECK(r.out.find("多摩") == std::string::npos);  // no names on the terminal

    // An invalid profile: reported, skipped, exit 1.
    write_file(dir.file("bad.yaml"), "schema: sheetgen/profile-v1\nid: [\n");
    r = run_sheetgen("diff --before " + q(sample_hazards()) + " --after " + q(sample_hazards()) + " " +
                     q(dir.file("moved.yaml")) + " " + q(dir.file("bad.yaml")) + " -q -o " + q(dir.file("c2.csv")));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("bad.yaml:") != std::string::npos);

    // Usage: no --after; both befores; an output over an input.
    r = run_sheetgen("diff --before " + q(sample_hazards()) + " " + q(dir.file("moved.yaml")) + " -o " +
                     q(dir.file("c3.csv")));
    CHECK(r.exit_code == 2);
    r = run_sheetgen("diff --before " + q(sample_hazards()) + " --before-list " + q(dir.file("c.csv")) +
                     " --after " + q(sample_hazards()) + " " + q(dir.file("moved.yaml")) + " -o " + q(dir.file("c4.csv")));
    CHECK(r.exit_code == 2);
    r = run_sheetgen("diff --before " + q(sample_hazards()) + " --after " + q(sample_hazards()) + " " +
                     q(dir.file("moved.yaml")) + " -o " + q(dir.file("moved.yaml")));
    CHECK(r.exit_code == 2);
    CHECK(read_file(dir.file("moved.yaml")).find("t-moved") != std::string::npos);
    // A list that is not a flag list: exit 3, nothing written.
    write_file(dir.file("other.csv"), "a,b\r\n1,2\r\n");
    r = run_sheetgen("diff --before-list " + q(dir.file("other.csv")) + " --after " + q(sample_hazards()) + " " +
                     q(dir.file("moved.yaml")) + " -o " + q(dir.file("c5.csv")));
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("other.csv") != std::string::npos);
    CHECK_FALSE(file_exists(dir.file("c5.csv")));

    r = run_sheetgen("diff --help");
    CHECK(r.exit_code == 0);
    CHECK(r.out.find("--before-list") != std::string::npos);
    r = run_sheetgen("--help");
    CHECK(r.out.find("diff") != std::string::npos);
}

// diff's map page reads Leaflet where flag's does ($SHEETGEN_LEAFLET_DIR, one
// helper for both): a directory without it stops the run before anything is written.
TEST_CASE("cli diff --html: Leaflet is read from $SHEETGEN_LEAFLET_DIR, as for flag", "[cli][html]") {
    TempDir dir;
    int status = 0;
    const std::string out =
        capture("SHEETGEN_LEAFLET_DIR=" + q(dir.file("no-leaflet")) + " " + q(SHEETGEN_BINARY) + " diff --before " +
                    q(sample_hazards()) + " --after " + q(sample_hazards()) + " " + q(source_path("samples")) +
                    " --date 2026-05-01 -q -o " + q(dir.file("c.csv")) + " --html " + q(dir.file("c.html")) + " 2>&1",
                &status);
    INFO(out);
    CHECK(WEXITSTATUS(status) == 3);
    CHECK(out.find(dir.file("no-leaflet") + "/leaflet.js") != std::string::npos);
    CHECK_FALSE(file_exists(dir.file("c.html")));
    CHECK_FALSE(file_exists(dir.file("c.csv")));
}
