// The support sheet's 想定浸水深 (exposure.depth_label): the scenario in
// brackets as before; with both scenarios loaded, the deciding one first and
// the other in brackets.
#include <catch2/catch.hpp>

#include "render/fields.hpp"
#include "risk/verdict.hpp"

using namespace sheetgen;

namespace {

std::string field(const Verdict& v, const std::string& key) {
    Profile p;
    p.id = "s-1";
    p.updated = Date{2026, 4, 1};
    render::FieldModel m = render::build_field_model(p, v, Date{2026, 11, 28});
    return m.scalars[key].text;
}

ScenarioDepth scenario(FloodScenario s, bool in_zone, std::optional<DepthRange> d) {
    ScenarioDepth r;
    r.scenario = s;
    r.in_zone = in_zone;
    r.depth = d;
    return r;
}

}  // namespace

TEST_CASE("depth label: one scenario as before, both side by side", "[render][scenario]") {
    Verdict v;
    v.exposure.in_flood_zone = true;
    v.exposure.depth = DepthRange{3, 5};
    v.exposure.depth_scenario = FloodScenario::Maximum;
    SECTION("one scenario loaded") {
        CHECK(field(v, "exposure.depth_label") == "3.0m以上5.0m未満（想定最大規模）");
        CHECK(field(v, "exposure.depth_scenario") == "想定最大規模");
        CHECK(field(v, "exposure.depth_planned").empty());
    }
    SECTION("both loaded: the maximum decides, the planned one in brackets") {
        v.exposure.scenario_depths = {scenario(FloodScenario::Planned, true, DepthRange{0.5, 3}),
                                      scenario(FloodScenario::Maximum, true, DepthRange{3, 5})};
        CHECK(field(v, "exposure.depth_label") == "想定最大規模 3.0m以上5.0m未満（計画規模 0.5m以上3.0m未満）");
        CHECK(field(v, "exposure.depth_planned") == "0.5m以上3.0m未満");
        CHECK(field(v, "exposure.depth_maximum") == "3.0m以上5.0m未満");
    }
    SECTION("both loaded: the other scenario's zone without depth, or not at all") {
        v.exposure.scenario_depths = {scenario(FloodScenario::Planned, true, std::nullopt),
                                      scenario(FloodScenario::Maximum, true, DepthRange{3, 5})};
        CHECK(field(v, "exposure.depth_label") == "想定最大規模 3.0m以上5.0m未満（計画規模 区域内・深さ不明）");
        v.exposure.scenario_depths[0].in_zone = false;
        CHECK(field(v, "exposure.depth_label") == "想定最大規模 3.0m以上5.0m未満（計画規模 区域外）");
    }
    SECTION("both loaded: only the planned zone holds the home") {
        v.exposure.depth.reset();
        v.exposure.depth_scenario = FloodScenario::Planned;
        v.exposure.scenario_depths = {scenario(FloodScenario::Planned, true, std::nullopt),
                                      scenario(FloodScenario::Maximum, false, std::nullopt)};
        CHECK(field(v, "exposure.depth_label") == "計画規模 浸水想定区域内（深さ不明）（想定最大規模 区域外）");
    }
    SECTION("outside every zone: one wording whatever was loaded") {
        v.exposure.in_flood_zone = false;
        v.exposure.depth.reset();
        v.exposure.scenario_depths = {scenario(FloodScenario::Planned, false, std::nullopt),
                                      scenario(FloodScenario::Maximum, false, std::nullopt)};
        CHECK(field(v, "exposure.depth_label") == "浸水想定区域外");
        CHECK(field(v, "exposure.depth_maximum") == "区域外");
    }
}
