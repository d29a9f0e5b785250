#include <catch2/catch.hpp>

#include <sstream>

#include "cli/cli_fixtures.hpp"
#include "hazard/fixtures.hpp"
#include "commands/household.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

namespace {
HazardSet sample_hazard_set() { return HazardSet::load(load_hazard_config(test::sample_hazards()), nullptr); }
}  // namespace

TEST_CASE("evaluate_household: one pipeline, parse -> expose -> assess, same verdict as calling each step",
          "[commands][household]") {
    const HazardSet hazards = sample_hazard_set();
    RiskOptions risk;
    risk.as_of = Date{2026, 11, 28};
    PipelineCpu cpu;
    EvaluatedHousehold h = evaluate_household(test::source_path("samples/tama-001.yaml"), hazards, risk, &cpu);
    REQUIRE(h.ok());
    CHECK(h.profile().id == "tama-001");
    const Verdict direct = assess(h.profile(), hazards.expose(h.profile().household.location), hazards.shelters(), risk);
    CHECK(h.verdict().level == direct.level);
    CHECK(h.verdict().action == direct.action);
    CHECK(h.assessed->exposure.in_flood_zone == hazards.expose(h.profile().household.location).in_flood_zone);
    CHECK(cpu.parse_ns > 0);
    CHECK(cpu.assess_ns > 0);
}

TEST_CASE("evaluate_household: an invalid profile comes back unassessed with its located problems",
          "[commands][household]") {
    const HazardSet hazards = sample_hazard_set();
    TempDir dir;
    test::write_file(dir.file("bad.yaml"), "schema: sheetgen/profile-v1\nid: x\nperson: 3\n");
    EvaluatedHousehold h = evaluate_household(dir.file("bad.yaml"), hazards, RiskOptions{});
    CHECK_FALSE(h.ok());
    REQUIRE_FALSE(h.parsed.diagnostics.empty());
    CHECK(h.parsed.diagnostics.front().where.file == dir.file("bad.yaml"));
    CHECK(h.parsed.diagnostics.front().where.line > 0);
}

TEST_CASE("Admission: prints diagnostics, admits each id once (case-insensitive), counts the rest",
          "[commands][household]") {
    std::ostringstream err;
    Admission admission(err);
    admission.skip(1);
    CHECK(admission.admit({}, true, "tama-001", SourceLocation{"a.yaml", 2, 5}));
    CHECK_FALSE(admission.admit({}, true, "TAMA-001", SourceLocation{"b.yaml", 2, 5}));
    CHECK_FALSE(admission.admit({Diagnostic{SourceLocation{"c.yaml", 3, 1}, "broken"}}, false, "", {}));
    CHECK(admission.skipped() == 3);
    CHECK_THAT(err.str(), Catch::Contains("b.yaml:2:5") && Catch::Contains("a.yaml") &&
                              Catch::Contains("(household skipped)") && Catch::Contains("c.yaml:3:1: broken"));
}

TEST_CASE("the hazard config's location_uncertainty sets the radius of address-derived homes",
          "[commands][household]") {
    TempDir dir;
    const std::vector<test::FieldDef> rank = {{"rank", OFTInteger}};
    // Home at 35.6500, 139.4500 in a 0.5-3 m zone; a 3-5 m zone starts ~300 m east.
    test::write_layer(dir.file("z.gpkg"), "deep", 4326, rank, {{test::box_wkt(139.4533, 35.6400, 139.4600, 35.6600), {"3"}}});
    test::write_layer(dir.file("z.gpkg"), "shallow", 4326, rank,
                      {{test::box_wkt(139.4490, 35.6490, 139.4510, 35.6510), {"2"}}});
    const std::string layers = R"(layers:
  - {name: 深い, source: z.gpkg, layer: deep, kind: flood_depth, field: rank, preset: a31a_depth}
  - {name: 浅い, source: z.gpkg, layer: shallow, kind: flood_depth, field: rank, preset: a31a_depth}
)";
    test::write_file(dir.file("default.yaml"), layers);
    test::write_file(dir.file("narrow.yaml"), "location_uncertainty: {town_m: 100, block_m: 20}\n" + layers);
    std::string profile = test::minimal_profile("g-1", 35.65, 139.45);
    const std::string loc = "  location: {lat: " + std::to_string(35.65) + ", lon: " + std::to_string(139.45) + "}\n";
    profile.replace(profile.find(loc), loc.size(),
                    loc + "  location_source: {method: gazetteer, level: town, gazetteer: towns.geojson}\n");
    test::write_file(dir.file("g.yaml"), profile);
    RiskOptions risk;
    risk.as_of = Date{2026, 11, 28};
    const HazardSet wide = HazardSet::load(load_hazard_config(dir.file("default.yaml")), nullptr);
    const HazardSet narrow = HazardSet::load(load_hazard_config(dir.file("narrow.yaml")), nullptr);
    EvaluatedHousehold a = evaluate_household(dir.file("g.yaml"), wide, risk);
    INFO((a.parsed.diagnostics.empty() ? "" : a.parsed.diagnostics.front().message));
    REQUIRE(a.ok());
    REQUIRE(a.assessed->exposure.depth);
    CHECK(a.assessed->exposure.depth->min_m == 3);  // 500 m by default reaches the deep zone
    CHECK(a.verdict().has("location_approximate"));
    EvaluatedHousehold b = evaluate_household(dir.file("g.yaml"), narrow, risk);
    REQUIRE(b.ok());
    REQUIRE(b.assessed->exposure.depth);
    CHECK(b.assessed->exposure.depth->min_m == 0.5);  // 100 m does not
}
