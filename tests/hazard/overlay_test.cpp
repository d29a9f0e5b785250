#include <catch2/catch.hpp>

#include <thread>

#include "common/geo.hpp"
#include "fixtures.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::Feature;
using sheetgen::test::FieldDef;
using sheetgen::test::box_wkt;
using sheetgen::test::write_layer;

namespace {

HazardSet load(const test::TempDir& dir, const std::string& yaml, std::vector<Diagnostic>* warnings = nullptr) {
    std::string path = dir.file("hazard.yaml");
    test::write_file(path, yaml);
    return HazardSet::load_file(path, warnings);
}

InputError load_error(const test::TempDir& dir, const std::string& yaml) {
    try {
        load(dir, yaml);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    return InputError({}, "");
}

bool any_warning(const std::vector<Diagnostic>& w, const std::string& a, const std::string& b = "") {
    for (const auto& d : w)
        if (d.severity == Severity::Warning && d.message.find(a) != std::string::npos &&
            d.message.find(b) != std::string::npos)
            return true;
    return false;
}

const std::vector<FieldDef> kRankField = {{"rank", OFTInteger}};

}  // namespace

TEST_CASE("CRS: layers in JGD2000 degrees and plane rectangular metres hit WGS84 households") {
    test::TempDir dir;
    // Depth zone in EPSG:4612 around 関戸 and a duration zone in EPSG:6677 (metres) a little south.
    write_layer(dir.file("d.gpkg"), "depth4612", 4612, kRankField,
                {{box_wkt(139.440, 35.650, 139.450, 35.656), {"2"}}});
    write_layer(dir.file("d.gpkg"), "dur6677", 6677, kRankField,
                {{box_wkt(139.440, 35.640, 139.450, 35.646, 6677), {"3"}}});
    HazardSet hs = load(dir, R"(layers:
  - {name: d, source: d.gpkg, layer: depth4612, kind: flood_depth, field: rank, preset: a31a_depth, scenario: 計画規模}
  - {name: t, source: d.gpkg, layer: dur6677, kind: flood_duration, field: rank, preset: a31a_duration}
)");
    CHECK(hs.zone_polygon_count() == 2);
    Exposure in_depth = hs.expose({35.653, 139.445});
    CHECK(in_depth.in_flood_zone);
    REQUIRE(in_depth.depth);
    CHECK(in_depth.depth->min_m == 0.5);
    CHECK(in_depth.depth_scenario == FloodScenario::Planned);
    CHECK(in_depth.depth_layer == "d");
    CHECK_FALSE(in_depth.in_duration_zone);
    Exposure in_dur = hs.expose({35.643, 139.445});
    CHECK_FALSE(in_dur.in_flood_zone);
    CHECK(in_dur.in_duration_zone);
    REQUIRE(in_dur.duration);
    CHECK(in_dur.duration->min_h == 24);
    CHECK(in_dur.layers_hit == std::vector<std::string>{"t"});
    // Points just outside each box (about 50 m) are outside: the boxes were not swapped or shifted.
    CHECK_FALSE(hs.expose({35.6565, 139.445}).in_flood_zone);
    CHECK_FALSE(hs.expose({35.653, 139.4506}).in_flood_zone);
    CHECK_FALSE(hs.expose({35.6395, 139.445}).in_duration_zone);
    CHECK_FALSE(hs.expose({35.643, 139.4394}).in_duration_zone);
    CHECK_FALSE(hs.expose({139.445, 35.653}).in_flood_zone);  // swapped input is nowhere
}

TEST_CASE("points on an edge or a vertex count as inside") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "z", 4326, kRankField,
                {{"POLYGON((139.0 35.0,139.1 35.0,139.1 35.1,139.0 35.1,139.0 35.0))", {"1"}},
                 {"POLYGON((139.2 35.0,139.3 35.0,139.2 35.1,139.2 35.0))", {"3"}},
                 // A square with a hole: the hole's edge is still the zone's boundary.
                 {"POLYGON((139.4 35.0,139.5 35.0,139.5 35.1,139.4 35.1,139.4 35.0),"
                  "(139.42 35.02,139.42 35.08,139.48 35.08,139.48 35.02,139.42 35.02))",
                  {"2"}}});
    HazardSet hs = load(dir, "layers:\n  - {source: z.gpkg, kind: flood_depth, field: rank, preset: a31a_depth}\n");
    CHECK(hs.expose({35.0, 139.05}).in_flood_zone);   // bottom edge
    CHECK(hs.expose({35.1, 139.05}).in_flood_zone);   // top edge
    CHECK(hs.expose({35.05, 139.0}).in_flood_zone);   // left edge
    CHECK(hs.expose({35.05, 139.1}).in_flood_zone);   // right edge
    CHECK(hs.expose({35.1, 139.1}).in_flood_zone);    // vertex
    CHECK(hs.expose({35.0, 139.0}).in_flood_zone);    // vertex
    CHECK(hs.expose({35.05, 139.25}).in_flood_zone);  // on the diagonal edge
    CHECK(hs.expose({35.1, 139.2}).in_flood_zone);    // apex
    CHECK_FALSE(hs.expose({34.99999, 139.05}).in_flood_zone);
    CHECK_FALSE(hs.expose({35.05, 139.10001}).in_flood_zone);
    CHECK_FALSE(hs.expose({35.06, 139.25}).in_flood_zone);  // just past the diagonal
    CHECK(hs.expose({35.01, 139.41}).in_flood_zone);
    CHECK_FALSE(hs.expose({35.05, 139.45}).in_flood_zone);  // inside the hole
    CHECK(hs.expose({35.05, 139.42}).in_flood_zone);        // on the hole's edge
    CHECK(hs.expose({35.08, 139.48}).in_flood_zone);        // on the hole's vertex
}

