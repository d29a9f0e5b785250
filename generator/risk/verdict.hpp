#pragma once
// The explainable, person-centred verdict for one household: what the family
// does in a flood (the action), how exposed the person is to a blackout from
// any disaster, where they go, and the staff priority that combines both.
// Pure rules, no GDAL. The rules and their sources: docs/risk-rules.md.
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "risk/reasons.hpp"

namespace sheetgen {

// Staff priority, from the flood action and the blackout risk together.
// A: must leave early and depends on a life-sustaining device or lives in a
//    house-collapse / landslide zone; B: must leave early, or a
//    life-sustaining device runs less than 72 h in a blackout; C: stays
//    upstairs, or a life-sustaining device runs less than 7 days, or no hazard
//    data; D: outside every zone with power for 7 days (or no such device).
enum class Priority { A, B, C, D };
const char* to_string(Priority p);   // "A"
const char* label_ja(Priority p);    // "A: 最優先（生命維持の機器・早期の立退き避難）"
const char* label_en(Priority p);

// What the family does when a flood threatens (屋内安全確保 only when all
// three official conditions hold).
enum class FloodAction { LeaveEarly, ShelterUpstairs, StayHomePowerPlan, NoHazardData };
const char* to_string(FloodAction a);  // "leave_early" ...
const char* label_ja(FloodAction a);   // "警戒レベル3で立退き避難"
const char* label_en(FloodAction a);

enum class ShelterStatus {
    Ok,           // designated for floods and usable
    NotPlanned,   // profile names no shelter
    Unknown,      // id/name not in the shelter layer
    NotForFlood,  // not designated for floods
    InFloodZone,  // ground-level site inside the flood zone
    NoData,       // no shelter layer loaded
    Isolated,     // upper-floor site inside the zone, but the person's power cannot last while it is cut off
};
const char* to_string(ShelterStatus s);
const char* label_ja(ShelterStatus s);  // judged for floods: 「洪水時に使用可」 …
const char* label(ShelterStatus s, Lang lang);  // label_ja, or "Usable in a flood" …

// How a destination the verdict accepted is to be used.
enum class DestinationRole {
    Stay,          // go there and stay (hospital, agreed welfare shelter, relatives, 指定避難所)
    FleeWhenLate,  // 指定緊急避難場所 for when it is too late to reach the stay destination
    Upstairs,      // the safe floor of the household's own building
    ToArrange,     // a welfare shelter with power that staff should arrange (not a place to go yet)
};
const char* to_string(DestinationRole r);

struct Destination {
    DestinationRole role = DestinationRole::Stay;
    std::string kind;      // welfare_shelter, hospital, relatives, evacuation_shelter, emergency_site, own_building, other
    std::string kind_ja;   // 福祉避難所 ...
    std::string kind_en;   // Welfare shelter ...
    std::string id;        // shelter layer id when it came from the layer
    std::string name;      // as printed
    std::optional<LatLon> location;
    std::optional<double> distance_m;
    std::optional<bool> power;
    bool from_profile = false;
};

// Kept for staff lists: the nearest sites the verdict accepted.
struct ShelterSuggestion {
    std::string id;
    std::string name;
    LatLon location;
    double distance_m = 0;
    bool welfare = false;
    std::optional<bool> power;
};

struct Verdict {
    std::string household_id;
    Priority level = Priority::D;
    FloodAction action = FloodAction::StayHomePowerPlan;
    std::optional<int> start_alert_level;  // 3 when the family leaves for a flood, collapse or landslide zone
    bool leave_immediately = false;         // a tsunami zone: leave at the warning, wait for no level
    std::optional<int> safe_floor;         // lowest floor above the maximum depth
    bool safe_floor_assumed = false;       // from the assumed 5 m (zone without depth data)
    bool life_sustaining = false;          // a critical device (ventilator, oxygen ...) is in the power model
    std::vector<Reason> reasons;
    Exposure exposure;
    ShelterStatus planned_shelter_status = ShelterStatus::NotPlanned;
    // The planned site is judged for landslides (a household in a landslide
    // zone only) rather than floods.
    bool planned_judged_for_landslide = false;
    std::optional<Shelter> planned_shelter;           // when found
    std::optional<double> planned_shelter_distance_m;
    // Every place the documents may name, with its role. Nothing else is a
    // destination: action rows are built from this list only.
    std::vector<Destination> destinations;
    std::optional<ShelterSuggestion> suggested_shelter;  // first accepted place to stay from the shelter data
    std::optional<ShelterSuggestion> flee_site;          // accepted emergency site for when it is too late
    std::optional<ShelterSuggestion> suggested_welfare;  // welfare shelter with power to arrange
    // Blackout runtime from every source (any disaster), and with the flood's
    // limits (car under water); nullopt when no power-dependent device.
    std::optional<double> power_hours;
    std::optional<double> flood_power_hours;
    double outage_hours = 0;  // planned flood outage (0 outside flood zones)
    int carry_days = 3;       // stock to take when leaving
    int home_days = 7;        // stock to keep at home (more only when staying upstairs through a longer outage)
    bool review_overdue = false;
    bool consent_missing = false;

    bool has(const std::string& code) const;
    const Destination* first(DestinationRole role) const;
};

struct RiskOptions {
    Date as_of;                     // "today" for the 12-month review rule
    double metres_per_storey = 3.0;
    int review_months = 12;
    // How far a home located from its address may be from the point found
    // (location_source.method gazetteer): the verdict takes the worst hazard
    // within this radius. A town (町丁目) point can be 500 m from the home.
    double approx_radius_town_m = 500;
    double approx_radius_block_m = 50;
};

// The uncertainty radius of the profile's location: nullopt when the location
// is exact (no location_source, or a method other than gazetteer).
std::optional<double> location_uncertainty_m(const Profile& profile, const RiskOptions& options);

// The planned site's status in words, for the hazard it was judged for
// (「土砂災害時に使用可」 for a landslide-only household), in `lang`.
std::string planned_status_label(const Verdict& v, Lang lang = Lang::Ja);

// Straight-line distances as the reasons print them: "約850m", "約1.2km"
// (rounded to 10 m below 1 km) and "about 850 m", "about 1.2 km" (not "~":
// IPAexGothic draws it raised, and on a family's sheet it read as a glitch).
std::string format_distance_ja(double metres);
std::string format_distance_en(double metres);

// Lowest floor whose floor level ((n - 1) x metres_per_storey) is at or above
// `max_depth_m`; nullopt for an open-ended depth.
std::optional<int> safe_floor_for(double max_depth_m, double metres_per_storey);

Verdict assess(const Profile& profile, const Exposure& exposure, const std::vector<Shelter>& shelters,
               const RiskOptions& options);

// The action as the documents print it for this household: label_ja(action)
// in Japanese ("Leave at Alert Level 3 (Evacuate elderly etc.)" in English),
// except that a household in a tsunami zone leaves at the warning, not at an
// alert level. Declared once, in one table per language (verdict.cpp).
std::string action_label(const Verdict& v, Lang lang);
std::string action_label_ja(const Verdict& v);
std::string action_label_en(const Verdict& v);
// When the family sets out, short: 「警戒レベル3」, 「津波警報でただちに」,
// 「津波警報でただちに／警戒レベル3」 ("Alert Level 3", "immediately on a tsunami
// warning" ...); "" when it stays. One table per language, as for the action.
std::string start_label(const Verdict& v, Lang lang);
std::string start_label_ja(const Verdict& v);
std::string start_label_en(const Verdict& v);

}  // namespace sheetgen
