#include <catch2/catch.hpp>

#include <algorithm>

#include "common/geo.hpp"
#include "risk/power.hpp"
#include "risk/verdict.hpp"
#include "risk_fixtures.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

RiskOptions opts() {
    RiskOptions o;
    o.as_of = Date{2026, 11, 24};
    return o;
}

bool has(const Verdict& v, const std::string& code) {
    return std::any_of(v.reasons.begin(), v.reasons.end(), [&](const Reason& r) { return r.code == code; });
}

const Reason& get(const Verdict& v, const std::string& code) {
    auto it = std::find_if(v.reasons.begin(), v.reasons.end(), [&](const Reason& r) { return r.code == code; });
    REQUIRE(it != v.reasons.end());
    return *it;
}

size_t pos(const Verdict& v, const std::string& code) {
    auto it = std::find_if(v.reasons.begin(), v.reasons.end(), [&](const Reason& r) { return r.code == code; });
    return static_cast<size_t>(it - v.reasons.begin());
}

std::vector<Shelter> ok_shelters() { return {shelter_at("S-OK", "関戸公民館", 500)}; }

const DepthRange k0to05{0, 0.5};
const DepthRange k05to3{0.5, 3.0};
const DepthRange k3to5{3.0, 5.0};

}  // namespace

TEST_CASE("priority and shelter labels", "[verdict]") {
    CHECK(std::string(to_string(Priority::A)) == "A");
    CHECK(std::string(to_string(Priority::D)) == "D");
    CHECK(std::string(label_ja(Priority::A)) == "A: 早期避難（警戒レベル3で避難開始）");
    CHECK(std::string(label_en(Priority::B)) == "B: Evacuate (leave by alert level 4)");
    CHECK(std::string(to_string(ShelterStatus::InFloodZone)) == "in_flood_zone");
    CHECK(std::string(to_string(ShelterStatus::NoData)) == "no_data");
    CHECK(std::string(label_ja(ShelterStatus::Ok)) == "洪水時に使用可");
}

TEST_CASE("outside all zones is D with a reason", "[verdict]") {
    Profile p = base_profile();
    Verdict v = assess(p, Exposure{}, ok_shelters(), opts());
    CHECK(v.level == Priority::D);
    CHECK(v.household_id == "test-001");
    REQUIRE_FALSE(v.reasons.empty());
    CHECK(v.reasons[0].code == "outside_all_zones");
    CHECK(v.planned_shelter_status == ShelterStatus::Ok);
    CHECK_FALSE(v.suggested_shelter);
    CHECK_FALSE(v.power_hours);
}

TEST_CASE("living floor below the depth class must leave (B)", "[verdict]") {
    Profile p = base_profile(1);
    Verdict v = assess(p, flood_exposure(k05to3), ok_shelters(), opts());
    CHECK(v.level == Priority::B);
    CHECK(has(v, "living_floor_floods"));
    CHECK_FALSE(has(v, "floor_above_water"));
    CHECK(get(v, "living_floor_floods").ja.find("生活・就寝する1階") != std::string::npos);

    // The 0-0.5 m class reaches the ground floor level (conservative rule).
    v = assess(p, flood_exposure(k0to05), ok_shelters(), opts());
    CHECK(v.level == Priority::B);
    CHECK(has(v, "living_floor_floods"));
}

TEST_CASE("floor exactly at the depth class limit stays above water (C)", "[verdict]") {
    Profile p = base_profile(2);  // floor level 3.0 m
    Verdict v = assess(p, flood_exposure(k05to3), ok_shelters(), opts());
    CHECK(v.level == Priority::C);
    CHECK(has(v, "floor_above_water"));
    CHECK_FALSE(has(v, "living_floor_floods"));

    v = assess(p, flood_exposure(k3to5), ok_shelters(), opts());
    CHECK(v.level == Priority::B);
    CHECK(has(v, "living_floor_floods"));

    // 2.5 m storeys: the second floor (2.5 m) is below 3.0 m.
    RiskOptions o = opts();
    o.metres_per_storey = 2.5;
    v = assess(p, flood_exposure(k05to3), ok_shelters(), o);
    CHECK(v.level == Priority::B);
}

TEST_CASE("the lower of living and sleeping floor decides", "[verdict]") {
    Profile p = base_profile(3);
    p.household.sleeping_floor = 1;
    Verdict v = assess(p, flood_exposure(k05to3), ok_shelters(), opts());
    CHECK(v.level == Priority::B);
    CHECK(get(v, "living_floor_floods").ja.find("就寝する1階") != std::string::npos);
}

