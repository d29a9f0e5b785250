#pragma once
// Small geodesy helpers on WGS84/JGD2011 degrees (the two agree to well under
// a metre, which is far below what household coordinates carry).
namespace sheetgen {

struct LatLon {
    double lat = 0;
    double lon = 0;
};

// Great-circle distance in metres (haversine, mean Earth radius).
double distance_m(const LatLon& a, const LatLon& b);

// Japan's extent, generous: includes Okinotorishima, Minamitorishima, Yonaguni, Etorofu.
bool inside_japan_extent(const LatLon& p);

}  // namespace sheetgen
