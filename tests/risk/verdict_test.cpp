#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>

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

const Reason& get(const Verdict& v, const std::string& code) {
    auto it = std::find_if(v.reasons.begin(), v.reasons.end(), [&](const Reason& r) { return r.code == code; });
    REQUIRE(it != v.reasons.end());
    return *it;
}

std::vector<std::string> names(const Verdict& v, DestinationRole role) {
    std::vector<std::string> out;
    for (const auto& d : v.destinations)
        if (d.role == role) out.push_back(d.name);
    return out;
}

const DepthRange k0to05{0, 0.5};
const DepthRange k05to3{0.5, 3.0};
const DepthRange k3to5{3.0, 5.0};
const DurationRange k12to24{12, 24};
const DurationRange k72to168{72, 168};
const DurationRange k168to336{168, 336};

// A power station big enough for 60 W for more than 7 days.
PowerBackup week_of_power() { return station(12000, 0.85); }

Shelter welfare(const std::string& id, const std::string& name, double north_m, std::optional<bool> power) {
    Shelter s = shelter_at(id, name, north_m);
    s.type = ShelterType::WelfareShelter;
    s.welfare = true;
    s.power = power;
    return s;
}

}  // namespace

TEST_CASE("codes and labels of the verdict", "[verdict]") {
    CHECK(std::string(to_string(Priority::A)) == "A");
    CHECK(std::string(to_string(FloodAction::LeaveEarly)) == "leave_early");
    CHECK(std::string(to_string(FloodAction::ShelterUpstairs)) == "shelter_upstairs");
    CHECK(std::string(to_string(FloodAction::StayHomePowerPlan)) == "stay_home_power_plan");
    CHECK(std::string(to_string(FloodAction::NoHazardData)) == "no_hazard_data");
    CHECK(std::string(label_ja(FloodAction::LeaveEarly)) == "警戒レベル3で立退き避難");
    CHECK(std::string(to_string(ShelterStatus::Isolated)) == "isolated");
    CHECK(std::string(to_string(DestinationRole::FleeWhenLate)) == "flee_when_late");
}

// ---- the action and its timing -------------------------------------------------

TEST_CASE("everyone who must leave starts at alert level 3, not 4", "[verdict][timing]") {
    // tama-009: oxygen cylinder and suction, wheelchair, 1F in a 0-0.5 m zone.
    Profile p = base_profile(1);
    p.devices = {make_device(DeviceKind::Suction, 30, 1, 1), make_device(DeviceKind::OxygenCylinder, 0, 24)};
    Verdict v = assess(p, flood_exposure(k0to05, k12to24), {}, opts());
    CHECK(v.action == FloodAction::LeaveEarly);
    REQUIRE(v.start_alert_level);
    CHECK(*v.start_alert_level == 3);
    CHECK(v.level == Priority::B);
    CHECK(get(v, "leave_early").ja.find("警戒レベル3") != std::string::npos);
    CHECK(get(v, "leave_early").ja.find("警戒レベル4（避難指示）を待ちません") != std::string::npos);
}

TEST_CASE("staying upstairs needs all three conditions", "[verdict][indoor]") {
    // A household without devices on the 3rd floor of a 0.5-3 m zone, 12-24 h.
    Profile p = base_profile(3);
    SECTION("stock not recorded: leave") {
        Verdict v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
        CHECK(v.action == FloodAction::LeaveEarly);
        CHECK(v.has("stock_unconfirmed"));
        CHECK(get(v, "stock_unconfirmed").ja.find("7日分") != std::string::npos);
    }
    SECTION("stock for the whole outage: stay upstairs") {
        p.supplies.stock_days = 7;
        Verdict v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
        CHECK(v.action == FloodAction::ShelterUpstairs);
        CHECK_FALSE(v.start_alert_level);
        CHECK(v.level == Priority::C);
        CHECK(v.outage_hours == Approx(168));
        CHECK(v.has("shelter_upstairs"));
        CHECK(names(v, DestinationRole::Upstairs) == std::vector<std::string>{"自宅（3階）"});
        CHECK(names(v, DestinationRole::FleeWhenLate).empty());
    }
    SECTION("medicines for fewer days than the outage: leave") {
        p.supplies.stock_days = 14;
        p.supplies.medication_days = 5;
        Verdict v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
        CHECK(v.action == FloodAction::LeaveEarly);
        CHECK(get(v, "stock_short_of_outage").ja == "備蓄は5日分で、想定する停電・孤立の7日分に足りません");
    }
    SECTION("house-collapse zone: leave whatever the floor") {
        p.supplies.stock_days = 30;
        Exposure e = flood_exposure(k05to3, k12to24);
        e.in_house_collapse = true;
        e.house_collapse_type = "flood_flow";
        Verdict v = assess(p, e, {}, opts());
        CHECK(v.action == FloodAction::LeaveEarly);
        CHECK(v.level == Priority::A);
        CHECK(get(v, "house_collapse_zone").ja.find("（氾濫流）") != std::string::npos);
        CHECK(names(v, DestinationRole::Upstairs).empty());  // the house itself may go
    }
    SECTION("depth unknown: cannot be shown dry, leave") {
        p.supplies.stock_days = 30;
        Verdict v = assess(p, flood_exposure(std::nullopt, k12to24), {}, opts());
        CHECK(v.action == FloodAction::LeaveEarly);
        CHECK(v.has("depth_unknown"));
        REQUIRE(v.safe_floor);
        CHECK(*v.safe_floor == 3);  // from the assumed 5 m
        CHECK(v.safe_floor_assumed);
    }
}

