#pragma once
// Base-map sources and failing zone rasters written through GDAL for the
// base-map tests (tests/hazard, tests/render, tests/cli).
#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "hazard/fixtures.hpp"
#include "test_support.hpp"

namespace sheetgen::test {

// Around (35.650, 139.445), near Tama. Read-grid tiles are 0.05° (BasemapLayer::kTileDeg).
inline constexpr double kBaseLat = 35.650, kBaseLon = 139.445;

// The WKT of a lon/lat line converted to EPSG:6677.
inline std::string line_in_6677(const std::vector<std::pair<double, double>>& lonlat) {
    OGRSpatialReference src, dst;
    src.importFromEPSG(6668);
    dst.importFromEPSG(6677);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &dst));
    REQUIRE(ct);
    std::string wkt = "LINESTRING(";
    char buf[96];
    for (size_t i = 0; i < lonlat.size(); ++i) {
        double x = lonlat[i].first, y = lonlat[i].second;
        REQUIRE(ct->Transform(1, &x, &y));
        std::snprintf(buf, sizeof buf, "%s%.3f %.3f", i ? "," : "", x, y);
        wkt += buf;
    }
    return wkt + ")";
}

// `roads` (EPSG:6677, metres, so the tile filter is reprojected; field 名称):
// one road crossing the west edge of a 600 m frame around the base point.
// `stations` (EPSG:6668 points, field 駅名): 聖蹟テスト駅 inside that frame,
// 枠外駅 in a read tile but outside the frame, 遠方駅 some 40 km away (in no
// tile a map around the base point reads).
inline void write_basemap(const std::string& path) {
    write_layer(path, "roads", 6677, {{"名称", OFTString}},
                {{line_in_6677({{139.400, 35.652}, {139.448, 35.652}}), {"テスト通り"}}});
    write_layer(path, "stations", 6668, {{"駅名", OFTString}},
                {{"POINT(139.4460 35.6515)", {"聖蹟テスト駅"}},
                 {"POINT(139.4700 35.6900)", {"枠外駅"}},
                 {"POINT(139.8000 35.9000)", {"遠方駅"}}});
}

// A small OpenStreetMap XML file (GDAL's OSM driver reads .osm XML as it
// reads .osm.pbf): a primary road and a footway, a neighbourhood name.
inline void write_osm(const std::string& path) {
    write_file(path, R"(<?xml version="1.0" encoding="UTF-8"?>
<osm version="0.6" generator="sheetgen test">
  <node id="1" version="1" lat="35.6500" lon="139.4390"/>
  <node id="2" version="1" lat="35.6520" lon="139.4510"/>
  <node id="3" version="1" lat="35.6480" lon="139.4450"><tag k="place" v="neighbourhood"/><tag k="name" v="テスト町一丁目"/></node>
  <node id="4" version="1" lat="35.6490" lon="139.4410"/>
  <node id="5" version="1" lat="35.6510" lon="139.4490"/>
  <node id="6" version="1" lat="35.9000" lon="139.8000"><tag k="place" v="neighbourhood"/><tag k="name" v="遠方町"/></node>
  <way id="10" version="1"><nd ref="1"/><nd ref="2"/><tag k="highway" v="primary"/><tag k="name" v="テスト街道"/></way>
  <way id="11" version="1"><nd ref="4"/><nd ref="5"/><tag k="highway" v="footway"/><tag k="name" v="小道"/></way>
</osm>
)");
}

// A one-band uint8 GeoTIFF of depth ranks 2 and 3 over a lon/lat box
// (EPSG:4326), 512 x 512 cells in 64 x 64 tiles, uncompressed (256 KB, more
// than any read buffer holds). Its directory comes first and the tiles after
// it: once loaded, a truncated file no longer gives its later tiles.
inline void write_rank_raster(const std::string& path, double lon0, double lat0, double lon1, double lat1) {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    REQUIRE(drv);
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "TILED", "YES");
    opts = CSLSetNameValue(opts, "BLOCKXSIZE", "64");
    opts = CSLSetNameValue(opts, "BLOCKYSIZE", "64");
    const int w = 512, h = 512;
    GDALDataset* ds = drv->Create(path.c_str(), w, h, 1, GDT_Byte, opts);
    CSLDestroy(opts);
    REQUIRE(ds);
    double gt[6] = {lon0, (lon1 - lon0) / w, 0, lat1, 0, -(lat1 - lat0) / h};
    ds->SetGeoTransform(gt);
    OGRSpatialReference wgs;
    wgs.SetWellKnownGeogCS("WGS84");
    ds->SetSpatialRef(&wgs);
    std::vector<unsigned char> cells(static_cast<size_t>(w) * h);
    for (size_t i = 0; i < cells.size(); ++i) cells[i] = static_cast<unsigned char>(i % 7 == 0 ? 3 : 2);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, cells.data(), w, h, GDT_Byte, 0, 0) == CE_None);
    GDALClose(ds);
}

// A rank raster in an orthographic projection centred 90° west of lon
// 139.45: every point east of lon 139.45 lies beyond its horizon and cannot
// be transformed into it. The raster itself (lon ~139.1-139.3, lat
// 35.64-35.66) is in view: it loads, and a home west of 139.45 can be
// sampled, but a map frame reaching east of 139.45 cannot be read from it.
inline void write_horizon_raster(const std::string& path) {
    GDALAllRegister();
    OGRSpatialReference wgs, ortho;
    wgs.SetWellKnownGeogCS("WGS84");
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    REQUIRE(ortho.SetFromUserInput("+proj=ortho +lat_0=0 +lon_0=49.45 +datum=WGS84 +units=m +no_defs") == OGRERR_NONE);
    ortho.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs, &ortho));
    REQUIRE(ct);
    // x shrinks with latitude near the horizon: the corner at the top
    // latitude bounds x, so every corner of the grid stays in view.
    double xt = 139.30, yt = 35.66, xb = 139.30, yb = 35.64;
    REQUIRE(ct->Transform(1, &xt, &yt));
    REQUIRE(ct->Transform(1, &xb, &yb));
    const double x1 = std::min(xt, xb), x0 = x1 - 50, y0 = yb, y1 = yt;  // 50 m of x: lon ~139.1-139.3 here
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    const int w = 40, h = 40;
    GDALDataset* ds = drv->Create(path.c_str(), w, h, 1, GDT_Byte, nullptr);
    REQUIRE(ds);
    double gt[6] = {x0, (x1 - x0) / w, 0, y1, 0, -(y1 - y0) / h};
    ds->SetGeoTransform(gt);
    ds->SetSpatialRef(&ortho);
    std::vector<unsigned char> cells(static_cast<size_t>(w) * h, 2);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, cells.data(), w, h, GDT_Byte, 0, 0) == CE_None);
    GDALClose(ds);
}

}  // namespace sheetgen::test
