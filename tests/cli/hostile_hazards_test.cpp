// Hostile hazard data through `sheetgen flag`: broken or missing sources stop
// the run (exit 3) with the config's file:line and write nothing; damaged
// geometry is skipped or repaired with a warning and the run goes on.
// Fixtures are small GeoJSON/CSV files written here.
#include <catch2/catch.hpp>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

namespace {

// A square zone around minimal_profile()'s default location (35.6305, 139.4480).
const char* kZoneFeature =
    R"({"type":"Feature","properties":{"depth":"2"},"geometry":{"type":"Polygon","coordinates":)"
    R"([[[139.44,35.62],[139.46,35.62],[139.46,35.64],[139.44,35.64],[139.44,35.62]]]}})";

std::string feature_collection(const std::vector<std::string>& features) {
    std::string s = R"({"type":"FeatureCollection","features":[)";
    for (size_t i = 0; i < features.size(); ++i) s += (i ? ",\n" : "\n") + features[i];
    return s + "\n]}\n";
}

// Line 1 layers, 2 "- name", 3 source, 4 kind, 5.. `extra`.
std::string layer_config(const std::string& source, const std::string& extra) {
    return "layers:\n  - name: L\n    source: " + source + "\n    kind: flood_depth\n" + extra;
}

struct Fixture {
    TempDir dir;
    Fixture() {
        ::mkdir(dir.file("profiles").c_str(), 0700);
        write_file(dir.file("profiles/h-001.yaml"), minimal_profile("h-001"));
        write_file(dir.file("profiles/h-002.yaml"), minimal_profile("h-002", 35.6600, 139.4200));
    }
    RunResult flag(const std::string& config_text) {
        write_file(dir.file("cfg.yaml"), config_text);
        return run_sheetgen("flag --hazards " + q(dir.file("cfg.yaml")) + " " + q(dir.file("profiles")) + " -o " +
                            q(dir.file("out.csv")) + " --geojson " + q(dir.file("out.geojson")) +
                            " --date 2026-11-24 -q");
    }
    std::string cfg_at(int line) const { return dir.file("cfg.yaml") + ":" + std::to_string(line) + ":"; }
};

void expect_fatal(Fixture& f, const RunResult& r, int line, const std::string& what) {
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(f.cfg_at(line)) != std::string::npos);
    CHECK(r.err.find(what) != std::string::npos);
    CHECK_FALSE(file_exists(f.dir.file("out.csv")));
    CHECK_FALSE(file_exists(f.dir.file("out.geojson")));
    CHECK(temp_files_in(f.dir.path()).empty());
}

void expect_both_flagged(Fixture& f, const RunResult& r) {
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    REQUIRE(file_exists(f.dir.file("out.csv")));
    const std::string csv = read_file(f.dir.file("out.csv"));
    CHECK(csv.find("\nh-001,") != std::string::npos);
    CHECK(csv.find("\nh-002,") != std::string::npos);
    // The GeoJSON is readable by GDAL and holds both households.
    RunResult info = run_shell("ogrinfo -ro -so -al " + q(f.dir.file("out.geojson")));
    INFO(info.out << info.err);
    CHECK(info.exit_code == 0);
    CHECK(info.out.find("Feature Count: 2") != std::string::npos);
}

}  // namespace

TEST_CASE("Unusable hazard sources stop flag with exit 3 at the config line", "[cli][hostile][hazards]") {
    Fixture f;
    SECTION("corrupt shapefile (garbage .shp bytes)") {
        std::string junk;
        unsigned x = 7;
        for (int i = 0; i < 2000; ++i) junk += static_cast<char>((x = x * 1103515245u + 12345u) >> 16);
        write_file(f.dir.file("bad.shp"), junk);
        write_file(f.dir.file("bad.dbf"), "junk");
        expect_fatal(f, f.flag(layer_config("bad.shp", "")), 3, "cannot open source 'bad.shp'");
    }
    SECTION("truncated GeoPackage (first 4 KiB)") {
        write_file(f.dir.file("trunc.gpkg"), read_file(source_path("geodata/tama-sample.gpkg")).substr(0, 4096));
        expect_fatal(f, f.flag(layer_config("trunc.gpkg", "    layer: flood_depth_l2\n")), 3,
                     "cannot open source 'trunc.gpkg'");
    }
    SECTION("missing source") {
        expect_fatal(f, f.flag(layer_config("missing.gpkg", "")), 3, "cannot open source 'missing.gpkg'");
    }
    SECTION("missing layer name: lists the layers that exist") {
        RunResult r = f.flag(layer_config(source_path("geodata/tama-sample.gpkg"), "    layer: flood_depth_l9\n"));
        expect_fatal(f, r, 5, "'flood_depth_l9' not found");
        CHECK(r.err.find("flood_depth_l2") != std::string::npos);
    }
    SECTION("missing mapped field: lists the fields that exist") {
        write_file(f.dir.file("zones.geojson"), feature_collection({kZoneFeature}));
        RunResult r = f.flag(layer_config("zones.geojson", "    field: depht\n    preset: a31a_depth\n"));
        expect_fatal(f, r, 5, "field 'depht' not found");
        CHECK(r.err.find("depth") != std::string::npos);
    }
    SECTION("layer without a CRS") {
        write_file(f.dir.file("zones.csv"),
                   "WKT,depth\n\"POLYGON((139.44 35.62,139.46 35.62,139.46 35.64,139.44 35.64,139.44 35.62))\",2\n");
        expect_fatal(f, f.flag(layer_config("zones.csv", "    field: depth\n    preset: a31a_depth\n")), 2,
                     "has no CRS");
    }
    SECTION("unknown CRS") {
        write_file(f.dir.file("zones.csv"),
                   "WKT,depth\n\"POLYGON((139.44 35.62,139.46 35.62,139.46 35.64,139.44 35.64,139.44 35.62))\",2\n");
        expect_fatal(f, f.flag(layer_config("zones.csv", "    crs: EPSG:999999\n")), 5, "unknown CRS 'EPSG:999999'");
    }
    SECTION("layer placed outside Japan by swapped axes (latitude as x)") {
        write_file(f.dir.file("zones.csv"),
                   "WKT,depth\n\"POLYGON((35.62 139.44,35.62 139.46,35.64 139.46,35.64 139.44,35.62 139.44))\",2\n");
        RunResult r = f.flag(layer_config("zones.csv", "    crs: EPSG:4326\n    field: depth\n    preset: a31a_depth\n"));
        expect_fatal(f, r, 2, "lies entirely outside Japan");
        CHECK(r.err.find("lon 35.62") != std::string::npos);  // the extent is named
    }
    SECTION("a hazard config that is not YAML") {
        expect_fatal(f, f.flag("layers:\n  - name: [unclosed\n"), 3, "YAML");
    }
}

