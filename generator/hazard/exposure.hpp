#pragma once
// What the overlay found at a point, as plain data (no GDAL types), so the
// risk rules and renderers can use it without knowing GDAL.
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "common/enum_table.hpp"
#include "common/geo.hpp"
#include "hazard/basemap_styles.hpp"
#include "hazard/kinds.hpp"

namespace sheetgen {

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

// Inundation depth class as a range of metres [min_m, max_m).
struct DepthRange {
    double min_m = 0;
    double max_m = kUnbounded;
    std::string label_en() const;  // "0.5-3.0 m", ">= 20 m"
    std::string label_ja() const;  // "0.5m以上3.0m未満", "20m以上"
    // GSI legend class 1..6 (0-0.5, 0.5-3, 3-5, 5-10, 10-20, >=20) by min_m,
    // used for map colours.
    int gsi_class() const;
    bool operator==(const DepthRange& o) const { return min_m == o.min_m && max_m == o.max_m; }
};

// Inundation duration class as a range of hours [min_h, max_h).
struct DurationRange {
    double min_h = 0;
    double max_h = kUnbounded;
    std::string label_en() const;  // "24-72 h"
    std::string label_ja() const;  // "24時間以上72時間未満" / "1日〜3日"
    bool operator==(const DurationRange& o) const { return min_h == o.min_h && max_h == o.max_h; }
};

// The scenario of a flood layer (`scenario:`): 計画規模 (the planned scale,
// rain of the river's design, L1) or 想定最大規模 (the maximum assumed rain,
// L2). Unknown: the config does not say.
enum class FloodScenario { Unknown, Planned, Maximum };
// The names a config writes (`scenario: planned`, or the label: 計画規模).
inline constexpr EnumName<FloodScenario> kFloodScenarioNames[] = {
    {"planned", FloodScenario::Planned, "計画規模"},
    {"maximum", FloodScenario::Maximum, "想定最大規模"}};
const char* to_string(FloodScenario s);  // "planned", "maximum"; "" when unknown
const char* label_ja(FloodScenario s);   // "計画規模", "想定最大規模"; "" when unknown

// The worst flood depth class of one scenario at a point.
struct ScenarioDepth {
    FloodScenario scenario = FloodScenario::Unknown;
    bool in_zone = false;
    std::optional<DepthRange> depth;  // nullopt in a zone: depth unknown
    std::string layer;                // layer name of the worst class
    std::string river;
};

// A zone of a kind with its own exposure record (hazard/kinds.hpp
// own_exposure: storm surge, tsunami): the worst class the point lies in.
struct KindZone {
    LayerKind kind = LayerKind::FloodDepth;
    std::optional<DepthRange> depth;  // nullopt: inside a zone whose layer carries no depth
    std::string layer;                // layer name of the worst class
    FloodScenario scenario = FloodScenario::Unknown;
    std::string river;                // river name of the worst class (config river / river_field), may be empty
};

struct Exposure {
    // false when no flood layer of the loaded data covers the point (no flood
    // layer loaded at all): "outside every zone" would then mean "not known",
    // never "safe".
    // Also false outside the config's coverage (its `coverage:` polygons, or
    // the flood layers' extents).
    bool covered_by_flood_data = true;
    // false when the config states a municipality boundary and the point lies
    // outside it (a wrong address or coordinates, or another city's data).
    bool inside_municipality = true;
    // Flood depth layers: inside any zone; depth is the worst class found, or
    // nullopt when inside a zone whose layer carries no depth ("depth unknown").
    // When the config loads both scenarios, these are the verdict's scenario's
    // (HazardConfig::verdict_scenario) where the point lies in one of its
    // zones, else the other scenario's: a zone of either is never "outside".
    bool in_flood_zone = false;
    std::optional<DepthRange> depth;
    FloodScenario depth_scenario = FloodScenario::Unknown;  // scenario of the chosen class
    std::string depth_layer;     // layer name from the config
    std::string depth_river;     // river of the worst class (config `river` / `river_field`), may be empty
    // Only when the config loads both scenarios: the worst class of each,
    // planned then maximum, whether or not the point lies in its zones.
    std::vector<ScenarioDepth> scenario_depths;
    // Duration layers.
    bool in_duration_zone = false;
    std::optional<DurationRange> duration;
    // 家屋倒壊等氾濫想定区域: "flood_flow" (氾濫流) / "bank_erosion" (河岸侵食) / "" when unknown type.
    bool in_house_collapse = false;
    std::string house_collapse_type;
    bool in_landslide = false;   // 土砂災害警戒区域 etc.
    std::string landslide_type;  // free label from the layer (e.g. 土石流, 急傾斜地), may be empty
    // Kinds with their own record (storm surge, tsunami), in table order, one
    // entry per kind the point lies in.
    std::vector<KindZone> kind_zones;
    // Layer names the point fell in, for explaining the verdict.
    std::vector<std::string> layers_hit;
    // Zone layers that could not be read at this point (a raster block that
    // failed, a point its CRS cannot take): what they say here is not known,
    // which is never "outside" (reason hazard_data_unreadable).
    std::vector<std::string> unreadable_layers;

