// The real 2023 maximum-scale (想定最大規模) flood data of Tama City
// (../shared/data/tama-maxscale): the shipped configs must give the depth
// class that GDAL reads from the GeoTIFF cells. Skipped when the shared data
// is absent.
#include <catch2/catch.hpp>

#include <gdal_priv.h>

#include <cmath>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <vector>

#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {

const double kDepthMin[] = {0, 0, 0.5, 3, 5, 10, 20};  // A31a rank -> lower bound (m)

// Both rank GeoTIFFs read whole through GDALRasterIO; the worse rank of the
// two per cell (they share one grid), 0 = no flooding.
struct RankGrid {
    int width = 0, height = 0;
    double gt[6] = {};
    std::vector<unsigned char> rank;

    bool load(const std::vector<std::string>& paths) {
        GDALAllRegister();
        for (const auto& path : paths) {
            GDALDataset* ds = GDALDataset::FromHandle(GDALOpen(path.c_str(), GA_ReadOnly));
            if (!ds) return false;
            double g[6];
            ds->GetGeoTransform(g);
            int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
            if (rank.empty()) {
                width = w;
                height = h;
                std::copy(g, g + 6, gt);
                rank.assign(static_cast<size_t>(w) * h, 0);
            }
            REQUIRE(w == width);  // the two files share one grid
            REQUIRE(h == height);
            REQUIRE(g[0] == gt[0]);
            REQUIRE(g[3] == gt[3]);
            std::vector<unsigned char> buf(rank.size());
            CPLErr err = ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, w, h, buf.data(), w, h, GDT_Byte, 0, 0);
            GDALClose(GDALDataset::ToHandle(ds));
            REQUIRE(err == CE_None);
            for (size_t i = 0; i < buf.size(); ++i) rank[i] = std::max(rank[i], buf[i]);
        }
        return !rank.empty();
    }
    int col(double lon) const { return static_cast<int>(std::floor((lon - gt[0]) / gt[1])); }
    int row(double lat) const { return static_cast<int>(std::floor((lat - gt[3]) / gt[5])); }
    int at(int c, int r) const { return rank[static_cast<size_t>(r) * width + c]; }
    // The rank at a point, or -1 when a cell within `radius` cells differs
    // (the point is near a class edge, where a polygon's stepped edge and a
    // cell boundary may disagree by rounding).
    int uniform_rank(const LatLon& p, int radius) const {
        int c = col(p.lon), r = row(p.lat);
        if (c - radius < 0 || r - radius < 0 || c + radius >= width || r + radius >= height) return -1;
        int v = at(c, r);
        for (int dr = -radius; dr <= radius; ++dr)
            for (int dc = -radius; dc <= radius; ++dc)
                if (at(c + dc, r + dr) != v) return -1;
        return v;
    }
};

std::vector<std::string> rank_tifs() {
    return {test::shared_data("tama-maxscale/A31b-23_10_5339_primary_rank_tama.tif"),
            test::shared_data("tama-maxscale/A31b-23_20_5339_others_rank_tama.tif")};
}

int rank_of(const Exposure& e) {
    if (!e.in_flood_zone) return 0;
    if (!e.depth) return -1;  // inside, depth unknown: never expected here
    for (int r = 1; r <= 6; ++r)
        if (e.depth->min_m == kDepthMin[r]) return r;
    return -2;
}

// A deterministic grid over the rasters' extent (lon 139.39-139.49, lat
// 35.59-35.67), every 0.0011 deg (~100 m), offset so points fall mid-cell.
std::vector<LatLon> tama_grid() {
    std::vector<LatLon> pts;
    for (double lat = 35.5913; lat < 35.6695; lat += 0.0011)
        for (double lon = 139.3913; lon < 139.4895; lon += 0.0011) pts.push_back({lat, lon});
    return pts;
}

const LatLon kNagayamaStation{35.6300, 139.4480};  // 永山駅: 0-0.5 m in the 2023 data

// The sample households' locations, read from samples/tama-*.yaml.
std::vector<std::pair<std::string, LatLon>> sample_households() {
    std::vector<std::pair<std::string, LatLon>> out;
    const std::regex loc(R"(^\s*location:\s*\{lat:\s*([0-9.]+),\s*lon:\s*([0-9.]+)\})");
    for (int i = 1; i <= 12; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "tama-%03d", i);
        std::istringstream in(test::read_file(test::source_path(std::string("samples/") + id + ".yaml")));
        std::string line;
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_search(line, m, loc)) {
                out.push_back({id, {std::stod(m[1]), std::stod(m[2])}});
                break;
            }
    }
    REQUIRE(out.size() == 12);
    return out;
}

}  // namespace

