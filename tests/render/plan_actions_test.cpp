// The plan's action rows (alert levels 3/4/5, blackout steps) name only the
// places the verdict accepted: built from Verdict::destinations, checked here
// against every place name the inputs contain, for generated households.
#include <catch2/catch.hpp>

#include <set>

#include "common/utf8.hpp"
#include "layout/font.hpp"
#include "render/fields.hpp"
#include "render/fixtures.hpp"
#include "risk/power.hpp"
#include "risk/reasons.hpp"
#include "risk/verdict.hpp"

using namespace sheetgen;
using namespace sheetgen::render;
using namespace sheetgen::layout;  // FontFace

namespace {

constexpr LatLon kHome{35.6530, 139.4440};

Shelter site(const std::string& id, const std::string& name, double north_m, ShelterType type = ShelterType::EmergencySite) {
    Shelter s;
    s.id = id;
    s.name = name;
    s.type = type;
    s.welfare = type == ShelterType::WelfareShelter;
    s.flood = true;
    s.location = LatLon{kHome.lat + north_m / 111195.08, kHome.lon};
    return s;
}

Device ventilator() {
    Device d;
    d.kind = DeviceKind::Ventilator;
    d.watts = 60;
    d.hours_per_day = 24;
    d.internal_battery_h = 4;
    d.external_battery_count = 1;
    d.external_battery_h = 6;
    d.power_dependent = d.critical = true;
    d.manual_fallback = "アンビューバッグ";
    return d;
}

// Every action text of the plan: alert rows and blackout steps.
std::vector<std::string> action_texts(const FieldModel& m) {
    std::vector<std::string> out;
    for (const char* table : {"alert_actions", "power_steps"})
        for (const auto& row : m.tables.at(table))
            for (const auto& [k, v] : row) out.push_back(v.text);
    return out;
}

}  // namespace

TEST_CASE("plan actions name only destinations the verdict accepted", "[render][plan][consistency]") {
    Shelter deck = site("V", "立体駐車場３階から最上階", 300);
    deck.vertical = true;
    deck.exposure.in_flood_zone = true;
    Shelter yard = site("Y", "第二小学校校庭", 800);
    Shelter low = site("G", "河川敷公園", 100);
    low.exposure.in_flood_zone = true;
    Shelter no_power = site("W0", "福祉会館東", 500, ShelterType::WelfareShelter);
    no_power.power = false;
    Shelter power = site("W1", "福祉会館西", 530, ShelterType::WelfareShelter);
    power.power = true;
    Shelter hall = site("H", "中央公民館", 1500, ShelterType::EvacuationShelter);
    hall.power = true;
    const std::vector<Shelter> sites = {deck, yard, low, no_power, power, hall};
    // Every place name that could leak into an action row.
    std::vector<std::string> places = {"在宅避難（上の階）", "親族宅（府中市）", "都立病院"};
    for (const auto& s : sites) places.push_back(s.name);

    std::vector<Exposure> exposures(5);
    exposures[1].in_flood_zone = exposures[1].in_duration_zone = true;
    exposures[1].depth = DepthRange{0.5, 3.0};
    exposures[1].duration = DurationRange{24, 72};
    exposures[2].in_flood_zone = true;
    exposures[2].depth = DepthRange{3.0, 5.0};
    exposures[3].in_flood_zone = true;  // depth unknown
    exposures[4].in_landslide = true;
    int rows_checked = 0;
    for (int floor : {1, 3, 8})
        for (const Exposure& e : exposures)
            for (const char* planned : {"", "V", "Y", "G"})
                for (int arranged = 0; arranged < 4; ++arranged)
                    for (bool device : {false, true}) {
                        Profile p;
                        p.id = "gen";
                        p.household.location = kHome;
                        p.household.storeys = 4;
                        p.household.living_floor = p.household.sleeping_floor = floor;
                        p.evacuation.shelter = planned;
                        p.evacuation.alternative = "在宅避難（上の階）";
                        p.evacuation.transport = "福祉タクシー";
                        if (device) p.devices = {ventilator()};
                        ArrangedDestination a;
                        a.agreed = arranged != 3;
                        a.type = arranged == 1 ? DestinationType::Relatives : DestinationType::Hospital;
                        a.name = arranged == 1 ? "親族宅（府中市）" : "都立病院";
                        if (arranged == 2) {
                            a.type = DestinationType::WelfareShelter;
                            a.name = "福祉会館東";
                        }
                        if (arranged) p.evacuation.destinations = {a};
                        p.supplies.stock_days = 7;
                        RiskOptions o;
                        Verdict v = assess(p, e, sites, o);
                        std::set<std::string> accepted;
                        for (const auto& d : v.destinations)
                            if (d.role != DestinationRole::ToArrange) accepted.insert(d.name);
                        FieldModel m = build_field_model(p, v, Date{2026, 11, 28});
                        for (const std::string& text : action_texts(m)) {
                            for (const std::string& place : places) {
                                if (text.find(place) == std::string::npos) continue;
                                INFO("floor " << floor << ", planned '" << planned << "', arranged " << arranged
                                              << ", device " << device << ": " << text);
                                CHECK(accepted.count(place) == 1);
                            }
                            ++rows_checked;
                        }
                        // "Go upstairs" always names the safe floor, never the floor above the living floor.
                        for (const auto& row : m.tables.at("alert_actions"))
                            if (row.at("level").text == "警戒レベル5" && v.safe_floor &&
                                row.at("action").text.find("この建物の") != std::string::npos)
                                CHECK(row.at("action").text.find("この建物の" + std::to_string(std::max(*v.safe_floor, 2)) +
                                                                 "階以上") != std::string::npos);
                        // A home already above the water: stay there, never "go up" to it.
                        for (const auto& row : m.tables.at("alert_actions"))
                            CHECK((row.at("action").text.find("自宅（") == std::string::npos ||
                                   row.at("action").text.find("自宅（" + std::to_string(floor) + "階）へ上がり") == std::string::npos));
                        // Power is only promised where the verdict knows there is power.
                        for (const std::string& text : action_texts(m))
                            if (text.find("電源が尽きる前に") != std::string::npos && text.find("へ移る") != std::string::npos) {
                                bool powered = false;
                                for (const auto& d : v.destinations)
                                    if (d.role == DestinationRole::Stay && d.power == true && text.find(d.name) != std::string::npos)
                                        powered = true;
                                CHECK(powered);
                            }
                    }
    CHECK(rows_checked > 1000);
}

TEST_CASE("every reason sentence prints in the default font", "[render][reasons]") {
    auto font = FontFace::load(test::font_path());
    for (const auto& d : reason_catalogue())
        for (const char* text : {d.ja, d.en})
            for (char32_t c : decode_utf8(text)) {
                INFO(d.code << " U+" << std::hex << static_cast<unsigned>(c));
                CHECK(font->has_glyph(c));
            }
}
