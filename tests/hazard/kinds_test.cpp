// The kind table (hazard/kinds.hpp) and the two kinds added through it:
// storm_surge and tsunami, on small synthetic GeoJSON layers.
#include <catch2/catch.hpp>

#include <set>

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

std::string config_error(const std::string& yaml) {
    try {
        parse_hazard_config(yaml, "kinds.yaml");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

// A river flood over the whole test area, a storm-surge layer with two
// overlapping ranks and a tsunami layer whose codes need `classes:`.
void write_layers(const test::TempDir& dir) {
    write_layer(dir.file("flood.geojson"), "flood", 4326, {{"rank", OFTInteger}},
                {{box_wkt(139.40, 35.60, 139.50, 35.70), {"1"}}}, "GeoJSON");
    write_layer(dir.file("surge.geojson"), "surge", 4326, {{"rank", OFTInteger}},
                {{box_wkt(139.41, 35.61, 139.45, 35.65), {"2"}}, {box_wkt(139.42, 35.62, 139.44, 35.64), {"3"}}},
                "GeoJSON");
    write_layer(dir.file("tsunami.geojson"), "tsunami", 4326, {{"A40_003", OFTString}},
                {{box_wkt(139.46, 35.61, 139.49, 35.64), {"4"}}, {box_wkt(139.47, 35.66, 139.48, 35.67), {""}}},
                "GeoJSON");
}

const char* kYaml = R"(name: kinds
layers:
  - name: 洪水
    source: flood.geojson
    kind: flood_depth
    field: rank
    preset: a31a_depth
  - name: 高潮
    source: surge.geojson
    kind: storm_surge
    field: rank
    preset: a31a_depth
  - name: 津波
    source: tsunami.geojson
    kind: tsunami
    field: A40_003
    classes: {"1": [0, 0.3], "2": [0.3, 1], "3": [1, 2], "4": [2, 5], "5": [5, null]}
)";

}  // namespace

TEST_CASE("every kind has one descriptor, and its name parses back", "[hazard][kinds]") {
    std::set<std::string> names;
    for (const auto& k : kHazardKinds) {
        const std::string name = to_string(k.kind);
        CHECK(names.insert(name).second);
        CHECK(EnumTable<LayerKind>(kLayerKindNames).parse(name) == k.kind);
        CHECK(std::string(label_ja(k.kind)).size() > 0);
        CHECK(std::string(k.label_en).size() > 0);
        CHECK(&kind_info(k.kind) == &k);
    }
    CHECK(names.count("storm_surge"));
    CHECK(names.count("tsunami"));
    CHECK(std::string(label_ja(LayerKind::StormSurge)) == "高潮浸水想定区域");
    CHECK(std::string(label_ja(LayerKind::Tsunami)) == "津波浸水想定");
    CHECK(kind_info(LayerKind::Tsunami).rule == KindRule::LeaveNow);
    CHECK(kind_info(LayerKind::StormSurge).rule == KindRule::FloodDepth);
    CHECK_FALSE(kind_info(LayerKind::Tsunami).flood_coverage);
}

TEST_CASE("storm_surge and tsunami configs: the depth keys apply, the others do not", "[hazard][kinds][config]") {
    HazardConfig cfg = parse_hazard_config(kYaml, "kinds.yaml");
    REQUIRE(cfg.layers.size() == 3);
    CHECK(cfg.layers[1].kind == LayerKind::StormSurge);
    CHECK(cfg.layers[1].classes.size() == 6);  // a31a_depth fits a depth kind
    CHECK(cfg.layers[2].kind == LayerKind::Tsunami);
    CHECK(cfg.layers[2].classes.at("5").max == kUnbounded);

    // `type` belongs to typed kinds; the duration preset to flood_duration.
    std::string e = config_error("layers:\n  - source: t.geojson\n    kind: tsunami\n    type: x\n");
    CHECK(e.find("kinds.yaml:4:5") != std::string::npos);
    CHECK(e.find("'type' does not apply to a tsunami layer") != std::string::npos);
    e = config_error("layers:\n  - source: s.geojson\n    kind: storm_surge\n    field: d\n    preset: a31a_duration\n");
    CHECK(e.find("kinds.yaml:5:13") != std::string::npos);
    CHECK(e.find("preset 'a31a_duration' does not fit a storm_surge layer") != std::string::npos);
    // A misspelt kind gets a suggestion from the table.
    e = config_error("layers:\n  - source: s.geojson\n    kind: tsunamii\n");
    CHECK(e.find("kinds.yaml:3:11") != std::string::npos);
    CHECK(e.find("tsunami") != std::string::npos);
}

TEST_CASE("storm-surge and tsunami zones are reported in their own records, worst depth first", "[hazard][kinds]") {
    test::TempDir dir;
    write_layers(dir);
    test::write_file(dir.file("kinds.yaml"), kYaml);
    HazardSet set = HazardSet::load_file(dir.file("kinds.yaml"));

    // Inside both surge ranks: 3 (3-5 m) wins over 2; the river flood stays its own 0-0.5 m.
    Exposure in_surge = set.expose({35.63, 139.43});
    CHECK(in_surge.in_flood_zone);
    REQUIRE(in_surge.depth);
    CHECK(in_surge.depth->max_m == 0.5);
    const KindZone* s = in_surge.zone(LayerKind::StormSurge);
    REQUIRE(s);
    REQUIRE(s->depth);
    CHECK(s->depth->min_m == 3);
    CHECK(s->depth->max_m == 5);
    CHECK(s->layer == "高潮");
    CHECK(in_surge.zone(LayerKind::Tsunami) == nullptr);
    CHECK(in_surge.in_water_zone());

    Exposure in_tsunami = set.expose({35.62, 139.475});
    const KindZone* t = in_tsunami.zone(LayerKind::Tsunami);
    REQUIRE(t);
    REQUIRE(t->depth);
    CHECK(t->depth->min_m == 2);
    CHECK(in_tsunami.zone(LayerKind::StormSurge) == nullptr);

    // A tsunami zone without a code: inside, depth unknown.
    Exposure no_code = set.expose({35.665, 139.475});
    REQUIRE(no_code.zone(LayerKind::Tsunami));
    CHECK_FALSE(no_code.zone(LayerKind::Tsunami)->depth);

    Exposure outside = set.expose({35.69, 139.405});
    CHECK(outside.kind_zones.empty());
    CHECK(outside.in_flood_zone);

    // The map draws them as depth zones.
    CHECK(set.zone_polygons_lonlat(0).size() == 5);
}

TEST_CASE("a tsunami layer alone is no river-flood coverage", "[hazard][kinds]") {
    test::TempDir dir;
    write_layers(dir);
    test::write_file(dir.file("t.yaml"), "layers:\n  - source: tsunami.geojson\n    kind: tsunami\n");
    HazardSet set = HazardSet::load_file(dir.file("t.yaml"));
    Exposure e = set.expose({35.62, 139.475});
    CHECK_FALSE(e.covered_by_flood_data);  // river flood unknown here
    REQUIRE(e.zone(LayerKind::Tsunami));
    CHECK_FALSE(e.zone(LayerKind::Tsunami)->depth);  // no field: inside, depth unknown
}
