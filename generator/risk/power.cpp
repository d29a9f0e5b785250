#include "risk/power.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace sheetgen {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Negative, NaN or infinite inputs count as 0: the model must not crash or
// invent power on data the validator should have rejected.
double sane(double v) { return std::isfinite(v) && v > 0 ? v : 0.0; }

// Below a thousandth (of an hour a day, of a watt) no device runs: such
// values are typing slips, and dividing by them makes infinite runtimes.
constexpr double kNegligible = 1e-3;
double sane_amount(double v) { return sane(v) >= kNegligible ? v : 0.0; }

double sane_efficiency(double e) { return std::isfinite(e) && e > 0 && e <= 1 ? e : kDefaultEfficiency; }

std::string device_name_ja(const Device& d) { return d.name.empty() ? label_ja(d.kind) : d.name; }

std::string device_name_en(const Device& d) {
    if (d.kind == DeviceKind::Other && !d.name.empty()) return d.name;
    std::string s = to_string(d.kind);
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
}

struct SourceLabel {
    PowerStep step;
    const char* ja;
    const char* en;
};

SourceLabel source_label(BackupKind k) {
    switch (k) {
        case BackupKind::PowerStation: return {PowerStep::PowerStation, "ポータブル電源", "portable power station"};
        case BackupKind::CarInverter: return {PowerStep::CarInverter, "車のインバーター", "car inverter"};
        case BackupKind::Generator: return {PowerStep::Generator, "発電機", "generator"};
        case BackupKind::Other: break;
    }
    return {PowerStep::PowerStation, "その他の電源", "other backup"};
}

// Order of use: power stations, other batteries, car, generator; profile
// order within a kind. Returns the sources and notes about how each counts.
std::vector<PowerSource> collect_sources(const Profile& p, const PowerModelOptions& opt, std::vector<Reason>& notes) {
    std::vector<PowerSource> energy_other, cars, generators, stations;
    for (size_t i = 0; i < p.power_backup.size(); ++i) {
        const PowerBackup& b = p.power_backup[i];
        SourceLabel lab = source_label(b.kind);
        PowerSource s;
        s.backup_index = i;
        s.step = lab.step;
        s.label_ja = lab.ja;
        s.label_en = lab.en;
        double cap = sane(b.capacity_wh);
        double eff = sane_efficiency(b.efficiency);
        switch (b.kind) {
            case BackupKind::PowerStation:
                if (cap <= 0) continue;
                s.usable_wh = cap * eff;
                stations.push_back(s);
                break;
            case BackupKind::Other:
                if (cap > 0) {
                    s.usable_wh = cap * eff;
                    energy_other.push_back(s);
                } else if (sane(b.fuel_hours) > 0) {
                    s.step = PowerStep::Generator;
                    s.energy_based = false;
                    s.hours = sane(b.fuel_hours);
                    generators.push_back(s);
                }
                break;
            case BackupKind::CarInverter:
                // A car parked at a flooding home is under water.
                if (opt.flood && !b.kept_outside_flood_zone) continue;
                if (cap > 0) {
                    s.usable_wh = cap * eff;
                } else {
                    s.energy_based = false;
                    s.hours = sane(opt.car_inverter_hours);
                    s.assumed_hours = true;
                    notes.push_back(make_reason("car_inverter_assumed", {{"hours", same(format_hours(s.hours))}}));
                }
                cars.push_back(s);
                break;
            case BackupKind::Generator:
                if (sane(b.fuel_hours) > 0) {
                    s.energy_based = false;
                    s.hours = sane(b.fuel_hours);
                } else if (cap > 0) {
                    s.usable_wh = cap * eff;
                } else {
                    notes.push_back(make_reason("generator_no_fuel_hours"));
                    continue;
                }
                generators.push_back(s);
                break;
        }
    }
    std::vector<PowerSource> all;
    for (auto* v : {&stations, &energy_other, &cars, &generators}) all.insert(all.end(), v->begin(), v->end());
    return all;
}

