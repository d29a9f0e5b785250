#pragma once
// GDAL/OGR handles are owned by GDAL's own RAII types: GDALDatasetUniquePtr,
// OGRFeatureUniquePtr, OGRGeometryUniquePtr, CPLErrorHandlerPusher and
// CPLConfigOptionSetter. GDAL 3.6 ships none for coordinate transformations,
// so TransformPtr is the one owner defined here.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>
#include <cpl_conv.h>
#include <cpl_error.h>

#include <memory>
#include <string>

namespace sheetgen {
struct LayerConfig;
}

namespace sheetgen::hazard_detail {

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

// Keeps GDAL from printing to stderr while alive (the handler stack is per
// thread); failures are read back with last_error() and turned into our errors.
class QuietGdalErrors {
public:
    QuietGdalErrors() : quiet_(CPLQuietErrorHandler) { CPLErrorReset(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
    static std::string last_error() {
        const char* m = CPLGetLastErrorMsg();
        return m ? std::string(m) : std::string();
    }

private:
    CPLErrorHandlerPusher quiet_;
};

// Registers the drivers once per process (GDALAllRegister is idempotent but
// not meant to race with itself).
void ensure_gdal_registered();

// A config layer's source, opened read-only with its open options (after
// refusing FIFOs and devices); null when GDAL cannot open it.
GDALDatasetUniquePtr open_source(const LayerConfig& lc, unsigned flags);

// WGS84 lon/lat in traditional GIS order.
OGRSpatialReference wgs84_lonlat();

}  // namespace sheetgen::hazard_detail