TEST_CASE("a high-floor ventilator user with 53 h of power must leave (tama-008)", "[verdict][indoor]") {
    Profile p = base_profile(12);
    p.devices = {ventilator_60w()};
    p.devices[0].external_battery_h = 8;
    p.power_backup = {station(1500, 0.85), generator(12)};
    p.supplies.stock_days = 14;
    Verdict v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
    REQUIRE(v.power_hours);
    CHECK(*v.power_hours == Approx(53.25));
    // 53 h beats the 24 h of water, but not the week the building is without power.
    CHECK(v.outage_hours == Approx(168));
    CHECK(v.has("building_power_loss"));
    CHECK(get(v, "building_power_loss").ja.find("168時間") != std::string::npos);
    CHECK(v.has("power_short_of_outage"));
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(v.level == Priority::A);
    // Level 5 last resort: the home is already above the water.
    CHECK(names(v, DestinationRole::Upstairs) == std::vector<std::string>{"自宅（12階）"});

    // With power for the week the same household may stay.
    p.power_backup = {week_of_power()};
    v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
    CHECK(v.action == FloodAction::ShelterUpstairs);
    CHECK(v.has("power_covers_outage"));
    CHECK(v.level == Priority::C);
}

TEST_CASE("the outage is the longer of the flood and 7 days, stock days follow it", "[verdict][indoor]") {
    Profile p = base_profile(4);
    p.supplies.stock_days = 10;
    Verdict v = assess(p, flood_exposure(k05to3, k168to336), {}, opts());
    CHECK(v.outage_hours == Approx(336));
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(get(v, "stock_short_of_outage").ja.find("14日分") != std::string::npos);
    p.supplies.stock_days = 14;
    v = assess(p, flood_exposure(k05to3, k168to336), {}, opts());
    CHECK(v.action == FloodAction::ShelterUpstairs);
    CHECK(v.home_days == 14);
    // No duration data: at least 7 days, said so.
    v = assess(p, flood_exposure(k05to3), {}, opts());
    CHECK(v.outage_hours == Approx(168));
    CHECK(v.has("duration_unknown"));
}

TEST_CASE("a family that must leave is not told to stock for weeks", "[verdict][supplies]") {
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    Verdict v = assess(p, flood_exposure(k05to3, DurationRange{336, 672}), {}, opts());
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(v.carry_days == 3);
    CHECK(v.home_days == 7);
}

TEST_CASE("outside every zone the family stays home, no data is not safe", "[verdict]") {
    Profile p = base_profile(1);
    Verdict v = assess(p, Exposure{}, {}, opts());
    CHECK(v.action == FloodAction::StayHomePowerPlan);
    CHECK(v.level == Priority::D);
    CHECK_FALSE(v.start_alert_level);
    CHECK(v.reasons[0].code == "stay_home_power_plan");

    Exposure none;
    none.covered_by_flood_data = false;
    v = assess(p, none, {}, opts());
    CHECK(v.action == FloodAction::NoHazardData);
    CHECK(v.level == Priority::C);
    CHECK(v.reasons[0].code == "no_hazard_data");
}

