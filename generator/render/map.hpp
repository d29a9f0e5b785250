#pragma once
// The map inset: hazard zones, home, shelters and the route line drawn into a
// box, from a MapExtract (local metres around MapExtract::centre).
#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "layout/draw_ops.hpp"
#include "layout/font.hpp"
#include "layout/layout.hpp"
#include "render/layout_use.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::render {

struct MapRequest {
    LatLon centre;
    double half_width_m = 0, half_height_m = 0, resolution_m = 0;
};

inline constexpr double kMinHalfSizeM = 300;
inline constexpr double kMaxHalfSizeM = 2000;

// Frame around the home and the planned (else suggested) shelter with a 20%
// margin, half-size clamped to 300 m .. 2 km, with the box's aspect ratio
// (width / height). When the shelter is too far for 2 km the frame centres on
// the home and the route line leaves the frame.
MapRequest make_map_request(const Profile& profile, const Verdict& verdict, double box_width_pt, double box_height_pt);

// Local metres (x east, y north) of `p` relative to `centre` (equirectangular;
// under a metre off a transverse Mercator at these distances).
std::pair<double, double> local_metres(const LatLon& centre, const LatLon& p);

// One legend line item. Every draw step that puts something on the map
// registers its entry, so the legend lists exactly what was drawn.
struct LegendEntry {
    enum Symbol { Swatch, Hatch, Outline, Home, ShelterOk, ShelterNo, WelfareOk, WelfareNo, Route, DashedOutline } symbol = Swatch;
    Color colour;
    std::string label;
    int rank = 0;  // legend order: zones, home, shelters, route
};

struct MapLegend {
    std::vector<LegendEntry> entries;  // sorted by rank, then first drawn; no duplicates
    // Credit lines of the data on the map (`attribution:` of its layers),
    // printed after the entries, each text whole on a row when it fits.
    std::vector<std::string> attributions;
    double swatch_opacity = 1;  // the zone fills' opacity (below 1 over a base map)
    void add(LegendEntry e);
    bool has(const std::string& label) const;
};

// The legend name of a shelter marker. The GSI layer holds 指定緊急避難場所
// (places to flee to), not 避難所; welfare shelters are 福祉避難所.
std::string shelter_legend_label(const Shelter& shelter, Lang lang = Lang::Ja);

// Draws the map into `box` (clipped; markers kept wholly inside the frame)
// and returns the legend of what it drew. `map` null draws an empty frame
// saying 地図なし (no legend); a map whose data could not be read or projected
// (MapExtract::failure) draws a frame saying 地図を表示できません, never a map
// without its zones. The base map (MapExtract::basemap) goes under the zones;
// with it, places are named: shelters, stations, towns, without covering
// each other, the home or the markers. The legend and labels are in `lang`;
// in English only the places the verdict accepted are named (the planned
// site it turned down is marked "Planned site: not used").
MapLegend draw_map(PageOps& page, const Rect& box, const MapExtract* map, const Profile& profile,
                   const Verdict& verdict, const FontFace& font, Lang lang = Lang::Ja);
// The text in the frame of a map that cannot be drawn.
inline constexpr const char* kMapFailedText = "地図を表示できません";
inline constexpr const char* kMapFailedTextEn = "The map cannot be shown";

// Height the legend needs at `width` (every entry and attribution, wrapped onto rows).
double map_legend_height(const MapLegend& legend, double width, const FontFace& font);
void draw_map_legend(PageOps& page, const Rect& area, const MapLegend& legend, const FontFace& font);

// Map and legend: the legend drawn into `legend` (all entries, whatever its height).
void draw_map(PageOps& page, const Rect& box, const Rect& legend, const MapExtract* map, const Profile& profile,
              const Verdict& verdict, const FontFace& font);

// Marker reach around a point, in points: markers within this of the frame
// would be cut, so the map request pads the frame by it.
inline constexpr double kMarkerPadPt = 8;

}  // namespace sheetgen::render
