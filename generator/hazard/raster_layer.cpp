#include "hazard/raster_layer.hpp"
#include "hazard/source_check.hpp"

#include <gdal_alg.h>

#include <algorithm>
#include <cmath>

namespace sheetgen::hazard_detail {

namespace {

// Blocks bigger than this (a strip-less image stored as one block) are read
// in windows of kWindow x kWindow cells instead.
constexpr int64_t kMaxBlockCells = 512 * 512;
constexpr int kWindow = 256;

SourceLocation where(const LayerConfig& lc) { return lc.source_at.line ? lc.source_at : lc.at; }

}  // namespace

bool is_raster_source(const LayerConfig& lc) {
    if (lc.raster) return *lc.raster;
    if (!has_zone_classes(lc.kind)) return false;
    QuietGdalErrors quiet;
    // A vector layer wins (a GeoPackage may hold both): only a source with
    // raster bands and no vector layer is a raster.
    GDALDatasetUniquePtr vec = open_source(lc, GDAL_OF_VECTOR);
    if (vec && vec->GetLayerCount() > 0) return false;
    vec.reset();
    GDALDatasetUniquePtr ras = open_source(lc, GDAL_OF_RASTER);
    return ras && ras->GetRasterCount() > 0;
}

RasterLayer::RasterLayer(const LayerConfig& lc) : name_(lc.name) {
    QuietGdalErrors quiet;
    ds_ = open_source(lc, GDAL_OF_RASTER);
    if (!ds_) {
        std::string why = QuietGdalErrors::last_error();
        throw InputError(where(lc), "layer '" + lc.name + "': cannot open raster source '" + lc.source + "'" +
                                        (why.empty() ? std::string(" (missing file or not a raster format)") : ": " + why));
    }
    if (ds_->GetRasterCount() < 1)
        throw InputError(where(lc), "layer '" + lc.name + "': source '" + lc.source + "' has no raster band");
    if (lc.band > ds_->GetRasterCount())
        throw InputError(lc.band_at.line ? lc.band_at : lc.at, "layer '" + lc.name + "': band " + std::to_string(lc.band) +
                                                                   " does not exist (the source has " +
                                                                   std::to_string(ds_->GetRasterCount()) + ")");
    band_ = ds_->GetRasterBand(lc.band);
    colour_ = !lc.legend.empty();
    if (colour_) {
        // RGB(A) bands 1-3 (4 = alpha), or one band with a colour table.
        if (ds_->GetRasterCount() >= 3) {
            for (int b = 1; b <= std::min(4, ds_->GetRasterCount()); ++b) rgba_.push_back(ds_->GetRasterBand(b));
            if (rgba_.size() == 4 && rgba_[3]->GetColorInterpretation() != GCI_AlphaBand) rgba_.pop_back();
        } else if (const GDALColorTable* ct = band_->GetColorTable()) {
            for (int i = 0; i < ct->GetColorEntryCount(); ++i) {
                GDALColorEntry e;
                ct->GetColorEntryAsRGB(i, &e);
                palette_.push_back(e.c4 == 0 ? 0 : ((uint32_t(e.c1) << 16) | (uint32_t(e.c2) << 8) | uint32_t(e.c3)) + 1);
            }
        } else {
            throw InputError(lc.legend_at.line ? lc.legend_at : lc.at,
                             "layer '" + lc.name + "': a legend needs an RGB(A) raster or a band with a colour table; '" +
                                 lc.source + "' has " + std::to_string(ds_->GetRasterCount()) + " band(s) and no colour table");
        }
    }
    width_ = ds_->GetRasterXSize();
    height_ = ds_->GetRasterYSize();
    if (ds_->GetGeoTransform(gt_) != CE_None || gt_[1] == 0 || gt_[5] == 0)
        throw InputError(where(lc), "layer '" + lc.name + "': raster '" + lc.source + "' is not georeferenced");
    if (gt_[2] != 0 || gt_[4] != 0)
        throw InputError(where(lc), "layer '" + lc.name + "': rotated rasters are not supported; warp it first (gdalwarp)");
    int success = 0;
    double nd = band_->GetNoDataValue(&success);
    if (success && !colour_) nodata_ = nd;
    band_->GetBlockSize(&block_w_, &block_h_);
    if (block_w_ < 1 || block_h_ < 1 || int64_t{block_w_} * block_h_ > kMaxBlockCells) block_w_ = block_h_ = kWindow;

    OGRSpatialReference src;
    if (const OGRSpatialReference* own = ds_->GetSpatialRef()) {
        src = *own;
        own_crs_ = true;
    } else if (!lc.crs.empty()) {
        if (src.SetFromUserInput(lc.crs.c_str()) != OGRERR_NONE)
            throw InputError(lc.crs_at, "layer '" + lc.name + "': unknown CRS '" + lc.crs + "'");
    } else {
        throw InputError(lc.at, "layer '" + lc.name + "': raster '" + lc.source +
                                    "' has no CRS; add e.g. 'crs: EPSG:6668' (JGD2011) to this layer");
    }
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    srs_ = src;
    OGRSpatialReference wgs = wgs84_lonlat();
    TransformPtr& to_wgs = to_wgs_;
    if (!src.IsSame(&wgs)) {
        to_raster_.reset(OGRCreateCoordinateTransformation(&wgs, &src));
        to_wgs.reset(OGRCreateCoordinateTransformation(&src, &wgs));
        if (!to_raster_ || !to_wgs)
            throw InputError(lc.crs_at.line ? lc.crs_at : lc.at, "layer '" + lc.name +
                                                                     "': cannot transform its CRS to WGS84: " +
                                                                     QuietGdalErrors::last_error());
    }
    // Extent in lon/lat from the corners and edge midpoints.
    double xs[8], ys[8];
    const double cx[8] = {0, 0.5, 1, 1, 1, 0.5, 0, 0}, cy[8] = {0, 0, 0, 0.5, 1, 1, 1, 0.5};
    for (int i = 0; i < 8; ++i) {
        xs[i] = gt_[0] + cx[i] * width_ * gt_[1];
        ys[i] = gt_[3] + cy[i] * height_ * gt_[5];
    }
    if (to_wgs && !to_wgs->Transform(8, xs, ys))
        throw InputError(lc.at, "layer '" + lc.name + "': the raster's extent cannot be transformed to WGS84");
    extent_ = {*std::min_element(xs, xs + 8), *std::min_element(ys, ys + 8), *std::max_element(xs, xs + 8),
               *std::max_element(ys, ys + 8)};
}

const RasterLayer::Block& RasterLayer::block_at(int bx, int by) const {
    const int blocks_x = (width_ + block_w_ - 1) / block_w_;
    const int64_t key = int64_t{by} * blocks_x + bx;
    auto hit = cache_.find(key);
    if (hit != cache_.end()) {
        lru_.splice(lru_.begin(), lru_, hit->second);  // most recently used first
        return hit->second->second;
    }
    Block b;
    const int x0 = bx * block_w_, y0 = by * block_h_;
    b.w = std::min(block_w_, width_ - x0);
    b.h = std::min(block_h_, height_ - y0);
    b.cells.assign(static_cast<size_t>(b.w) * b.h, std::nanf(""));
    ++block_reads_;
    QuietGdalErrors quiet;
    // A failed read marks the block: its points are "not known" (sample's
    // *unreadable), never "outside". The overlay cannot stop a run mid-household.
    if (!read_cells(x0, y0, b.w, b.h, b.cells.data())) {
        std::fill(b.cells.begin(), b.cells.end(), std::nanf(""));
        b.failed = true;
    }
    cached_cells_ += b.cells.size();
    lru_.emplace_front(key, std::move(b));
    cache_[key] = lru_.begin();
    // Drop the least recently used blocks over the budget (never the new one).
    while (cached_cells_ > kCacheCells && lru_.size() > 1) {
        cached_cells_ -= lru_.back().second.cells.size();
        cache_.erase(lru_.back().first);
        lru_.pop_back();
    }
    return lru_.front().second;
}

bool RasterLayer::read_cells(int x0, int y0, int w, int h, float* out, int bw, int bh) const {
    if (bw <= 0 || bh <= 0) bw = w, bh = h;
    const size_t n = static_cast<size_t>(bw) * bh;
    if (!colour_) return band_->RasterIO(GF_Read, x0, y0, w, h, out, bw, bh, GDT_Float32, 0, 0) == CE_None;
    if (!palette_.empty()) {
        std::vector<int32_t> idx(n);
        if (band_->RasterIO(GF_Read, x0, y0, w, h, idx.data(), bw, bh, GDT_Int32, 0, 0) != CE_None) return false;
        // The band's nodata index is transparent too (TIFF palettes carry no alpha).
        int has_nd = 0;
        const double nd = band_->GetNoDataValue(&has_nd);
        for (size_t i = 0; i < n; ++i)
            out[i] = idx[i] >= 0 && static_cast<size_t>(idx[i]) < palette_.size() && !(has_nd && idx[i] == nd)
                         ? static_cast<float>(palette_[idx[i]])
                         : 0.0f;
        return true;
    }
    std::vector<std::vector<uint8_t>> ch(rgba_.size(), std::vector<uint8_t>(n));
    for (size_t b = 0; b < rgba_.size(); ++b)
        if (rgba_[b]->RasterIO(GF_Read, x0, y0, w, h, ch[b].data(), bw, bh, GDT_Byte, 0, 0) != CE_None) return false;
    // Packed colour + 1 (< 2^24 + 1, exact in a float), 0 where fully transparent.
    for (size_t i = 0; i < n; ++i)
        out[i] = rgba_.size() == 4 && ch[3][i] == 0
                     ? 0.0f
                     : static_cast<float>(((uint32_t(ch[0][i]) << 16) | (uint32_t(ch[1][i]) << 8) | ch[2][i]) + 1);
    return true;
}

std::optional<double> RasterLayer::sample(double lon, double lat, bool* unreadable) const {
    auto unknown = [&] {
        if (unreadable) *unreadable = true;
        return std::nullopt;
    };
    if (!std::isfinite(lon) || !std::isfinite(lat)) return unknown();
    std::lock_guard<std::mutex> lock(mu_);
    double x = lon, y = lat;
    if (to_raster_ && !to_raster_->Transform(1, &x, &y)) return unknown();
    const double fc = (x - gt_[0]) / gt_[1], fr = (y - gt_[3]) / gt_[5];
    if (!(fc >= 0 && fr >= 0 && fc < width_ && fr < height_)) return std::nullopt;
    const int c = static_cast<int>(fc), r = static_cast<int>(fr);
    const Block& b = block_at(c / block_w_, r / block_h_);
    if (b.failed) return unknown();
    const double v = b.cells[static_cast<size_t>(r % block_h_) * b.w + (c % block_w_)];
    if (!std::isfinite(v) || v == 0 || (nodata_ && v == static_cast<double>(static_cast<float>(*nodata_))))
        return std::nullopt;
    return v;
}

std::vector<RasterLayer::CellPolygon> RasterLayer::polygons_in(const Box& ll, std::string* failure) const {
    std::vector<CellPolygon> out;
    std::lock_guard<std::mutex> lock(mu_);
    QuietGdalErrors quiet;
    auto fail = [&](const std::string& why) {
        if (failure) *failure = why;
        return std::vector<CellPolygon>{};
    };
    // The box's corners and edge midpoints in the raster's CRS, then in cells.
    double xs[8] = {ll.minx, (ll.minx + ll.maxx) / 2, ll.maxx, ll.maxx, ll.maxx, (ll.minx + ll.maxx) / 2, ll.minx, ll.minx};
    double ys[8] = {ll.miny, ll.miny, ll.miny, (ll.miny + ll.maxy) / 2, ll.maxy, ll.maxy, ll.maxy, (ll.miny + ll.maxy) / 2};
    if (to_raster_ && !to_raster_->Transform(8, xs, ys)) return fail("the map frame cannot be transformed into its CRS");
    double c0 = HUGE_VAL, c1 = -HUGE_VAL, r0 = HUGE_VAL, r1 = -HUGE_VAL;
    for (int i = 0; i < 8; ++i) {
        double c = (xs[i] - gt_[0]) / gt_[1], r = (ys[i] - gt_[3]) / gt_[5];
        c0 = std::min(c0, c), c1 = std::max(c1, c), r0 = std::min(r0, r), r1 = std::max(r1, r);
    }
    const int x0 = std::max(0, static_cast<int>(std::floor(c0)) - 1), x1 = std::min(width_, static_cast<int>(std::ceil(c1)) + 1);
    const int y0 = std::max(0, static_cast<int>(std::floor(r0)) - 1), y1 = std::min(height_, static_cast<int>(std::ceil(r1)) + 1);
    if (x1 <= x0 || y1 <= y0) return out;
    const int w = x1 - x0, h = y1 - y0;
    // Over 4 million cells (a fine raster under a 4 km frame): every n-th cell.
    constexpr double kMaxCells = 4000000;
    int bw = w, bh = h;
    if (double(w) * h > kMaxCells) {
        const double k = std::sqrt(double(w) * h / kMaxCells);
        bw = std::max(1, static_cast<int>(w / k));
        bh = std::max(1, static_cast<int>(h / k));
    }
    std::vector<float> cells(static_cast<size_t>(bw) * bh);
    if (!read_cells(x0, y0, w, h, cells.data(), bw, bh))
        return fail("its cells cannot be read (" + QuietGdalErrors::last_error() + ")");
    std::vector<unsigned char> mask(cells.size());
    bool any = false;
    for (size_t i = 0; i < cells.size(); ++i) {
        float v = cells[i];
        mask[i] = std::isfinite(v) && v != 0 && !(nodata_ && static_cast<double>(v) == static_cast<float>(*nodata_));
        any |= mask[i] != 0;
    }
    if (!any) return out;
    // In-memory copies of the window and its mask, polygonized into a memory layer.
    GDALDriver* mem = GetGDALDriverManager()->GetDriverByName("MEM");
    GDALDriver* mem_vec = GetGDALDriverManager()->GetDriverByName("Memory");
    if (!mem || !mem_vec) return fail("GDAL's in-memory drivers are missing");
    GDALDatasetUniquePtr win(mem->Create("", bw, bh, 2, GDT_Float32, nullptr));
    GDALDatasetUniquePtr vec(mem_vec->Create("", 0, 0, 0, GDT_Unknown, nullptr));
    if (!win || !vec) return fail("no memory for its cells");
    double wgt[6] = {gt_[0] + x0 * gt_[1], gt_[1] * w / bw, 0, gt_[3] + y0 * gt_[5], 0, gt_[5] * h / bh};
    win->SetGeoTransform(wgt);
    std::vector<float> maskf(mask.begin(), mask.end());
    if (win->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, bw, bh, cells.data(), bw, bh, GDT_Float32, 0, 0) != CE_None ||
        win->GetRasterBand(2)->RasterIO(GF_Write, 0, 0, bw, bh, maskf.data(), bw, bh, GDT_Float32, 0, 0) != CE_None)
        return fail("its cells cannot be copied (" + QuietGdalErrors::last_error() + ")");
    OGRLayer* layer = vec->CreateLayer("cells", nullptr, wkbPolygon, nullptr);
    if (!layer) return fail("no memory for its polygons");
    OGRFieldDefn fd("v", OFTReal);
    layer->CreateField(&fd);
    if (GDALFPolygonize(win->GetRasterBand(1), win->GetRasterBand(2), OGRLayer::ToHandle(layer), 0, nullptr, nullptr,
                        nullptr) != CE_None)
        return fail("its cells cannot be turned into polygons (" + QuietGdalErrors::last_error() + ")");
    layer->ResetReading();
    while (OGRFeatureUniquePtr f{layer->GetNextFeature()}) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) continue;
        CellPolygon cp;
        cp.value = f->GetFieldAsDouble(0);
        cp.lonlat.reset(g->clone());
        if (to_wgs_ && cp.lonlat->transform(to_wgs_.get()) != OGRERR_NONE)
            return fail("its cells cannot be transformed to WGS84");
        out.push_back(std::move(cp));
    }
    return out;
}

uint64_t RasterLayer::block_reads() const {
    std::lock_guard<std::mutex> lock(mu_);
    return block_reads_;
}

}  // namespace sheetgen::hazard_detail
