#include "hazard/approximate.hpp"

#include <algorithm>
#include <cmath>

#include "hazard/hazard_set.hpp"

namespace sheetgen {

namespace {

bool deeper(const DepthRange& a, const DepthRange& b) {
    return a.min_m > b.min_m || (a.min_m == b.min_m && a.max_m > b.max_m);
}
bool longer(const DurationRange& a, const DurationRange& b) {
    return a.min_h > b.min_h || (a.min_h == b.min_h && a.max_h > b.max_h);
}

}  // namespace

void fold_worse(Exposure& worst, const Exposure& o) {
    if (o.in_flood_zone) {
        // A known depth beats "in a zone, depth unknown"; then the deeper class.
        bool take = !worst.in_flood_zone || (o.depth && (!worst.depth || deeper(*o.depth, *worst.depth)));
        worst.in_flood_zone = true;
        if (take) {
            worst.depth = o.depth;
            worst.depth_scenario = o.depth_scenario;
            worst.depth_layer = o.depth_layer;
        }
    }
    // Each scenario's worst class likewise (present only when both are loaded).
    for (const ScenarioDepth& od : o.scenario_depths) {
        ScenarioDepth* wd = nullptr;
        for (auto& d : worst.scenario_depths) wd = d.scenario == od.scenario ? &d : wd;
        if (!wd) {
            worst.scenario_depths.push_back(od);
        } else if (od.in_zone && (!wd->in_zone || (od.depth && (!wd->depth || deeper(*od.depth, *wd->depth))))) {
            *wd = od;
        }
    }
    if (o.in_duration_zone) {
        if (!worst.in_duration_zone || (o.duration && (!worst.duration || longer(*o.duration, *worst.duration))))
            worst.duration = o.duration;
        worst.in_duration_zone = true;
    }
    if (o.in_house_collapse && (!worst.in_house_collapse || (worst.house_collapse_type.empty() && !o.house_collapse_type.empty()))) {
        worst.in_house_collapse = true;
        worst.house_collapse_type = o.house_collapse_type;
    }
    if (o.in_landslide && (!worst.in_landslide || (worst.landslide_type.empty() && !o.landslide_type.empty()))) {
        worst.in_landslide = true;
        worst.landslide_type = o.landslide_type;
    }
    for (const auto& l : o.unreadable_layers)
        if (std::find(worst.unreadable_layers.begin(), worst.unreadable_layers.end(), l) == worst.unreadable_layers.end())
            worst.unreadable_layers.push_back(l);
    for (const auto& l : o.layers_hit)
        if (std::find(worst.layers_hit.begin(), worst.layers_hit.end(), l) == worst.layers_hit.end())
            worst.layers_hit.push_back(l);
}

Exposure expose_worst_within(const HazardSet& hazards, const LatLon& p, double radius_m) {
    Exposure worst = hazards.expose(p);
    if (!(radius_m > 0) || !std::isfinite(p.lat) || !std::isfinite(p.lon)) return worst;
    constexpr double kPi = 3.14159265358979323846;
    const double m_per_deg_lat = 111320.0;
    const double m_per_deg_lon = 111320.0 * std::cos(p.lat * kPi / 180.0);
    for (int ring = 1; ring <= 4; ++ring) {
        const double r = radius_m * ring / 4.0;
        const int directions = 8 * ring;
        for (int k = 0; k < directions; ++k) {
            const double a = 2 * kPi * k / directions;
            LatLon q{p.lat + r * std::sin(a) / m_per_deg_lat, p.lon + r * std::cos(a) / m_per_deg_lon};
            fold_worse(worst, hazards.expose(q));
        }
    }
    return worst;
}

}  // namespace sheetgen
