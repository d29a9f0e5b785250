// Base-map layers (kind: basemap): the config keys, reading only around the
// map (per tile, cached), OSM sources, attribution, and maps whose zones
// cannot be read or projected.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "hazard/basemap_fixtures.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::kBaseLat;
using sheetgen::test::kBaseLon;

namespace {

std::string config_error(const std::string& yaml) {
    try {
        parse_hazard_config(yaml, "/cfg/hz.yaml");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

// A flood zone under the base point, and the two base-map layers of write_basemap().
const char* kConfig = R"(name: basemap
layers:
  - name: 洪水
    source: flood.geojson
    kind: flood_depth
    field: rank
    preset: a31a_depth
    attribution: 洪水のクレジット
  - name: 道路
    source: base.gpkg
    layer: roads
    kind: basemap
    style: road
    attribution: 道路のクレジット
  - name: 駅
    source: base.gpkg
    layer: stations
    kind: basemap
    style: station
    label: 駅名
    attribution: 駅のクレジット
)";

void write_flood(const test::TempDir& dir) {
    test::write_layer(dir.file("flood.geojson"), "flood", 4326, {{"rank", OFTInteger}},
                      {{test::box_wkt(139.440, 35.646, 139.450, 35.654), {"2"}}}, "GeoJSON");
}

HazardSet load(const test::TempDir& dir, const std::string& yaml, std::vector<Diagnostic>* warnings = nullptr) {
    test::write_file(dir.file("hz.yaml"), yaml);
    return HazardSet::load_file(dir.file("hz.yaml"), warnings);
}

const MapFeature* labelled(const MapExtract& m, const std::string& label) {
    for (const auto& f : m.basemap)
        if (f.label == label) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("basemap config: style, label, where and attribution parse, attribution on any layer", "[hazard][basemap]") {
    HazardConfig c = parse_hazard_config(R"Y(layers:
  - name: 駅
    source: N02-24_Station.geojson
    kind: basemap
    style: station
    label: N02_005
    where: "N02_004 = '京王電鉄'"
    attribution: 「国土数値情報（鉄道データ）（国土交通省）を加工して作成」
  - source: tokyo.osm.pbf
    layer: lines
    kind: basemap
    style: road
    where: "highway IN ('primary', 'secondary')"
  - source: zones.gpkg
    kind: flood_depth
    attribution: 洪水のクレジット
)Y",
                                         "/cfg/hz.yaml");
    REQUIRE(c.layers.size() == 3);
    const LayerConfig& st = c.layers[0];
    CHECK(st.kind == LayerKind::Basemap);
    CHECK(st.style == BasemapStyle::Station);
    CHECK(st.label_field == "N02_005");
    CHECK(st.label_at.line == 6);
    CHECK(st.where == "N02_004 = '京王電鉄'");
    CHECK(st.attribution == "「国土数値情報（鉄道データ）（国土交通省）を加工して作成」");
    CHECK(st.resolved_source == "/cfg/N02-24_Station.geojson");
    CHECK(c.layers[1].style == BasemapStyle::Road);
    CHECK(c.layers[1].layer == "lines");
    CHECK(c.layers[1].label_field.empty());
    CHECK(c.layers[2].attribution == "洪水のクレジット");
    // Every style of the table parses back.
    for (const auto& s : kBasemapStyleNames) {
        HazardConfig one = parse_hazard_config(
            std::string("layers:\n  - {source: a.gpkg, kind: basemap, style: ") + s.name + "}\n", "/cfg/hz.yaml");
        CHECK(one.layers.at(0).style == s.value);
        CHECK(style_info(s.value).style == s.value);
    }
}

TEST_CASE("basemap config: a bad style is a located error with a suggestion, keys of other kinds are refused",
          "[hazard][basemap]") {
    CHECK(config_error("layers:\n"
                       "  - source: a.gpkg\n"
                       "    kind: basemap\n"
                       "    style: rial\n") ==
          "/cfg/hz.yaml:4:12: unknown basemap style 'rial' (did you mean 'rail'?); allowed: road, rail, river, "
          "station, town_label, boundary, water");
    CHECK(config_error("layers:\n"
                       "  - source: a.gpkg\n"
                       "    kind: basemap\n") == "/cfg/hz.yaml:2:5: missing required key 'style' in layers[1]");
    CHECK_THAT(config_error("layers:\n"
                            "  - source: a.gpkg\n"
                            "    kind: basemap\n"
                            "    style: road\n"
                            "    lable: name\n"),
               Catch::Contains("/cfg/hz.yaml:5:5: unknown key 'lable' in layers[1] (did you mean 'label'?)"));
    CHECK_THAT(config_error("layers:\n"
                            "  - source: a.gpkg\n"
                            "    kind: basemap\n"
                            "    style: road\n"
                            "    field: rank\n"
                            "    scenario: 想定最大規模\n"),
               Catch::Contains("/cfg/hz.yaml:5:5: key 'field' does not apply to a basemap layer") &&
                   Catch::Contains("/cfg/hz.yaml:6:5: key 'scenario' does not apply to a basemap layer"));
    CHECK_THAT(config_error("layers:\n"
                            "  - source: a.gpkg\n"
                            "    kind: flood_depth\n"
                            "    style: road\n"),
               Catch::Contains("/cfg/hz.yaml:4:5: key 'style' does not apply to a flood_depth layer"));
}

TEST_CASE("basemap: only the tiles around the map are read, once, features clipped to the frame",
          "[hazard][basemap]") {
    test::TempDir dir;
    write_flood(dir);
    test::write_basemap(dir.file("base.gpkg"));
    HazardSet hz = load(dir, kConfig);
    CHECK(hz.basemap_reads().tile_reads == 0);  // nothing read at load

    const double hw = 600, hh = 600;
    MapExtract m = hz.extract_map(LatLon{kBaseLat, kBaseLon}, hw, hh, 1.0);
    CHECK(m.failure.empty());
    CHECK(m.warnings.empty());
    CHECK(m.with_basemap);
    CHECK_FALSE(m.polygons.empty());  // the zone is still there
    // The frame meets 2 x 2 tiles of each layer; the road, 聖蹟テスト駅 and
    // 枠外駅 lie in them, 遠方駅 in none: it is never read.
    const HazardSet::BasemapReads r1 = hz.basemap_reads();
    CHECK(r1.tile_reads == 8);
    CHECK(r1.features_read == 3);

    const MapFeature* road = labelled(m, "");
    REQUIRE(road);
    CHECK(road->style == BasemapStyle::Road);
    CHECK(road->shape == MapFeature::Shape::Line);
    for (const auto& part : road->parts)
        for (const auto& [x, y] : part) {
            CHECK(std::fabs(x) <= hw + 1e-6);  // clipped at the frame's west edge
            CHECK(std::fabs(y) <= hh + 1e-6);
        }
    double west = 0;
    for (const auto& part : road->parts)
        for (const auto& p : part) west = std::min(west, p.first);
    CHECK(west == Approx(-hw).margin(1e-6));  // the road went on west of the frame: cut at its edge
    const MapFeature* station = labelled(m, "聖蹟テスト駅");
    REQUIRE(station);
    CHECK(station->shape == MapFeature::Shape::Point);
    REQUIRE(station->label_at);
    CHECK(station->label_at->first == Approx(91).margin(2));  // 0.001° east of the centre, about 90 m
    CHECK_FALSE(labelled(m, "枠外駅"));
    CHECK_FALSE(labelled(m, "遠方駅"));
    CHECK(m.attributions == std::vector<std::string>{"洪水のクレジット", "道路のクレジット", "駅のクレジット"});

    // A neighbour's map reads nothing new: the tiles are cached.
    MapExtract m2 = hz.extract_map(LatLon{kBaseLat + 0.001, kBaseLon + 0.001}, 400, 300, 1.0);
    CHECK(labelled(m2, "聖蹟テスト駅"));
    CHECK(hz.basemap_reads().tile_reads == r1.tile_reads);
    CHECK(hz.basemap_reads().features_read == r1.features_read);

    // Far from every feature: no base map, and no attribution of data not drawn.
    MapExtract far = hz.extract_map(LatLon{35.30, 139.20}, 400, 400, 1.0);
    CHECK(far.basemap.empty());
    CHECK(far.attributions.empty());
    CHECK(far.failure.empty());
}

TEST_CASE("basemap: a config without basemap layers gives the maps it always gave", "[hazard][basemap]") {
    test::TempDir dir;
    write_flood(dir);
    HazardSet hz = load(dir, "layers:\n  - {source: flood.geojson, kind: flood_depth, field: rank, preset: a31a_depth}\n");
    MapExtract m = hz.extract_map(LatLon{kBaseLat, kBaseLon}, 600, 600, 1.0);
    CHECK_FALSE(m.with_basemap);
    CHECK(m.basemap.empty());
    CHECK(m.attributions.empty());
    CHECK(m.failure.empty());
    CHECK_FALSE(m.polygons.empty());
}

TEST_CASE("basemap: OpenStreetMap through GDAL's OSM driver (.osm XML), layers and where filters",
          "[hazard][basemap][osm]") {
    // GDAL reads .osm.pbf and .osm XML through the same driver; no tool here
    // writes .pbf offline, so the XML form stands in for it.
    test::TempDir dir;
    write_flood(dir);
    test::write_osm(dir.file("area.osm"));
    HazardSet hz = load(dir, R"Y(layers:
  - {source: flood.geojson, kind: flood_depth, field: rank, preset: a31a_depth}
  - name: 幹線道路
    source: area.osm
    layer: lines
    kind: basemap
    style: road
    where: "highway IN ('primary', 'secondary')"
    label: name
    attribution: © OpenStreetMap contributors
  - name: 町名
    source: area.osm
    layer: points
    kind: basemap
    style: town_label
    where: "place IS NOT NULL"
    label: name
)Y");
    MapExtract m = hz.extract_map(LatLon{kBaseLat, kBaseLon}, 600, 600, 1.0);
    CHECK(m.warnings.empty());
    const MapFeature* road = labelled(m, "テスト街道");
    REQUIRE(road);
    CHECK(road->shape == MapFeature::Shape::Line);
    CHECK_FALSE(labelled(m, "小道"));  // a footway: left out by the where filter
    const MapFeature* town = labelled(m, "テスト町一丁目");
    REQUIRE(town);
    CHECK(town->style == BasemapStyle::TownLabel);
    CHECK_FALSE(labelled(m, "遠方町"));
    CHECK(m.attributions == std::vector<std::string>{"© OpenStreetMap contributors"});
}

TEST_CASE("basemap: a source missing at load is a located warning, the maps are drawn without it",
          "[hazard][basemap]") {
    test::TempDir dir;
    write_flood(dir);
    std::vector<Diagnostic> warnings;
    HazardSet hz = load(dir, R"Y(layers:
  - {source: flood.geojson, kind: flood_depth, field: rank, preset: a31a_depth}
  - name: 駅
    source: missing.gpkg
    kind: basemap
    style: station
)Y",
                        &warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(warnings[0].where.line == 4);
    CHECK_THAT(warnings[0].message, Catch::Contains("missing.gpkg") && Catch::Contains("drawn without"));
    MapExtract m = hz.extract_map(LatLon{kBaseLat, kBaseLon}, 600, 600, 1.0);
    CHECK(m.failure.empty());
    CHECK_FALSE(m.polygons.empty());
}

TEST_CASE("basemap: a source that fails while a map reads it: a warning for that map, the zones stay",
          "[hazard][basemap]") {
    test::TempDir dir;
    write_flood(dir);
    // Many records: more than any read buffer holds from the file's start.
    std::vector<test::Feature> points;
    for (int i = 0; i < 3000; ++i) {
        char wkt[64];
        std::snprintf(wkt, sizeof wkt, "POINT(%.6f %.6f)", 139.442 + (i % 60) * 0.0001, 35.648 + (i / 60) * 0.0001);
        points.push_back({wkt, {"st" + std::to_string(i)}});
    }
    test::write_layer(dir.file("stations.shp"), "stations", 6668, {{"name", OFTString}}, points, "ESRI Shapefile");
    HazardSet hz = load(dir, R"Y(layers:
  - {source: flood.geojson, kind: flood_depth, field: rank, preset: a31a_depth}
  - {name: 駅, source: stations.shp, kind: basemap, style: station, label: name}
)Y");
    // The file shrinks under the open dataset (a network share failing, a
    // copy being replaced): the records after the header cannot be read.
    REQUIRE(::truncate(dir.file("stations.shp").c_str(), 110) == 0);
    MapExtract m = hz.extract_map(LatLon{kBaseLat, kBaseLon}, 600, 600, 1.0);
    CHECK(m.failure.empty());
    CHECK_FALSE(m.polygons.empty());
    REQUIRE_FALSE(m.warnings.empty());
    CHECK_THAT(m.warnings[0], Catch::Contains("basemap layer '駅'"));
    CHECK(m.warnings[0].find("139.") == std::string::npos);  // no coordinates in a warning
}

TEST_CASE("map extract: zones that cannot be projected or read for the frame fail the map, never drop out",
          "[hazard][basemap]") {
    test::TempDir dir;
    SECTION("a raster whose CRS cannot take the frame (beyond its projection's horizon)") {
        test::write_horizon_raster(dir.file("depth.tif"));
        HazardSet hz = load(dir, "layers:\n  - {source: depth.tif, kind: flood_depth, raster: true, preset: a31a_depth}\n");
        // West of the horizon the raster is usable (its own area draws) ...
        MapExtract ok = hz.extract_map(LatLon{35.659, 139.23}, 600, 600, 1.0);
        CHECK(ok.failure.empty());
        CHECK_FALSE(ok.polygons.empty());
        // ... a frame reaching east of lon 139.45 cannot be read from it.
        MapExtract m = hz.extract_map(LatLon{35.65, 139.448}, 600, 600, 1.0);
        CHECK_THAT(m.failure, Catch::Contains("zone layer 'depth'") && Catch::Contains("cannot be read"));
        CHECK(m.polygons.empty());
    }
    SECTION("a raster whose cells can no longer be read") {
        test::write_rank_raster(dir.file("depth.tif"), 139.440, 35.646, 139.450, 35.654);
        HazardSet hz = load(dir, "layers:\n  - {source: depth.tif, kind: flood_depth, preset: a31a_depth}\n");
        struct stat st {};
        REQUIRE(::stat(dir.file("depth.tif").c_str(), &st) == 0);
        REQUIRE(::truncate(dir.file("depth.tif").c_str(), st.st_size / 2) == 0);
        MapExtract m = hz.extract_map(LatLon{kBaseLat, kBaseLon}, 600, 600, 1.0);
        CHECK_THAT(m.failure, Catch::Contains("zone layer 'depth' cannot be read for the map"));
    }
    SECTION("a home whose location is not a number") {
        write_flood(dir);
        HazardSet hz = load(dir, "layers:\n  - {source: flood.geojson, kind: flood_depth}\n");
        MapExtract m = hz.extract_map(LatLon{std::nan(""), kBaseLon}, 600, 600, 1.0);
        CHECK_FALSE(m.failure.empty());
    }
}
