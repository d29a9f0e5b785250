#pragma once
// A hazard layer read from a GDAL raster (GeoTIFF, VRT, MBTiles, GeoPackage
// tiles ...): the household's cell value is its class code. Cells are read a
// block at a time into a small per-layer cache; sampling is thread-safe.
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "hazard/config.hpp"
#include "hazard/gdal_util.hpp"
#include "hazard/zone_index.hpp"

namespace sheetgen::hazard_detail {

// True when the layer's source should be read as a raster: `raster:` when
// written, else a source with raster bands and no vector layer.
bool is_raster_source(const LayerConfig& lc);

class RasterLayer {
public:
    // Opens the source and checks the band, CRS and geotransform; InputError
    // at the config line on a problem.
    explicit RasterLayer(const LayerConfig& lc);
    RasterLayer(const RasterLayer&) = delete;
    RasterLayer& operator=(const RasterLayer&) = delete;

    // The cell value at a WGS84 point; nullopt outside the raster, on nodata,
    // 0 or NaN (all "outside every zone"). For a legend layer the value is
    // the cell's colour 0xRRGGBB + 1 (transparent cells are outside). When
    // the point cannot be transformed into the raster's CRS or its block
    // cannot be read, nullopt with *unreadable set: not known, not "outside".
    std::optional<double> sample(double lon, double lat, bool* unreadable = nullptr) const;
    // The cells inside a WGS84 lon/lat box as polygons (one per run of equal
    // values, GDALPolygonize), in WGS84 lon/lat, for drawing the map inset.
    // 0, nodata and NaN cells are left out. Empty when the box misses the
    // raster. A box over more than 4 million cells is read every n-th cell
    // (nearest neighbour; still finer than the printed map). When the box
    // cannot be transformed into the raster's CRS, the cells cannot be read
    // or polygonised, `failure` says why (the map must not be drawn without them).
    struct CellPolygon {
        double value = 0;
        OGRGeometryUniquePtr lonlat;
    };
    std::vector<CellPolygon> polygons_in(const Box& lonlat_box, std::string* failure) const;
    // The raster's extent in WGS84 lon/lat (its corners and edge midpoints).
    const Box& extent() const { return extent_; }
    // The source declares its own CRS (a `crs:` in the config is then ignored).
    bool own_crs() const { return own_crs_; }
    // Block reads so far (for tests of the cache).
    uint64_t block_reads() const;

private:
    struct Block {
        int w = 0, h = 0;
        std::vector<float> cells;  // exact for the integer codes of hazard rasters (|v| < 2^24)
        bool failed = false;       // the read failed: every cell is unknown
    };
    const Block& block_at(int bx, int by) const;  // caller holds mu_
    // Reads a window as float values (colour mode: packed colour + 1, 0 where
    // transparent); false on a read error. Caller holds mu_.
    // `bw` x `bh` (default: the window's size) is the buffer: smaller reads every n-th cell.
    bool read_cells(int x0, int y0, int w, int h, float* out, int bw = 0, int bh = 0) const;

    std::string name_;
    int width_ = 0, height_ = 0;
    int block_w_ = 0, block_h_ = 0;
    double gt_[6] = {};
    std::optional<double> nodata_;
    Box extent_;
    bool own_crs_ = false;
    // Colour mode (a legend): RGB(A) bands, or one paletted band.
    bool colour_ = false;
    std::vector<GDALRasterBand*> rgba_;       // R, G, B and optionally alpha
    std::vector<uint32_t> palette_;           // index -> packed colour + 1 (0 = transparent)
    // GDAL datasets, bands and coordinate transformations are not safe to
    // share between threads: every use is under mu_. Sampling is a cache hit
    // almost always, so the lock is held for well under a microsecond.
    mutable std::mutex mu_;
    GDALDatasetUniquePtr ds_;
    GDALRasterBand* band_ = nullptr;
    TransformPtr to_raster_;  // WGS84 lon/lat -> raster CRS; null when the same
    TransformPtr to_wgs_;     // the inverse
    OGRSpatialReference srs_;
    // Least-recently-used block cache, key = by * blocks_x + bx, holding at
    // most kCacheCells cells (16 MB of floats): a city-sized raster
    // (2330 x 1864 for Tama) stays whole in it, a prefecture-sized one keeps
    // the blocks around recent households.
    static constexpr size_t kCacheCells = size_t{1} << 22;
    mutable size_t cached_cells_ = 0;
    mutable std::list<std::pair<int64_t, Block>> lru_;
    mutable std::unordered_map<int64_t, std::list<std::pair<int64_t, Block>>::iterator> cache_;
    mutable uint64_t block_reads_ = 0;
};

}  // namespace sheetgen::hazard_detail