TEST_CASE("outside the hazard data and outside the municipality are reasons of their own", "[verdict][coverage]") {
    auto codes = [](const Verdict& v) {
        std::set<std::string> c;
        for (const auto& r : v.reasons) c.insert(r.code);
        return c;
    };
    Profile p = base_profile(1);
    Verdict v = assess(p, Exposure{}, {}, opts());
    CHECK_FALSE(codes(v).count("outside_hazard_data"));
    CHECK_FALSE(codes(v).count("outside_municipality"));

    // Outside the coverage: no data, never "outside all zones".
    Exposure outside;
    outside.covered_by_flood_data = false;
    v = assess(p, outside, {}, opts());
    CHECK(v.action == FloodAction::NoHazardData);
    CHECK(codes(v).count("outside_hazard_data"));
    CHECK_FALSE(codes(v).count("stay_home_power_plan"));

    // Outside the configured city: the action is decided as usual, with the reason.
    Exposure elsewhere;
    elsewhere.inside_municipality = false;
    v = assess(p, elsewhere, {}, opts());
    CHECK(v.action == FloodAction::StayHomePowerPlan);
    CHECK(codes(v).count("outside_municipality"));
    CHECK_FALSE(codes(v).count("outside_hazard_data"));
    for (const char* code : {"outside_hazard_data", "outside_municipality", "hazard_data_unreadable"}) {
        auto it = std::find_if(reason_catalogue().begin(), reason_catalogue().end(),
                               [&](const ReasonDef& d) { return std::string(d.code) == code; });
        REQUIRE(it != reason_catalogue().end());
        CHECK(it->group == ReasonGroup::Hazard);
    }
}

TEST_CASE("a zone layer that could not be read at the home is not known, never outside every zone",
          "[verdict][coverage]") {
    Profile p = base_profile(1);
    Exposure unread;
    unread.unreadable_layers = {"浸水深ラスタ"};
    Verdict v = assess(p, unread, {}, opts());
    CHECK(v.action == FloodAction::NoHazardData);
    CHECK(v.has("hazard_data_unreadable"));
    CHECK_FALSE(v.has("stay_home_power_plan"));
    bool named = false;
    for (const auto& r : v.reasons) named = named || (r.code == "hazard_data_unreadable" && r.ja.find("浸水深ラスタ") != std::string::npos);
    CHECK(named);
    // Inside a zone another layer found, the action follows that zone; the reason stays.
    unread.in_flood_zone = true;
    v = assess(p, unread, {}, opts());
    CHECK(v.action != FloodAction::NoHazardData);
    CHECK(v.has("hazard_data_unreadable"));
}

// ---- safe floor -------------------------------------------------------------------

TEST_CASE("the safe floor is the lowest floor above the maximum depth", "[verdict][floor]") {
    CHECK(safe_floor_for(0.5, 3) == 2);
    CHECK(safe_floor_for(3.0, 3) == 2);   // 2F floor level 3 m reaches exactly the class limit
    CHECK(safe_floor_for(5.0, 3) == 3);
    CHECK(safe_floor_for(10.0, 3) == 5);  // 4F at 9 m floods, 5F at 12 m does not
    CHECK(safe_floor_for(20.0, 3) == 8);
    CHECK(safe_floor_for(5.0, 3.5) == 3);
    CHECK_FALSE(safe_floor_for(kUnbounded, 3));

    // tama-002 moved to the 1st floor of a 3-5 m zone: the 2nd floor floods too.
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    Verdict v = assess(p, flood_exposure(k3to5, k72to168), {}, opts());
    REQUIRE(v.safe_floor);
    CHECK(*v.safe_floor == 3);
    CHECK(names(v, DestinationRole::Upstairs) == std::vector<std::string>{"この建物の3階以上"});
    CHECK(get(v, "safe_floor").ja == "浸水しない階の目安：3階以上（床の高さ 約6m、最大浸水深 5m）");

    RiskOptions o = opts();
    o.metres_per_storey = 2.5;
    v = assess(p, flood_exposure(k3to5), {}, o);
    CHECK(*v.safe_floor == 3);  // 2F at 2.5 m floods, 3F at 5 m does not
}

TEST_CASE("a building without a floor above the water says so and sends the family away", "[verdict][floor]") {
    Profile p = base_profile(1);
    p.household.storeys = 2;
    Verdict v = assess(p, flood_exposure(k3to5), {}, opts());
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(get(v, "no_safe_floor_in_building").ja.find("2階建て") != std::string::npos);
    CHECK(names(v, DestinationRole::Upstairs).empty());

    v = assess(p, flood_exposure(DepthRange{20, kUnbounded}), {}, opts());
    CHECK_FALSE(v.safe_floor);
    CHECK(v.has("no_safe_floor"));
}

TEST_CASE("the lower of the living and sleeping floors decides", "[verdict][floor]") {
    Profile p = base_profile(3);
    p.household.sleeping_floor = 1;
    p.supplies.stock_days = 7;
    Verdict v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(get(v, "living_floor_floods").ja.find("就寝する1階") != std::string::npos);
}

