// Raster hazard layers: the cell value under a household is its class code.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {

constexpr int kW = 120, kH = 90;  // cells of 10 m
constexpr double kCell = 10;
constexpr unsigned char kNoData = 255;

// The value of a cell: bands of 20 columns holding 0..5, a nodata row band,
// and one cell block of the unknown code 9.
unsigned char cell_value(int c, int r) {
    if (r >= 40 && r < 45) return kNoData;
    if (r >= 60 && r < 70 && c >= 100) return 9;
    return static_cast<unsigned char>(c / 20);  // 0 = no flooding, 1..5 = A31a ranks
}

struct Grid {
    double origin_x = 0, origin_y = 0;  // EPSG:6677 (metres), top-left
};

// Writes a tiled uint8 GeoTIFF in JGD2011 / Japan Plane Rectangular CS IX
// (metres), so sampling has to reproject the household point.
Grid write_raster(const std::string& path) {
    GDALAllRegister();
    OGRSpatialReference wgs, jgd;
    wgs.SetWellKnownGeogCS("WGS84");
    wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    REQUIRE(jgd.importFromEPSG(6677) == OGRERR_NONE);
    jgd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&wgs, &jgd));
    double x = 139.43, y = 35.65;  // top-left corner near Tama
    REQUIRE(ct->Transform(1, &x, &y));
    Grid g{std::floor(x), std::floor(y)};
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "TILED", "YES");
    opts = CSLSetNameValue(opts, "BLOCKXSIZE", "16");
    opts = CSLSetNameValue(opts, "BLOCKYSIZE", "16");
    GDALDataset* ds = drv->Create(path.c_str(), kW, kH, 1, GDT_Byte, opts);
    CSLDestroy(opts);
    REQUIRE(ds);
    double gt[6] = {g.origin_x, kCell, 0, g.origin_y, 0, -kCell};
    ds->SetGeoTransform(gt);
    ds->SetSpatialRef(&jgd);
    std::vector<unsigned char> cells(kW * kH);
    for (int r = 0; r < kH; ++r)
        for (int c = 0; c < kW; ++c) cells[r * kW + c] = cell_value(c, r);
    GDALRasterBand* b = ds->GetRasterBand(1);
    b->SetNoDataValue(kNoData);
    REQUIRE(b->RasterIO(GF_Write, 0, 0, kW, kH, cells.data(), kW, kH, GDT_Byte, 0, 0) == CE_None);
    GDALClose(GDALDataset::ToHandle(ds));
    return g;
}

// WGS84 lon/lat of a cell centre (one transformation, made once: PROJ
// searches its database for every new one).
LatLon cell_centre(const Grid& g, int c, int r) {
    static std::unique_ptr<OGRCoordinateTransformation> ct = [] {
        OGRSpatialReference wgs, jgd;
        wgs.SetWellKnownGeogCS("WGS84");
        wgs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        jgd.importFromEPSG(6677);
        jgd.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return std::unique_ptr<OGRCoordinateTransformation>(OGRCreateCoordinateTransformation(&jgd, &wgs));
    }();
    double x = g.origin_x + (c + 0.5) * kCell, y = g.origin_y - (r + 0.5) * kCell;
    ct->Transform(1, &x, &y);
    return {y, x};
}

const double kDepthMin[] = {0, 0, 0.5, 3, 5, 10, 20};

HazardSet load(const test::TempDir& dir, const std::string& yaml, std::vector<Diagnostic>* warnings = nullptr) {
    test::write_file(dir.file("hazard.yaml"), yaml);
    return HazardSet::load_file(dir.file("hazard.yaml"), warnings);
}

}  // namespace

