// Storm surge and tsunami in the verdict: what their kind-table rule does.
#include <catch2/catch.hpp>

#include "risk/verdict.hpp"
#include "risk_fixtures.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

RiskOptions kind_opts() {
    RiskOptions o;
    o.as_of = Date{2026, 6, 1};
    return o;
}

Exposure zone_of(LayerKind kind, std::optional<DepthRange> depth) {
    Exposure e;
    KindZone z;
    z.kind = kind;
    z.depth = depth;
    z.layer = "zone";
    e.kind_zones.push_back(z);
    return e;
}

// Stock and power that would let a flood household on a dry floor stay upstairs.
Profile well_stocked(int floor) {
    Profile p = base_profile(floor);
    p.supplies.stock_days = 30;
    p.supplies.medication_days = 30;
    return p;
}

}  // namespace

TEST_CASE("a home in a tsunami zone leaves at once on the warning, whatever the floor", "[verdict][kinds]") {
    // 10F of 15, depth 0-0.5 m: a river flood of that depth would let the family stay upstairs.
    Profile p = well_stocked(10);
    Verdict flood = assess(p, flood_exposure(DepthRange{0, 0.5}, DurationRange{0, 12}), {}, kind_opts());
    REQUIRE(flood.action == FloodAction::ShelterUpstairs);  // the contrast the tsunami rule must break

    Verdict v = assess(p, zone_of(LayerKind::Tsunami, DepthRange{0, 0.5}), {}, kind_opts());
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(v.level == Priority::A);
    CHECK(v.has("leave_now_tsunami"));
    CHECK(v.has("tsunami_zone"));
    CHECK_FALSE(v.has("leave_early"));  // not "at alert level 3"
    CHECK(v.leave_immediately);
    CHECK_FALSE(v.start_alert_level.has_value());  // no alert level to wait for
    CHECK_FALSE(v.has("shelter_upstairs"));
    CHECK(v.first(DestinationRole::Upstairs) == nullptr);
    REQUIRE_FALSE(v.reasons.empty());
    CHECK(v.reasons.front().code == "leave_now_tsunami");  // listed first
    CHECK(v.reasons.front().ja.find("警戒レベルを待たずに直ちに") != std::string::npos);
    for (const auto& r : v.reasons)
        if (r.code == "tsunami_zone") CHECK(r.ja.find("0.5m未満") != std::string::npos);
}

TEST_CASE("a tsunami zone and a flood zone: both leave reasons, the tsunami's first", "[verdict][kinds]") {
    Exposure e = flood_exposure(DepthRange{0.5, 3});
    e.kind_zones = zone_of(LayerKind::Tsunami, std::nullopt).kind_zones;
    Verdict v = assess(base_profile(1), e, {}, kind_opts());
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(v.has("leave_now_tsunami"));
    CHECK(v.has("leave_early"));
    CHECK(v.leave_immediately);
    CHECK(v.start_alert_level == 3);  // the flood still starts at level 3
    CHECK(reason_rank("leave_now_tsunami") < reason_rank("leave_early"));
    // A tsunami zone without depth data says so.
    bool unknown = false;
    for (const auto& r : v.reasons)
        if (r.code == "tsunami_zone") unknown = r.ja.find("不明") != std::string::npos;
    CHECK(unknown);
}

TEST_CASE("a storm-surge zone is judged like a flood: depth against the floor", "[verdict][kinds]") {
    // 1F in 0.5-3 m: the floor floods, the family leaves at level 3.
    Verdict low = assess(base_profile(1), zone_of(LayerKind::StormSurge, DepthRange{0.5, 3}), {}, kind_opts());
    CHECK(low.action == FloodAction::LeaveEarly);
    CHECK(low.has("storm_surge_zone"));
    CHECK(low.has("living_floor_floods"));
    CHECK(low.has("leave_early"));
    CHECK(low.has("building_power_loss"));  // a flooded district loses power
    REQUIRE(low.safe_floor);
    CHECK(*low.safe_floor == 2);
    // 10F with stock: stays upstairs like a river flood would.
    Verdict high = assess(well_stocked(10), zone_of(LayerKind::StormSurge, DepthRange{0.5, 3}), {}, kind_opts());
    CHECK(high.has("floor_above_water"));
    CHECK(high.action == FloodAction::ShelterUpstairs);
}

TEST_CASE("the worse of the flood and storm-surge depths decides", "[verdict][kinds]") {
    // 2F (floor level 3 m): dry in a 0.5-3 m flood, under water in a 3-5 m storm surge.
    Exposure e = flood_exposure(DepthRange{0.5, 3});
    e.kind_zones = zone_of(LayerKind::StormSurge, DepthRange{3, 5}).kind_zones;
    Verdict v = assess(well_stocked(2), e, {}, kind_opts());
    CHECK(v.has("living_floor_floods"));
    CHECK_FALSE(v.has("floor_above_water"));
    CHECK(v.action == FloodAction::LeaveEarly);
    REQUIRE(v.safe_floor);
    CHECK(*v.safe_floor == 3);  // from 5 m, not 3 m
    // A storm-surge zone without depth data makes the depth unknown: leave.
    Exposure u = flood_exposure(DepthRange{0, 0.5});
    u.kind_zones = zone_of(LayerKind::StormSurge, std::nullopt).kind_zones;
    Verdict vu = assess(well_stocked(10), u, {}, kind_opts());
    CHECK(vu.has("depth_unknown"));
    CHECK(vu.action == FloodAction::LeaveEarly);
}

TEST_CASE("a ground-level site inside a tsunami or storm-surge zone is no flee site", "[verdict][kinds]") {
    Shelter in_zone = shelter_at("S-IN", "沿岸の公園", 100);
    in_zone.exposure = zone_of(LayerKind::Tsunami, DepthRange{2, 5});
    Shelter dry = shelter_at("S-DRY", "高台の学校", 900);
    CHECK_FALSE(in_zone.usable_in_flood());
    CHECK(dry.usable_in_flood());
    Profile p = base_profile(1);
    p.evacuation.shelter = "";
    Verdict v = assess(p, zone_of(LayerKind::Tsunami, DepthRange{0.5, 3}), {in_zone, dry}, kind_opts());
    REQUIRE(v.flee_site);
    CHECK(v.flee_site->id == "S-DRY");
    Verdict s = assess(p, zone_of(LayerKind::StormSurge, DepthRange{0.5, 3}), {in_zone, dry}, kind_opts());
    REQUIRE(s.flee_site);
    CHECK(s.flee_site->id == "S-DRY");
}

TEST_CASE("the depth reasons name the river whose data they come from", "[verdict][multi_file]") {
    Exposure e = flood_exposure(DepthRange{3, 5});
    e.depth_river = "多摩川";
    Verdict v = assess(base_profile(1), e, {}, kind_opts());
    bool named = false;
    for (const auto& r : v.reasons)
        if (r.code == "living_floor_floods") {
            named = r.ja.find("想定浸水深 3.0m以上5.0m未満（多摩川の浸水想定）：") != std::string::npos &&
                    r.en.find("(多摩川 flood data)") != std::string::npos;
        }
    CHECK(named);
    // Without a river the sentence is as before.
    Verdict plain = assess(base_profile(1), flood_exposure(DepthRange{3, 5}), {}, kind_opts());
    for (const auto& r : plain.reasons)
        if (r.code == "living_floor_floods") CHECK(r.ja.find("5.0m未満：") != std::string::npos);
}