// ---- blackout --------------------------------------------------------------------

TEST_CASE("blackout risk counts wherever the household lives", "[verdict][blackout]") {
    Profile p = base_profile(2);
    // tama-005: NPPV 40 W, 2 h + 4 h of batteries, no backup, outside every zone.
    Device nppv = make_device(DeviceKind::Ventilator, 40, 10, 2, 1, 4);
    p.devices = {nppv};
    Verdict v = assess(p, Exposure{}, {}, opts());
    CHECK(v.action == FloodAction::StayHomePowerPlan);
    CHECK(v.level == Priority::B);  // never in the lowest group
    CHECK(get(v, "blackout_runtime_short").ja.find("約6時間") != std::string::npos);

    // tama-010: oxygen concentrator on a 700 Wh station, about 6 h.
    p.devices = {make_device(DeviceKind::OxygenConcentrator, 100, 24)};
    p.power_backup = {station(700, 0.85)};
    v = assess(p, Exposure{}, {}, opts());
    CHECK(v.level == Priority::B);
    CHECK(v.has("blackout_runtime_short"));

    // Three days but not seven: C; a full week: D.
    p.devices = {ventilator_60w()};
    p.power_backup = {station(5000, 0.85)};
    v = assess(p, Exposure{}, {}, opts());
    CHECK(*v.power_hours > 72);
    CHECK(*v.power_hours < 168);
    CHECK(v.has("blackout_runtime_below_7days"));
    CHECK(v.level == Priority::C);
    p.power_backup = {week_of_power()};
    v = assess(p, Exposure{}, {}, opts());
    CHECK(v.has("blackout_runtime_covers_7days"));
    CHECK(v.level == Priority::D);

    // A non-critical device alone does not raise the priority.
    p.devices = {make_device(DeviceKind::Suction, 30, 1, 1)};
    p.power_backup.clear();
    v = assess(p, Exposure{}, {}, opts());
    CHECK(v.level == Priority::D);
    CHECK_FALSE(v.has("blackout_runtime_short"));
}

TEST_CASE("a car parked at a flooding home is not flood power (tama-003)", "[verdict][power]") {
    Profile p = base_profile(1);
    p.devices = {make_device(DeviceKind::OxygenConcentrator, 120, 24)};
    p.power_backup = {car()};
    Verdict v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
    CHECK(*v.power_hours == Approx(24));        // a blackout alone: the car works
    CHECK(*v.flood_power_hours == Approx(0));   // the flood: it is under water
    CHECK(v.has("car_power_unusable_in_flood"));
    CHECK_FALSE(v.has("power_covers_outage"));

    p.power_backup[0].kept_outside_flood_zone = true;
    v = assess(p, flood_exposure(k05to3, k12to24), {}, opts());
    CHECK(*v.flood_power_hours == Approx(24));
    CHECK_FALSE(v.has("car_power_unusable_in_flood"));
}

TEST_CASE("oxygen in the ventilator settings must have a source", "[verdict][power]") {
    Profile p = base_profile(2);
    p.devices = {ventilator_60w()};
    p.devices[0].settings = VentilatorSettings{};
    p.devices[0].settings->oxygen = "1L/分";
    Verdict v = assess(p, Exposure{}, {}, opts());
    CHECK(get(v, "oxygen_source_not_recorded").ja.find("1L/分") != std::string::npos);
    p.devices.push_back(make_device(DeviceKind::OxygenConcentrator, 100, 24));
    p.devices.back().critical = false;
    v = assess(p, Exposure{}, {}, opts());
    CHECK(v.has("oxygen_concentrator_life_sustaining"));
}

// ---- destinations by type --------------------------------------------------------

TEST_CASE("an outdoor emergency site is only for fleeing, never a place to stay", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    std::vector<Shelter> sites = {shelter_at("S-OK", "関戸小学校校庭", 400)};
    Verdict v = assess(p, flood_exposure(k05to3, k12to24), sites, opts());
    CHECK(names(v, DestinationRole::Stay).empty());
    CHECK(names(v, DestinationRole::FleeWhenLate) == std::vector<std::string>{"関戸小学校校庭"});
    CHECK(v.has("planned_is_emergency_site"));
    CHECK(get(v, "no_stay_destination").ja.find("電源があり") != std::string::npos);
    CHECK_FALSE(v.suggested_shelter);
}