void add_segment(std::vector<PowerSegment>& segs, PowerStep step, const std::string& ja, const std::string& en,
                 double start, double end) {
    if (!(end > start)) return;  // zero-length steps (no battery) are left out
    segs.push_back({step, ja, en, start, end});
}

}  // namespace

std::string ventilator_oxygen_flow(const Profile& p) {
    for (const auto& d : p.devices) {
        if (d.kind != DeviceKind::Ventilator || !d.settings) continue;
        std::string v = d.settings->oxygen;
        size_t b = v.find_first_not_of(" \t"), e = v.find_last_not_of(" \t");
        v = b == std::string::npos ? "" : v.substr(b, e - b + 1);
        for (const char* none : {"なし", "無", "0", "-", "—", "none", "0L/分", "0L/min"})
            if (v == none) return "";
        return v;
    }
    return "";
}

std::string format_hours(double h) {
    char buf[64];
    if (!std::isfinite(h)) h = 0;
    // Half-up to one decimal (53.25 -> 53.3, as a person would round it; the
    // 1e-9 absorbs binary noise such as 1500 x 0.85 / 60 = 21.2499...).
    // Whole hours read better without ".0": "4時間", "23.1時間".
    double tenths = std::round(h * 10 + 1e-9);
    std::snprintf(buf, sizeof buf, std::fmod(tenths, 10.0) == 0 ? "%.0f" : "%.1f", tenths / 10);
    return buf;
}

double flood_outage_hours(const std::optional<DurationRange>& d) {
    return std::max(kHomeTargetHours, d ? isolation_hours(*d) : 0.0);
}

double isolation_hours(const DurationRange& d) {
    if (std::isfinite(d.max_h)) return d.max_h;
    return std::max(d.min_h, kOpenDurationHours);
}

