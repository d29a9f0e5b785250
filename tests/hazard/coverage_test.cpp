// Coverage: "outside the data" is not "safe". A layer placed outside Japan
// (a CRS or axis mistake) is an error; a household outside the coverage is
// "no hazard data"; one outside the municipality boundary is flagged.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::Feature;
using sheetgen::test::FieldDef;
using sheetgen::test::box_wkt;
using sheetgen::test::write_layer;

namespace {

HazardSet load(const test::TempDir& dir, const std::string& yaml, std::vector<Diagnostic>* warnings = nullptr) {
    test::write_file(dir.file("hazard.yaml"), yaml);
    return HazardSet::load_file(dir.file("hazard.yaml"), warnings);
}

InputError load_error(const test::TempDir& dir, const std::string& yaml) {
    try {
        load(dir, yaml);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    throw;  // unreachable
}

// Two depth zones around 乞田川 / 大栗川 (lon 139.43-139.46, lat 35.63-35.65).
void write_zones(const std::string& path) {
    write_layer(path, "zones", 6668, {{"rank", OFTInteger}},
                {{box_wkt(139.43, 35.63, 139.44, 35.64), {"2"}}, {box_wkt(139.45, 35.64, 139.46, 35.65), {"1"}}});
}

// A synthetic city boundary: its north edge at lat 35.6550, between a point
// inside (35.6500) and 一ノ宮 (35.6555), which lies ~55 m north of it.
void write_boundary(const std::string& path) {
    write_layer(path, "boundary", 4326, {{"N03_007", OFTString}},
                {{box_wkt(139.40, 35.60, 139.48, 35.6550), {"13224"}}}, "GeoJSON");
}

const LatLon kIchinomiya{35.6555, 139.4365};  // 一ノ宮: ~185 m outside the real Tama City boundary

const char* kZones = "  - name: depth\n    source: zones.gpkg\n    kind: flood_depth\n    field: rank\n    preset: a31a_depth\n";

}  // namespace

TEST_CASE("coverage: a zone layer lying entirely outside Japan is an error at its line") {
    test::TempDir dir;
    // Axis mistake: latitude written as x, longitude as y.
    write_layer(dir.file("swapped.gpkg"), "zones", 4326, {{"rank", OFTInteger}},
                {{"POLYGON((35.63 139.43,35.64 139.43,35.64 139.44,35.63 139.44,35.63 139.43))", {"1"}}});
    InputError e = load_error(dir, "layers:\n  - name: swapped\n    source: swapped.gpkg\n    kind: flood_depth\n"
                                   "    field: rank\n    preset: a31a_depth\n");
    CHECK(e.where().line == 2);
    std::string m = e.what();
    CHECK(m.find("swapped") != std::string::npos);
    CHECK(m.find("outside Japan") != std::string::npos);
    CHECK(m.find("lon 35.63") != std::string::npos);  // the extent is named

    // CRS mistake: plane-rectangular metres read as degrees through crs: on a source without CRS.
    write_layer(dir.file("metres.shp"), "metres", 0, {{"rank", OFTInteger}},
                {{"POLYGON((-30000 -40000,-29000 -40000,-29000 -39000,-30000 -39000,-30000 -40000))", {"1"}}},
                "ESRI Shapefile");
    InputError e3 = load_error(dir, "layers:\n  - name: metres\n    source: metres.shp\n    crs: EPSG:6668\n    kind: flood_depth\n");
    CHECK(e3.where().line == 2);
    CHECK(std::string(e3.what()).find("outside Japan") != std::string::npos);
}

TEST_CASE("coverage: crs written for a source that declares its own CRS warns") {
    test::TempDir dir;
    write_zones(dir.file("zones.gpkg"));
    std::vector<Diagnostic> w;
    load(dir, "layers:\n  - name: depth\n    source: zones.gpkg\n    kind: flood_depth\n    crs: EPSG:6677\n"
              "    field: rank\n    preset: a31a_depth\n",
         &w);
    REQUIRE(w.size() == 1);
    CHECK(w[0].where.line == 5);
    CHECK(w[0].message.find("own CRS") != std::string::npos);
    // Shelter layers too.
    write_layer(dir.file("sites.gpkg"), "sites", 6668,
                {{"共通ID"}, {"施設・場所名"}, {"住所"}, {"洪水"}, {"崖崩れ、土石流及び地滑り"}, {"地震"}, {"内水氾濫"}},
                {{"POINT(139.44 35.64)", {"S1", "サイト", "多摩市", "1", "", "", ""}}});
    w.clear();
    HazardSet with_sites = load(dir, std::string("layers:\n") + kZones +
                                         "  - source: sites.gpkg\n    kind: shelters\n    crs: EPSG:6668\n", &w);
    CHECK(with_sites.shelters().size() == 1);
    REQUIRE(w.size() == 1);
    CHECK(w[0].where.line == 9);
    CHECK(w[0].message.find("own CRS") != std::string::npos);
    // A source without a CRS takes it silently.
    write_layer(dir.file("nocrs.shp"), "nocrs", 0, {{"rank", OFTInteger}}, {{box_wkt(139.43, 35.63, 139.44, 35.64), {"1"}}},
                "ESRI Shapefile");
    w.clear();
    load(dir, "layers:\n  - source: nocrs.shp\n    kind: flood_depth\n    crs: EPSG:6668\n", &w);
    CHECK(w.empty());
}

TEST_CASE("coverage: by default the flood layers' extents, outside them no hazard data") {
    test::TempDir dir;
    write_zones(dir.file("zones.gpkg"));
    HazardSet hs = load(dir, std::string("layers:\n") + kZones);
    Exposure in_zone = hs.expose({35.635, 139.435});
    CHECK(in_zone.in_flood_zone);
    CHECK(in_zone.covered_by_flood_data);
    Exposure between = hs.expose({35.645, 139.435});  // inside the layers' box, outside both zones
    CHECK_FALSE(between.in_flood_zone);
    CHECK(between.covered_by_flood_data);
    Exposure beyond = hs.expose({35.62, 139.435});  // south of every zone's box
    CHECK_FALSE(beyond.in_flood_zone);
    CHECK_FALSE(beyond.covered_by_flood_data);
    CHECK(beyond.inside_municipality);  // no municipality stated: not checked
}

TEST_CASE("coverage: a stated coverage polygon and a municipality boundary") {
    test::TempDir dir;
    write_zones(dir.file("zones.gpkg"));
    write_boundary(dir.file("city.geojson"));
    HazardSet hs = load(dir, std::string("coverage: city.geojson\nmunicipality: {source: city.geojson, layer: boundary}\n"
                                         "layers:\n") +
                                 kZones);
    Exposure beyond_zones = hs.expose({35.62, 139.435});  // outside the zones' box, inside the city
    CHECK(beyond_zones.covered_by_flood_data);
    CHECK(beyond_zones.inside_municipality);
    Exposure ichinomiya = hs.expose(kIchinomiya);
    CHECK_FALSE(ichinomiya.covered_by_flood_data);
    CHECK_FALSE(ichinomiya.inside_municipality);
    Exposure inside = hs.expose({35.6500, 139.4365});
    CHECK(inside.covered_by_flood_data);
    CHECK(inside.inside_municipality);
}

TEST_CASE("coverage: a layer entirely outside the coverage, or a bad area source, is an error") {
    test::TempDir dir;
    write_zones(dir.file("zones.gpkg"));
    write_layer(dir.file("far.geojson"), "far", 4326, {{"n", OFTString}}, {{box_wkt(135.0, 34.6, 135.1, 34.7), {"osaka"}}},
                "GeoJSON");
    InputError e = load_error(dir, std::string("coverage: far.geojson\nlayers:\n") + kZones);
    CHECK(e.where().line == 3);
    CHECK(std::string(e.what()).find("outside the coverage") != std::string::npos);
    InputError missing = load_error(dir, std::string("municipality: nowhere.geojson\nlayers:\n") + kZones);
    CHECK(missing.where().line == 1);
    write_layer(dir.file("points.geojson"), "points", 4326, {{"n", OFTString}}, {{"POINT(139.44 35.64)", {"x"}}}, "GeoJSON");
    InputError points = load_error(dir, std::string("coverage: points.geojson\nlayers:\n") + kZones);
    CHECK(points.where().line == 1);
    CHECK(std::string(points.what()).find("no polygon") != std::string::npos);
}

TEST_CASE("coverage: 一ノ宮 lies outside the real Tama City boundary (tokyo-real)") {
    if (!test::file_exists(test::shared_data("tokyo/tama_boundary_13224.geojson")))
        SHEETGEN_SKIP(test::shared_data("tokyo") + " not present (real public data; SHEETGEN_SHARED_DATA overrides)");
    test::TempDir cfg_dir;
    HazardSet hs = HazardSet::load_file(test::tokyo_real_config(cfg_dir.path()));
    Exposure e = hs.expose(kIchinomiya);
    CHECK_FALSE(e.inside_municipality);
    CHECK_FALSE(e.covered_by_flood_data);  // coverage: the city boundary too
    for (LatLon in : {LatLon{35.6300, 139.4480}, LatLon{35.6530, 139.4440}}) {  // 永山駅, tama-001
        Exposure x = hs.expose(in);
        CHECK(x.inside_municipality);
        CHECK(x.covered_by_flood_data);
    }
}