TEST_CASE("a welfare shelter takes only people it agreed to receive", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    std::vector<Shelter> sites = {welfare("W-NO", "福祉センター東（電源なし）", 300, false),
                                  welfare("W-PW", "福祉センター西", 327, true)};
    SECTION("not agreed: suggested to arrange, never a destination; the one without power is never named") {
        Verdict v = assess(p, flood_exposure(k05to3, k12to24), sites, opts());
        CHECK(names(v, DestinationRole::Stay).empty());
        CHECK(names(v, DestinationRole::ToArrange) == std::vector<std::string>{"福祉センター西"});
        CHECK(names(v, DestinationRole::FleeWhenLate).empty());  // welfare shelters are not flee sites
        REQUIRE(v.suggested_welfare);
        CHECK(v.suggested_welfare->id == "W-PW");
    }
    SECTION("agreed in the profile, power from the layer: the place to stay") {
        ArrangedDestination a;
        a.type = DestinationType::WelfareShelter;
        a.name = "福祉センター西";
        a.agreed = true;
        p.evacuation.destinations = {a};
        Verdict v = assess(p, flood_exposure(k05to3, k12to24), sites, opts());
        CHECK(names(v, DestinationRole::Stay) == std::vector<std::string>{"福祉センター西"});
        CHECK(names(v, DestinationRole::ToArrange).empty());
        CHECK(v.first(DestinationRole::Stay)->power == true);
    }
    SECTION("agreed but without power: not for a ventilator user") {
        ArrangedDestination a;
        a.type = DestinationType::WelfareShelter;
        a.name = "福祉センター東（電源なし）";
        a.agreed = true;
        p.evacuation.destinations = {a};
        Verdict v = assess(p, flood_exposure(k05to3, k12to24), sites, opts());
        CHECK(names(v, DestinationRole::Stay).empty());
        CHECK(get(v, "destination_no_power").ja.find("電源がない") != std::string::npos);
    }
    SECTION("named without agreement (legacy welfare_shelter): said, not used") {
        p.evacuation.welfare_shelter = "福祉センター西";
        Verdict v = assess(p, flood_exposure(k05to3, k12to24), sites, opts());
        CHECK(v.has("welfare_shelter_not_agreed"));
        CHECK(names(v, DestinationRole::Stay).empty());
    }
}

TEST_CASE("arranged places: hospitals have power, relatives need it stated for a device user", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    ArrangedDestination rel;
    rel.type = DestinationType::Relatives;
    rel.name = "祖父母宅（八王子市）";
    rel.agreed = true;
    ArrangedDestination hosp;
    hosp.type = DestinationType::Hospital;
    hosp.name = "都立神経病院";
    hosp.agreed = true;
    hosp.power = true;
    p.evacuation.destinations = {rel, hosp};
    Verdict v = assess(p, flood_exposure(k05to3), {}, opts());
    CHECK(names(v, DestinationRole::Stay) == std::vector<std::string>{"都立神経病院"});
    CHECK(get(v, "destination_no_power").ja.find("あるか確認できない") != std::string::npos);

    hosp.agreed = false;
    p.evacuation.destinations = {hosp};
    v = assess(p, flood_exposure(k05to3), {}, opts());
    CHECK(names(v, DestinationRole::Stay).empty());
    CHECK(v.has("destination_not_agreed"));

    // Without a life-sustaining device, relatives are a place to stay.
    p.devices.clear();
    p.evacuation.destinations = {rel};
    v = assess(p, flood_exposure(k05to3), {}, opts());
    CHECK(names(v, DestinationRole::Stay) == std::vector<std::string>{"祖父母宅（八王子市）"});
}

TEST_CASE("a designated shelter (指定避難所) with power is a place to stay", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    Shelter hall = shelter_at("H-1", "関戸公民館", 600);
    hall.type = ShelterType::EvacuationShelter;
    Shelter in_zone = hall;
    in_zone.id = "H-0";
    in_zone.name = "低地の体育館";
    in_zone.power = true;
    in_zone.exposure.in_flood_zone = true;
    in_zone.location = LatLon{kHome.lat + 0.001, kHome.lon};
    std::vector<Shelter> sites = {in_zone, hall};
    Verdict v = assess(p, flood_exposure(k05to3), sites, opts());
    CHECK(names(v, DestinationRole::Stay).empty());  // hall has no power, in_zone is in the water
    sites[1].power = true;
    v = assess(p, flood_exposure(k05to3), sites, opts());
    CHECK(names(v, DestinationRole::Stay) == std::vector<std::string>{"関戸公民館"});
    REQUIRE(v.suggested_shelter);
    CHECK(v.suggested_shelter->id == "H-1");
}

