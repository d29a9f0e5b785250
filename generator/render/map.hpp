#pragma once
// The map inset: hazard zones, home, shelters and the route line drawn into a
// box, from a MapExtract (local metres around MapExtract::centre).
#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "render/draw_ops.hpp"
#include "render/font.hpp"
#include "render/layout.hpp"
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

// Draws the map into `box` (clipped) and its legend into `legend` below it.
// `map` null draws an empty frame saying 地図なし.
void draw_map(PageOps& page, const Rect& box, const Rect& legend, const MapExtract* map, const Profile& profile,
              const Verdict& verdict, const FontFace& font);

// Height of the legend strip drawn under the map.
double map_legend_height();

}  // namespace sheetgen::render
