// Hazard sources that block, lie or mislead: a FIFO in place of a layer, a
// shelter with neither id nor name, a Shift_JIS CSV whose field names arrive
// as raw bytes.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

namespace {

// A shelters layer from a CSV (lon/lat columns), flood-usable, around
// minimal_profile()'s home at (35.6305, 139.4480).
std::string shelter_config(const std::string& source, const std::string& extra = "") {
    return "layers:\n"
           "  - name: S\n"
           "    source: " + source + "\n"
           "    kind: shelters\n"
           "    crs: EPSG:4326\n"
           "    x_field: lon\n"
           "    y_field: lat\n"
           "    address_field: null\n"
           "    landslide_field: null\n"
           "    earthquake_field: null\n"
           "    inland_flood_field: null\n" + extra;
}

struct Dir {
    TempDir dir;
    Dir() { write_file(dir.file("h.yaml"), minimal_profile("h-001")); }
    RunResult flag(const std::string& config, const std::string& prefix = "") {
        write_file(dir.file("cfg.yaml"), config);
        return run_shell(prefix + q(sheetgen_binary()) + " flag --hazards " + q(dir.file("cfg.yaml")) + " " +
                         q(dir.file("h.yaml")) + " -o " + q(dir.file("out.csv")) + " --date 2026-11-24 -q");
    }
};

}  // namespace

TEST_CASE("A layer source that is a FIFO is refused, not waited on", "[cli][hostile][hazards]") {
    Dir d;
    REQUIRE(::mkfifo(d.dir.file("zones.geojson").c_str(), 0600) == 0);
    // `timeout` only so that a regression fails instead of hanging the suite.
    RunResult r = d.flag("layers:\n  - name: L\n    source: zones.geojson\n    kind: flood_depth\n", "timeout -k 5 20 ");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(d.dir.file("cfg.yaml") +
                     ":3:13: layer 'L': source 'zones.geojson' is a FIFO (named pipe), not a file") !=
          std::string::npos);
    CHECK_FALSE(file_exists(d.dir.file("out.csv")));
}

TEST_CASE("A hazard config, template or font that is a FIFO is refused", "[cli][hostile][hazards]") {
    Dir d;
    REQUIRE(::mkfifo(d.dir.file("fifo").c_str(), 0600) == 0);
    RunResult r = run_shell("timeout -k 5 20 " + q(sheetgen_binary()) + " flag --hazards " + q(d.dir.file("fifo")) + " " +
                            q(d.dir.file("h.yaml")) + " -o " + q(d.dir.file("out.csv")) + " -q");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(d.dir.file("fifo") + ": is a FIFO (named pipe), not a hazard config file") != std::string::npos);
    RunResult t = run_shell("timeout -k 5 20 " + q(sheetgen_binary()) + " render --hazards " + q(sample_hazards()) +
                            " --template " + q(d.dir.file("fifo")) + " --out " + q(d.dir.file("out")) + " " +
                            q(d.dir.file("h.yaml")) + " -q");
    INFO(t.out << t.err);
    CHECK(t.exit_code == 3);
    CHECK(t.err.find(d.dir.file("fifo") + ": is a FIFO (named pipe), not a template file file") != std::string::npos);
}

TEST_CASE("A shelter with neither id nor name is skipped with a located warning", "[cli][hostile][hazards]") {
    Dir d;
    // Feature 1: nameless, ~140 m from the home. Feature 2: named, ~400 m away.
    // Both outside the small flood zone around the home.
    write_file(d.dir.file("shelters.csv"),
               "共通ID,施設・場所名,洪水,lon,lat\n"
               ",,1,139.4495,35.6305\n"
               "S2,第二小学校,1,139.4524,35.6305\n");
    // The home lies in a 0.5-3 m flood zone, so a shelter is recommended.
    write_file(d.dir.file("zones.geojson"),
               R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"depth":"2"},)"
               R"("geometry":{"type":"Polygon","coordinates":[[[139.447,35.6295],[139.449,35.6295],[139.449,35.6315],)"
               R"([139.447,35.6315],[139.447,35.6295]]]}}]})");
    RunResult r = d.flag(shelter_config("shelters.csv") +
                         "  - name: F\n    source: zones.geojson\n    kind: flood_depth\n    field: depth\n"
                         "    preset: a31a_depth\n");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find(d.dir.file("cfg.yaml") + ":2:5: warning: layer 'S': feature 1: neither id nor name, skipped") !=
          std::string::npos);
    const std::string csv = read_file(d.dir.file("out.csv"));
    INFO(csv);
    // The recommendation names the shelter at ~400 m, never a blank one at 50 m.
    CHECK(csv.find(",第二小学校,") != std::string::npos);
    CHECK(csv.find("避難場所：（") == std::string::npos);
}

TEST_CASE("Field names that are not UTF-8 are named as such, not printed as raw bytes", "[cli][hostile][hazards]") {
    Dir d;
    // 共通ID / 施設・場所名 / 洪水 in Shift_JIS, as Excel saves a CSV.
    write_file(d.dir.file("shelters.csv"),
               "NO,\x8b\xa4\x92\xca" "ID,\x8e\x7b\x90\xdd\x81\x45\x8f\xea\x8f\x8a\x96\xbc,\x8d\x5e\x90\x85,lon,lat\n"
               "1,S1,x,1,139.4485,35.6305\n");
    RunResult r = d.flag(shelter_config("shelters.csv"));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(d.dir.file("cfg.yaml") +
                     ":2:5: layer 'S': field '共通ID' not found in source 'shelters.csv': 3 of its field names are "
                     "not UTF-8 (they look like Shift_JIS / CP932). Save the file as UTF-8") != std::string::npos);
    CHECK(r.err.find("fields: NO, (not UTF-8), (not UTF-8), (not UTF-8), lon, lat") != std::string::npos);
    // No raw Shift_JIS byte reaches the terminal.
    CHECK(r.err.find('\x8b') == std::string::npos);
}
