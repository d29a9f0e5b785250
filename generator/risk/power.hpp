#pragma once
// Blackout runtime of a household's power-dependent devices: which source
// carries each device when, and how long until life-sustaining care stops.
// Pure arithmetic on the profile; the rules are in docs/risk-rules.md.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "risk/reasons.hpp"

namespace sheetgen {

// A car inverter with no capacity_wh is assumed to run this many hours with
// the engine idling: ~20 L of usable petrol (half of a 40 L tank) at the
// ~0.8 L/h a 2,000 cc car burns idling gives ~25 h; rounded down.
inline constexpr double kCarInverterAssumedHours = 24.0;
// Conversion efficiency used when a backup's own value is missing or invalid,
// and for sizing the extra battery a shortfall calls for.
inline constexpr double kDefaultEfficiency = 0.85;
// The open duration class (>= 672 h, 4 weeks) is counted as 672 h.
inline constexpr double kOpenDurationHours = 672.0;
inline constexpr double kCarryTargetHours = 72.0;   // batteries to carry when evacuating
inline constexpr double kHomeTargetHours = 168.0;   // 7 days at home (Tokyo, ventilator users)

// Power steps of the NCCHD / Tokyo blackout manuals: the device's external
// batteries (STEP1), a storage battery (STEP2), the car (STEP3), a generator
// (STEP4). The internal battery is kept for moving and emergencies, so it is
// used last (InternalBattery keeps the value 0 for the charts' colours).
enum class PowerStep { InternalBattery = 0, ExternalBattery = 1, PowerStation = 2, CarInverter = 3, Generator = 4 };

struct PowerSegment {
    PowerStep step = PowerStep::InternalBattery;
    std::string label_ja;
    std::string label_en;
    double start_h = 0;
    double end_h = 0;
};

// One backup the household shares among its devices, in order of use.
struct PowerSource {
    size_t backup_index = 0;  // into Profile::power_backup
    PowerStep step = PowerStep::PowerStation;
    std::string label_ja;
    std::string label_en;
    bool energy_based = true;  // true: usable_wh drained by the load; false: runs `hours` whatever the load
    double usable_wh = 0;      // capacity_wh x efficiency
    double hours = 0;          // time-based sources (generator fuel, assumed car hours)
    bool assumed_hours = false;  // hours come from kCarInverterAssumedHours / options
    // When the source carried the load; nullopt if it was never needed.
    std::optional<double> start_h;
    std::optional<double> end_h;
};

struct DevicePower {
    size_t device_index = 0;  // into Profile::devices
    std::string name_ja;
    std::string name_en;
    bool critical = false;
    bool load_known = true;   // false when watts is 0 (unknown): shared sources cannot be counted
    double duty = 1;          // fraction of the day it runs (1 for critical devices)
    double average_w = 0;     // watts x duty
    double own_battery_h = 0; // wall-clock hours from its own internal + external batteries
    double before_shared_h = 0;  // own battery hours used before it joins the shared sources
    double reserve_h = 0;        // internal battery hours kept for last (0 when used first)
    double runtime_h = 0;     // powered from t = 0 until this time
    std::string manual_fallback;
    std::vector<PowerSegment> segments;  // in time order, no gaps, from 0 to runtime_h
};

struct PowerTimeline {
    std::vector<DevicePower> devices;  // power-dependent devices in use, in profile order
    std::vector<PowerSource> sources;  // shared backups in order of use
    // Household view: devices on their own batteries, then each shared source.
    std::vector<PowerSegment> household;
    double average_w = 0;  // combined average load of devices with known watts
    double peak_w = 0;     // sum of rated watts (for generator / inverter output checks)
    double runtime_h = 0;  // until the first critical device (else any device) loses power
    std::optional<size_t> limiting_device;  // index into devices
    // Assumptions and data gaps that affect the result (car hours, unknown watts ...).
    std::vector<Reason> notes;
    bool empty() const { return devices.empty(); }
};

struct PowerModelOptions {
    double car_inverter_hours = kCarInverterAssumedHours;
    double extra_battery_efficiency = kDefaultEfficiency;
    // The flood scenario: a car that is not kept outside the flood zone is
    // under water and does not count (it still counts for a blackout alone).
    bool flood = false;
};

PowerTimeline model_power(const Profile& profile, const PowerModelOptions& options = {});

// The oxygen flow written in the first ventilator's settings ("1L/分"), or ""
// when none is given or it says none (なし, 0, -).
std::string ventilator_oxygen_flow(const Profile& profile);

// Hours a flood isolates the home, from its duration class: the upper bound
// (conservative); the open class counts as kOpenDurationHours.
double isolation_hours(const DurationRange& duration);

// Hours a flooded district is without power: the isolation, but at least
// 7 days, because basement switch rooms, pumps and lifts fail and stay down
// after the water recedes (Musashi-Kosugi, October 2019).
double flood_outage_hours(const std::optional<DurationRange>& duration);

struct Shortfall {
    std::string code;      // "carry_72h", "home_168h", "isolation"
    double target_h = 0;
    double missing_h = 0;  // target - household runtime, 0 when met
    // Rated Wh of an extra battery (used after every other source, at
    // extra_battery_efficiency) that keeps every power-dependent device with
    // known watts running until the target.
    double extra_wh = 0;
    std::string label_ja;
    std::string label_en;
    std::vector<size_t> devices_short;  // indices into PowerTimeline::devices running out before the target
};

// Targets 72 h, 168 h and, when given, the isolation hours of the duration class.
std::vector<Shortfall> shortfalls(const PowerTimeline& timeline, std::optional<DurationRange> isolation,
                                  const PowerModelOptions& options = {});

// "23.1", "16" — hours with one decimal, whole hours without, as used in reason texts.
std::string format_hours(double h);

}  // namespace sheetgen