TEST_CASE("unknown depth: floors below 5 m flood (B), higher floors are isolated (C)", "[verdict]") {
    for (int floor : {1, 2}) {
        Verdict v = assess(base_profile(floor), flood_exposure(std::nullopt), ok_shelters(), opts());
        CHECK(v.level == Priority::B);
        CHECK(has(v, "depth_unknown_floor_floods"));
    }
    Verdict v = assess(base_profile(3), flood_exposure(std::nullopt), ok_shelters(), opts());
    CHECK(v.level == Priority::C);
    CHECK(has(v, "depth_unknown_upper_floor"));

    // Only a duration zone hit: depth unknown too.
    Exposure e;
    e.in_duration_zone = true;
    e.duration = DurationRange{0, 12};
    v = assess(base_profile(1), e, ok_shelters(), opts());
    CHECK(v.level == Priority::B);
    CHECK(has(v, "depth_unknown_floor_floods"));
}

TEST_CASE("ventilator user whose floor floods evacuates early (A)", "[verdict]") {
    Profile p = base_profile(1);
    Device vent = ventilator_60w();
    vent.internal_battery_h = 200;  // plenty of power: only the floor rule fires
    p.devices = {vent};
    Verdict v = assess(p, flood_exposure(k05to3, DurationRange{24, 72}), ok_shelters(), opts());
    CHECK(v.level == Priority::A);
    CHECK(has(v, "ventilator_floor_floods"));
    CHECK_FALSE(has(v, "power_short_of_isolation"));
    CHECK(has(v, "power_covers_target"));

    // Same user on the 2nd floor at the 3.0 m limit: no flood of the floor.
    p.household.living_floor = p.household.sleeping_floor = 2;
    v = assess(p, flood_exposure(k05to3, DurationRange{24, 72}), ok_shelters(), opts());
    CHECK(v.level == Priority::C);
    CHECK_FALSE(has(v, "ventilator_floor_floods"));
}

TEST_CASE("power shorter than the isolation makes even a high floor A", "[verdict]") {
    Profile p = base_profile(8);  // tama-002-like
    p.devices = {make_device(DeviceKind::Ventilator, 60, 24, 4, 1, 6)};  // 10 h
    Verdict v = assess(p, flood_exposure(k3to5, DurationRange{72, 168}), ok_shelters(), opts());
    CHECK(v.level == Priority::A);
    REQUIRE(v.power_hours);
    CHECK(*v.power_hours == Approx(10).margin(1e-12));
    const Reason& r = get(v, "power_short_of_isolation");
    CHECK(r.ja.find("約10時間") != std::string::npos);
    CHECK(r.ja.find("最長168時間") != std::string::npos);
    CHECK(has(v, "floor_above_water"));
    CHECK(pos(v, "power_short_of_isolation") < pos(v, "floor_above_water"));

    // Runtime exactly the isolation: covered, no A.
    p.devices = {make_device(DeviceKind::Ventilator, 60, 24, 168)};
    v = assess(p, flood_exposure(k3to5, DurationRange{72, 168}), ok_shelters(), opts());
    CHECK(v.level == Priority::C);
    CHECK(has(v, "power_covers_target"));
    CHECK_FALSE(has(v, "power_short_of_isolation"));

    // The open class counts as 672 h.
    v = assess(p, flood_exposure(k3to5, DurationRange{672, kUnbounded}), ok_shelters(), opts());
    CHECK(v.level == Priority::A);
}

TEST_CASE("in a flood zone without duration data the runtime is compared with 72 h", "[verdict]") {
    Profile p = base_profile(8);
    p.devices = {make_device(DeviceKind::Ventilator, 60, 24, 71.9)};
    Verdict v = assess(p, flood_exposure(k05to3), ok_shelters(), opts());
    CHECK(v.level == Priority::A);
    CHECK(has(v, "duration_unknown"));
    CHECK(has(v, "power_short_of_72h"));

    p.devices[0].internal_battery_h = 72;
    v = assess(p, flood_exposure(k05to3), ok_shelters(), opts());
    CHECK(v.level == Priority::C);
    CHECK(has(v, "duration_unknown"));
    CHECK_FALSE(has(v, "power_short_of_72h"));
}