TEST_CASE("power information missing from the shelter data is not 'no welfare shelter with power'", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    Verdict v = assess(p, flood_exposure(k05to3), {shelter_at("S-OK", "校庭", 300)}, opts());
    CHECK(v.has("shelter_power_data_missing"));
    CHECK_FALSE(v.has("no_welfare_shelter_with_power"));
    v = assess(p, flood_exposure(k05to3), {shelter_at("S-OK", "校庭", 300), welfare("W", "センター", 500, false)}, opts());
    CHECK(v.has("no_welfare_shelter_with_power"));
}

TEST_CASE("an upper-floor site in the zone is not a flee site for a device user (tama-002)", "[verdict][destinations]") {
    Profile p = base_profile(8);
    p.devices = {ventilator_60w()};
    p.devices[0].external_battery_count = 1;
    p.evacuation.shelter = "V-1";
    Shelter deck = shelter_at("V-1", "立体駐車場３階から最上階", 700);
    deck.vertical = true;
    deck.exposure.in_flood_zone = true;
    Shelter yard = shelter_at("Y-1", "連光寺小学校校庭", 2200);
    Verdict v = assess(p, flood_exposure(k3to5, k72to168), {deck, yard}, opts());
    CHECK(v.planned_shelter_status == ShelterStatus::Isolated);
    CHECK(v.has("shelter_vertical_isolated"));
    CHECK(names(v, DestinationRole::FleeWhenLate) == std::vector<std::string>{"連光寺小学校校庭"});
    for (const auto& d : v.destinations) CHECK(d.name.find("駐車場") == std::string::npos);

    // Without a device the deck is a fine place to flee to when late.
    p.devices.clear();
    v = assess(p, flood_exposure(k3to5, k72to168), {deck, yard}, opts());
    CHECK(v.planned_shelter_status == ShelterStatus::Ok);
    CHECK(names(v, DestinationRole::FleeWhenLate) == std::vector<std::string>{"立体駐車場３階から最上階"});
}

TEST_CASE("planned shelters are looked up like the hazard set does", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.evacuation.shelter = " 北諏訪小学校校庭";  // a leading space typed by staff
    Verdict v = assess(p, Exposure{}, {shelter_at("E-5", "北諏訪小学校校庭", 300)}, opts());
    CHECK(v.planned_shelter_status == ShelterStatus::Ok);
    p.evacuation.shelter = "北諏訪小学校　校庭";
    v = assess(p, Exposure{}, {shelter_at("E-5", "北諏訪小学校 校庭", 300)}, opts());
    CHECK(v.planned_shelter_status == ShelterStatus::Ok);
}

TEST_CASE("planned shelter statuses", "[verdict][destinations]") {
    Profile p = base_profile(1);
    Shelter not_flood = shelter_at("N-1", "地震だけの広場", 200);
    not_flood.flood = false;
    Shelter ground = shelter_at("G-1", "低地の公園", 100);
    ground.exposure.in_flood_zone = true;
    std::vector<Shelter> sites = {not_flood, ground};
    auto status = [&](const std::string& planned, const std::vector<Shelter>& s) {
        p.evacuation.shelter = planned;
        return assess(p, flood_exposure(k05to3), s, opts()).planned_shelter_status;
    };
    CHECK(status("", sites) == ShelterStatus::NotPlanned);
    CHECK(status("N-1", {}) == ShelterStatus::NoData);
    CHECK(status("X-999", sites) == ShelterStatus::Unknown);
    CHECK(status("N-1", sites) == ShelterStatus::NotForFlood);
    CHECK(status("G-1", sites) == ShelterStatus::InFloodZone);
    // Neither a ground-level site in the zone nor a non-flood site is named as a flee site.
    p.evacuation.shelter = "G-1";
    Verdict v = assess(p, flood_exposure(k05to3), sites, opts());
    CHECK(names(v, DestinationRole::FleeWhenLate).empty());
    CHECK(v.has("no_flee_site"));
}

TEST_CASE("a shelter feature with neither id nor name is never suggested", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.evacuation.shelter = "";
    Shelter blank = shelter_at("", "", 50);
    Verdict v = assess(p, flood_exposure(k05to3), {blank}, opts());
    for (const auto& d : v.destinations) CHECK(d.role == DestinationRole::Upstairs);
    CHECK_FALSE(v.flee_site);
    CHECK(v.has("no_flee_site"));
}