namespace {

// One power-dependent device: its load, duty and own batteries in the
// order the device draws on them (notes go to `notes`).
DevicePower device_power(const Device& d, size_t index, bool ventilator_oxygen, std::vector<Reason>& notes) {
    const double hours = std::min(sane_amount(d.hours_per_day), 24.0);
    DevicePower dp;
    dp.device_index = index;
    dp.name_ja = device_name_ja(d);
    dp.name_en = device_name_en(d);
    dp.critical = d.critical || (d.kind == DeviceKind::OxygenConcentrator && ventilator_oxygen);
    dp.duty = d.critical ? 1.0 : hours / 24.0;
    dp.load_known = sane_amount(d.watts) > 0;
    dp.average_w = sane_amount(d.watts) * dp.duty;
    dp.manual_fallback = d.manual_fallback;
    // Battery hours are hours of running; a part-time device stretches them.
    double internal = sane(d.internal_battery_h) / dp.duty;
    double external = (d.external_battery_count > 0 ? d.external_battery_count : 0) * sane(d.external_battery_h) / dp.duty;
    dp.own_battery_h = internal + external;
    if (d.battery_order == BatteryOrder::InternalFirst) {
        dp.before_shared_h = internal + external;
        add_segment(dp.segments, PowerStep::InternalBattery, "内部バッテリー", "internal battery", 0, internal);
        add_segment(dp.segments, PowerStep::ExternalBattery, "外部バッテリー", "external batteries", internal,
                    internal + external);
        if (internal > 0) notes.push_back(make_reason("internal_battery_first", {{"device", {dp.name_ja, dp.name_en}}}));
    } else {
        // External batteries first; the internal one is the reserve for
        // moving and emergencies, used when everything else is empty.
        dp.before_shared_h = external;
        dp.reserve_h = internal;
        add_segment(dp.segments, PowerStep::ExternalBattery, "外部バッテリー", "external batteries", 0, external);
    }
    if (!dp.load_known) notes.push_back(make_reason("device_load_unknown", {{"device", {dp.name_ja, dp.name_en}}}));
    return dp;
}

// Devices with known load join the shared sources when their own batteries
// run out, and all draw on them together (no rationing) until the chain of
// sources is exhausted. Sets each source's start/end; returns the chain's
// end (-inf when no device can use shared power).
double run_shared_chain(std::vector<PowerSource>& sources, const std::vector<const DevicePower*>& joiners) {
    if (joiners.empty()) return -kInf;
    double t = joiners.front()->before_shared_h;
    size_t next = 0;  // first joiner not yet on the shared sources
    double load = 0;
    auto admit = [&](double now) {
        while (next < joiners.size() && joiners[next]->before_shared_h <= now) load += joiners[next++]->average_w;
    };
    admit(t);
    for (auto& s : sources) {
        s.start_h = t;
        if (!s.energy_based) {
            t += s.hours;
        } else {
            double left = s.usable_wh;
            // Each pass admits at least one device, so the loop ends after
            // joiners.size() + 1 passes; a load that is not a positive
            // finite number (denormal watts) cannot drain the source.
            for (size_t pass = 0; pass <= joiners.size(); ++pass) {
                double next_join = next < joiners.size() ? joiners[next]->before_shared_h : kInf;
                double need = load * (next_join - t);
                if (!(load > 0) || !std::isfinite(load) || !(need < left)) {
                    t += load > 0 && std::isfinite(load) ? left / load : 0;
                    break;
                }
                left -= need;
                t = next_join;
                admit(t);
            }
        }
        s.end_h = t;
        admit(t);
    }
    return t;
}

// The household view, and each device's: external batteries, the shared
// sources from when it joins, then its internal battery (the reserve).
void add_timeline_segments(PowerTimeline& tl, const std::vector<const DevicePower*>& joiners, double chain_end) {
    if (!joiners.empty())
        add_segment(tl.household, PowerStep::ExternalBattery, "各機器のバッテリー", "each device's own batteries", 0,
                    joiners.front()->before_shared_h);
    for (const auto& s : tl.sources)
        if (s.start_h && s.end_h) add_segment(tl.household, s.step, s.label_ja, s.label_en, *s.start_h, *s.end_h);
    for (auto& dp : tl.devices) {
        double on_shared_until = dp.before_shared_h;
        if (dp.load_known) {
            for (const auto& s : tl.sources) {
                if (!s.start_h || !s.end_h) continue;
                double a = std::max(*s.start_h, dp.before_shared_h);
                add_segment(dp.segments, s.step, s.label_ja, s.label_en, a, *s.end_h);
            }
            on_shared_until = std::max(dp.before_shared_h, chain_end);
        }
        add_segment(dp.segments, PowerStep::InternalBattery, "内部バッテリー（予備）", "internal battery (reserve)",
                    on_shared_until, on_shared_until + dp.reserve_h);
        dp.runtime_h = on_shared_until + dp.reserve_h;
    }
    double reserve_end = 0;
    for (const auto& dp : tl.devices)
        if (dp.reserve_h > 0 && dp.load_known) reserve_end = std::max(reserve_end, dp.runtime_h);
    if (std::isfinite(chain_end) && reserve_end > chain_end)
        add_segment(tl.household, PowerStep::InternalBattery, "各機器の内部バッテリー（予備）",
                    "each device's internal battery (reserve)", chain_end, reserve_end);
}

// Household runtime: the first critical device to stop; without critical
// devices, the first power-dependent device.
void set_limiting_device(PowerTimeline& tl) {
    bool any_critical = std::any_of(tl.devices.begin(), tl.devices.end(), [](const DevicePower& d) { return d.critical; });
    for (size_t i = 0; i < tl.devices.size(); ++i) {
        const auto& dp = tl.devices[i];
        if (any_critical && !dp.critical) continue;
        if (!tl.limiting_device || dp.runtime_h < tl.devices[*tl.limiting_device].runtime_h) tl.limiting_device = i;
    }
    tl.runtime_h = tl.devices[*tl.limiting_device].runtime_h;
}

// A generator must be able to carry every device at once.
void check_backup_output(PowerTimeline& tl, const Profile& p) {
    for (const auto& s : tl.sources) {
        const PowerBackup& b = p.power_backup[s.backup_index];
        if (s.start_h && b.output_w > 0 && tl.peak_w > b.output_w) {
            char buf[256];
            std::snprintf(buf, sizeof buf, "%.0f", b.output_w);
            std::string out = buf;
            std::snprintf(buf, sizeof buf, "%.0f", tl.peak_w);
            tl.notes.push_back(make_reason("backup_output_low", {{"source", {s.label_ja, s.label_en}},
                                                                 {"output", same(out)},
                                                                 {"total", same(buf)}}));
        }
    }
}

}  // namespace

