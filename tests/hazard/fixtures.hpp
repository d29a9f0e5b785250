#pragma once
// Small vector fixtures written through the GDAL API for the hazard tests.
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace sheetgen::test {

struct FieldDef {
    std::string name;
    OGRFieldType type = OFTString;
};

struct Feature {
    std::string wkt;                  // geometry in the layer's own CRS and axis order (x = lon/easting)
    std::vector<std::string> values;  // one per field; "" = null
    bool nan_vertex = false;          // replace the second vertex of the outer ring by NaN
};

// Writes (or adds) a layer. epsg 0 = no CRS. driver: "GPKG", "ESRI Shapefile", "GeoJSON".
inline void write_layer(const std::string& path, const std::string& layer, int epsg, const std::vector<FieldDef>& fields,
                        const std::vector<Feature>& features, const char* driver_name = "GPKG") {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name);
    REQUIRE(driver != nullptr);
    GDALDataset* ds = nullptr;
    VSIStatBufL st;
    if (std::string(driver_name) == "GPKG" && VSIStatL(path.c_str(), &st) == 0)
        ds = GDALDataset::FromHandle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
    else
        ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    REQUIRE(ds != nullptr);
    std::unique_ptr<OGRSpatialReference> srs;
    if (epsg) {
        srs = std::make_unique<OGRSpatialReference>();
        REQUIRE(srs->importFromEPSG(epsg) == OGRERR_NONE);
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    OGRwkbGeometryType gtype = wkbUnknown;
    if (!features.empty() && !features[0].wkt.empty()) {
        OGRGeometry* g = nullptr;
        OGRGeometryFactory::createFromWkt(features[0].wkt.c_str(), nullptr, &g);
        if (g) gtype = wkbFlatten(g->getGeometryType());
        OGRGeometryFactory::destroyGeometry(g);
    }
    OGRLayer* lyr = ds->CreateLayer(layer.c_str(), srs.get(), gtype, nullptr);
    REQUIRE(lyr != nullptr);
    for (const auto& f : fields) {
        OGRFieldDefn fd(f.name.c_str(), f.type);
        REQUIRE(lyr->CreateField(&fd) == OGRERR_NONE);
    }
    for (const auto& f : features) {
        OGRFeature feat(lyr->GetLayerDefn());
        for (size_t i = 0; i < fields.size() && i < f.values.size(); ++i)
            if (!f.values[i].empty()) feat.SetField(static_cast<int>(i), f.values[i].c_str());
        if (!f.wkt.empty()) {
            OGRGeometry* g = nullptr;
            REQUIRE(OGRGeometryFactory::createFromWkt(f.wkt.c_str(), nullptr, &g) == OGRERR_NONE);
            if (f.nan_vertex && wkbFlatten(g->getGeometryType()) == wkbPolygon)
                g->toPolygon()->getExteriorRing()->setPoint(1, std::numeric_limits<double>::quiet_NaN(), 35.0);
            feat.SetGeometryDirectly(g);
        }
        REQUIRE(lyr->CreateFeature(&feat) == OGRERR_NONE);
    }
    GDALClose(GDALDataset::ToHandle(ds));
}

// A lon/lat box as WKT, optionally converted into another EPSG CRS (x = easting).
inline std::string box_wkt(double lon0, double lat0, double lon1, double lat1, int epsg = 0) {
    std::vector<std::pair<double, double>> pts = {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}};
    if (epsg) {
        // Densify so the projected box follows the lon/lat box closely.
        std::vector<std::pair<double, double>> dense;
        for (size_t i = 0; i + 1 < pts.size(); ++i)
            for (int k = 0; k < 10; ++k)
                dense.emplace_back(pts[i].first + (pts[i + 1].first - pts[i].first) * k / 10.0,
                                   pts[i].second + (pts[i + 1].second - pts[i].second) * k / 10.0);
        dense.push_back(pts.front());
        OGRSpatialReference src, dst;
        src.importFromEPSG(6668);
        dst.importFromEPSG(epsg);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &dst));
        REQUIRE(ct);
        for (auto& p : dense) REQUIRE(ct->Transform(1, &p.first, &p.second));
        pts = dense;
    }
    std::string s = "POLYGON((";
    char buf[96];
    for (size_t i = 0; i < pts.size(); ++i) {
        std::snprintf(buf, sizeof buf, "%s%.10f %.10f", i ? "," : "", pts[i].first, pts[i].second);
        s += buf;
    }
    return s + "))";
}

}  // namespace sheetgen::test
