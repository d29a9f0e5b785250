// libFuzzer: a hazard LAYER (GeoJSON bytes) through the whole hazard path:
// GDAL open, reprojection, NaN checks, MakeValid repair, the zone index, then
// point overlays and a map extract around the data. Public hazard files are
// often damaged, so this is where hostile geometry meets our code.
// InputError is the expected answer to an unusable layer.
#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"

namespace {

// Two zone layers over the same bytes: one without a field (any polygon is
// "depth unknown"), one house-collapse layer with a fixed type.
const char* kConfig =
    "layers:\n"
    "  - name: zones\n"
    "    source: /vsimem/fuzz/zones.geojson\n"
    "    kind: flood_depth\n"
    "    crs: EPSG:6668\n"
    "  - name: collapse\n"
    "    source: /vsimem/fuzz/zones.geojson\n"
    "    kind: house_collapse\n"
    "    type: flood_flow\n"
    "    crs: EPSG:6668\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const sheetgen::HazardConfig config = sheetgen::parse_hazard_config(kConfig, "/vsimem/fuzz/cfg.yaml");
    // GDAL reads the bytes in place (no copy, not freed by GDAL).
    VSILFILE* f = VSIFileFromMemBuffer("/vsimem/fuzz/zones.geojson", const_cast<GByte*>(data), size, FALSE);
    if (!f) return 0;
    VSIFCloseL(f);
    try {
        std::vector<sheetgen::Diagnostic> warnings;
        sheetgen::HazardSet set = sheetgen::HazardSet::load(config, &warnings);
        const sheetgen::LatLon points[] = {{35.63, 139.45}, {0, 0}, {35.0, 135.0}, {-90, 180}};
        for (const auto& p : points) {
            sheetgen::Exposure e = set.expose(p);
            (void)e;
        }
        sheetgen::MapExtract m = set.extract_map({35.63, 139.45}, 2000, 1500, 5);
        volatile size_t n = m.polygons.size() + set.zone_polygon_count() + warnings.size();
        (void)n;
    } catch (const sheetgen::InputError&) {
    }
    VSIUnlink("/vsimem/fuzz/zones.geojson");
    return 0;
}
