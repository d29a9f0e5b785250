#pragma once
// Hazard layers loaded once per run, indexed, queried read-only (thread-safe
// for concurrent const calls).
#include <memory>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "hazard/exposure.hpp"

namespace sheetgen {

struct HazardConfig;  // hazard/config.hpp

// Uncertainty radii of approximate (address-derived) locations, in metres.
struct RiskRadii {
    double town_m = 500, block_m = 50;
};

class HazardSet {
public:
    // Loads every layer of the config (paths relative to the config file's
    // directory). Throws InputError naming the config line on a missing source,
    // layer, mapped field or CRS. Repaired/reported geometry problems are
    // appended to `warnings`.
    static HazardSet load(const HazardConfig& config, std::vector<Diagnostic>* warnings = nullptr);
    static HazardSet load_file(const std::string& config_path, std::vector<Diagnostic>* warnings = nullptr);

    HazardSet(HazardSet&&) noexcept;
    HazardSet& operator=(HazardSet&&) noexcept;
    ~HazardSet();

    // Point-in-zone overlay for one household location (WGS84/JGD2011 degrees).
    Exposure expose(const LatLon& p) const;

    const std::vector<Shelter>& shelters() const;
    // The `attribution:` lines of the shelter layers, in config order, each once.
    std::vector<std::string> shelter_attributions() const;
    // By exact id, then by exact name; nullptr when not found.
    const Shelter* find_shelter(const std::string& id_or_name) const;

    // Zones, shelters and the base map inside a frame centred on `centre`.
    // `resolution_m` is the size of one output unit (simplification tolerance).
    // When a zone or shelter cannot be read or projected for the frame, the
    // extract's `failure` says why (the map must then not be drawn); base-map
    // data that could not be read is listed in its `warnings`.
    MapExtract extract_map(const LatLon& centre, double half_width_m, double half_height_m,
                           double resolution_m) const;
    // Reads of the base-map layers so far, all layers together (tests, measurements).
    struct BasemapReads {
        uint64_t tile_reads = 0;     // spatially filtered passes over a source
        uint64_t features_read = 0;  // features the sources returned
    };
    BasemapReads basemap_reads() const;

    // Every zone polygon (all layers) for a whole-area map, in WGS84: here a
    // ring point is (lon, lat) degrees, not metres. Simplified with a
    // tolerance of about `tolerance_m` metres (0: as loaded); ordered like
    // extract_map (kind, shallow before deep, load order). Shelters are shelters().
    // With a stated `coverage:`, only the zones whose extent meets the
    // coverage's: the page of a Tama config carries no Tokyo-wide layer.
    std::vector<MapPolygon> zone_polygons_lonlat(double tolerance_m) const;

    // Counts for summaries and benchmarks.
    size_t zone_polygon_count() const;
    std::string name() const;  // config name/label
    // Flood depth layers of both scenarios (planned, maximum) are loaded:
    // every exposure carries both depths (Exposure::scenario_depths).
    bool compares_scenarios() const;
    // The config's location_uncertainty radii over `risk`'s defaults.
    RiskRadii uncertainty_radii(double town_default_m, double block_default_m) const;

private:
    struct Impl;
    explicit HazardSet(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace sheetgen
