#pragma once
// Reading a config layer through OGR with errors located at the config line:
// opening its source and layer (with the `where` filter), mapping a field,
// the CRS rules, reading features. Shared by the zone, shelter and area
// loaders (hazard_set.cpp) and the base-map layers (basemap_layer.cpp).
#include <string>

#include "common/error.hpp"
#include "hazard/config.hpp"
#include "hazard/gdal_util.hpp"

namespace sheetgen::hazard_detail {

struct OpenedLayer {
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;
};

// The source and layer (default: the first), the `where` filter applied;
// InputError at the config line naming what exists when something is missing.
OpenedLayer open_layer(const LayerConfig& lc);
// The index of `field`; InputError at `where` listing the fields there are.
int require_field(const LayerConfig& lc, OGRLayer* layer, const std::string& field, const SourceLocation& where);
// Source -> WGS84 lon/lat (traditional GIS order); nullptr when the source
// already is WGS84 lon/lat. InputError when the layer has no CRS and no `crs:`.
TransformPtr make_transform(const LayerConfig& lc, OGRLayer* layer);
// The next feature; nullptr at the end. A driver failure is an InputError.
OGRFeatureUniquePtr next_feature(const LayerConfig& lc, OGRLayer* layer);
// Every vertex finite (envelopes skip NaN).
bool finite_geometry(const OGRGeometry& g);
// A field's text; "" when unset or null.
std::string field_text(const OGRFeature& f, int idx);

}  // namespace sheetgen::hazard_detail