TEST_CASE("power runtime outside the zones is reported but does not change the level", "[verdict]") {
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    p.power_backup = {station(500)};
    Verdict v = assess(p, Exposure{}, ok_shelters(), opts());
    CHECK(v.level == Priority::D);
    REQUIRE(v.power_hours);
    CHECK(*v.power_hours == Approx(23.083333).margin(1e-6));
    const Reason& r = get(v, "power_runtime");
    CHECK(r.ja == "停電時に医療機器を動かせる時間：約23.1時間（人工呼吸器：内部バッテリー 4時間 → 外部バッテリー 12時間 → "
                  "ポータブル電源 7.1時間）");
    // Short of the 72 h carry target: the manual fallback is listed.
    CHECK(get(v, "manual_fallback").ja.find("人工呼吸器 → アンビューバッグ") != std::string::npos);
    CHECK_FALSE(has(v, "power_short_of_72h"));
    CHECK_FALSE(v.suggested_welfare);  // suggestions only for households in a zone
}

TEST_CASE("house-collapse and landslide zones are A whatever the floor", "[verdict]") {
    Profile p = base_profile(10);
    Exposure e = flood_exposure(k05to3);
    e.in_house_collapse = true;
    e.house_collapse_type = "bank_erosion";
    Verdict v = assess(p, e, ok_shelters(), opts());
    CHECK(v.level == Priority::A);
    CHECK(v.reasons[0].code == "house_collapse_zone");
    CHECK(v.reasons[0].ja.find("河岸侵食") != std::string::npos);
    CHECK(has(v, "floor_above_water"));

    Exposure l;
    l.in_landslide = true;
    l.landslide_type = "急傾斜地";
    v = assess(p, l, ok_shelters(), opts());
    CHECK(v.level == Priority::A);
    CHECK(v.reasons[0].code == "landslide_zone");
    CHECK_FALSE(has(v, "outside_all_zones"));
}

TEST_CASE("the most urgent rule sets the level and leads the reasons", "[verdict]") {
    Profile p = base_profile(1);
    p.consent.share_with_supporters = false;
    p.devices = {ventilator_60w()};
    p.power_backup = {station(500)};
    Exposure e = flood_exposure(k05to3, DurationRange{24, 72});  // tama-001-like
    e.in_house_collapse = true;
    Verdict v = assess(p, e, ok_shelters(), opts());
    CHECK(v.level == Priority::A);
    std::vector<std::string> codes;
    for (const auto& r : v.reasons) codes.push_back(r.code);
    std::vector<std::string> expected{"house_collapse_zone", "ventilator_floor_floods", "power_short_of_isolation",
                                      "living_floor_floods", "power_runtime",           "manual_fallback",
                                      "no_welfare_shelter_with_power",           "consent_missing"};
    CHECK(codes == expected);
}

