#pragma once
// The explainable risk verdict for one household: a priority level and the
// reasons behind it, each in Japanese and English. Pure rules, no GDAL.
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "hazard/exposure.hpp"
#include "profile/profile.hpp"

namespace sheetgen {

// A: evacuate early (警戒レベル3 高齢者等避難); B: evacuate (level 4);
// C: vertical evacuation / shelter in place possible; D: outside all zones.
enum class Priority { A, B, C, D };
const char* to_string(Priority p);   // "A"
const char* label_ja(Priority p);    // "A: 早期避難（警戒レベル3で避難開始）"
const char* label_en(Priority p);

struct Reason {
    std::string code;  // stable machine code, e.g. "living_floor_floods"
    std::string ja;
    std::string en;
};

enum class ShelterStatus {
    Ok,           // designated for floods and usable
    NotPlanned,   // profile names no shelter
    Unknown,      // id/name not in the shelter layer
    NotForFlood,  // not designated for floods
    InFloodZone,  // ground-level site inside the flood zone
    NoData,       // no shelter layer loaded
};
const char* to_string(ShelterStatus s);
const char* label_ja(ShelterStatus s);

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
    std::vector<Reason> reasons;
    Exposure exposure;
    ShelterStatus planned_shelter_status = ShelterStatus::NotPlanned;
    std::optional<Shelter> planned_shelter;           // when found
    std::optional<double> planned_shelter_distance_m;
    std::optional<ShelterSuggestion> suggested_shelter;  // nearest usable flood shelter
    std::optional<ShelterSuggestion> suggested_welfare;  // nearest welfare shelter with power
    // Hours the household keeps its power-dependent devices running in a
    // blackout (see risk/power.hpp); nullopt when it has none.
    std::optional<double> power_hours;
    bool review_overdue = false;
    bool consent_missing = false;
};

struct RiskOptions {
    Date as_of;                     // "today" for the 12-month review rule
    double metres_per_storey = 3.0;
    int review_months = 12;
};

// Straight-line distances as the reasons print them: "約850m", "約1.2km"
// (rounded to 10 m below 1 km) and "~850 m", "~1.2 km".
std::string format_distance_ja(double metres);
std::string format_distance_en(double metres);

Verdict assess(const Profile& profile, const Exposure& exposure, const std::vector<Shelter>& shelters,
               const RiskOptions& options);

}  // namespace sheetgen