TEST_CASE("a landslide-only household flees to a landslide site outside the zones", "[verdict][destinations]") {
    Profile p = base_profile(1);
    p.evacuation.shelter = "";
    Shelter flood_only = shelter_at("F-1", "洪水だけの場所", 100);
    Shelter slide_in = shelter_at("L-0", "区域内の広場", 150);
    slide_in.landslide = true;
    slide_in.exposure.in_landslide = true;
    Shelter slide_ok = shelter_at("L-1", "区域外の学校", 900);
    slide_ok.landslide = true;
    Exposure e;
    e.in_landslide = true;
    e.landslide_type = "急傾斜地の崩壊";
    Verdict v = assess(p, e, {flood_only, slide_in, slide_ok}, opts());
    CHECK(v.action == FloodAction::LeaveEarly);
    CHECK(v.level == Priority::A);
    CHECK(names(v, DestinationRole::FleeWhenLate) == std::vector<std::string>{"区域外の学校"});
    CHECK(get(v, "landslide_zone").ja.find("（急傾斜地の崩壊）") != std::string::npos);
    CHECK_FALSE(v.has("shelter_not_for_flood"));
    // Its planned site is judged for landslides, in landslide words (tama-006).
    p.evacuation.shelter = "L-1";
    v = assess(p, e, {flood_only, slide_in, slide_ok}, opts());
    CHECK(v.planned_shelter_status == ShelterStatus::Ok);
    CHECK(planned_status_label(v) == "土砂災害時に使用可");
    p.evacuation.shelter = "F-1";
    v = assess(p, e, {flood_only, slide_in, slide_ok}, opts());
    CHECK(planned_status_label(v) == "土砂災害の指定なし");
    CHECK(v.has("shelter_not_for_landslide"));
    p.evacuation.shelter = "L-0";
    v = assess(p, e, {flood_only, slide_in, slide_ok}, opts());
    CHECK(planned_status_label(v) == "土砂災害警戒区域内");
    CHECK(names(v, DestinationRole::FleeWhenLate) == std::vector<std::string>{"区域外の学校"});
}

// ---- consistency by construction ---------------------------------------------------

TEST_CASE("generated households: every destination is one the rules accept", "[verdict][consistency]") {
    // Every combination of floor, zone, device, backup, planned site and
    // arranged place: the accepted list obeys the type rules.
    Shelter deck = shelter_at("V", "上階の駐車場", 300);
    deck.vertical = true;
    deck.exposure.in_flood_zone = true;
    Shelter yard = shelter_at("Y", "校庭", 800);
    Shelter low = shelter_at("G", "低地の公園", 100);
    low.exposure.in_flood_zone = true;
    Shelter hall = shelter_at("H", "公民館", 1200);
    hall.type = ShelterType::EvacuationShelter;
    std::vector<Shelter> sites = {deck, yard, low, hall, welfare("W0", "福祉（電源なし）", 500, false),
                                  welfare("W1", "福祉（電源あり）", 530, true)};
    std::vector<Exposure> exposures = {Exposure{}, flood_exposure(k0to05, k12to24), flood_exposure(k05to3, k72to168),
                                       flood_exposure(k3to5), flood_exposure(std::nullopt)};
    Exposure collapse = flood_exposure(k05to3);
    collapse.in_house_collapse = true;
    exposures.push_back(collapse);
    int checked = 0;
    for (int floor : {1, 2, 3, 8})
        for (int devices = 0; devices < 3; ++devices)
            for (const Exposure& e : exposures)
                for (const char* planned : {"", "V", "Y", "G", "W0"})
                    for (int arranged = 0; arranged < 3; ++arranged) {
                        Profile p = base_profile(floor);
                        p.household.storeys = 3;
                        if (devices >= 1) p.devices.push_back(ventilator_60w());
                        if (devices == 2) p.power_backup = {car(), station(500)};
                        p.evacuation.shelter = planned;
                        p.evacuation.alternative = "在宅避難（上の階）";
                        if (arranged) {
                            ArrangedDestination a;
                            a.type = arranged == 1 ? DestinationType::WelfareShelter : DestinationType::Relatives;
                            a.name = arranged == 1 ? "福祉（電源なし）" : "親族宅";
                            a.agreed = true;
                            p.evacuation.destinations = {a};
                        }
                        Verdict v = assess(p, e, sites, opts());
                        const bool device = !p.devices.empty();
                        for (const auto& d : v.destinations) {
                            INFO(p.household.living_floor << " " << d.name << " " << to_string(d.role));
                            CHECK(d.name.find("在宅避難") == std::string::npos);
                            if (d.role == DestinationRole::Stay) {
                                CHECK(d.kind != "emergency_site");
                                if (device) CHECK(d.power == true);
                            }
                            if (d.role == DestinationRole::FleeWhenLate) {
                                CHECK(d.kind != "welfare_shelter");
                                CHECK(d.id != "G");
                                if (device) CHECK(d.id != "V");
                                CHECK(v.action == FloodAction::LeaveEarly);
                            }
                            if (d.role == DestinationRole::ToArrange) CHECK(d.id == "W1");
                            if (d.role == DestinationRole::Upstairs && v.action == FloodAction::LeaveEarly) {
                                REQUIRE(v.safe_floor);
                                CHECK(*v.safe_floor <= p.household.storeys);
                            }
                        }
                        if (v.action == FloodAction::LeaveEarly) CHECK(v.start_alert_level == 3);
                        else CHECK_FALSE(v.start_alert_level);
                        if (device && v.power_hours && *v.power_hours < 72) CHECK(v.level <= Priority::B);
                        ++checked;
                    }
    CHECK(checked == 4 * 3 * 6 * 5 * 3);
}

