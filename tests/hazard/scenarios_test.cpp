// Flood scenarios side by side (issue 11, item 4): `scenario:` is typed
// (planned | maximum, or 計画規模 | 想定最大規模); with layers of both loaded,
// each one's worst depth is kept and the verdict's depth is
// verdict_scenario's (maximum unless the config says planned).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "hazard/approximate.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::box_wkt;
using sheetgen::test::write_layer;

namespace {

const std::vector<test::FieldDef> kRank = {{"rank", OFTInteger}};

// planned: rank 4 (5-10 m) over [139.0, 139.2]; maximum: rank 2 (0.5-3 m)
// over [139.1, 139.3]; a zone of no stated scenario, rank 3 (3-5 m), over
// [139.25, 139.35]. Latitudes 35.0-35.1 throughout.
void write_scenario_layers(const test::TempDir& dir) {
    write_layer(dir.file("z.gpkg"), "planned", 4326, kRank, {{box_wkt(139.0, 35.0, 139.2, 35.1), {"4"}}});
    write_layer(dir.file("z.gpkg"), "maximum", 4326, kRank, {{box_wkt(139.1, 35.0, 139.3, 35.1), {"2"}}});
    write_layer(dir.file("z.gpkg"), "unstated", 4326, kRank, {{box_wkt(139.25, 35.0, 139.35, 35.1), {"3"}}});
}

const char* kBothLayers = R"(layers:
  - {name: L1, source: z.gpkg, layer: planned, kind: flood_depth, field: rank, preset: a31a_depth, scenario: planned}
  - {name: L2, source: z.gpkg, layer: maximum, kind: flood_depth, field: rank, preset: a31a_depth, scenario: 想定最大規模}
)";

HazardSet load(const test::TempDir& dir, const std::string& yaml, std::vector<Diagnostic>* warnings = nullptr) {
    test::write_file(dir.file("hz.yaml"), yaml);
    return HazardSet::load_file(dir.file("hz.yaml"), warnings);
}

InputError config_error(const std::string& text) {
    try {
        parse_hazard_config(text, "/cfg/hz.yaml");
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    return InputError({}, "");
}

const LatLon kInBoth{35.05, 139.15}, kPlannedOnly{35.05, 139.05}, kMaximumOnly{35.05, 139.22}, kNowhere{35.5, 139.5};

}  // namespace

TEST_CASE("scenario: names and Japanese labels parse to one typed value, unstated stays unknown", "[hazard][scenario]") {
    HazardConfig c = parse_hazard_config(R"(layers:
  - {source: a.gpkg, kind: flood_depth, scenario: planned}
  - {source: b.gpkg, kind: flood_depth, scenario: 計画規模}
  - {source: c.gpkg, kind: flood_depth, scenario: maximum}
  - {source: d.gpkg, kind: flood_depth, scenario: 想定最大規模}
  - {source: e.gpkg, kind: flood_depth}
)", "/cfg/hz.yaml");
    REQUIRE(c.layers.size() == 5);
    CHECK(c.layers[0].scenario == FloodScenario::Planned);
    CHECK(c.layers[1].scenario == FloodScenario::Planned);
    CHECK(c.layers[2].scenario == FloodScenario::Maximum);
    CHECK(c.layers[3].scenario == FloodScenario::Maximum);
    CHECK(c.layers[4].scenario == FloodScenario::Unknown);
    CHECK(c.verdict_scenario == FloodScenario::Maximum);  // the default
    CHECK(c.verdict_scenario_at.line == 0);
    CHECK(std::string(label_ja(FloodScenario::Planned)) == "計画規模");
    CHECK(std::string(to_string(FloodScenario::Maximum)) == "maximum");
    CHECK(std::string(label_ja(FloodScenario::Unknown)).empty());  // never the first table entry
    HazardConfig p = parse_hazard_config("verdict_scenario: 計画規模\nlayers:\n  - {source: a.gpkg, kind: flood_depth}\n",
                                         "/cfg/hz.yaml");
    CHECK(p.verdict_scenario == FloodScenario::Planned);
    CHECK(p.verdict_scenario_at.line == 1);
}

TEST_CASE("scenario: a wrong name is a located error with a did-you-mean", "[hazard][scenario]") {
    const InputError e = config_error(R"(verdict_scenario: plannd
layers:
  - {source: a.gpkg, kind: flood_depth, scenario: maximun}
  - {source: b.gpkg, kind: flood_depth, scenario: 想定最大規摸}
  - {source: c.gpkg, kind: flood_depth, scenario: L2}
)");
    const std::string m = e.what();
    INFO(m);
    CHECK_THAT(m, Catch::Contains("/cfg/hz.yaml:1:19: unknown verdict_scenario 'plannd' (did you mean 'planned'?); "
                                  "allowed: planned, maximum, 計画規模, 想定最大規模"));
    CHECK_THAT(m, Catch::Contains("/cfg/hz.yaml:3:51: unknown scenario 'maximun' (did you mean 'maximum'?)"));
    CHECK_THAT(m, Catch::Contains("/cfg/hz.yaml:4:51: unknown scenario '想定最大規摸' (did you mean '想定最大規模'?)"));
    CHECK_THAT(m, Catch::Contains("/cfg/hz.yaml:5:51: unknown scenario 'L2'"));
}

