#pragma once
// Base-map styles: the `style:` of a `kind: basemap` layer (roads, railways,
// rivers, stations, town names, boundaries, water) and how the map inset
// draws it. One row per style, written once here; muted colours, because the
// base map only tells a family where they are: the zones are drawn on top.
// Plain data (no GDAL, no layout types), like hazard/kinds.hpp.
#include <cstddef>

#include "common/enum_table.hpp"

namespace sheetgen {

enum class BasemapStyle { Road, Rail, River, Station, TownLabel, Boundary, Water };

// The one table of style names (`style:` in a config) and Japanese labels.
inline constexpr EnumName<BasemapStyle> kBasemapStyleNames[] = {
    {"road", BasemapStyle::Road, "道路"},           {"rail", BasemapStyle::Rail, "鉄道"},
    {"river", BasemapStyle::River, "河川"},         {"station", BasemapStyle::Station, "駅"},
    {"town_label", BasemapStyle::TownLabel, "町名"}, {"boundary", BasemapStyle::Boundary, "行政界"},
    {"water", BasemapStyle::Water, "水面"}};

struct BasemapStyleInfo {
    BasemapStyle style;
    int draw_order;      // features drawn lower first: water under boundaries under rivers ... under stations
    unsigned stroke;     // 0xRRGGBB of lines and area outlines
    double width;        // line width in points; 0: lines and outlines are not drawn (town names: label only)
    bool dashed;
    bool fill;           // areas filled with fill_rgb (else drawn as their outlines, never the frame's edge)
    unsigned fill_rgb;
    bool marker;         // points get a small square marker (a station)
    double label_size;   // points
    unsigned label_rgb;
    int label_rank;      // placement order, lower first: wins a collision (shelter names: kShelterLabelRank)
};

// In the order of kBasemapStyleNames (checked below).
inline constexpr BasemapStyleInfo kBasemapStyles[] = {
    {BasemapStyle::Road, 3, 0xC9C9C4, 1.1, false, false, 0, false, 5.5, 0x6E6E6E, 5},
    {BasemapStyle::Rail, 4, 0x8E8E8E, 1.0, true, false, 0, false, 5.5, 0x6E6E6E, 4},
    {BasemapStyle::River, 2, 0x9DBFD8, 1.4, false, false, 0, false, 5.5, 0x5A7C96, 4},
    {BasemapStyle::Station, 5, 0x6B6B6B, 2.6, false, false, 0, true, 6.0, 0x333333, 1},
    {BasemapStyle::TownLabel, 6, 0x000000, 0, false, false, 0, false, 5.5, 0x7A7A7A, 3},
    {BasemapStyle::Boundary, 1, 0xA8A8A8, 0.8, true, false, 0, false, 5.5, 0x7A7A7A, 6},
    {BasemapStyle::Water, 0, 0xB9D3E6, 0, false, true, 0xDCE9F2, false, 5.5, 0x5A7C96, 4},
};

// Shelter names are placed after station names (the landmark a family knows)
// and before town names.
inline constexpr int kShelterLabelRank = 2;

inline constexpr size_t kBasemapStyleCount = sizeof(kBasemapStyles) / sizeof(kBasemapStyles[0]);
static_assert(kBasemapStyleCount == sizeof(kBasemapStyleNames) / sizeof(kBasemapStyleNames[0]),
              "every base-map style has one row");

constexpr bool basemap_styles_in_order() {
    for (size_t i = 0; i < kBasemapStyleCount; ++i)
        if (kBasemapStyles[i].style != kBasemapStyleNames[i].value || static_cast<size_t>(kBasemapStyles[i].style) != i)
            return false;
    return true;
}
static_assert(basemap_styles_in_order(), "kBasemapStyles follows kBasemapStyleNames and the enum order");

inline const BasemapStyleInfo& style_info(BasemapStyle s) { return kBasemapStyles[static_cast<size_t>(s)]; }
inline const char* to_string(BasemapStyle s) { return EnumTable<BasemapStyle>(kBasemapStyleNames).name(s); }

}  // namespace sheetgen