TEST_CASE("overlapping zones: the worst class wins, known depth beats unknown") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "a", 4326, kRankField,
                {{box_wkt(139.0, 35.0, 139.2, 35.2), {"2"}}, {box_wkt(139.1, 35.1, 139.3, 35.3), {"4"}}});
    write_layer(dir.file("z.gpkg"), "b", 4326, kRankField, {{box_wkt(139.15, 35.15, 139.25, 35.25), {"1"}}});
    write_layer(dir.file("z.gpkg"), "nodepth", 4326, {}, {{box_wkt(138.9, 34.9, 139.4, 35.4), {}}});
    HazardSet hs = load(dir, R"(layers:
  - {name: 区域のみ, source: z.gpkg, layer: nodepth, kind: flood_depth, scenario: 想定最大規模}
  - {name: A, source: z.gpkg, layer: a, kind: flood_depth, field: rank, preset: a31a_depth}
  - {name: B, source: z.gpkg, layer: b, kind: flood_depth, field: rank, preset: a31a_depth, scenario: 想定最大規模}
)");
    // One scenario stated (and layers of none): the worst class of every layer.
    // Layers of both scenarios: tests/hazard/scenarios_test.cpp.
    Exposure both = hs.expose({35.15, 139.15});  // a rank 2 + a rank 4 + b rank 1 + no-depth zone
    REQUIRE(both.depth);
    CHECK(both.depth->min_m == 5);
    CHECK(both.depth->max_m == 10);
    CHECK(both.depth_layer == "A");
    CHECK(both.depth_scenario == FloodScenario::Unknown);  // A's, not B's or the zone-only layer's
    CHECK(both.layers_hit == std::vector<std::string>{"区域のみ", "A", "B"});
    Exposure only2 = hs.expose({35.05, 139.05});
    REQUIRE(only2.depth);
    CHECK(only2.depth->min_m == 0.5);
    Exposure only_unknown = hs.expose({35.35, 139.35});
    CHECK(only_unknown.in_flood_zone);
    CHECK_FALSE(only_unknown.depth);
    CHECK(only_unknown.depth_layer == "区域のみ");
    CHECK(only_unknown.depth_scenario == FloodScenario::Maximum);
    CHECK_FALSE(hs.expose({35.5, 139.5}).in_flood_zone);
}