TEST_CASE("scenarios side by side: both depths kept, the verdict uses maximum", "[hazard][scenario]") {
    test::TempDir dir;
    write_scenario_layers(dir);
    const HazardSet hs = load(dir, kBothLayers);
    CHECK(hs.compares_scenarios());

    const Exposure both = hs.expose(kInBoth);
    REQUIRE(both.scenario_depths.size() == 2);
    const ScenarioDepth* l1 = both.scenario_depth(FloodScenario::Planned);
    const ScenarioDepth* l2 = both.scenario_depth(FloodScenario::Maximum);
    REQUIRE(l1);
    REQUIRE(l2);
    CHECK(l1->in_zone);
    REQUIRE(l1->depth);
    CHECK(l1->depth->min_m == 5);
    CHECK(l1->layer == "L1");
    CHECK(l2->in_zone);
    REQUIRE(l2->depth);
    CHECK(l2->depth->min_m == 0.5);
    CHECK(l2->layer == "L2");
    // The verdict's depth is the maximum scale's, although the planned class is deeper.
    CHECK(both.in_flood_zone);
    REQUIRE(both.depth);
    CHECK(both.depth->min_m == 0.5);
    CHECK(both.depth_scenario == FloodScenario::Maximum);
    CHECK(both.depth_layer == "L2");
    CHECK(both.layers_hit == std::vector<std::string>{"L1", "L2"});

    // Only in the planned zone: never "outside", the planned depth decides.
    const Exposure planned_only = hs.expose(kPlannedOnly);
    CHECK(planned_only.in_flood_zone);
    REQUIRE(planned_only.depth);
    CHECK(planned_only.depth->min_m == 5);
    CHECK(planned_only.depth_scenario == FloodScenario::Planned);
    REQUIRE(planned_only.scenario_depth(FloodScenario::Maximum));
    CHECK_FALSE(planned_only.scenario_depth(FloodScenario::Maximum)->in_zone);

    // Outside every zone: both records say so.
    const Exposure out = hs.expose(kNowhere);
    CHECK_FALSE(out.in_flood_zone);
    REQUIRE(out.scenario_depths.size() == 2);
    CHECK_FALSE(out.scenario_depths[0].in_zone);
    CHECK_FALSE(out.scenario_depths[1].in_zone);
}

TEST_CASE("scenarios side by side: verdict_scenario: planned makes the planned depth decide", "[hazard][scenario]") {
    test::TempDir dir;
    write_scenario_layers(dir);
    const HazardSet hs = load(dir, std::string("verdict_scenario: planned\n") + kBothLayers);
    const Exposure both = hs.expose(kInBoth);
    REQUIRE(both.depth);
    CHECK(both.depth->min_m == 5);
    CHECK(both.depth_scenario == FloodScenario::Planned);
    CHECK(both.depth_layer == "L1");
    REQUIRE(both.scenario_depth(FloodScenario::Maximum));
    CHECK(both.scenario_depth(FloodScenario::Maximum)->depth->min_m == 0.5);  // still reported
    // Only in the maximum zone: the maximum depth decides.
    const Exposure maximum_only = hs.expose(kMaximumOnly);
    REQUIRE(maximum_only.depth);
    CHECK(maximum_only.depth->min_m == 0.5);
    CHECK(maximum_only.depth_scenario == FloodScenario::Maximum);
}

TEST_CASE("scenarios side by side: a layer of no stated scenario counts with the verdict's scenario",
          "[hazard][scenario]") {
    test::TempDir dir;
    write_scenario_layers(dir);
    const HazardSet hs = load(dir, std::string(kBothLayers) +
                                       "  - {name: 不明, source: z.gpkg, layer: unstated, kind: flood_depth, field: "
                                       "rank, preset: a31a_depth}\n");
    const Exposure e = hs.expose({35.05, 139.27});  // maximum 0.5-3 m and unstated 3-5 m
    REQUIRE(e.depth);
    CHECK(e.depth->min_m == 3);
    CHECK(e.depth_scenario == FloodScenario::Unknown);
    CHECK(e.scenario_depth(FloodScenario::Maximum)->depth->min_m == 0.5);
}