    const ScenarioDepth* scenario_depth(FloodScenario s) const {
        for (const auto& d : scenario_depths)
            if (d.scenario == s) return &d;
        return nullptr;
    }
    const KindZone* zone(LayerKind k) const {
        for (const auto& z : kind_zones)
            if (z.kind == k) return &z;
        return nullptr;
    }
    // Inside any zone where the ground floods: river flood, storm surge, tsunami.
    bool in_water_zone() const { return in_flood_zone || !kind_zones.empty(); }
};

// What a site is for (災害対策基本法): a 指定緊急避難場所 is a place to flee to
// from one hazard, often outdoors (school yards, parks, car-park decks); a
// 指定避難所 is where people stay; a 福祉避難所 takes people it agreed to
// receive in advance (2021 guideline).
enum class ShelterType { EmergencySite, EvacuationShelter, WelfareShelter };
// The one table of shelter type names (hazard config `shelter_type:`, CSV,
// documents) and their Japanese labels.
inline constexpr EnumName<ShelterType> kShelterTypeNames[] = {
    {"emergency_site", ShelterType::EmergencySite, "指定緊急避難場所", "Designated emergency evacuation site"},
    {"evacuation_shelter", ShelterType::EvacuationShelter, "指定避難所", "Designated evacuation shelter"},
    {"welfare_shelter", ShelterType::WelfareShelter, "福祉避難所", "Welfare shelter"}};
const char* to_string(ShelterType t);  // "emergency_site" ...
const char* label_ja(ShelterType t);   // "指定緊急避難場所" ...
const char* label(ShelterType t, Lang lang);  // label_ja, or "Designated emergency evacuation site" ...

// Words of the hazard data itself in a document's language: the landslide
// phenomena of 国土数値情報 A33 (急傾斜地の崩壊, 土石流, 地すべり) and the flood
// scenarios (計画規模, 想定最大規模). Japanese, and any word not in the table,
// is returned as the data wrote it.
std::string data_term(const std::string& term, Lang lang);

struct Shelter {
    ShelterType type = ShelterType::EmergencySite;
    std::string id;
    std::string name;
    std::string address;
    LatLon location;
    // Hazards the site is designated for (指定緊急避難場所).
    bool flood = false;
    bool landslide = false;
    bool earthquake = false;
    bool inland_flood = false;
    bool welfare = false;            // 福祉避難所
    std::optional<bool> power;       // electricity for medical devices (unknown when absent)
    // Indoors (a building a person can stay in); unknown when the layer has
    // no indoor field: emergency sites are then taken as outdoor, shelters
    // and welfare shelters as indoor.
    std::optional<bool> indoor;
    bool vertical = false;           // upper floor / rooftop site (name says ２階, ３階から最上階, 屋上 ...)
    Exposure exposure;               // the site's own exposure, computed when hazards load
    // Flood-designated and not a ground-level site inside a zone where the
    // ground floods (a river flood, storm surge or tsunami zone).
    bool usable_in_flood() const { return flood && (!exposure.in_water_zone() || vertical); }
    bool is_indoor() const { return indoor.value_or(type != ShelterType::EmergencySite); }
};

// Map inset data around a household, in a local metric frame: x east, y north,
// metres from the centre (transverse Mercator centred on the home).
enum class ZoneKind { FloodDepth, FloodDuration, HouseCollapse, Landslide };
static_assert(static_cast<int>(ZoneKind::FloodDepth) == static_cast<int>(KindMap::FloodDepth) &&
                  static_cast<int>(ZoneKind::FloodDuration) == static_cast<int>(KindMap::FloodDuration) &&
                  static_cast<int>(ZoneKind::HouseCollapse) == static_cast<int>(KindMap::HouseCollapse) &&
                  static_cast<int>(ZoneKind::Landslide) == static_cast<int>(KindMap::Landslide),
              "the kind table's map values are ZoneKind values");

struct MapRing {
    std::vector<std::pair<double, double>> points;  // x, y metres; closed (first == last)
};

struct MapPolygon {
    ZoneKind kind = ZoneKind::FloodDepth;  // how it is drawn
    std::optional<DepthRange> depth;  // for FloodDepth; nullopt = depth unknown
    std::vector<MapRing> rings;       // first outer, then holes
    LayerKind layer_kind = LayerKind::FloodDepth;  // what it is: a tsunami zone is drawn as a flood
    std::string attribution;  // its layer's `attribution:` (zone_polygons_lonlat only; "" = none)
};

struct MapShelter {
    const Shelter* shelter = nullptr;  // points into the HazardSet's shelters
    double x = 0, y = 0;
};

// A base-map feature (a `kind: basemap` layer) inside the frame, clipped to it.
struct MapFeature {
    BasemapStyle style = BasemapStyle::Road;
    enum class Shape { Point, Line, Area } shape = Shape::Line;
    // x, y metres. Point: one part holding the point; Line: open polylines;
    // Area: closed rings, outer and holes (drawn even-odd).
    std::vector<std::vector<std::pair<double, double>>> parts;
    std::string label;                                  // the `label:` attribute; empty = none
    std::optional<std::pair<double, double>> label_at;  // where the label belongs, metres
};

struct MapExtract {
    LatLon centre;
    double half_width_m = 0;   // frame is [-half_width_m, half_width_m] in x
    double half_height_m = 0;  // and [-half_height_m, half_height_m] in y
    std::vector<MapPolygon> polygons;  // clipped to the frame, simplified to resolution
    std::vector<MapShelter> shelters;  // shelters inside the frame
    // Drawn under the zones, in the styles' drawing order, then config order.
    std::vector<MapFeature> basemap;
    // The config has basemap layers: the map is drawn for one (zone fills let
    // it show through; shelters, stations and towns are named). Maps of
    // configs without basemap layers are drawn as before, byte for byte.
    bool with_basemap = false;
    // The `attribution:` of every layer with data on this map, in config
    // order, each text once: printed under the map.
    std::vector<std::string> attributions;
    // Why the map cannot be drawn faithfully (a zone or shelter could not be
    // read or projected for this frame): the inset then says 地図を表示できません
    // rather than show a map without its zones. Empty = drawable.
    std::string failure;
    // Base-map data missing from this map (a read or projection problem): the
    // map is drawn without it, and the run warns. Layer names and counts only.
    std::vector<std::string> warnings;
};

}  // namespace sheetgen