TEST_CASE("geometry problems are repaired or skipped with a warning naming layer and feature") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "z", 4326, kRankField,
                {// fid 1: bow-tie (self-intersecting)
                 {"POLYGON((139.0 35.0,139.1 35.1,139.1 35.0,139.0 35.1,139.0 35.0))", {"2"}},
                 // fid 2: NaN vertex
                 {box_wkt(139.5, 35.5, 139.6, 35.6), {"2"}, true},
                 // fid 3: collapsed to a point: nothing polygonal survives repair
                 {"POLYGON((139.7 35.7,139.7 35.7,139.7 35.7,139.7 35.7))", {"2"}},
                 // fid 4: code 9 is not an A31a rank
                 {box_wkt(139.3, 35.3, 139.4, 35.4), {"9"}},
                 // fid 5: fine
                 {box_wkt(139.8, 35.8, 139.9, 35.9), {"3"}}});
    std::vector<Diagnostic> w;
    HazardSet hs = load(dir, "layers:\n  - {name: 浸水, source: z.gpkg, kind: flood_depth, field: rank, preset: a31a_depth}\n", &w);
    CHECK(any_warning(w, "浸水", "feature 1: invalid polygon"));
    CHECK(any_warning(w, "feature 1", "repaired"));
    CHECK(any_warning(w, "feature 2", "NaN"));
    CHECK(any_warning(w, "feature 3", "could not be repaired"));
    CHECK(any_warning(w, "feature 4", "'9' is not a known code"));
    for (const auto& d : w) {
        CHECK(d.where.file == dir.file("hazard.yaml"));
        CHECK(d.where.line == 2);
    }
    // The bow-tie became two triangles: both lobes inside, the pinched sides outside.
    CHECK(hs.expose({35.05, 139.02}).in_flood_zone);
    CHECK(hs.expose({35.05, 139.08}).in_flood_zone);
    CHECK_FALSE(hs.expose({35.09, 139.05}).in_flood_zone);
    CHECK_FALSE(hs.expose({35.55, 139.55}).in_flood_zone);  // NaN feature skipped
    Exposure unknown = hs.expose({35.35, 139.35});
    CHECK(unknown.in_flood_zone);
    CHECK_FALSE(unknown.depth);
    REQUIRE(hs.expose({35.85, 139.85}).depth);
}

TEST_CASE("empty zone layer warns") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "z", 4326, kRankField, {{box_wkt(139.0, 35.0, 139.1, 35.1), {"2"}}});
    std::vector<Diagnostic> w;
    HazardSet hs = load(dir, "layers:\n  - {name: z, source: z.gpkg, kind: flood_depth, where: \"rank = 5\"}\n", &w);
    CHECK(hs.zone_polygon_count() == 0);
    CHECK(any_warning(w, "no features"));
    CHECK_FALSE(hs.expose({35.05, 139.05}).in_flood_zone);
}

TEST_CASE("missing source, layer, field or CRS: InputError at the config line") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "z", 4326, kRankField, {{box_wkt(139.0, 35.0, 139.1, 35.1), {"2"}}});
    write_layer(dir.file("nocrs.shp"), "nocrs", 0, kRankField, {{box_wkt(139.0, 35.0, 139.1, 35.1), {"2"}}},
                "ESRI Shapefile");
    SECTION("source") {
        auto e = load_error(dir, "name: x\nlayers:\n  - name: a\n    source: missing.gpkg\n    kind: flood_depth\n");
        CHECK(e.where().line == 4);
        CHECK(e.where().file == dir.file("hazard.yaml"));
        CHECK(e.message().find("missing.gpkg") != std::string::npos);
    }
    SECTION("layer") {
        auto e = load_error(dir, "layers:\n  - name: a\n    source: z.gpkg\n    layer: nope\n    kind: flood_depth\n");
        CHECK(e.where().line == 4);
        CHECK(e.message().find("'nope'") != std::string::npos);
        CHECK(e.message().find("z") != std::string::npos);
    }
    SECTION("field") {
        auto e = load_error(dir, "layers:\n  - name: a\n    source: z.gpkg\n    kind: flood_depth\n    field: A31a_205\n    preset: a31a_depth\n");
        CHECK(e.where().line == 5);
        CHECK(e.message().find("A31a_205") != std::string::npos);
        CHECK(e.message().find("rank") != std::string::npos);  // lists the fields it has
    }
    SECTION("shelter field") {
        auto e = load_error(dir, "layers:\n  - name: s\n    source: z.gpkg\n    kind: shelters\n");
        CHECK(e.where().line == 2);
        CHECK(e.message().find("共通ID") != std::string::npos);
    }
    SECTION("CRS missing") {
        auto e = load_error(dir, "layers:\n  - name: a\n    source: nocrs.shp\n    kind: flood_depth\n");
        CHECK(e.where().line == 2);
        CHECK(e.message().find("no CRS") != std::string::npos);
    }
    SECTION("CRS unknown") {
        auto e = load_error(dir, "layers:\n  - name: a\n    source: nocrs.shp\n    kind: flood_depth\n    crs: EPSG:99999999\n");
        CHECK(e.where().line == 5);
    }
    SECTION("CRS override used when the source has none") {
        HazardSet hs = load(dir, "layers:\n  - {source: nocrs.shp, kind: flood_depth, crs: \"EPSG:4612\", field: rank, preset: a31a_depth}\n");
        REQUIRE(hs.expose({35.05, 139.05}).depth);
    }
    SECTION("bad where") {
        auto e = load_error(dir, "layers:\n  - source: z.gpkg\n    kind: flood_depth\n    where: \"no_such = 1\"\n");
        CHECK(e.where().line == 4);
    }
}