TEST_CASE("one scenario loaded: the worst class of every layer, as before, and no scenario records",
          "[hazard][scenario]") {
    test::TempDir dir;
    write_scenario_layers(dir);
    std::vector<Diagnostic> warnings;
    // planned + a layer of no stated scenario; the written verdict_scenario has nothing to choose from.
    const HazardSet hs = load(dir, R"(verdict_scenario: maximum
layers:
  - {name: L1, source: z.gpkg, layer: planned, kind: flood_depth, field: rank, preset: a31a_depth, scenario: planned}
  - {name: 不明, source: z.gpkg, layer: unstated, kind: flood_depth, field: rank, preset: a31a_depth}
)", &warnings);
    CHECK_FALSE(hs.compares_scenarios());
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].where.line == 1);
    CHECK_THAT(warnings[0].message, Catch::Contains("verdict_scenario has no effect"));
    const Exposure e = hs.expose(kInBoth);
    CHECK(e.scenario_depths.empty());
    REQUIRE(e.depth);
    CHECK(e.depth->min_m == 5);
    CHECK(e.depth_scenario == FloodScenario::Planned);
    const Exposure u = hs.expose({35.05, 139.32});
    REQUIRE(u.depth);
    CHECK(u.depth->min_m == 3);
    CHECK(u.depth_scenario == FloodScenario::Unknown);
}

TEST_CASE("scenarios side by side: an approximate location keeps each scenario's worst class within the radius",
          "[hazard][scenario]") {
    test::TempDir dir;
    write_scenario_layers(dir);
    const HazardSet hs = load(dir, kBothLayers);
    // 139.095: planned only; ~1 km east reaches the maximum zone (139.1).
    const Exposure near = expose_worst_within(hs, {35.05, 139.095}, 1000);
    REQUIRE(near.scenario_depths.size() == 2);
    REQUIRE(near.scenario_depth(FloodScenario::Maximum));
    CHECK(near.scenario_depth(FloodScenario::Maximum)->in_zone);
    CHECK(near.scenario_depth(FloodScenario::Maximum)->depth->min_m == 0.5);
    CHECK(near.scenario_depth(FloodScenario::Planned)->depth->min_m == 5);
    const Exposure centre = hs.expose({35.05, 139.095});
    CHECK_FALSE(centre.scenario_depth(FloodScenario::Maximum)->in_zone);
}

TEST_CASE("tama-scenarios: the 2012 計画規模 zones and the 2023 想定最大規模 ranks side by side (real data)",
          "[hazard][scenario][real]") {
    if (!test::file_exists(test::shared_data("tokyo/A31-12_13.shp")) ||
        !test::file_exists(test::shared_data("tama-maxscale/flood_maxscale_tama.gpkg")))
        SHEETGEN_SKIP(test::shared_data("") + " lacks the A31 2012 or the 2023 maximum-scale data (real public data)");
    test::TempDir dir;
    const HazardSet hs = HazardSet::load_file(test::real_config(dir.path(), "tama-scenarios.yaml"));
    CHECK(hs.compares_scenarios());
    CHECK(hs.shelters().size() == 41);
    // tama-001 (関戸): in the 2012 zone (no depth attribute) and in a 2023 rank-2 zone.
    const Exposure a = hs.expose({35.6530, 139.4440});
    REQUIRE(a.scenario_depth(FloodScenario::Planned));
    CHECK(a.scenario_depth(FloodScenario::Planned)->in_zone);
    CHECK_FALSE(a.scenario_depth(FloodScenario::Planned)->depth);  // "in zone, depth unknown"
    REQUIRE(a.scenario_depth(FloodScenario::Maximum)->depth);
    CHECK(a.scenario_depth(FloodScenario::Maximum)->depth->min_m == 0.5);
    REQUIRE(a.depth);
    CHECK(a.depth->min_m == 0.5);
    CHECK(a.depth_scenario == FloodScenario::Maximum);
    // tama-008: inside the 2012 zone, outside every 2023 zone: the planned zone decides.
    const Exposure b = hs.expose({35.6540, 139.4455});
    CHECK(b.in_flood_zone);
    CHECK_FALSE(b.depth);
    CHECK(b.depth_scenario == FloodScenario::Planned);
    CHECK_FALSE(b.scenario_depth(FloodScenario::Maximum)->in_zone);
    // tama-010 (乞田川 valley): only the 2023 data has it.
    const Exposure c = hs.expose({35.6330, 139.4580});
    CHECK_FALSE(c.scenario_depth(FloodScenario::Planned)->in_zone);
    REQUIRE(c.depth);
    CHECK(c.depth->min_m == 0);
    CHECK(c.depth_scenario == FloodScenario::Maximum);
    // 永山 (tama-004): outside both.
    const Exposure d = hs.expose({35.6305, 139.4480});
    CHECK_FALSE(d.in_flood_zone);
    CHECK_FALSE(d.scenario_depth(FloodScenario::Planned)->in_zone);
    CHECK_FALSE(d.scenario_depth(FloodScenario::Maximum)->in_zone);
}