TEST_CASE("raster layer: the cell value under the point is its class, 0 and nodata are outside") {
    test::TempDir dir;
    Grid g = write_raster(dir.file("depth.tif"));
    // No `raster:` key: a source with a band and no vector layer is detected as a raster.
    std::vector<Diagnostic> warnings;
    HazardSet hs = load(dir,
                        "layers:\n  - name: depth\n    source: depth.tif\n    kind: flood_depth\n"
                        "    scenario: 想定最大規模\n    preset: a31a_depth\n",
                        &warnings);
    CHECK(warnings.empty());
    int checked = 0;
    for (int r = 1; r < kH; r += 3) {
        for (int c = 1; c < kW; c += 3) {
            INFO("cell " << c << "," << r);
            Exposure e = hs.expose(cell_centre(g, c, r));
            unsigned char v = cell_value(c, r);
            if (v == 0 || v == kNoData) {
                CHECK_FALSE(e.in_flood_zone);
            } else if (v == 9) {
                CHECK(e.in_flood_zone);  // a code the table does not know: inside, depth unknown
                CHECK_FALSE(e.depth);
            } else {
                REQUIRE(e.in_flood_zone);
                REQUIRE(e.depth);
                CHECK(e.depth->min_m == kDepthMin[v]);
                CHECK(e.depth_layer == "depth");
                CHECK(e.depth_scenario == FloodScenario::Maximum);
                REQUIRE(e.layers_hit.size() == 1);
            }
            ++checked;
        }
    }
    CHECK(checked > 1000);
    // Outside the raster: outside every zone.
    Exposure far = hs.expose({35.70, 139.30});
    CHECK_FALSE(far.in_flood_zone);
}

TEST_CASE("raster layer: a vector layer and a raster layer fold to the worst class") {
    test::TempDir dir;
    Grid g = write_raster(dir.file("depth.tif"));
    LatLon p = cell_centre(g, 25, 10);  // rank 1
    // classes on cell values; a second raster (the same file via explicit
    // raster: true and band: 1) with a deeper table wins.
    HazardSet hs = load(dir,
                        "layers:\n  - name: a\n    source: depth.tif\n    kind: flood_depth\n    preset: a31a_depth\n"
                        "  - name: b\n    source: depth.tif\n    raster: true\n    band: 1\n    kind: flood_depth\n"
                        "    classes: {1: [3, 5]}\n");
    Exposure e = hs.expose(p);
    REQUIRE(e.depth);
    CHECK(e.depth->min_m == 3);
    CHECK(e.depth_layer == "b");
    CHECK(e.layers_hit.size() == 2);
}

TEST_CASE("raster layer: errors and warnings point at the config") {
    test::TempDir dir;
    write_raster(dir.file("depth.tif"));
    SECTION("field on a raster") {
        try {
            load(dir, "layers:\n  - source: depth.tif\n    kind: flood_depth\n    field: rank\n    preset: a31a_depth\n");
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(e.where().line == 4);
            CHECK(std::string(e.what()).find("raster") != std::string::npos);
        }
    }
    SECTION("band that does not exist") {
        try {
            load(dir, "layers:\n  - source: depth.tif\n    kind: flood_depth\n    raster: true\n    band: 2\n    preset: a31a_depth\n");
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(e.where().line == 5);
        }
    }
    SECTION("crs given for a source with its own CRS warns") {
        std::vector<Diagnostic> w;
        load(dir, "layers:\n  - source: depth.tif\n    kind: flood_depth\n    crs: EPSG:4326\n    preset: a31a_depth\n", &w);
        REQUIRE(w.size() == 1);
        CHECK(w[0].where.line == 4);
        CHECK(w[0].message.find("own CRS") != std::string::npos);
    }
    SECTION("a vector source with a31a_depth and no field") {
        test::write_file(dir.file("z.geojson"),
                         R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"rank":1},)"
                         R"("geometry":{"type":"Polygon","coordinates":[[[139.4,35.6],[139.5,35.6],[139.5,35.7],[139.4,35.6]]]}}]})");
        try {
            load(dir, "layers:\n  - source: z.geojson\n    kind: flood_depth\n    preset: a31a_depth\n");
            FAIL("no error");
        } catch (const InputError& e) {
            CHECK(e.where().line == 4);
            CHECK(std::string(e.what()).find("field") != std::string::npos);
        }
    }
}

