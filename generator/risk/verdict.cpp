#include "risk/verdict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "common/geo.hpp"
#include "hazard/shelter_names.hpp"
#include "risk/power.hpp"

namespace sheetgen {
namespace {

// A zone without depth data: floors are not judged dry, but the "last
// resort" floor is counted from 5 m, the top of the 3.0-5.0 m class (deep
// enough to submerge a second floor).
constexpr double kUnknownDepthAssumedM = 5.0;

std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

// "0", "3", "4.5": storey heights in metres.
std::string format_m(double m) { return std::fabs(m - std::round(m)) < 1e-9 ? fmt("%.0f", m) : fmt("%.1f", m); }

Param hours_param(double h) { return same(format_hours(h)); }

// The lower of the living and sleeping floors decides: both must stay dry.
struct FloorPhrase {
    int floor = 1;
    Param text;  // 生活・就寝する1階 / the floor the person lives and sleeps on (1F)
};

FloorPhrase floor_phrase(const Household& h) {
    int living = std::max(1, h.living_floor);
    int sleeping = std::max(1, h.sleeping_floor);
    FloorPhrase f;
    f.floor = std::min(living, sleeping);
    std::string n = std::to_string(f.floor);
    if (living == sleeping)
        f.text = {"生活・就寝する" + n + "階", "the floor the person lives and sleeps on (" + n + "F)"};
    else if (f.floor == living)
        f.text = {"生活する" + n + "階", "the floor the person lives on (" + n + "F)"};
    else
        f.text = {"就寝する" + n + "階", "the floor the person sleeps on (" + n + "F)"};
    return f;
}

ShelterSuggestion make_suggestion(const Shelter& s, const LatLon& home) {
    ShelterSuggestion g;
    g.id = s.id;
    g.name = s.name;
    g.location = s.location;
    g.distance_m = distance_m(home, s.location);
    g.welfare = s.welfare;
    g.power = s.power;
    return g;
}

// Nearest shelter passing `ok` that has a name or an id to print; the first
// in layer order wins a tie.
template <typename Pred>
const Shelter* nearest(const std::vector<Shelter>& shelters, const LatLon& home, Pred ok) {
    const Shelter* best = nullptr;
    double best_d = 0;
    for (const auto& s : shelters) {
        if ((s.name.empty() && s.id.empty()) || !ok(s)) continue;
        double d = distance_m(home, s.location);
        if (!best || d < best_d) {
            best = &s;
            best_d = d;
        }
    }
    return best;
}

Param collapse_type(const std::string& t) {
    if (t == "flood_flow") return {"（氾濫流）", " (flood flow)"};
    if (t == "bank_erosion") return {"（河岸侵食）", " (bank erosion)"};
    return {"", ""};
}

Param depth_param(const std::optional<DepthRange>& d) {
    return d ? Param{d->label_ja(), d->label_en()} : Param{"不明", "unknown"};
}

// 「（多摩川の浸水想定）」 after a depth; nothing when the data names no river.
Param river_param(const std::string& river) {
    if (river.empty()) return {"", ""};
    return {"（" + river + "の浸水想定）", " (" + river + " flood data)"};
}

Param distance_param(double m) { return {format_distance_ja(m), format_distance_en(m)}; }

// "外部バッテリー 12時間 → ポータブル電源 7.1時間 → 内部バッテリー（予備） 4時間".
Param describe_segments(const DevicePower& d) {
    if (d.segments.empty()) return {d.name_ja + "：バッテリー・予備電源なし", d.name_en + ": no battery or backup"};
    Param p{d.name_ja + "：", d.name_en + ": "};
    for (size_t i = 0; i < d.segments.size(); ++i) {
        const auto& s = d.segments[i];
        std::string h = format_hours(s.end_h - s.start_h);
        p.ja += (i ? " → " : "") + s.label_ja + " " + h + "時間";
        p.en += (i ? " -> " : "") + s.label_en + " " + h + " h";
    }
    return p;
}

// ---- what the rules share ---------------------------------------------------

struct Facts {
    bool flood = false;     // inside a flood depth or duration zone, or a kind judged like one (storm surge)
    bool any_zone = false;  // flood, house-collapse, landslide or a leave-now zone
    bool leave_now = false;   // inside a zone left at once on a warning (tsunami): never stays upstairs
    bool depth_zone = false;  // inside a zone whose depth is judged against the floor
    // The worst of those depths; nullopt when one of them has no depth data
    // (the rooms then cannot be shown to stay dry).
    std::optional<DepthRange> depth;
    std::string river;  // whose data the depth comes from (「多摩川の浸水想定」), may be empty
    FloorPhrase floor;
    double mps = 3.0;
    double floor_level_m = 0;
    bool floor_dry = false;  // the deciding floor is above the maximum depth (known depth only)
    PowerTimeline blackout;  // every source: a blackout from any disaster
    PowerTimeline flooded;   // without a car parked at the flooding home
    bool dependent = false;  // any power-dependent device in the model
    bool life_sustaining = false;
};

struct Ctx {
    const Profile& p;
    const Exposure& e;
    const std::vector<Shelter>& shelters;
    const RiskOptions& opt;
    Verdict& v;
    Facts f;
    bool indoor_blocked = false;  // one of the three conditions for staying indoors fails