TEST_CASE("planned shelter statuses", "[verdict][shelter]") {
    Profile p = base_profile(1);
    Exposure e = flood_exposure(k05to3);

    SECTION("not planned") {
        p.evacuation.shelter.clear();
        Verdict v = assess(p, e, ok_shelters(), opts());
        CHECK(v.planned_shelter_status == ShelterStatus::NotPlanned);
        CHECK(has(v, "shelter_not_planned"));
        REQUIRE(v.suggested_shelter);
        CHECK(v.suggested_shelter->id == "S-OK");
        CHECK(v.suggested_shelter->distance_m == Approx(500).margin(0.01));
        CHECK(get(v, "suggested_shelter").ja == "最寄りの洪水時に使える避難場所：関戸公民館（直線距離 約500m）");
    }
    SECTION("no data") {
        Verdict v = assess(p, e, {}, opts());
        CHECK(v.planned_shelter_status == ShelterStatus::NoData);
        CHECK(has(v, "shelter_no_data"));
        CHECK_FALSE(v.suggested_shelter);
    }
    SECTION("unknown id") {
        p.evacuation.shelter = "X-999";
        Verdict v = assess(p, e, ok_shelters(), opts());
        CHECK(v.planned_shelter_status == ShelterStatus::Unknown);
        CHECK(get(v, "shelter_unknown").ja.find("X-999") != std::string::npos);
        CHECK(v.suggested_shelter);
    }
    SECTION("found by name, ok") {
        p.evacuation.shelter = "関戸公民館";
        Verdict v = assess(p, e, ok_shelters(), opts());
        CHECK(v.planned_shelter_status == ShelterStatus::Ok);
        REQUIRE(v.planned_shelter);
        CHECK(v.planned_shelter->id == "S-OK");
        CHECK(*v.planned_shelter_distance_m == Approx(500).margin(0.01));
        CHECK_FALSE(v.suggested_shelter);
    }
    SECTION("id wins over a name") {
        std::vector<Shelter> s{shelter_at("A", "S-OK", 100), shelter_at("S-OK", "B", 900)};
        Verdict v = assess(p, e, s, opts());
        CHECK(v.planned_shelter->name == "B");
    }
    SECTION("not designated for floods") {
        std::vector<Shelter> s = ok_shelters();
        s[0].flood = false;
        s.push_back(shelter_at("S-2", "第二小学校", 1500));
        Verdict v = assess(p, e, s, opts());
        CHECK(v.planned_shelter_status == ShelterStatus::NotForFlood);
        CHECK(has(v, "shelter_not_for_flood"));
        REQUIRE(v.suggested_shelter);
        CHECK(v.suggested_shelter->id == "S-2");
        CHECK(get(v, "suggested_shelter").ja.find("約1.5km") != std::string::npos);
    }
    SECTION("ground-level site inside the flood zone") {
        std::vector<Shelter> s = ok_shelters();
        s[0].exposure.in_flood_zone = true;
        Verdict v = assess(p, e, s, opts());
        CHECK(v.planned_shelter_status == ShelterStatus::InFloodZone);
        CHECK(has(v, "shelter_in_flood_zone"));
        CHECK_FALSE(v.suggested_shelter);
        CHECK(has(v, "no_usable_shelter"));
    }
    SECTION("vertical site inside the flood zone is usable") {
        std::vector<Shelter> s{shelter_at("S-OK", "立体駐車場３階から最上階", 300)};
        s[0].exposure.in_flood_zone = true;
        s[0].vertical = true;
        Verdict v = assess(p, e, s, opts());
        CHECK(v.planned_shelter_status == ShelterStatus::Ok);
    }
}

TEST_CASE("suggestions: power-dependent users prefer sites outside the zone", "[verdict][shelter]") {
    Profile p = base_profile(1);
    p.evacuation.shelter.clear();
    Exposure e = flood_exposure(k05to3);
    Shelter vertical = shelter_at("V", "２階スカイプラザ", 400);
    vertical.exposure.in_flood_zone = true;
    vertical.vertical = true;
    Shelter outside = shelter_at("O", "高台の小学校", 2000);
    Shelter welfare_nopower = shelter_at("W1", "福祉センター", 300);
    welfare_nopower.flood = false;
    welfare_nopower.welfare = true;
    Shelter welfare_power = shelter_at("W2", "福祉避難所（電源あり）", 2500);
    welfare_power.flood = false;
    welfare_power.welfare = true;
    welfare_power.power = true;
    Shelter welfare_power_flooded = shelter_at("W3", "浸水する福祉避難所", 100);
    welfare_power_flooded.welfare = true;
    welfare_power_flooded.power = true;
    welfare_power_flooded.exposure.in_flood_zone = true;
    std::vector<Shelter> s{vertical, outside, welfare_nopower, welfare_power, welfare_power_flooded};

    Verdict v = assess(p, e, s, opts());
    REQUIRE(v.suggested_shelter);
    CHECK(v.suggested_shelter->id == "V");
    CHECK(get(v, "suggested_shelter").ja.find("上階・屋上") != std::string::npos);
    CHECK_FALSE(v.suggested_welfare);

    p.devices = {ventilator_60w()};
    v = assess(p, e, s, opts());
    REQUIRE(v.suggested_shelter);
    CHECK(v.suggested_shelter->id == "O");
    CHECK(v.suggested_shelter->distance_m == Approx(2000).margin(0.01));
    REQUIRE(v.suggested_welfare);
    CHECK(v.suggested_welfare->id == "W2");
    CHECK(v.suggested_welfare->distance_m == Approx(distance_m(kHome, welfare_power.location)).margin(1e-9));
    CHECK(v.suggested_welfare->power == true);
    CHECK(get(v, "suggested_welfare_shelter").ja == "電源のある最寄りの福祉避難所：福祉避難所（電源あり）（直線距離 約2.5km）");

    // Only the vertical site is left: it is still suggested.
    s = {vertical};
    v = assess(p, e, s, opts());
    REQUIRE(v.suggested_shelter);
    CHECK(v.suggested_shelter->id == "V");
    CHECK(has(v, "no_welfare_shelter_with_power"));
}