// ---- upkeep and reasons --------------------------------------------------------------

TEST_CASE("plan upkeep and consent never change the priority", "[verdict]") {
    Profile p = base_profile(2);
    p.updated = Date{2025, 4, 1};
    p.consent.share_with_supporters = false;
    RiskOptions o = opts();
    o.as_of = Date{2026, 4, 1};
    Verdict v = assess(p, Exposure{}, {}, o);
    CHECK_FALSE(v.review_overdue);
    o.as_of = Date{2026, 4, 2};
    v = assess(p, Exposure{}, {}, o);
    CHECK(v.review_overdue);
    CHECK(v.consent_missing);
    CHECK(v.level == Priority::D);
    CHECK(get(v, "review_overdue").ja == "計画の最終更新（2025年4月1日）から12か月を過ぎています：見直してください");
    CHECK(get(v, "review_overdue").en == "The plan was last reviewed on 2025-04-01, more than 12 months ago: review it");
}

TEST_CASE("reasons come from the catalogue, in its order, with every parameter filled", "[verdict][reasons]") {
    std::set<std::string> codes;
    for (const auto& d : reason_catalogue()) {
        CHECK(codes.insert(d.code).second);  // no duplicate codes
        CHECK((std::string(d.ja).find('{') != std::string::npos) == (std::string(d.en).find('{') != std::string::npos));
    }
    CHECK_THROWS_AS(make_reason("no_such_code"), std::logic_error);
    CHECK_THROWS_AS(make_reason("flee_site", {{"name", same("x")}}), std::logic_error);
    Profile p = base_profile(1);
    p.devices = {ventilator_60w()};
    Verdict v = assess(p, flood_exposure(k05to3, k12to24), {shelter_at("S-OK", "校庭", 400)}, opts());
    for (size_t i = 1; i < v.reasons.size(); ++i)
        CHECK(reason_rank(v.reasons[i - 1].code) <= reason_rank(v.reasons[i].code));
    for (const auto& r : v.reasons) {
        CHECK(r.ja.find('{') == std::string::npos);
        CHECK(r.en.find('{') == std::string::npos);
        CHECK(codes.count(r.code));
    }
}

TEST_CASE("every reason code is documented in docs/risk-rules.md", "[verdict][reasons][docs]") {
    std::ifstream in(std::string(SHEETGEN_SOURCE_DIR) + "/docs/risk-rules.md");
    REQUIRE(in);
    std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& d : reason_catalogue()) {
        INFO(d.code);
        CHECK(doc.find("| `" + std::string(d.code) + "` |") != std::string::npos);
    }
}

// start_label is table-driven like action_label: the four cases in both
// languages, exactly as the CSV and the map page have always printed them.
TEST_CASE("start_label: when the family sets out, in each language, from one table", "[verdict][labels]") {
    struct Case {
        bool immediately;
        std::optional<int> level;
        const char* ja;
        const char* en;
    };
    const Case cases[] = {
        {false, 3, "警戒レベル3", "Alert Level 3"},
        {true, std::nullopt, "津波警報でただちに", "immediately on a tsunami warning"},
        {true, 3, "津波警報でただちに／警戒レベル3", "immediately on a tsunami warning / Alert Level 3"},
        {false, std::nullopt, "", ""},  // stays: no time to set out
    };
    for (const auto& c : cases) {
        Verdict v;
        v.action = c.immediately || c.level ? FloodAction::LeaveEarly : FloodAction::StayHomePowerPlan;
        v.leave_immediately = c.immediately;
        v.start_alert_level = c.level;
        INFO(c.ja);
        CHECK(start_label(v, Lang::Ja) == c.ja);
        CHECK(start_label(v, Lang::En) == c.en);
        CHECK(start_label_ja(v) == c.ja);
        CHECK(start_label_en(v) == c.en);
    }
}