    void add(const char* code, Params params = {}) { v.reasons.push_back(make_reason(code, std::move(params))); }
    LatLon home() const { return p.household.location; }
};

Facts gather_facts(const Profile& p, const Exposure& e, const RiskOptions& opt) {
    Facts f;
    f.flood = e.in_flood_zone || e.in_duration_zone;
    f.depth_zone = e.in_flood_zone;
    f.depth = e.depth;
    f.river = e.depth_river;
    bool unknown = e.in_flood_zone && !e.depth;
    // Kinds from the kind table: what they do comes from their rule.
    for (const auto& z : e.kind_zones) {
        const KindRule rule = kind_info(z.kind).rule;
        if (rule == KindRule::LeaveNow) f.leave_now = true;
        if (rule != KindRule::FloodDepth) continue;
        f.flood = f.depth_zone = true;
        if (!z.depth) unknown = true;
        else if (!f.depth || z.depth->min_m > f.depth->min_m ||
                 (z.depth->min_m == f.depth->min_m && z.depth->max_m > f.depth->max_m)) {
            f.depth = z.depth;
            f.river = z.river;
        }
    }
    if (unknown) f.depth.reset();
    f.any_zone = f.flood || e.in_house_collapse || e.in_landslide || f.leave_now;
    f.floor = floor_phrase(p.household);
    f.mps = opt.metres_per_storey > 0 ? opt.metres_per_storey : 3.0;
    f.floor_level_m = (f.floor.floor - 1) * f.mps;
    f.blackout = model_power(p);
    PowerModelOptions fo;
    fo.flood = true;
    f.flooded = model_power(p, fo);
    f.dependent = !f.blackout.empty();
    f.life_sustaining = std::any_of(f.blackout.devices.begin(), f.blackout.devices.end(),
                                    [](const DevicePower& d) { return d.critical; });
    return f;
}

// ---- hazards at the home ----------------------------------------------------

}  // namespace

std::optional<double> location_uncertainty_m(const Profile& profile, const RiskOptions& options) {
    const auto& src = profile.household.location_source;
    if (!src || src->method != "gazetteer") return std::nullopt;
    return src->level == "block" ? options.approx_radius_block_m : options.approx_radius_town_m;
}

namespace {

void rule_zones(Ctx& c) {
    // Outside the data is not safe; outside the boundary, the location may be wrong.
    if (!c.e.covered_by_flood_data) c.add("outside_hazard_data");
    if (!c.e.unreadable_layers.empty()) c.add("hazard_data_unreadable", {{"layer", same(c.e.unreadable_layers.front())}});
    if (!c.e.inside_municipality) c.add("outside_municipality");
    if (location_uncertainty_m(c.p, c.opt)) {
        const bool block = c.p.household.location_source->level == "block";
        c.add("location_approximate", {{"level", block ? Param{"街区", "block"} : Param{"町丁目", "town (chome)"}}});
    }
    if (c.e.in_house_collapse) {
        c.indoor_blocked = true;
        c.add("house_collapse_zone", {{"type", collapse_type(c.e.house_collapse_type)}});
    }
    if (c.e.in_landslide) {
        c.indoor_blocked = true;
        std::string t = c.e.landslide_type;
        c.add("landslide_zone", {{"type", t.empty() ? Param{} : Param{"（" + t + "）", " (" + data_term(t, Lang::En) + ")"}}});
    }
    for (const auto& z : c.e.kind_zones) {
        const HazardKind& k = kind_info(z.kind);
        if (k.rule == KindRule::LeaveNow) c.indoor_blocked = true;
        if (k.zone_reason) c.add(k.zone_reason, {{"depth", depth_param(z.depth)}});
    }
}

// The deciding floor against the depth: a floor is dry when its floor level
// is at or above the class's upper bound (classes are [min, max)).
void rule_depth(Ctx& c) {
    if (!c.f.flood) return;
    const auto& d = c.f.depth;
    Params where = {{"floor", c.f.floor.text},
                    {"height", same(format_m(c.f.floor_level_m))},
                    {"river", river_param(c.f.river)}};
    if (d) {
        where.push_back({"depth", {d->label_ja(), d->label_en()}});
        c.f.floor_dry = c.f.floor_level_m >= d->max_m;
        c.add(c.f.floor_dry ? "floor_above_water" : "living_floor_floods", where);
        if (!c.f.floor_dry) c.indoor_blocked = true;
    } else {
        c.indoor_blocked = true;  // cannot be shown to stay dry
        c.add("depth_unknown");
    }
}

// The safe floor: every "go upstairs" sentence uses it.
void rule_safe_floor(Ctx& c) {
    if (!c.f.depth_zone || c.e.in_house_collapse) return;
    const auto& d = c.f.depth;
    const double max_m = d ? d->max_m : kUnknownDepthAssumedM;
    std::optional<int> sf = safe_floor_for(max_m, c.f.mps);
    if (!sf) {
        c.add("no_safe_floor", {{"depth", {d->label_ja(), d->label_en()}}, {"river", river_param(c.f.river)}});
        return;
    }
    c.v.safe_floor = sf;
    c.v.safe_floor_assumed = !d;
    c.add("safe_floor", {{"safe", same(std::to_string(*sf))},
                         {"height", same(format_m((*sf - 1) * c.f.mps))},
                         {"max", same(format_m(max_m))},
                         {"assumed", d ? Param{} : Param{"、深さ不明のため5mと仮定", ", assumed as the depth is unknown"}}});
    const int storeys = std::max(1, c.p.household.storeys);
    if (storeys < *sf)
        c.add("no_safe_floor_in_building", {{"storeys", same(std::to_string(storeys))}, {"safe", same(std::to_string(*sf))}});
}

// A flooded district loses power for the flooding and at least 7 days more.
void rule_outage(Ctx& c) {
    if (!c.f.flood) return;
    const bool known = c.e.in_duration_zone && c.e.duration;
    c.v.outage_hours = flood_outage_hours(known ? c.e.duration : std::nullopt);
    const Param outage = hours_param(c.v.outage_hours);
    if (!known) c.add("duration_unknown", {{"outage", outage}});
    Param dur = known ? Param{c.e.duration->label_ja(), c.e.duration->label_en()} : Param{"不明", "unknown"};
    c.add("building_power_loss", {{"outage", outage}, {"duration", dur}});
}

// ---- power --------------------------------------------------------------------

// Devices against the flood outage (third condition for staying indoors).
void rule_flood_power(Ctx& c) {
    if (!c.f.flood || c.f.flooded.empty()) return;
    const PowerTimeline& tl = c.f.flooded;
    c.v.flood_power_hours = tl.runtime_h;
    const double outage = c.v.outage_hours;
    const Param o = hours_param(outage);
    bool critical_short = false;
    for (const auto& d : tl.devices) {
        if (d.runtime_h >= outage) continue;
        if (d.critical) {
            critical_short = true;
            continue;
        }
        Params ps = {{"device", {d.name_ja, d.name_en}}, {"hours", hours_param(d.runtime_h)}, {"target", o}};
        if (d.manual_fallback.empty()) {
            c.indoor_blocked = true;
            c.add("power_noncritical_no_fallback", ps);
        } else {
            ps.push_back({"fallback", same(d.manual_fallback)});
            c.add("power_short_noncritical", ps);
        }
    }
    if (critical_short) {
        const DevicePower& lim = tl.devices[*tl.limiting_device];
        c.indoor_blocked = true;
        c.add("power_short_of_outage", {{"device", {lim.name_ja, lim.name_en}}, {"hours", hours_param(tl.runtime_h)}, {"outage", o}});
    } else if (std::any_of(tl.devices.begin(), tl.devices.end(), [](const DevicePower& d) { return d.critical; })) {
        c.add("power_covers_outage", {{"hours", hours_param(tl.runtime_h)}, {"outage", o}});
    }
    const bool car_at_home = std::any_of(c.p.power_backup.begin(), c.p.power_backup.end(), [](const PowerBackup& b) {
        return b.kind == BackupKind::CarInverter && !b.kept_outside_flood_zone;
    });
    if (car_at_home) c.add("car_power_unusable_in_flood");
}

// Stock for the whole outage (third condition), only asked of a household
// whose floor stays dry: the others leave anyway.
void rule_stock(Ctx& c) {
    if (!c.f.flood || !c.f.floor_dry || c.indoor_blocked) return;
    const int days = static_cast<int>(std::ceil(c.v.outage_hours / 24.0 - 1e-9));
    std::optional<int> have = c.p.supplies.stock_days;
    if (c.p.supplies.medication_days) have = std::min(have.value_or(*c.p.supplies.medication_days), *c.p.supplies.medication_days);
    if (!have) {
        c.indoor_blocked = true;
        c.add("stock_unconfirmed", {{"days", same(std::to_string(days))}});
    } else if (*have < days) {
        c.indoor_blocked = true;
        c.add("stock_short_of_outage", {{"have", same(std::to_string(*have))}, {"days", same(std::to_string(days))}});
    }
}

// Blackout from any disaster: life-sustaining devices against 72 h and 7 days.
void rule_blackout(Ctx& c) {
    const PowerTimeline& tl = c.f.blackout;
    if (tl.empty()) return;
    c.v.power_hours = tl.runtime_h;
    const DevicePower& lim = tl.devices[*tl.limiting_device];
    c.add("power_runtime", {{"hours", hours_param(tl.runtime_h)}, {"detail", describe_segments(lim)}});
    if (c.f.life_sustaining) {
        Params ps = {{"device", {lim.name_ja, lim.name_en}}, {"hours", hours_param(tl.runtime_h)}};
        if (tl.runtime_h < kCarryTargetHours) c.add("blackout_runtime_short", ps);
        else if (tl.runtime_h < kHomeTargetHours) c.add("blackout_runtime_below_7days", ps);
        else c.add("blackout_runtime_covers_7days", {{"hours", hours_param(tl.runtime_h)}});
    }
    // Manual fallbacks for every device that stops within 72 h of a blackout.
    Param list;
    for (const auto& d : tl.devices) {
        if (d.runtime_h >= kCarryTargetHours) continue;
        const std::string& f = d.manual_fallback;
        list.ja += (list.ja.empty() ? "" : "、") + d.name_ja + " → " + (f.empty() ? "代替手段の記入なし" : f);
        list.en += (list.en.empty() ? "" : "; ") + d.name_en + " -> " + (f.empty() ? "no manual fallback recorded" : f);
    }
    if (!list.ja.empty()) c.add("manual_fallback", {{"target", hours_param(kCarryTargetHours)}, {"list", list}});
    for (const auto& n : tl.notes) c.v.reasons.push_back(n);
}

void rule_oxygen(Ctx& c) {
    const std::string flow = ventilator_oxygen_flow(c.p);
    if (flow.empty()) return;
    bool concentrator = false, cylinder = false;
    for (const auto& d : c.p.devices) {
        concentrator |= d.kind == DeviceKind::OxygenConcentrator;
        cylinder |= d.kind == DeviceKind::OxygenCylinder;
    }
    if (concentrator) c.add("oxygen_concentrator_life_sustaining", {{"flow", same(flow)}});
    else if (!cylinder) c.add("oxygen_source_not_recorded", {{"flow", same(flow)}});
}

// ---- the action -------------------------------------------------------------

void decide_action(Ctx& c) {
    Verdict& v = c.v;
    if (c.f.any_zone) {
        const bool flood_only = !c.e.in_house_collapse && !c.e.in_landslide && !c.f.leave_now;
        v.action = flood_only && c.f.floor_dry && !c.indoor_blocked ? FloodAction::ShelterUpstairs : FloodAction::LeaveEarly;
    } else {
        // Outside the data, or data that could not be read here: not known, not safe.
        const bool known = c.e.covered_by_flood_data && c.e.unreadable_layers.empty();
        v.action = known ? FloodAction::StayHomePowerPlan : FloodAction::NoHazardData;
    }
    const int outage_days = static_cast<int>(std::ceil(v.outage_hours / 24.0 - 1e-9));
    switch (v.action) {
        case FloodAction::LeaveEarly: {
            // Level 3 is the start for the other hazards; a tsunami does not
            // wait for any level (reason leave_now_tsunami comes first), so a
            // tsunami-only household has no alert level to wait for.
            v.leave_immediately = c.f.leave_now;
            if (c.f.leave_now) c.add("leave_now_tsunami");
            const bool other_hazard = c.f.flood || c.e.in_house_collapse || c.e.in_landslide;
            if (other_hazard || !c.f.leave_now) v.start_alert_level = 3;
            if (other_hazard) c.add("leave_early");
            break;
        }
        case FloodAction::ShelterUpstairs:
            v.home_days = std::max(v.home_days, outage_days);
            c.add("shelter_upstairs", {{"floor", c.f.floor.text},
                                       {"outage", hours_param(v.outage_hours)},
                                       {"days", same(std::to_string(outage_days))}});
            break;
        case FloodAction::StayHomePowerPlan: c.add("stay_home_power_plan"); break;
        case FloodAction::NoHazardData: c.add("no_hazard_data"); break;
    }
}

// ---- destinations -------------------------------------------------------------

void rule_planned_shelter(Ctx& c) {
    Verdict& v = c.v;
    const std::string& planned = c.p.evacuation.shelter;
    if (planned.empty()) {
        v.planned_shelter_status = ShelterStatus::NotPlanned;
        c.add("shelter_not_planned");
        return;
    }
    if (c.shelters.empty()) {
        v.planned_shelter_status = ShelterStatus::NoData;
        c.add("shelter_no_data", {{"name", same(planned)}});
        return;
    }
    const Shelter* s = find_shelter(c.shelters, planned);
    if (!s) {
        v.planned_shelter_status = ShelterStatus::Unknown;
        c.add("shelter_unknown", {{"name", same(planned)}});
        return;
    }
    v.planned_shelter = *s;
    v.planned_shelter_distance_m = distance_m(c.home(), s->location);
    Params ps = {{"name", same(s->name)}, {"distance", distance_param(*v.planned_shelter_distance_m)}};
    v.planned_judged_for_landslide = c.e.in_landslide && !c.f.flood && !c.e.in_house_collapse && !c.f.leave_now;
    if (v.planned_judged_for_landslide) {
        if (!s->landslide) {
            v.planned_shelter_status = ShelterStatus::NotForFlood;
            c.add("shelter_not_for_landslide", ps);
        } else if (s->exposure.in_landslide) {
            v.planned_shelter_status = ShelterStatus::InFloodZone;
            c.add("shelter_in_landslide_zone", ps);
        } else {
            v.planned_shelter_status = ShelterStatus::Ok;
        }
    } else if (!s->flood) {
        v.planned_shelter_status = ShelterStatus::NotForFlood;
        if (c.f.flood || !c.f.any_zone) c.add("shelter_not_for_flood", ps);
    } else if (!s->usable_in_flood()) {
        v.planned_shelter_status = ShelterStatus::InFloodZone;
        c.add("shelter_in_flood_zone", ps);
    } else {
        v.planned_shelter_status = ShelterStatus::Ok;
    }
    if (s->type == ShelterType::EmergencySite) c.add("planned_is_emergency_site", {{"name", same(s->name)}});
}

Destination from_shelter(const Shelter& s, DestinationRole role, const LatLon& home) {
    Destination d;
    d.role = role;
    d.kind = to_string(s.type);
    d.kind_ja = label_ja(s.type);
    d.kind_en = label(s.type, Lang::En);
    d.id = s.id;
    d.name = s.name.empty() ? s.id : s.name;
    d.location = s.location;
    d.distance_m = distance_m(home, s.location);
    d.power = s.power;
    return d;
}

// Places the family arranged (evacuation.destinations), in their order.
void rule_arranged_destinations(Ctx& c) {
    for (const auto& a : c.p.evacuation.destinations) {
        Params who = {{"name", same(a.name)}, {"kind", {label_ja(a.type), label(a.type, Lang::En)}}};
        const Shelter* s = c.shelters.empty() ? nullptr : find_shelter(c.shelters, a.name);
        std::optional<bool> power = a.power;
        if (!power && s) power = s->power;
        if (!a.agreed) {
            c.add("destination_not_agreed", who);
            continue;
        }
        if (s && (c.f.flood || c.f.leave_now) && s->exposure.in_water_zone() && !s->vertical) {
            c.add("destination_in_flood_zone", {{"name", same(a.name)}});
            continue;
        }
        if (c.f.life_sustaining && power != true) {
            who.push_back({"power", power ? Param{"ない", ""} : Param{"あるか確認できない", ""}});
            who.push_back({"power_en", power ? Param{"", "has no power for medical devices"}
                                             : Param{"", "has no confirmed power for medical devices"}});
            c.add("destination_no_power", who);
            continue;
        }
        Destination d;
        if (s) d = from_shelter(*s, DestinationRole::Stay, c.home());
        d.role = DestinationRole::Stay;
        d.kind = to_string(a.type);
        d.kind_ja = label_ja(a.type);
        d.kind_en = label(a.type, Lang::En);
        d.name = a.name;
        d.power = power;
        d.from_profile = true;
        c.v.destinations.push_back(d);
        Param dist = d.distance_m ? Param{"、直線距離 " + format_distance_ja(*d.distance_m),
                                          ", " + format_distance_en(*d.distance_m) + " in a straight line"}
                                  : Param{};
        c.add("stay_destination", {{"name", same(a.name)}, {"kind", {label_ja(a.type), label(a.type, Lang::En)}}, {"distance", dist}});
    }
    const std::string& legacy = c.p.evacuation.welfare_shelter;
    const bool listed = std::any_of(c.p.evacuation.destinations.begin(), c.p.evacuation.destinations.end(),
                                    [&](const ArrangedDestination& a) { return shelter_lookup_key(a.name) == shelter_lookup_key(legacy); });
    if (!legacy.empty() && !listed) c.add("welfare_shelter_not_agreed", {{"name", same(legacy)}});
}

// A 指定避難所 from the shelter data when nothing was arranged: indoors, out of
// the hazard, with power for a life-sustaining device.
void rule_layer_stay(Ctx& c) {
    if (c.v.first(DestinationRole::Stay) || c.shelters.empty()) return;
    const bool flood = c.f.flood || c.f.leave_now, slide = c.e.in_landslide, needs_power = c.f.life_sustaining;
    const Shelter* s = nearest(c.shelters, c.home(), [&](const Shelter& x) {
        return x.type == ShelterType::EvacuationShelter && x.is_indoor() && !(flood && x.exposure.in_water_zone()) &&
               !(slide && x.exposure.in_landslide) && !(x.exposure.in_house_collapse) && (!needs_power || x.power == true);
    });
    if (!s) return;
    Destination d = from_shelter(*s, DestinationRole::Stay, c.home());
    c.v.destinations.push_back(d);
    c.v.suggested_shelter = make_suggestion(*s, c.home());
    c.add("stay_destination", {{"name", same(d.name)},
                               {"kind", {d.kind_ja, d.kind_en}},
                               {"distance", {"、直線距離 " + format_distance_ja(*d.distance_m),
                                             ", " + format_distance_en(*d.distance_m) + " in a straight line"}}});
}

void rule_no_stay(Ctx& c) {
    if (c.v.first(DestinationRole::Stay)) return;
    // Only where the family may have to leave home: a flood or landslide
    // zone, or a blackout that outlasts its power.
    const bool blackout_short = c.f.life_sustaining && c.v.power_hours && *c.v.power_hours < kHomeTargetHours;
    if (c.v.action != FloodAction::LeaveEarly && !blackout_short) return;
    const bool p = c.f.life_sustaining;
    c.add("no_stay_destination", {{"need", {p ? "電源があり" : "", ""}}, {"need_en", {"", p ? "with power " : ""}}});
}

// A welfare shelter with power for staff to arrange (2021 guideline: direct
// evacuation only for people it agreed to receive).
void rule_welfare_to_arrange(Ctx& c) {
    if (!c.f.dependent || c.shelters.empty()) return;
    for (const auto& d : c.v.destinations)
        if (d.role == DestinationRole::Stay && (d.kind == "welfare_shelter" || d.kind == "hospital")) return;
    const bool flood = c.f.flood || c.f.leave_now;
    const Shelter* w = nearest(c.shelters, c.home(), [&](const Shelter& x) {
        return x.type == ShelterType::WelfareShelter && x.power == true && !(flood && x.exposure.in_water_zone() && !x.vertical);
    });
    if (w) {
        c.v.destinations.push_back(from_shelter(*w, DestinationRole::ToArrange, c.home()));
        c.v.suggested_welfare = make_suggestion(*w, c.home());
        c.add("welfare_shelter_to_arrange", {{"name", same(w->name)}, {"distance", distance_param(c.v.suggested_welfare->distance_m)}});
        return;
    }
    const bool power_known = std::any_of(c.shelters.begin(), c.shelters.end(), [](const Shelter& x) { return x.power.has_value(); });
    const bool welfare_known = std::any_of(c.shelters.begin(), c.shelters.end(), [](const Shelter& x) { return x.type == ShelterType::WelfareShelter; });
    c.add(power_known && welfare_known ? "no_welfare_shelter_with_power" : "shelter_power_data_missing");
}

// The 指定緊急避難場所 for when it is too late to reach the stay destination:
// never a place to stay, and never one inside the flood zone for a person
// whose device cannot last while the water stays.
void rule_flee_site(Ctx& c) {
    if (c.v.action != FloodAction::LeaveEarly || c.shelters.empty()) return;
    const bool landslide_only = !c.f.flood && !c.e.in_house_collapse && !c.f.leave_now;
    const bool cannot_be_cut_off = c.f.life_sustaining || c.v.has("power_short_of_outage");
    auto ok = [&](const Shelter& x) {
        if (x.type == ShelterType::WelfareShelter) return false;  // only for people it agreed to receive
        if (landslide_only) return x.landslide && !x.exposure.in_landslide;
        if (!x.usable_in_flood() || x.exposure.in_house_collapse) return false;
        return !(cannot_be_cut_off && x.exposure.in_water_zone());
    };
    const Shelter* s = nullptr;
    if (c.v.planned_shelter_status == ShelterStatus::Ok) {
        const Shelter* planned = find_shelter(c.shelters, c.p.evacuation.shelter);
        if (planned && ok(*planned)) s = planned;
        else if (planned && planned->vertical && planned->exposure.in_water_zone() && cannot_be_cut_off) {
            c.v.planned_shelter_status = ShelterStatus::Isolated;
            c.add("shelter_vertical_isolated", {{"name", same(planned->name)}, {"distance", distance_param(*c.v.planned_shelter_distance_m)}});
        }
    }
    if (!s) s = nearest(c.shelters, c.home(), ok);
    if (!s) {
        c.add("no_flee_site", {{"kind", {landslide_only ? "土砂災害時" : "洪水時", ""}}, {"kind_en", {"", landslide_only ? "a landslide" : "a flood"}}});
        return;
    }
    c.v.destinations.push_back(from_shelter(*s, DestinationRole::FleeWhenLate, c.home()));
    c.v.flee_site = make_suggestion(*s, c.home());
    const bool vert = s->vertical && s->exposure.in_water_zone();
    c.add("flee_site", {{"name", same(s->name)},
                        {"vertical", {vert ? "・上階や屋上を使う" : "", ""}},
                        {"vertical_en", {"", vert ? ", upper floors or roof" : ""}},
                        {"distance", distance_param(c.v.flee_site->distance_m)}});
}

// The household's own building: where it stays, or the last resort upstairs.
void rule_upstairs(Ctx& c) {
    Verdict& v = c.v;
    Destination d;
    d.role = DestinationRole::Upstairs;
    d.kind = "own_building";
    d.kind_ja = "自宅";
    d.kind_en = "Own home";
    if (v.action == FloodAction::ShelterUpstairs) {
        d.name = "自宅（" + std::to_string(c.f.floor.floor) + "階）";
    } else if (v.action == FloodAction::LeaveEarly && c.f.depth_zone && !c.e.in_house_collapse && !c.e.in_landslide &&
               !c.f.leave_now &&
               v.safe_floor && std::max(1, c.p.household.storeys) >= *v.safe_floor) {
        // A home already above the water is itself the last resort.
        d.name = c.f.floor_dry ? "自宅（" + std::to_string(c.f.floor.floor) + "階）"
                               : "この建物の" + std::to_string(std::max(*v.safe_floor, 2)) + "階以上";
    } else {
        return;
    }
    v.destinations.push_back(d);
}

// ---- plan upkeep ----------------------------------------------------------------

void rule_upkeep(Ctx& c) {
    const Profile& p = c.p;
    if (c.opt.as_of.year > 0 && p.updated.year > 0 && c.opt.review_months > 0) {
        const Date due = add_months(p.updated, c.opt.review_months);
        if (due < c.opt.as_of) {
            c.v.review_overdue = true;
            c.add("review_overdue", {{"date", {p.updated.japanese(), ""}},
                                     {"date_en", {"", p.updated.iso()}},
                                     {"months", same(std::to_string(c.opt.review_months))}});
        }
    }
    if (!p.consent.share_with_supporters) {
        c.v.consent_missing = true;
        c.add("consent_missing");
    }
}

// ---- staff priority ---------------------------------------------------------------

Priority combine(const Ctx& c) {
    const Verdict& v = c.v;
    const bool leave = v.action == FloodAction::LeaveEarly;
    const bool house_danger = c.e.in_house_collapse || c.e.in_landslide || c.f.leave_now;
    const double hours = v.power_hours.value_or(kHomeTargetHours);
    if (leave && (c.f.life_sustaining || house_danger)) return Priority::A;
    if (leave || (c.f.life_sustaining && hours < kCarryTargetHours)) return Priority::B;
    if (v.action == FloodAction::ShelterUpstairs || v.action == FloodAction::NoHazardData ||
        (c.f.life_sustaining && hours < kHomeTargetHours))
        return Priority::C;
    return Priority::D;
}

}  // namespace

bool Verdict::has(const std::string& code) const {
    return std::any_of(reasons.begin(), reasons.end(), [&](const Reason& r) { return r.code == code; });
}

const Destination* Verdict::first(DestinationRole role) const {
    for (const auto& d : destinations)
        if (d.role == role) return &d;
    return nullptr;
}

namespace {

// Each enum's names, declared once: the machine name, the Japanese and the
// English label. to_string / label_ja / label_en read these rows.
template <typename E>
struct Names {
    E value;
    const char* name;
    const char* ja;
    const char* en;
};

template <typename E, size_t N>
const Names<E>& row_of(const Names<E> (&rows)[N], E v) {
    for (const auto& r : rows)
        if (r.value == v) return r;
    return rows[N - 1];  // a value cast from an out-of-range integer: the last (most cautious) row
}

const Names<Priority> kPriorityNames[] = {
    {Priority::A, "A", "A: 最優先（警戒レベル3で立退き避難・生命維持の機器または家屋の危険）",
     "A: Top priority (leave at Alert Level 3; life-sustaining device or the house at risk)"},
    {Priority::B, "B", "B: 優先（警戒レベル3で立退き避難、または停電時の電源が72時間未満）",
     "B: Priority (leave at Alert Level 3, or under 72 h of power in a blackout)"},
    {Priority::C, "C", "C: 要確認（上階で屋内安全確保、停電時の電源が7日未満、またはデータなし）",
     "C: Check (stays upstairs, under 7 days of power, or no hazard data)"},
    {Priority::D, "D", "D: 区域外・停電への備えあり", "D: Outside every zone, prepared for blackouts"},
};

const Names<FloodAction> kActionNames[] = {
    {FloodAction::LeaveEarly, "leave_early", "警戒レベル3で立退き避難", "Leave at Alert Level 3"},
    {FloodAction::ShelterUpstairs, "shelter_upstairs", "自宅の上階で屋内安全確保", "Stay upstairs at home"},
    {FloodAction::StayHomePowerPlan, "stay_home_power_plan", "自宅で過ごし停電に備える", "Stay home, prepare for blackouts"},
    {FloodAction::NoHazardData, "no_hazard_data", "浸水想定データなし（要確認）", "No flood hazard data (check)"},
};

const Names<DestinationRole> kRoleNames[] = {
    {DestinationRole::FleeWhenLate, "flee_when_late", "", ""},
    {DestinationRole::Upstairs, "upstairs", "", ""},
    {DestinationRole::ToArrange, "to_arrange", "", ""},
    {DestinationRole::Stay, "stay", "", ""},
};

const Names<ShelterStatus> kStatusNames[] = {
    {ShelterStatus::Ok, "ok", "洪水時に使用可", "Usable in a flood"},
    {ShelterStatus::NotPlanned, "not_planned", "避難場所が未記入", "No site in the plan"},
    {ShelterStatus::NotForFlood, "not_for_flood", "洪水の指定なし", "Not designated for floods"},
    {ShelterStatus::InFloodZone, "in_flood_zone", "浸水想定区域内（地上階）", "Inside the flood zone (ground level)"},
    {ShelterStatus::NoData, "no_data", "避難場所データなし", "No shelter data"},
    {ShelterStatus::Isolated, "isolated", "浸水中は孤立するため使わない", "Cut off while flooded"},
    {ShelterStatus::Unknown, "unknown", "避難場所データに該当なし", "Not found in the shelter data"},
};

// A planned site judged for landslides (a household in a landslide zone only).
const Names<ShelterStatus> kLandslideStatusNames[] = {
    {ShelterStatus::Ok, "ok", "土砂災害時に使用可", "Usable in a landslide"},
    {ShelterStatus::NotForFlood, "not_for_flood", "土砂災害の指定なし", "Not designated for landslides"},
    {ShelterStatus::InFloodZone, "in_flood_zone", "土砂災害警戒区域内", "Inside a landslide zone"},
};

// The action as the documents print it. A tsunami does not wait for any
// alert level: its own sentence, with the level for the other hazards when
// there is one ({level}).
struct ActionSentence {
    FloodAction action;
    const char* ja;
    const char* en;
};
const ActionSentence kActionSentences[] = {
    {FloodAction::LeaveEarly, "警戒レベル3で立退き避難", "Leave at Alert Level 3 (Evacuate elderly etc.)"},
    {FloodAction::ShelterUpstairs, "自宅の上階で屋内安全確保", "Stay upstairs at home (safety indoors)"},
    {FloodAction::StayHomePowerPlan, "自宅で過ごし停電に備える", "Stay home and prepare for blackouts"},
    {FloodAction::NoHazardData, "浸水想定データなし（要確認）", "No flood hazard data (to be checked)"},
};
const Param kTsunamiAction = {"津波警報でただちに立退き避難", "Leave immediately on a tsunami warning"};
const Param kTsunamiWithLevel = {"津波警報でただちに立退き避難（洪水等は警戒レベル{level}で）",
                                 "Leave immediately on a tsunami warning (floods etc.: at Alert Level {level})"};

// When the family sets out, short (the CSV's and the map page's 出発 column),
// the same three cases as the action: an alert level, a tsunami warning, or
// both.
const Param kStartLevel = {"警戒レベル{level}", "Alert Level {level}"};
const Param kStartTsunami = {"津波警報でただちに", "immediately on a tsunami warning"};
const Param kStartTsunamiWithLevel = {"津波警報でただちに／警戒レベル{level}",
                                      "immediately on a tsunami warning / Alert Level {level}"};

// `sentence` with its {level} replaced by the household's alert level.
std::string with_level(std::string sentence, int level) {
    sentence.replace(sentence.find("{level}"), 7, std::to_string(level));
    return sentence;
}

}  // namespace

const char* to_string(Priority p) { return row_of(kPriorityNames, p).name; }
const char* label_ja(Priority p) { return row_of(kPriorityNames, p).ja; }
const char* label_en(Priority p) { return row_of(kPriorityNames, p).en; }
const char* to_string(FloodAction a) { return row_of(kActionNames, a).name; }
const char* label_ja(FloodAction a) { return row_of(kActionNames, a).ja; }
const char* label_en(FloodAction a) { return row_of(kActionNames, a).en; }
const char* to_string(DestinationRole r) { return row_of(kRoleNames, r).name; }
const char* to_string(ShelterStatus s) { return row_of(kStatusNames, s).name; }
const char* label_ja(ShelterStatus s) { return row_of(kStatusNames, s).ja; }

const char* label(ShelterStatus s, Lang lang) {
    const auto& r = row_of(kStatusNames, s);
    return lang == Lang::En ? r.en : r.ja;
}

std::string planned_status_label(const Verdict& v, Lang lang) {
    if (v.planned_judged_for_landslide)
        for (const auto& r : kLandslideStatusNames)
            if (r.value == v.planned_shelter_status) return lang == Lang::En ? r.en : r.ja;
    return label(v.planned_shelter_status, lang);
}

std::string format_distance_ja(double m) {
    return m < 1000 ? "約" + fmt("%.0f", std::round(m / 10) * 10) + "m" : "約" + fmt("%.1f", m / 1000) + "km";
}
std::string format_distance_en(double m) {
    return m < 1000 ? "about " + fmt("%.0f", std::round(m / 10) * 10) + " m" : "about " + fmt("%.1f", m / 1000) + " km";
}

std::optional<int> safe_floor_for(double max_depth_m, double metres_per_storey) {
    if (!std::isfinite(max_depth_m) || !(metres_per_storey > 0)) return std::nullopt;
    // Lowest n with (n - 1) x mps >= max; the 1e-9 absorbs binary noise at exact multiples.
    int n = static_cast<int>(std::ceil(std::max(0.0, max_depth_m) / metres_per_storey - 1e-9)) + 1;
    return std::max(1, n);
}

Verdict assess(const Profile& profile, const Exposure& exposure, const std::vector<Shelter>& shelters,
               const RiskOptions& options) {
    Verdict v;
    v.household_id = profile.id;
    v.exposure = exposure;
    Ctx c{profile, exposure, shelters, options, v, gather_facts(profile, exposure, options)};
    v.life_sustaining = c.f.life_sustaining;

    // Order matters only where a rule reads what an earlier one decided.
    rule_zones(c);
    rule_depth(c);
    rule_safe_floor(c);
    rule_outage(c);
    rule_flood_power(c);
    rule_stock(c);
    rule_blackout(c);
    rule_oxygen(c);
    decide_action(c);
    rule_planned_shelter(c);
    rule_arranged_destinations(c);
    rule_layer_stay(c);
    rule_no_stay(c);
    rule_welfare_to_arrange(c);
    rule_flee_site(c);
    rule_upstairs(c);
    rule_upkeep(c);

    v.level = combine(c);
    std::stable_sort(v.reasons.begin(), v.reasons.end(),
                     [](const Reason& a, const Reason& b) { return reason_rank(a.code) < reason_rank(b.code); });
    return v;
}

std::string action_label(const Verdict& v, Lang lang) {
    auto pick = [lang](const Param& p) { return lang == Lang::En ? p.en : p.ja; };
    if (v.action != FloodAction::LeaveEarly || !v.leave_immediately) {
        for (const auto& a : kActionSentences)
            if (a.action == v.action) return lang == Lang::En ? a.en : a.ja;
        return label_ja(v.action);
    }
    if (!v.start_alert_level) return pick(kTsunamiAction);
    return with_level(pick(kTsunamiWithLevel), *v.start_alert_level);
}

std::string action_label_ja(const Verdict& v) { return action_label(v, Lang::Ja); }

std::string action_label_en(const Verdict& v) { return action_label(v, Lang::En); }

std::string start_label(const Verdict& v, Lang lang) {
    auto pick = [lang](const Param& p) { return lang == Lang::En ? p.en : p.ja; };
    if (v.leave_immediately)
        return v.start_alert_level ? with_level(pick(kStartTsunamiWithLevel), *v.start_alert_level) : pick(kStartTsunami);
    return v.start_alert_level ? with_level(pick(kStartLevel), *v.start_alert_level) : "";
}

std::string start_label_ja(const Verdict& v) { return start_label(v, Lang::Ja); }

std::string start_label_en(const Verdict& v) { return start_label(v, Lang::En); }

}  // namespace sheetgen
