#pragma once
// A base-map layer (`kind: basemap`): roads, railways, rivers, stations, town
// names ... from any OGR source (GeoPackage, shapefile, GeoJSON, KSJ files,
// OpenStreetMap .osm.pbf / .osm through GDAL's OSM driver). Nothing is read
// at load but the layer's schema: features are read only around the maps
// being drawn, one tile of a fixed lon/lat grid at a time (a spatial filter
// on the source), and kept in a small per-layer cache shared by the worker
// threads, so a thousand households in one town read each tile once.
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "hazard/basemap_styles.hpp"
#include "hazard/config.hpp"
#include "hazard/exposure.hpp"
#include "hazard/gdal_util.hpp"
#include "hazard/zone_index.hpp"

namespace sheetgen::hazard_detail {

// A map frame as the base map needs it (built by HazardSet::extract_map).
struct BasemapFrame {
    OGRCoordinateTransformation* to_local = nullptr;  // WGS84 lon/lat -> frame metres (the caller's, one thread)
    const OGRPolygon* frame = nullptr;                       // the frame, metres
    OGREnvelope frame_env;                                   // its envelope
    Box frame_ll;                                            // lon/lat envelope of the frame (padded)
    double resolution_m = 0;                                 // simplification tolerance
};

class BasemapLayer {
public:
    // Opens the source and layer, applies `where`, finds the `label` field and
    // the CRS (for an OSM file, tells the driver which layer is wanted).
    // InputError at the config line on a problem.
    explicit BasemapLayer(const LayerConfig& lc);
    BasemapLayer(const BasemapLayer&) = delete;
    BasemapLayer& operator=(const BasemapLayer&) = delete;

    // Appends the layer's features meeting the frame, clipped to it, in frame
    // metres. A tile the source fails to read, or features that cannot be
    // projected, are described in `problems` (layer name and counts, never
    // coordinates); the rest is still appended. Thread-safe.
    void extract(const BasemapFrame& f, std::vector<MapFeature>& out, std::vector<std::string>& problems) const;

    // Reads from the source so far (for tests and measurements).
    struct Stats {
        uint64_t tile_reads = 0;     // spatially filtered passes over the source
        uint64_t features_read = 0;  // features the source returned
    };
    Stats stats() const;

    // Degrees of one tile of the read grid (about 5.5 km x 4.5 km in Japan):
    // a map frame (at most 4 km across) meets one to four tiles.
    static constexpr double kTileDeg = 0.05;

private:
    struct CachedFeature {
        int64_t fid = -1;
        std::string label;
        OGREnvelope env;                    // lon/lat
        OGRGeometryUniquePtr geom;          // WGS84 lon/lat, linear, 2D
    };
    struct Tile {
        std::vector<CachedFeature> features;
        size_t points = 0;          // vertices held (the cache budget)
        size_t unprojectable = 0;   // features whose coordinates could not be reprojected to WGS84
        std::string failure;        // the source failed while reading the tile ("" = read whole)
    };
    using TileKey = std::pair<int, int>;

    std::shared_ptr<const Tile> tile(const TileKey& key) const;  // caller holds mu_
    std::shared_ptr<Tile> read_tile(const TileKey& key) const;   // caller holds mu_
    void set_filter(const TileKey& key) const;                   // caller holds mu_

    std::string name_;
    BasemapStyle style_;
    LayerConfig lc_;  // for the reading helpers' messages
    // GDAL datasets and transformations are not safe to share between
    // threads: every use is under mu_ (only tile reads; clipping runs outside).
    mutable std::mutex mu_;
    GDALDatasetUniquePtr ds_;
    OGRLayer* layer_ = nullptr;
    int label_idx_ = -1;
    TransformPtr to_wgs_;  // source -> WGS84; null when the same
    TransformPtr to_src_;  // WGS84 -> source, for the spatial filter
    // Least-recently-used tiles, at most kCachePoints vertices held.
    static constexpr size_t kCachePoints = size_t{1} << 21;
    mutable size_t cached_points_ = 0;
    mutable std::list<std::pair<TileKey, std::shared_ptr<const Tile>>> lru_;
    mutable std::map<TileKey, std::list<std::pair<TileKey, std::shared_ptr<const Tile>>>::iterator> cache_;
    mutable Stats stats_;
};

}  // namespace sheetgen::hazard_detail