TEST_CASE("a landslide-only household gets a landslide shelter", "[verdict][shelter]") {
    Profile p = base_profile(1);
    p.evacuation.shelter.clear();
    Exposure e;
    e.in_landslide = true;
    Shelter flood_only = shelter_at("F", "河川敷", 100);
    Shelter slide = shelter_at("L", "中学校", 800);
    slide.landslide = true;
    Shelter slide_in_zone = shelter_at("L2", "崖下の集会所", 200);
    slide_in_zone.landslide = true;
    slide_in_zone.exposure.in_landslide = true;
    Verdict v = assess(p, e, {flood_only, slide, slide_in_zone}, opts());
    REQUIRE(v.suggested_shelter);
    CHECK(v.suggested_shelter->id == "L");
}

TEST_CASE("plan review overdue after 12 calendar months", "[verdict]") {
    Profile p = base_profile();
    p.updated = Date{2025, 4, 1};
    RiskOptions o = opts();
    o.as_of = Date{2026, 4, 1};  // exactly 12 months: due today, not overdue
    Verdict v = assess(p, Exposure{}, ok_shelters(), o);
    CHECK_FALSE(v.review_overdue);
    CHECK_FALSE(has(v, "review_overdue"));

    o.as_of = Date{2026, 4, 2};
    v = assess(p, Exposure{}, ok_shelters(), o);
    CHECK(v.review_overdue);
    CHECK(get(v, "review_overdue").ja == "計画の最終更新（2025年4月1日）から12か月を過ぎています：見直してください");
    CHECK(v.level == Priority::D);

    // Month ends: 2024-02-29 is due on 2025-02-28.
    p.updated = Date{2024, 2, 29};
    o.as_of = Date{2025, 2, 28};
    CHECK_FALSE(assess(p, Exposure{}, ok_shelters(), o).review_overdue);
    o.as_of = Date{2025, 3, 1};
    CHECK(assess(p, Exposure{}, ok_shelters(), o).review_overdue);

    // No as_of given: the rule is skipped.
    CHECK_FALSE(assess(p, Exposure{}, ok_shelters(), RiskOptions{}).review_overdue);
}

TEST_CASE("missing consent is a reason but does not change the level", "[verdict]") {
    Profile p = base_profile(2);
    p.consent.share_with_supporters = false;
    Verdict v = assess(p, flood_exposure(k0to05, DurationRange{0, 12}), ok_shelters(), opts());
    CHECK(v.consent_missing);
    CHECK(has(v, "consent_missing"));
    CHECK(v.level == Priority::C);
    CHECK(v.reasons.back().code == "consent_missing");

    p.consent.share_with_supporters = true;
    v = assess(p, flood_exposure(k0to05, DurationRange{0, 12}), ok_shelters(), opts());
    CHECK_FALSE(v.consent_missing);
    CHECK_FALSE(has(v, "consent_missing"));
}

TEST_CASE("sample-like households come out as designed", "[verdict][samples]") {
    SECTION("tama-001: child ventilator 1F, 0.5-3 m, 24-72 h, ~23 h of power -> A") {
        Profile p = base_profile(1);
        p.devices = {ventilator_60w()};
        p.power_backup = {station(500)};
        Verdict v = assess(p, flood_exposure(k05to3, DurationRange{24, 72}), ok_shelters(), opts());
        CHECK(v.level == Priority::A);
        CHECK(has(v, "ventilator_floor_floods"));
        CHECK(has(v, "power_short_of_isolation"));
    }
    SECTION("tama-008: ventilator 12F, 0.5-3 m, 12-24 h, 53.25 h of power -> C") {
        Profile p = base_profile(12);
        Device d = ventilator_60w();
        d.external_battery_h = 8;
        p.devices = {d};
        p.power_backup = {station(1500), generator(12)};
        Verdict v = assess(p, flood_exposure(k05to3, DurationRange{12, 24}), ok_shelters(), opts());
        CHECK(v.level == Priority::C);
        CHECK(*v.power_hours == Approx(53.25).margin(1e-9));
        CHECK(has(v, "power_covers_target"));
    }
    SECTION("tama-007: suction only 2F, 0-0.5 m, < 12 h, no consent, no shelter -> C") {
        Profile p = base_profile(2);
        p.devices = {make_device(DeviceKind::Suction, 40, 2, 1)};
        p.consent.share_with_supporters = false;
        p.evacuation.shelter.clear();
        Verdict v = assess(p, flood_exposure(k0to05, DurationRange{0, 12}), ok_shelters(), opts());
        CHECK(v.level == Priority::C);
        CHECK(v.planned_shelter_status == ShelterStatus::NotPlanned);
        CHECK(v.consent_missing);
    }
}