TEST_CASE("tama-maxscale: the GeoPackage config gives the rank GDAL reads from the GeoTIFF cells") {
    if (!test::file_exists(test::shared_data("tama-maxscale/flood_maxscale_tama.gpkg")))
        SHEETGEN_SKIP(test::shared_data("tama-maxscale") + " not present (real public data; SHEETGEN_SHARED_DATA overrides)");
    RankGrid grid;
    REQUIRE(grid.load(rank_tifs()));
    test::TempDir dir;
    std::vector<Diagnostic> warnings;
    HazardSet hs = HazardSet::load_file(test::real_config(dir.path(), "tama-maxscale.yaml"), &warnings);
    for (const auto& w : warnings) WARN(format_diagnostic(w));
    CHECK(hs.shelters().size() == 41);

    std::map<int, int> compared;  // rank -> points compared
    int near_edge = 0;
    for (const LatLon& p : tama_grid()) {
        int want = grid.uniform_rank(p, 3);  // +-3 cells: ~13-15 m from any class edge
        if (want < 0) {
            ++near_edge;
            continue;
        }
        INFO("lat " << p.lat << " lon " << p.lon);
        Exposure e = hs.expose(p);
        REQUIRE(rank_of(e) == want);
        if (want > 0) CHECK(e.depth_scenario == FloodScenario::Maximum);
        ++compared[want];
    }
    // The comparison must have bitten: thousands of points, dry and flooded, several classes.
    int total = 0;
    for (auto& [r, n] : compared) total += n;
    INFO("compared " << total << ", near an edge " << near_edge);
    // (Measured: 4,774 of 6,480 points compared; ranks 0-4 = 4284 / 12 / 402 / 67 / 9.)
    CHECK(total > 4000);
    CHECK(compared[0] > 1000);
    CHECK(compared[1] >= 5);  // 0-0.5 m zones are thin fringes: few points sit 15 m inside them
    CHECK(compared[2] > 100);
    CHECK(compared[3] > 20);
    CHECK(compared[4] >= 5);

    // 永山駅: 0-0.5 m in the 2023 data, both by GDAL and by the overlay.
    CHECK(grid.at(grid.col(kNagayamaStation.lon), grid.row(kNagayamaStation.lat)) == 1);
    Exposure nagayama = hs.expose(kNagayamaStation);
    CHECK(rank_of(nagayama) == 1);
}

TEST_CASE("tama-maxscale: the raster config matches GDAL's cells and the GeoPackage config everywhere") {
    if (!test::file_exists(test::shared_data("tama-maxscale/flood_maxscale_tama.gpkg")))
        SHEETGEN_SKIP(test::shared_data("tama-maxscale") + " not present (real public data; SHEETGEN_SHARED_DATA overrides)");
    RankGrid grid;
    REQUIRE(grid.load(rank_tifs()));
    test::TempDir dir;
    std::vector<Diagnostic> warnings;
    HazardSet raster = HazardSet::load_file(test::real_config(dir.path(), "tama-maxscale-raster.yaml"), &warnings);
    for (const auto& w : warnings) WARN(format_diagnostic(w));
    CHECK(warnings.empty());
    HazardSet vector = HazardSet::load_file(test::real_config(dir.path(), "tama-maxscale.yaml"));
    CHECK(raster.shelters().size() == vector.shelters().size());

    std::map<int, int> seen;
    int disagree_near_edge = 0;
    for (const LatLon& p : tama_grid()) {
        INFO("lat " << p.lat << " lon " << p.lon);
        // The raster config reads the very cells: equal at every point.
        int cell = grid.at(grid.col(p.lon), grid.row(p.lat));
        int from_raster = rank_of(raster.expose(p));
        REQUIRE(from_raster == cell);
        ++seen[cell];
        int from_vector = rank_of(vector.expose(p));
        if (from_vector != from_raster) {
            // Only where a polygon's edge and a cell edge may round differently.
            REQUIRE(grid.uniform_rank(p, 1) < 0);
            ++disagree_near_edge;
        }
    }
    CHECK(seen.size() >= 4);
    CHECK(disagree_near_edge == 0);

    // Every sample household and 永山駅: the same class from both configs.
    auto households = sample_households();
    households.push_back({"永山駅", kNagayamaStation});
    for (const auto& [id, at] : households) {
        INFO(id);
        CHECK(rank_of(raster.expose(at)) == rank_of(vector.expose(at)));
        CHECK(rank_of(raster.expose(at)) == grid.at(grid.col(at.lon), grid.row(at.lat)));
    }
    CHECK(rank_of(raster.expose(kNagayamaStation)) == 1);
}
