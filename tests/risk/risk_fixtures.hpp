#pragma once
// Profiles, exposures and shelters built directly in C++ so the risk tests do
// not depend on the YAML parser.
#include <cmath>
#include <string>

#include "hazard/exposure.hpp"
#include "profile/profile.hpp"

namespace sheetgen::test {

inline Device make_device(DeviceKind kind, double watts, double hours_per_day, double internal_h = 0,
                          int ext_count = 0, double ext_h = 0) {
    Device d;
    d.kind = kind;
    d.watts = watts;
    d.hours_per_day = hours_per_day;
    d.internal_battery_h = internal_h;
    d.external_battery_count = ext_count;
    d.external_battery_h = ext_h;
    d.power_dependent = default_power_dependent(kind);
    d.critical = default_critical(kind);
    return d;
}

// The hand-worked case: ventilator 60 W all day, 4 h internal + 2 x 6 h external.
inline Device ventilator_60w() {
    Device d = make_device(DeviceKind::Ventilator, 60, 24, 4, 2, 6);
    d.manual_fallback = "アンビューバッグ";
    return d;
}

inline PowerBackup station(double wh, double eff = 0.85) {
    PowerBackup b;
    b.kind = BackupKind::PowerStation;
    b.capacity_wh = wh;
    b.efficiency = eff;
    return b;
}

inline PowerBackup generator(double fuel_hours) {
    PowerBackup b;
    b.kind = BackupKind::Generator;
    b.fuel_hours = fuel_hours;
    return b;
}

inline PowerBackup car(double capacity_wh = 0, double eff = 0.85) {
    PowerBackup b;
    b.kind = BackupKind::CarInverter;
    b.capacity_wh = capacity_wh;
    b.efficiency = eff;
    return b;
}

inline constexpr LatLon kHome{35.6530, 139.4440};

inline Profile base_profile(int living_floor = 1) {
    Profile p;
    p.id = "test-001";
    p.updated = Date{2026, 4, 1};
    p.person.name = "テスト";
    p.household.location = kHome;
    p.household.storeys = 15;
    p.household.living_floor = living_floor;
    p.household.sleeping_floor = living_floor;
    p.consent.share_with_supporters = true;
    p.evacuation.shelter = "S-OK";
    return p;
}

inline Exposure flood_exposure(std::optional<DepthRange> depth, std::optional<DurationRange> duration = std::nullopt) {
    Exposure e;
    e.in_flood_zone = true;
    e.depth = depth;
    if (duration) {
        e.in_duration_zone = true;
        e.duration = duration;
    }
    return e;
}

// A shelter `north_m` metres north of the home (0.01 deg of latitude is 1111.95 m).
inline Shelter shelter_at(const std::string& id, const std::string& name, double north_m) {
    Shelter s;
    s.id = id;
    s.name = name;
    s.location = LatLon{kHome.lat + north_m / 111195.08, kHome.lon};
    s.flood = true;
    return s;
}

}  // namespace sheetgen::test
