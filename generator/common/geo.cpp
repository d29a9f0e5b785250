#include "common/geo.hpp"

#include <cmath>

namespace sheetgen {

double distance_m(const LatLon& a, const LatLon& b) {
    constexpr double kEarthRadiusM = 6371008.8;
    constexpr double kRad = M_PI / 180.0;
    double dlat = (b.lat - a.lat) * kRad;
    double dlon = (b.lon - a.lon) * kRad;
    double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
               std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

bool inside_japan_extent(const LatLon& p) {
    return std::isfinite(p.lat) && std::isfinite(p.lon) && p.lat >= 20.0 && p.lat <= 46.0 && p.lon >= 122.0 &&
           p.lon <= 154.0;
}

}  // namespace sheetgen