TEST_CASE("Damaged hazard geometry is skipped or repaired with a warning", "[cli][hostile][hazards]") {
    Fixture f;
    SECTION("a layer with zero features warns and the run continues") {
        write_file(f.dir.file("empty.geojson"), feature_collection({}));
        RunResult r = f.flag(layer_config("empty.geojson", ""));
        CHECK(r.err.find(f.cfg_at(2) + "5: warning: layer 'L': no features") != std::string::npos);
        expect_both_flagged(f, r);
    }
    SECTION("polygons with NaN coordinates are skipped with a warning") {
        const std::string nan_feature =
            R"({"type":"Feature","properties":{"depth":"3"},"geometry":{"type":"Polygon","coordinates":)"
            R"([[[139.50,35.70],[NaN,35.70],[139.51,35.71],[139.50,35.70]]]}})";
        write_file(f.dir.file("zones.geojson"), feature_collection({kZoneFeature, nan_feature}));
        RunResult r = f.flag(layer_config("zones.geojson", "    field: depth\n    preset: a31a_depth\n"));
        CHECK(r.err.find(f.cfg_at(2) + "5: warning: layer 'L': feature 1: NaN or infinite coordinates, skipped") !=
              std::string::npos);
        expect_both_flagged(f, r);
        // The good polygon still counts: h-001 is inside it (0.5-3 m), h-002 is not. h-002 also lies
        // outside the layer's extent (the default coverage), so it is "no hazard data" (C), not "safe" (D).
        const std::string csv = read_file(f.dir.file("out.csv"));
        CHECK(csv.find("\nh-002,多摩 花子,永山,C,") != std::string::npos);
        CHECK(csv.find("\nh-001,多摩 花子,永山,D,") == std::string::npos);
    }
    SECTION("a self-intersecting polygon is repaired with a warning") {
        const std::string bowtie =
            R"({"type":"Feature","properties":{"depth":"2"},"geometry":{"type":"Polygon","coordinates":)"
            R"([[[139.44,35.62],[139.46,35.64],[139.46,35.62],[139.44,35.64],[139.44,35.62]]]}})";
        write_file(f.dir.file("zones.geojson"), feature_collection({bowtie}));
        RunResult r = f.flag(layer_config("zones.geojson", "    field: depth\n    preset: a31a_depth\n"));
        CHECK(r.err.find(f.cfg_at(2) + "5: warning: layer 'L': feature 0: invalid polygon (e.g. self-intersection) "
                                       "repaired") != std::string::npos);
        expect_both_flagged(f, r);
        // h-001 (139.448, 35.6305) lies in the bow-tie's western lobe, so the repaired zone still holds it.
        const std::string csv = read_file(f.dir.file("out.csv"));
        CHECK(csv.find("\nh-001,多摩 花子,永山,D,") == std::string::npos);
    }
}

TEST_CASE("A --hazards argument that is not a config file is refused quickly", "[cli][hostile][hazards]") {
    Fixture f;
    auto run = [&](const std::string& config) {
        return run_sheetgen("flag --hazards " + q(config) + " " + q(f.dir.file("profiles")) + " -o " +
                            q(f.dir.file("out.csv")) + " -q");
    };
    SECTION("endless /dev/zero: read is bounded") {
        RunResult r = run("/dev/zero");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("/dev/zero: hazard config is larger than 1 MiB") != std::string::npos);
    }
    SECTION("a 1 GB sparse file") {
        const std::string big = f.dir.file("big.yaml");
        REQUIRE(run_shell("truncate -s 1G " + q(big)).exit_code == 0);
        RunResult r = run(big);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("larger than 1 MiB") != std::string::npos);
    }
    SECTION("a NUL byte is named with its line and column") {
        write_file(f.dir.file("nul.yaml"), std::string("layers:\n  - name: a\0b\n", 22));
        RunResult r = run(f.dir.file("nul.yaml"));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find(f.dir.file("nul.yaml") + ":2:12: the file contains NUL bytes (binary data?): a hazard config is YAML text") != std::string::npos);
    }
    SECTION("a directory") {
        RunResult r = run(f.dir.path());
        INFO(r.out << r.err);
        CHECK(r.exit_code == 3);
        CHECK(r.err.find("is a directory") != std::string::npos);
    }
    CHECK_FALSE(file_exists(f.dir.file("out.csv")));
}
