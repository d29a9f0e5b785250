#pragma once
// A home located only approximately (a town's or block's representative point
// from the address): the verdict must take the worst hazard near the point,
// not the one at it.
#include "common/geo.hpp"
#include "hazard/exposure.hpp"

namespace sheetgen {

class HazardSet;

// The worst exposure within `radius_m` of `p`: the point itself and 80
// points on four rings (r/4 .. r, 8 to 32 directions, at most ~100 m apart
// at r = 500 m). Depth and duration are the deepest / longest class found,
// house-collapse and landslide zones count when any point is inside; data
// coverage and the municipality test stay those of `p` itself.
Exposure expose_worst_within(const HazardSet& hazards, const LatLon& p, double radius_m);

// Folds `other` into `worst` (the rules above). Exposed for tests.
void fold_worse(Exposure& worst, const Exposure& other);

}  // namespace sheetgen