TEST_CASE("raster layer: parallel sampling gives the serial answers") {
    test::TempDir dir;
    Grid g = write_raster(dir.file("depth.tif"));
    HazardSet hs = load(dir, "layers:\n  - source: depth.tif\n    kind: flood_depth\n    preset: a31a_depth\n");
    std::vector<LatLon> pts;
    for (int r = 0; r < kH; r += 2)
        for (int c = 0; c < kW; c += 2) pts.push_back(cell_centre(g, c, r));
    std::vector<double> serial;
    for (const auto& p : pts) {
        Exposure e = hs.expose(p);
        serial.push_back(e.in_flood_zone ? (e.depth ? e.depth->min_m : -1) : -2);
    }
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            // Each thread walks the points in its own order, so the block cache churns.
            for (size_t k = 0; k < pts.size(); ++k) {
                size_t i = (k * (2 * t + 1) + t * 101) % pts.size();
                Exposure e = hs.expose(pts[i]);
                double v = e.in_flood_zone ? (e.depth ? e.depth->min_m : -1) : -2;
                if (v != serial[i]) ++mismatches;
            }
        });
    for (auto& th : threads) th.join();
    CHECK(mismatches == 0);
}

TEST_CASE("raster layer: the map inset gets the raster's zones as polygons") {
    test::TempDir dir;
    Grid g = write_raster(dir.file("depth.tif"));
    HazardSet hs = load(dir, "layers:\n  - source: depth.tif\n    kind: flood_depth\n    preset: a31a_depth\n");
    // Centred on the cell (50, 20) (rank 2), a 400 m x 300 m frame spans ranks 1-4.
    LatLon centre = cell_centre(g, 50, 20);
    MapExtract m = hs.extract_map(centre, 200, 150, 1.0);
    std::map<double, double> area_by_min;  // depth class min -> area (m2)
    for (const auto& p : m.polygons) {
        REQUIRE(p.kind == ZoneKind::FloodDepth);
        double a = 0;
        const auto& pts = p.rings[0].points;
        for (size_t i = 0; i + 1 < pts.size(); ++i) a += pts[i].first * pts[i + 1].second - pts[i + 1].first * pts[i].second;
        area_by_min[p.depth ? p.depth->min_m : -1] += std::fabs(a) / 2;
        for (const auto& r : p.rings)
            for (const auto& [x, y] : r.points) {
                CHECK(std::fabs(x) <= 200.001);
                CHECK(std::fabs(y) <= 150.001);
            }
    }
    // Columns of 20 cells (200 m): rank 2 spans x -100..+100 around the centre
    // cell's band start; the frame shows ranks 1, 2 and 3.
    CHECK(area_by_min.count(0.0));
    CHECK(area_by_min.count(0.5));
    CHECK(area_by_min.count(3.0));
    CHECK_FALSE(area_by_min.count(-1));
    // Rank 2 covers columns 40-59 = 200 m wide over the 300 m frame height.
    CHECK(area_by_min[0.5] == Approx(200.0 * 300.0).epsilon(0.05));
}