TEST_CASE("shelters: flags, vertical sites, own exposure, lookup") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "z", 6668, kRankField, {{box_wkt(139.44, 35.65, 139.46, 35.66), {"2"}}});
    // GSI-style CSV without CRS; coordinates in 緯度/経度 columns.
    test::write_file(dir.file("sites.csv"),
                     "共通ID,施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,地震,内水氾濫,緯度,経度\n"
                     "S1,川沿い小学校校庭,多摩市関戸,1,,1,1,35.655,139.45\n"
                     "S2,駅前ビル　３階から屋上,多摩市関戸,1,,,1,35.656,139.451\n"
                     "S3,中学校校庭,多摩市関戸,,,1,,35.6555,139.452\n"
                     "S4,高台公園,多摩市永山,◯,○,,,35.63,139.44\n");
    HazardSet hs = load(dir, R"(layers:
  - {source: z.gpkg, kind: flood_depth, field: rank, preset: a31a_depth}
  - source: sites.csv
    kind: shelters
    crs: EPSG:6668
    open_options: [X_POSSIBLE_NAMES=経度, Y_POSSIBLE_NAMES=緯度]
)");
    REQUIRE(hs.shelters().size() == 4);
    const Shelter* s1 = hs.find_shelter("S1");
    REQUIRE(s1);
    CHECK(s1->name == "川沿い小学校校庭");
    CHECK(s1->flood);
    CHECK(s1->earthquake);
    CHECK(s1->inland_flood);
    CHECK_FALSE(s1->landslide);
    CHECK_FALSE(s1->welfare);
    CHECK_FALSE(s1->power.has_value());
    CHECK(s1->location.lat == Approx(35.655));
    CHECK(s1->location.lon == Approx(139.45));
    CHECK(s1->exposure.in_flood_zone);
    CHECK_FALSE(s1->vertical);
    CHECK_FALSE(s1->usable_in_flood());  // ground level inside the zone
    const Shelter* s2 = hs.find_shelter("駅前ビル ３階から屋上");  // spaces normalised
    REQUIRE(s2);
    CHECK(s2->id == "S2");
    CHECK(s2->vertical);
    CHECK(s2->exposure.in_flood_zone);
    CHECK(s2->usable_in_flood());
    const Shelter* s3 = hs.find_shelter("  中学校校庭 ");
    REQUIRE(s3);
    CHECK_FALSE(s3->flood);
    CHECK_FALSE(s3->usable_in_flood());
    const Shelter* s4 = hs.find_shelter("S4");
    REQUIRE(s4);
    CHECK(s4->flood);
    CHECK(s4->landslide);
    CHECK_FALSE(s4->exposure.in_flood_zone);
    CHECK(s4->usable_in_flood());
    CHECK(hs.find_shelter("S9") == nullptr);
    CHECK(hs.find_shelter("") == nullptr);
}

TEST_CASE("shelters: welfare/power fields and x/y fields") {
    test::TempDir dir;
    test::write_file(dir.file("w.csv"),
                     "id,name,lon,lat,welfare,power\n"
                     "W1,福祉センター,139.41,35.61,1,1\n"
                     "W2,福祉施設,139.42,35.62,1,0\n"
                     "W3,公園,139.43,35.63,,\n"
                     "W4,座標なし,,35.63,,\n");
    std::vector<Diagnostic> w;
    HazardSet hs = load(dir, R"(layers:
  - source: w.csv
    kind: shelters
    crs: EPSG:6668
    id_field: id
    name_field: name
    address_field: null
    flood_field: null
    landslide_field: null
    earthquake_field: null
    inland_flood_field: null
    welfare_field: welfare
    power_field: power
    x_field: lon
    y_field: lat
)",
                        &w);
    REQUIRE(hs.shelters().size() == 3);
    CHECK(any_warning(w, "W4", "unreadable"));
    CHECK(hs.find_shelter("W1")->welfare);
    CHECK(hs.find_shelter("W1")->power == std::optional<bool>(true));
    CHECK(hs.find_shelter("W2")->power == std::optional<bool>(false));
    CHECK_FALSE(hs.find_shelter("W3")->power.has_value());
    CHECK(hs.find_shelter("W3")->location.lon == Approx(139.43));
}

