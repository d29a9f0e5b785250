#pragma once
// Hazard kinds: one descriptor per `kind:` of a hazard config. What differs
// between kinds is written here once (config name, labels, how zones are
// classed, which verdict rule they drive, how the map draws them), so adding
// a kind is one entry here plus its rules (docs/hazard-config.md, "Adding a
// kind"). Plain data, no GDAL: the risk rules read it too.
#include <cstddef>

#include "common/enum_table.hpp"

namespace sheetgen {

enum class LayerKind { FloodDepth, FloodDuration, HouseCollapse, Landslide, Shelters, StormSurge, Tsunami, Basemap };

// The one table of layer kind names (`kind:` in a config, to_string).
inline constexpr EnumName<LayerKind> kLayerKindNames[] = {
    {"flood_depth", LayerKind::FloodDepth, "洪水浸水想定区域"},
    {"flood_duration", LayerKind::FloodDuration, "浸水継続時間"},
    {"house_collapse", LayerKind::HouseCollapse, "家屋倒壊等氾濫想定区域"},
    {"landslide", LayerKind::Landslide, "土砂災害警戒区域"},
    {"shelters", LayerKind::Shelters, "指定緊急避難場所"},
    {"storm_surge", LayerKind::StormSurge, "高潮浸水想定区域"},
    {"tsunami", LayerKind::Tsunami, "津波浸水想定"},
    {"basemap", LayerKind::Basemap, "背景地図"}};

// How a zone of the kind is classed (which config keys apply).
enum class KindClasses {
    Depth,     // depth classes in metres: field/preset/classes/legend, raster cells
    Duration,  // duration classes in hours: the same keys
    Typed,     // a free type label: type/type_field
    Sites,     // shelters: shelter_type and the *_field keys
    Basemap,   // no zones: style/label (hazard/basemap_styles.hpp), drawn under the zones on the map
};

// What a zone of the kind does to the household's verdict.
enum class KindRule {
    FloodDepth,   // the depth against the deciding floor; may stay upstairs (river flood, storm surge)
    Duration,     // the length of the outage only
    LeaveZone,    // leave the zone whatever the floor, at alert level 3 (house collapse, landslide)
    LeaveNow,     // leave at once when a warning is issued, no alert level waited for (tsunami)
    None,         // shelters
};

// How the map draws a zone (hazard/exposure.hpp ZoneKind has the same values;
// kept as an int here so this header stays independent of it).
enum class KindMap { FloodDepth = 0, FloodDuration = 1, HouseCollapse = 2, Landslide = 3, None = -1 };

struct HazardKind {
    LayerKind kind;
    const char* label_en;
    KindClasses classes;
    KindRule rule;
    // The kind's own exposure record (Exposure::kind_zones) rather than the
    // fixed fields of the kinds that predate this table.
    bool own_exposure;
    // River-flood data: its extent counts as the coverage of "flood data"
    // (a tsunami layer along the coast says nothing about a river valley).
    bool flood_coverage;
    // The reason code stated when a home lies in a zone of the kind; nullptr
    // when older rules word it (risk/verdict.cpp).
    const char* zone_reason;
    KindMap map;
};

// In the order of kLayerKindNames (checked below).
inline constexpr HazardKind kHazardKinds[] = {
    {LayerKind::FloodDepth, "flood inundation zone", KindClasses::Depth, KindRule::FloodDepth, false, true, nullptr,
     KindMap::FloodDepth},
    {LayerKind::FloodDuration, "flood duration", KindClasses::Duration, KindRule::Duration, false, true, nullptr,
     KindMap::FloodDuration},
    {LayerKind::HouseCollapse, "house-collapse flood zone", KindClasses::Typed, KindRule::LeaveZone, false, false,
     nullptr, KindMap::HouseCollapse},
    {LayerKind::Landslide, "landslide hazard zone", KindClasses::Typed, KindRule::LeaveZone, false, false, nullptr,
     KindMap::Landslide},
    {LayerKind::Shelters, "emergency evacuation sites", KindClasses::Sites, KindRule::None, false, false, nullptr,
     KindMap::None},
    // 高潮浸水想定区域 (水防法 第14条の3): depth ranks like a river flood, and the
    // same rules: the depth against the floor, the outage, level 3.
    {LayerKind::StormSurge, "storm-surge inundation zone", KindClasses::Depth, KindRule::FloodDepth, true, false,
     "storm_surge_zone", KindMap::FloodDepth},
    // 津波浸水想定 (津波防災地域づくり法 第8条): a tsunami arrives minutes after the
    // warning; the family leaves for high ground at once, whatever the floor.
    {LayerKind::Tsunami, "tsunami inundation zone", KindClasses::Depth, KindRule::LeaveNow, true, false,
     "tsunami_zone", KindMap::FloodDepth},
    // Roads, railways, stations, town names ... so a family can tell where
    // they are on the map. Not a hazard: no verdict rule, no coverage.
    {LayerKind::Basemap, "base map", KindClasses::Basemap, KindRule::None, false, false, nullptr, KindMap::None},
};

inline constexpr size_t kHazardKindCount = sizeof(kHazardKinds) / sizeof(kHazardKinds[0]);
static_assert(kHazardKindCount == sizeof(kLayerKindNames) / sizeof(kLayerKindNames[0]),
              "every layer kind has one descriptor");

constexpr bool kinds_in_order() {
    for (size_t i = 0; i < kHazardKindCount; ++i)
        if (kHazardKinds[i].kind != kLayerKindNames[i].value || static_cast<size_t>(kHazardKinds[i].kind) != i)
            return false;
    return true;
}
static_assert(kinds_in_order(), "kHazardKinds follows kLayerKindNames and the enum order");

inline const HazardKind& kind_info(LayerKind k) { return kHazardKinds[static_cast<size_t>(k)]; }
inline const char* label_ja(LayerKind k) { return EnumTable<LayerKind>(kLayerKindNames).label(k); }
inline bool has_zone_classes(LayerKind k) {
    return kind_info(k).classes == KindClasses::Depth || kind_info(k).classes == KindClasses::Duration;
}

}  // namespace sheetgen