TEST_CASE("a short runtime of non-critical devices is reported without raising the level", "[verdict]") {
    Profile p = base_profile(1);  // tama-011-like: feeding pump 5 W 8 h/day, 8 h battery = 24 h
    Device pump = make_device(DeviceKind::FeedingPump, 5, 8, 8);
    pump.manual_fallback = "シリンジで注入";
    p.devices = {pump};
    p.evacuation.shelter = "X-999";
    Verdict v = assess(p, flood_exposure(std::nullopt), ok_shelters(), opts());
    CHECK(v.level == Priority::B);
    CHECK(*v.power_hours == Approx(24).margin(1e-12));
    CHECK(has(v, "power_short_noncritical"));
    CHECK(has(v, "duration_unknown"));
    CHECK_FALSE(has(v, "power_short_of_72h"));
    CHECK(get(v, "manual_fallback").ja.find("経腸栄養ポンプ → シリンジで注入") != std::string::npos);
    CHECK(v.planned_shelter_status == ShelterStatus::Unknown);
    CHECK(v.suggested_shelter);

    // Marked critical, the same device makes it A.
    p.devices[0].critical = true;
    v = assess(p, flood_exposure(std::nullopt), ok_shelters(), opts());
    CHECK(v.level == Priority::A);
    CHECK(has(v, "power_short_of_72h"));
}

TEST_CASE("tama-009-like: runtime exactly the isolation bound is enough", "[verdict][samples]") {
    Profile p = base_profile(1);
    p.devices = {make_device(DeviceKind::Suction, 30, 1, 1)};  // 24 h of blackout
    p.evacuation.shelter = "SYN-0001";
    Shelter syn = shelter_at("SYN-0001", "河川敷グラウンド", 200);
    syn.exposure.in_flood_zone = true;
    Verdict v = assess(p, flood_exposure(k0to05, DurationRange{12, 24}), {syn, shelter_at("S-2", "高台", 1200)}, opts());
    CHECK(v.level == Priority::B);
    CHECK(has(v, "power_covers_target"));
    CHECK_FALSE(has(v, "power_short_noncritical"));
    CHECK(v.planned_shelter_status == ShelterStatus::InFloodZone);
    REQUIRE(v.suggested_shelter);
    CHECK(v.suggested_shelter->id == "S-2");
}

TEST_CASE("a vertical shelter in the zone is flagged when power runs out before the water recedes", "[verdict][shelter]") {
    Profile p = base_profile(8);  // tama-002-like: 8th floor, 10 h of power
    p.devices = {make_device(DeviceKind::Ventilator, 60, 24, 4, 1, 6)};
    Shelter vertical = shelter_at("V", "立体駐車場３階から最上階", 300);
    vertical.exposure.in_flood_zone = true;
    vertical.vertical = true;
    Shelter outside = shelter_at("O", "高台の小学校", 1500);
    p.evacuation.shelter = "V";
    std::vector<Shelter> s{vertical, outside};

    Verdict v = assess(p, flood_exposure(k3to5, DurationRange{72, 168}), s, opts());
    CHECK(v.level == Priority::A);
    CHECK(v.planned_shelter_status == ShelterStatus::Ok);  // designated and usable for others
    CHECK(has(v, "shelter_vertical_isolated"));
    REQUIRE(v.suggested_shelter);
    CHECK(v.suggested_shelter->id == "O");  // outside the zone, never another vertical site

    // With power that outlasts the flooding, the same site is fine.
    p.devices = {make_device(DeviceKind::Ventilator, 60, 24, 200)};
    v = assess(p, flood_exposure(k3to5, DurationRange{72, 168}), s, opts());
    CHECK_FALSE(has(v, "shelter_vertical_isolated"));
    CHECK_FALSE(v.suggested_shelter);
}