TEST_CASE("extract_map: clipped to the frame, in metres, centred") {
    test::TempDir dir;
    // A big zone covering the centre and a small one fully inside the frame.
    write_layer(dir.file("z.gpkg"), "z", 6668, kRankField,
                {{box_wkt(139.440, 35.650, 139.460, 35.660), {"2"}}, {box_wkt(139.4352, 35.6445, 139.4358, 35.6448), {"3"}}});
    test::write_file(dir.file("s.csv"), "共通ID,施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,地震,内水氾濫,緯度,経度\n"
                                        "A,内側,x,1,,,,35.6480,139.4400\n"
                                        "B,外側,x,1,,,,35.6600,139.4400\n");
    HazardSet hs = load(dir, R"(layers:
  - {source: z.gpkg, kind: flood_depth, field: rank, preset: a31a_depth}
  - {source: s.csv, kind: shelters, crs: "EPSG:6668", open_options: [X_POSSIBLE_NAMES=経度, Y_POSSIBLE_NAMES=緯度]}
)");
    LatLon centre{35.6470, 139.4400};  // 3 x 0.001 deg south of the big zone's south edge
    MapExtract m = hs.extract_map(centre, 800, 600, 5);
    CHECK(m.half_width_m == 800);
    CHECK(m.half_height_m == 600);
    REQUIRE(m.polygons.size() == 2);
    const MapPolygon& big = m.polygons[0];  // shallow first
    REQUIRE(big.depth);
    CHECK(big.depth->min_m == 0.5);
    REQUIRE(big.rings.size() == 1);
    double miny = 1e9, maxy = -1e9, minx = 1e9, maxx = -1e9;
    for (auto [x, y] : big.rings[0].points) {
        CHECK(std::fabs(x) <= 800 + 1e-6);
        CHECK(std::fabs(y) <= 600 + 1e-6);
        miny = std::min(miny, y), maxy = std::max(maxy, y), minx = std::min(minx, x), maxx = std::max(maxx, x);
    }
    CHECK(big.rings[0].points.front() == big.rings[0].points.back());
    // South edge of the zone: 0.003 degrees of latitude north of the centre.
    double edge_m = distance_m(centre, {35.650, 139.440});
    CHECK(miny == Approx(edge_m).margin(2.0));
    CHECK(maxy == Approx(600).margin(1e-6));
    CHECK(minx == Approx(0).margin(2.0));  // west edge at the centre's longitude
    CHECK(maxx == Approx(800).margin(1e-6));
    const MapPolygon& small = m.polygons[1];
    REQUIRE(small.depth);
    CHECK(small.depth->min_m == 3);
    for (auto [x, y] : small.rings[0].points) {
        CHECK(x < -300);
        CHECK(y < -100);
    }
    REQUIRE(m.shelters.size() == 1);
    CHECK(m.shelters[0].shelter->id == "A");
    CHECK(m.shelters[0].x == Approx(0).margin(0.5));
    CHECK(m.shelters[0].y == Approx(distance_m(centre, {35.6480, 139.4400})).margin(1.0));
    // Nothing around: empty.
    CHECK(hs.extract_map({35.0, 139.0}, 500, 500, 5).polygons.empty());
}

TEST_CASE("expose and extract_map are safe from several threads") {
    test::TempDir dir;
    std::vector<Feature> feats;
    for (int i = 0; i < 40; ++i) {
        double lon = 139.40 + 0.002 * i;
        feats.push_back({box_wkt(lon, 35.64, lon + 0.0015, 35.66, 6677), {std::to_string(1 + i % 6)}});
    }
    write_layer(dir.file("z.gpkg"), "z", 6677, kRankField, feats);
    HazardSet hs = load(dir, "layers:\n  - {source: z.gpkg, kind: flood_depth, field: rank, preset: a31a_depth}\n");
    auto work = [&hs](std::vector<std::string>& out) {
        for (int i = 0; i < 400; ++i) {
            LatLon p{35.645 + 0.00001 * i, 139.40 + 0.0002 * i};
            Exposure e = hs.expose(p);
            out.push_back(e.depth ? e.depth->label_en() : (e.in_flood_zone ? "?" : "-"));
            if (i % 40 == 0) {
                MapExtract m = hs.extract_map(p, 400, 300, 2);
                size_t pts = 0;
                for (const auto& poly : m.polygons) pts += poly.rings[0].points.size();
                out.push_back(std::to_string(m.polygons.size()) + "/" + std::to_string(pts));
            }
        }
    };
    std::vector<std::string> serial;
    work(serial);
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results) threads.emplace_back(work, std::ref(r));
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == serial);
    CHECK(std::count(serial.begin(), serial.end(), "-") > 0);
    CHECK(std::count(serial.begin(), serial.end(), "-") < 400);
}