PowerTimeline model_power(const Profile& p, const PowerModelOptions& opt) {
    PowerTimeline tl;
    // Oxygen given through the ventilator makes its concentrator life-sustaining.
    const bool ventilator_oxygen = !ventilator_oxygen_flow(p).empty();
    for (size_t i = 0; i < p.devices.size(); ++i) {
        const Device& d = p.devices[i];
        // A device used 0 h a day (as needed) has no daily load to keep up.
        if (!d.power_dependent || (std::min(sane_amount(d.hours_per_day), 24.0) <= 0 && !d.critical)) continue;
        DevicePower dp = device_power(d, i, ventilator_oxygen, tl.notes);
        tl.peak_w += sane(d.watts);
        if (dp.load_known) tl.average_w += dp.average_w;
        tl.devices.push_back(std::move(dp));
    }
    if (tl.devices.empty()) return tl;
    tl.sources = collect_sources(p, opt, tl.notes);
    std::vector<const DevicePower*> joiners;
    for (const auto& dp : tl.devices)
        if (dp.load_known) joiners.push_back(&dp);
    std::stable_sort(joiners.begin(), joiners.end(),
                     [](const DevicePower* a, const DevicePower* b) { return a->before_shared_h < b->before_shared_h; });
    const double chain_end = run_shared_chain(tl.sources, joiners);
    add_timeline_segments(tl, joiners, chain_end);
    set_limiting_device(tl);
    check_backup_output(tl, p);
    return tl;
}

std::vector<Shortfall> shortfalls(const PowerTimeline& tl, std::optional<DurationRange> isolation,
                                  const PowerModelOptions& opt) {
    struct Target {
        const char* code;
        double hours;
        std::string ja, en;
    };
    std::vector<Target> targets{
        {"carry_72h", kCarryTargetHours, "避難時に持ち出す（72時間）", "Carry when evacuating (72 h)"},
        {"home_168h", kHomeTargetHours, "在宅避難 7日間（168時間）", "7 days at home (168 h)"},
    };
    if (isolation) {
        double h = isolation_hours(*isolation);
        targets.push_back({"isolation", h,
                           "想定浸水継続時間（" + isolation->label_ja() + " → " + format_hours(h) + "時間）",
                           "Expected flood isolation (" + isolation->label_en() + " -> " + format_hours(h) + " h)"});
    }
    double eff = sane_efficiency(opt.extra_battery_efficiency);
    std::vector<Shortfall> out;
    if (tl.empty()) return out;
    for (const auto& t : targets) {
        Shortfall s;
        s.code = t.code;
        s.target_h = t.hours;
        s.label_ja = t.ja;
        s.label_en = t.en;
        s.missing_h = std::max(0.0, t.hours - tl.runtime_h);
        double delivered_wh = 0;
        for (size_t i = 0; i < tl.devices.size(); ++i) {
            const auto& d = tl.devices[i];
            double gap = t.hours - d.runtime_h;
            if (gap <= 0) continue;
            s.devices_short.push_back(i);
            delivered_wh += d.average_w * gap;
        }
        s.extra_wh = delivered_wh / eff;
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace sheetgen
