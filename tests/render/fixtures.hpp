#pragma once
// Hand-built household, verdict and map extract for the render tests (the
// parsers and the overlay are other folders' business).
#include <cmath>
#include <cstdlib>
#include <string>

#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "risk/verdict.hpp"
#include "test_support.hpp"

namespace sheetgen::test {

inline std::string font_path() {
    const char* env = std::getenv("SHEETGEN_FONT");
    return env && *env ? env : SHEETGEN_DEFAULT_FONT;
}
inline std::string template_path() { return source_path("templates/support-sheet.yaml"); }

inline Profile sample_profile() {
    Profile p;
    p.source_file = "profiles/tama-001.yaml";
    p.id = "tama-001";
    p.updated = Date{2026, 4, 1};
    Person& per = p.person;
    per.name = "山田 陽翔";
    per.kana = "やまだ はると";
    per.birthdate = Date{2018, 5, 1};
    per.sex = Sex::Male;
    per.blood_type = "A Rh+";
    per.weight_kg = 18.5;
    per.diagnoses = {"脊髄性筋萎縮症 I型", "慢性呼吸不全"};
    per.care_needs = {CareNeed::Ventilator, CareNeed::Tracheostomy, CareNeed::Suction, CareNeed::TubeFeeding};
    per.care_notes = "吸引は1時間に2〜3回。夜間は2時間おきに体位交換。胃ろうから1日4回注入（経腸栄養ポンプ使用）。";
    per.mobility = "寝たきり（バギーで移動）";
    per.communication = "瞬きで意思表示";
    per.allergies = {"ラテックス"};
    per.medications = {{"バルプロ酸ナトリウム", "200mg", "朝・夕"}, {"カルボシステイン", "250mg", "朝・昼・夕"}};
    per.notes = "停電時は母がアンビューバッグで換気を補助できる。訪問看護は月・水・金の午前。";
    Household& h = p.household;
    h.address = "東京都多摩市関戸1-2-3 サンハイツ関戸101";
    h.district = "関戸";
    h.location = LatLon{35.6530, 139.4440};
    h.building_type = BuildingType::Apartment;
    h.storeys = 5;
    h.living_floor = 1;
    h.sleeping_floor = 1;
    h.elevator = true;
    h.members = {{"母", "山田 美咲", 38, "主たる介護者"}, {"父", "山田 健一", 40, "平日日中は不在"}};
    Device vent;
    vent.kind = DeviceKind::Ventilator;
    vent.model = "トリロジー100plus";
    vent.hours_per_day = 24;
    vent.watts = 60;
    vent.internal_battery_h = 4;
    vent.external_battery_count = 2;
    vent.external_battery_h = 6;
    vent.manual_fallback = "アンビューバッグ";
    vent.vendor_phone_24h = "0120-000-000";
    vent.power_dependent = vent.critical = true;
    Device suction;
    suction.kind = DeviceKind::Suction;
    suction.model = "パワースマイル KS-500";
    suction.hours_per_day = 2;
    suction.watts = 80;
    suction.internal_battery_h = 1;
    suction.manual_fallback = "足踏み式吸引器";
    suction.vendor_phone_24h = "0120-111-111";
    suction.power_dependent = true;
    Device pump;
    pump.kind = DeviceKind::FeedingPump;
    pump.model = "アプリックス スマート";
    pump.hours_per_day = 6;
    pump.watts = 15;
    pump.internal_battery_h = 8;
    pump.manual_fallback = "自然滴下";
    pump.power_dependent = true;
    p.devices = {vent, suction, pump};
    PowerBackup ps;
    ps.kind = BackupKind::PowerStation;
    ps.model = "ポータブル電源";
    ps.capacity_wh = 500;
    p.power_backup = {ps};
    p.contacts = {
        {ContactRole::Doctor, "佐藤 一郎", "多摩総合医療センター 小児科", "042-000-0000", "主治医"},
        {ContactRole::Hospital, "", "多摩総合医療センター 救急外来", "042-000-0001", "24時間"},
        {ContactRole::VisitingNurse, "高橋 恵", "関戸訪問看護ステーション", "042-000-0002", "月・水・金"},
        {ContactRole::DeviceVendor, "", "フィリップス・ジャパン", "0120-000-000", "人工呼吸器"},
        {ContactRole::ConsultationSpecialist, "中村 進", "多摩市相談支援センター", "042-000-0003", ""},
        {ContactRole::CareCoordinator, "小林 愛", "多摩市障害福祉課", "042-000-0004", ""},
        {ContactRole::Relative, "山田 和子", "", "090-0000-0001", "祖母（八王子市）"},
    };
    Evacuation& ev = p.evacuation;
    ev.shelter = "E1322400016201";
    ev.welfare_shelter = "多摩市総合福祉センター";
    ev.alternative = "祖父母宅（八王子市）";
    ev.transport = "福祉タクシー（車椅子対応）";
    ev.helpers_needed = 2;
    ev.supporters = {{"鈴木 花子", "近隣住民", "090-0000-0000"}, {"田中 実", "民生委員", "090-0000-0002"}};
    ev.charge_locations = {{"隣家（鈴木さん宅）", "多摩市関戸1-2-5", "発電機あり"}};
    p.consent.share_with_supporters = true;
    p.consent.date = Date{2026, 4, 1};
    return p;
}

inline Shelter sample_shelter() {
    Shelter s;
    s.id = "E1322400016201";
    s.name = "多摩市立東愛宕中学校";
    s.address = "東京都多摩市東寺方1-2";
    s.location = LatLon{35.6590, 139.4500};
    s.flood = true;
    s.earthquake = true;
    s.power = false;
    return s;
}

inline Verdict sample_verdict() {
    Verdict v;
    v.household_id = "tama-001";
    v.level = Priority::A;
    v.reasons = {{"ventilator", "人工呼吸器を24時間使用している", "uses a ventilator 24 h", {}},
                 {"living_floor_floods", "居室（1階）が想定浸水深0.5m以上3.0m未満で浸水する", "living floor floods", {}},
                 {"power_short", "停電時の電源持続は約14時間で72時間に満たない", "power lasts 14 h", {}}};
    v.exposure.in_flood_zone = true;
    v.exposure.depth = DepthRange{0.5, 3.0};
    v.exposure.depth_scenario = FloodScenario::Maximum;
    v.exposure.in_duration_zone = true;
    v.exposure.duration = DurationRange{24, 72};
    v.exposure.in_house_collapse = true;
    v.exposure.house_collapse_type = "flood_flow";
    v.planned_shelter_status = ShelterStatus::Ok;
    v.planned_shelter = sample_shelter();
    v.planned_shelter_distance_m = 845;
    v.action = FloodAction::LeaveEarly;
    v.start_alert_level = 3;
    v.life_sustaining = true;
    Destination flee;  // the planned site, accepted as the place to flee to
    flee.role = DestinationRole::FleeWhenLate;
    flee.kind = "emergency_site";
    flee.kind_ja = "指定緊急避難場所";
    flee.kind_en = "Designated emergency evacuation site";
    flee.id = v.planned_shelter->id;
    flee.name = v.planned_shelter->name;
    flee.location = v.planned_shelter->location;
    flee.distance_m = 845;
    v.destinations.push_back(flee);
    ShelterSuggestion w;
    w.id = "W01";
    w.name = "多摩市総合福祉センター";
    w.location = LatLon{35.6480, 139.4420};
    w.distance_m = 590;
    w.welfare = true;
    w.power = true;
    v.suggested_welfare = w;
    v.power_hours = 14;
    return v;
}

// A ring as a closed square-ish polygon (x, y metres).
inline MapRing ring(std::vector<std::pair<double, double>> pts) {
    pts.push_back(pts.front());
    return MapRing{pts};
}

// Zones around the home: the caller keeps the shelters alive.
inline MapExtract sample_map(const std::vector<Shelter>& shelters, const LatLon& centre, double hw, double hh) {
    MapExtract m;
    m.centre = centre;
    m.half_width_m = hw;
    m.half_height_m = hh;
    auto depth = [](double a, double b) { return DepthRange{a, b}; };
    MapPolygon shallow{ZoneKind::FloodDepth, depth(0, 0.5), {ring({{-900, -700}, {900, -700}, {900, -100}, {-900, 150}})}};
    MapPolygon mid{ZoneKind::FloodDepth, depth(0.5, 3.0),
                   {ring({{-800, -650}, {800, -650}, {800, -200}, {-800, 80}}), ring({{-300, -500}, {-100, -500}, {-100, -350}, {-300, -350}})}};
    MapPolygon deep{ZoneKind::FloodDepth, depth(3.0, 5.0), {ring({{-700, -600}, {700, -600}, {700, -450}, {-700, -350}})}};
    MapPolygon unknown{ZoneKind::FloodDepth, std::nullopt, {ring({{500, 300}, {800, 300}, {800, 500}, {500, 500}})}};
    MapPolygon collapse{ZoneKind::HouseCollapse, std::nullopt, {ring({{-900, -650}, {900, -650}, {900, -500}, {-900, -420}})}};
    MapPolygon slide{ZoneKind::Landslide, std::nullopt, {ring({{-600, 450}, {-350, 420}, {-300, 600}, {-620, 640}})}};
    m.polygons = {shallow, mid, deep, unknown, collapse, slide};
    for (const auto& s : shelters) {
        MapShelter ms;
        ms.shelter = &s;
        double k = 3.14159265358979323846 / 180;
        ms.x = (s.location.lon - centre.lon) * k * 6371008.8 * std::cos(centre.lat * k);
        ms.y = (s.location.lat - centre.lat) * k * 6371008.8;
        m.shelters.push_back(ms);
    }
    return m;
}

inline std::vector<Shelter> sample_shelters() {
    Shelter a = sample_shelter();
    Shelter b;
    b.id = "E2";
    b.name = "関戸公民館";
    b.location = LatLon{35.6515, 139.4465};
    b.flood = true;
    b.exposure.in_flood_zone = true;  // ground level inside the zone: not usable
    Shelter c;
    c.id = "W01";
    c.name = "多摩市総合福祉センター";
    c.location = LatLon{35.6480, 139.4420};
    c.welfare = true;
    c.type = ShelterType::WelfareShelter;
    c.flood = true;
    return {a, b, c};
}

}  // namespace sheetgen::test