namespace {

// GSI legend colours of the depth ranks 1-6 (as in ../shared/data/README.md).
const unsigned kLegend[7] = {0, 0xf7f5a9, 0xffd8c0, 0xffb7b7, 0xff9191, 0xf285c9, 0xdc7adc};
const char* kLegendYaml =
    "    legend: {'#f7f5a9': 1, '#FFD8C0': 2, '#ffb7b7': 3, '#ff9191': 4, '#f285c9': 5, '#dc7adc': 6}\n";

// 60 x 10 cells of 0.001 deg from (139.40, 35.65): columns of 10 cells hold
// transparent, ranks 1-4 and one colour not in the legend (grey).
int colour_rank(int c) { return c / 10; }  // 0..5; 5 = the unknown grey

void write_colour_raster(const std::string& path, bool paletted) {
    GDALAllRegister();
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
    const int w = 60, h = 10;
    GDALDataset* ds = drv->Create(path.c_str(), w, h, paletted ? 1 : 4, GDT_Byte, nullptr);
    REQUIRE(ds);
    double gt[6] = {139.40, 0.001, 0, 35.65, 0, -0.001};
    ds->SetGeoTransform(gt);
    OGRSpatialReference wgs;
    wgs.importFromEPSG(4326);
    ds->SetSpatialRef(&wgs);
    auto colour = [](int c) -> unsigned { return colour_rank(c) == 5 ? 0x808080u : kLegend[colour_rank(c)]; };
    if (paletted) {
        GDALColorTable ct;
        for (int i = 0; i < 6; ++i) {
            unsigned rgb = i == 5 ? 0x808080u : kLegend[i];
            GDALColorEntry e{short(rgb >> 16), short((rgb >> 8) & 255), short(rgb & 255), short(i == 0 ? 0 : 255)};
            ct.SetColorEntry(i, &e);
        }
        ds->GetRasterBand(1)->SetColorTable(&ct);
        ds->GetRasterBand(1)->SetNoDataValue(0);  // TIFF palettes have no alpha: index 0 is nodata
        std::vector<unsigned char> idx(w * h);
        for (int r = 0; r < h; ++r)
            for (int c = 0; c < w; ++c) idx[r * w + c] = static_cast<unsigned char>(colour_rank(c));
        REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, w, h, idx.data(), w, h, GDT_Byte, 0, 0) == CE_None);
    } else {
        ds->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
        for (int b = 0; b < 4; ++b) {
            std::vector<unsigned char> ch(w * h);
            for (int r = 0; r < h; ++r)
                for (int c = 0; c < w; ++c) {
                    unsigned rgb = colour(c);
                    ch[r * w + c] = b == 3 ? (colour_rank(c) == 0 ? 0 : 255) : static_cast<unsigned char>(rgb >> (16 - 8 * b));
                }
            REQUIRE(ds->GetRasterBand(b + 1)->RasterIO(GF_Write, 0, 0, w, h, ch.data(), w, h, GDT_Byte, 0, 0) == CE_None);
        }
    }
    GDALClose(GDALDataset::ToHandle(ds));
}

}  // namespace

TEST_CASE("raster layer: a colour legend maps RGBA or paletted cells to classes") {
    for (bool paletted : {false, true}) {
        INFO((paletted ? "paletted" : "RGBA"));
        test::TempDir dir;
        write_colour_raster(dir.file("tiles.tif"), paletted);
        std::vector<Diagnostic> w;
        HazardSet hs = load(dir,
                            std::string("layers:\n  - name: gsi\n    source: tiles.tif\n    kind: flood_depth\n"
                                        "    preset: a31a_depth\n") +
                                kLegendYaml,
                            &w);
        CHECK(w.empty());
        for (int c = 0; c < 60; c += 3) {
            INFO("column " << c);
            Exposure e = hs.expose({35.645, 139.40 + (c + 0.5) * 0.001});
            int rank = colour_rank(c);
            if (rank == 0) {
                CHECK_FALSE(e.in_flood_zone);  // transparent
            } else if (rank == 5) {
                CHECK(e.in_flood_zone);  // a colour the legend does not know: inside, depth unknown
                CHECK_FALSE(e.depth);
            } else {
                REQUIRE(e.depth);
                CHECK(e.depth->min_m == kDepthMin[rank]);
            }
        }
        // The map inset draws the legend classes too.
        MapExtract m = hs.extract_map({35.645, 139.425}, 800, 400, 1.0);
        std::set<double> mins;
        for (const auto& p : m.polygons) mins.insert(p.depth ? p.depth->min_m : -1);
        CHECK(mins.count(0.5));
        CHECK(mins.count(3.0));
    }
}

TEST_CASE("raster layer: legend errors point at the config") {
    test::TempDir dir;
    write_raster(dir.file("depth.tif"));  // one band, no colour table
    auto err = [&](const std::string& yaml) -> InputError {
        try {
            load(dir, yaml);
        } catch (const InputError& e) {
            return e;
        }
        FAIL("no error");
        throw;
    };
    const std::string head = "layers:\n  - source: depth.tif\n    kind: flood_depth\n    preset: a31a_depth\n";
    CHECK(err(head + "    legend: {'#ffd8c': 2}\n").where().line == 5);
    CHECK(err(head + "    legend: {'#ffd8c0': 9}\n").message().find("'9'") != std::string::npos);
    CHECK(err(head + "    band: 1\n    legend: {'#ffd8c0': 2}\n").message().find("band") != std::string::npos);
    InputError no_colours = err(head + "    legend: {'#ffd8c0': 2}\n");
    CHECK(no_colours.where().line == 5);
    CHECK(no_colours.message().find("colour table") != std::string::npos);
}
