#pragma once
// Small RAII owners for GDAL/OGR handles used by the hazard loader.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

namespace sheetgen::hazard_detail {

struct DatasetCloser {
    void operator()(GDALDataset* d) const {
        if (d) GDALClose(GDALDataset::ToHandle(d));
    }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

struct TransformDeleter {
    void operator()(OGRCoordinateTransformation* t) const { OGRCoordinateTransformation::DestroyCT(t); }
};
using TransformPtr = std::unique_ptr<OGRCoordinateTransformation, TransformDeleter>;

using GeometryPtr = std::unique_ptr<OGRGeometry>;  // OGRGeometry has a virtual destructor

// Keeps GDAL from printing to stderr while alive (the handler stack is per
// thread); failures are read back with last_error() and turned into our errors.
class QuietGdalErrors {
public:
    QuietGdalErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdalErrors() { CPLPopErrorHandler(); }
    QuietGdalErrors(const QuietGdalErrors&) = delete;
    QuietGdalErrors& operator=(const QuietGdalErrors&) = delete;
    static std::string last_error() {
        const char* m = CPLGetLastErrorMsg();
        return m ? std::string(m) : std::string();
    }
};

// Registers the drivers once per process (GDALAllRegister is idempotent but
// not meant to race with itself).
void ensure_gdal_registered();

// WGS84 lon/lat in traditional GIS order.
OGRSpatialReference wgs84_lonlat();

}  // namespace sheetgen::hazard_detail
