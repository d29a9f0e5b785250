#include "hazard/hazard_set.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <map>
#include <mutex>
#include <set>
#include <sys/stat.h>

#include "common/utf8.hpp"
#include "hazard/config.hpp"
#include "hazard/basemap_layer.hpp"
#include "hazard/gdal_util.hpp"
#include "hazard/layer_reading.hpp"
#include "hazard/raster_layer.hpp"
#include "hazard/shelter_names.hpp"
#include "hazard/source_check.hpp"
#include "hazard/zone_index.hpp"

namespace sheetgen {

using namespace hazard_detail;

namespace hazard_detail {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

GDALDatasetUniquePtr open_source(const LayerConfig& lc, unsigned flags) {
    require_openable_source(lc);  // never hand GDAL a FIFO or a device
    ensure_gdal_registered();
    CPLStringList opts;
    for (const auto& s : lc.open_options) opts.AddString(s.c_str());
    return GDALDatasetUniquePtr(GDALDataset::FromHandle(
        GDALOpenEx(lc.resolved_source.c_str(), flags | GDAL_OF_READONLY, nullptr, opts.List(), nullptr)));
}

OGRSpatialReference wgs84_lonlat() {
    OGRSpatialReference srs;
    srs.SetWellKnownGeogCS("WGS84");
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

}  // namespace hazard_detail

namespace {

// How the map draws a zone of the kind (the kind table's `map`).
ZoneKind zone_kind(LayerKind k) {
    const KindMap m = kind_info(k).map;
    return m == KindMap::None ? ZoneKind::FloodDepth : static_cast<ZoneKind>(static_cast<int>(m));
}

// Attributes of one zone polygon.
struct ZoneAttr {
    uint32_t layer = 0;  // index into the config's layers
    LayerKind kind = LayerKind::FloodDepth;
    std::optional<DepthRange> depth;
    std::optional<DurationRange> duration;
    std::string type;  // house-collapse / landslide type
    std::string river;  // from the layer's river_field; empty = the layer's `river`
};

struct LayerInfo {
    std::string name;
    FloodScenario scenario;
    LayerKind kind;
    size_t entry;       // the config entry (the files of one multi-file entry share it)
    std::string river;  // the file's river name (config `river`), may be empty
};

// The worst flood depth class per scenario, folded in any order: the deeper
// class wins (larger minimum, then larger maximum), a known depth beats
// "depth unknown", ties go to the earlier layer, then the earlier polygon.
class DepthFold {
public:
    explicit DepthFold(const std::vector<LayerInfo>& layers) : layers_(layers) {}
    static bool earlier(const ZoneAttr* a, const ZoneAttr* b) {
        return !b || a->layer < b->layer || (a->layer == b->layer && a < b);
    }
    static bool deeper(const ZoneAttr& a, const ZoneAttr* best) {
        if (!best) return true;
        const DepthRange& d = *a.depth;
        const DepthRange& b = *best->depth;
        return d.min_m > b.min_m || (d.min_m == b.min_m && d.max_m > b.max_m) || (d == b && earlier(&a, best));
    }
    void add(const ZoneAttr& a) {
        const size_t s = static_cast<size_t>(layers_[a.layer].scenario);
        if (a.depth ? deeper(a, best_[s]) : earlier(&a, unknown_[s])) (a.depth ? best_[s] : unknown_[s]) = &a;
    }
    // The worst class over the scenarios in `which`; nullptr outside all their zones.
    const ZoneAttr* worst(std::initializer_list<FloodScenario> which) const {
        const ZoneAttr* best = nullptr;
        const ZoneAttr* unknown = nullptr;
        for (FloodScenario sc : which) {
            const size_t s = static_cast<size_t>(sc);
            if (best_[s] && deeper(*best_[s], best)) best = best_[s];
            if (unknown_[s] && earlier(unknown_[s], unknown)) unknown = unknown_[s];
        }
        return best ? best : unknown;
    }

private:
    const std::vector<LayerInfo>& layers_;
    std::array<const ZoneAttr*, 3> best_{}, unknown_{};  // by FloodScenario
};

// Codes compared as text, with integers canonicalised: 2, "02", 2.0 are one code.
std::string canonical_code(const std::string& raw) {
    std::string s = raw;
    size_t b = s.find_first_not_of(" \t");
    size_t e = s.find_last_not_of(" \t");
    s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
    if (s.empty()) return s;
    char* end = nullptr;
    double v = std::strtod(s.c_str(), &end);
    if (end == s.c_str() + s.size() && std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
        return buf;
    }
    return s;
}

// A cell value as a class code: integers as integers (3.0 -> "3").
std::string raster_code(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return canonical_code(buf);
}

}  // namespace

// Shared with the base-map layers (hazard/layer_reading.hpp).
namespace hazard_detail {

std::string field_text(const OGRFeature& f, int idx) {
    if (!f.IsFieldSetAndNotNull(idx)) return "";
    return f.GetFieldAsString(idx);
}

}  // namespace hazard_detail

namespace {

std::string code_of(const OGRFeature& f, int idx) {
    if (!f.IsFieldSetAndNotNull(idx)) return "";
    OGRFieldType t = f.GetFieldDefnRef(idx)->GetType();
    if (t == OFTInteger || t == OFTInteger64) return std::to_string(f.GetFieldAsInteger64(idx));
    return canonical_code(f.GetFieldAsString(idx));
}

// Collects warnings for one layer; repeats of one kind of problem are capped
// and summarised, never dropped without a count.
class LayerWarnings {
public:
    LayerWarnings(std::vector<Diagnostic>* out, SourceLocation where, std::string layer)
        : out_(out), where_(std::move(where)), layer_(std::move(layer)) {}
    void add(const std::string& category, const std::string& detail) {
        int& n = counts_[category];
        ++n;
        if (n <= kDetailed && out_)
            out_->push_back({where_, "layer '" + layer_ + "': " + detail, Severity::Warning});
    }
    void layer_note(const std::string& msg) {
        if (out_) out_->push_back({where_, "layer '" + layer_ + "': " + msg, Severity::Warning});
    }
    ~LayerWarnings() {
        if (!out_) return;
        for (const auto& [cat, n] : counts_)
            if (n > kDetailed)
                out_->push_back({where_,
                                 "layer '" + layer_ + "': " + std::to_string(n - kDetailed) + " more features with " +
                                     cat + " (" + std::to_string(n) + " in all)",
                                 Severity::Warning});
    }

private:
    static constexpr int kDetailed = 10;
    std::vector<Diagnostic>* out_;
    SourceLocation where_;
    std::string layer_;
    std::map<std::string, int> counts_;
};

}  // namespace

// Shared with the base-map layers (hazard/layer_reading.hpp).
namespace hazard_detail {

bool finite_geometry(const OGRGeometry& g) {
    OGREnvelope env;
    g.getEnvelope(&env);
    if (!std::isfinite(env.MinX) || !std::isfinite(env.MaxX) || !std::isfinite(env.MinY) || !std::isfinite(env.MaxY))
        return false;
    // The envelope can skip NaN (min/max comparisons ignore it): check every vertex.
    bool ok = true;
    auto check_curve = [&](const OGRSimpleCurve* c) {
        for (int i = 0; i < c->getNumPoints() && ok; ++i)
            if (!std::isfinite(c->getX(i)) || !std::isfinite(c->getY(i))) ok = false;
    };
    std::function<void(const OGRGeometry*)> walk = [&](const OGRGeometry* x) {
        OGRwkbGeometryType t = wkbFlatten(x->getGeometryType());
        if (t == wkbPoint) {
            auto* p = x->toPoint();
            if (!std::isfinite(p->getX()) || !std::isfinite(p->getY())) ok = false;
        } else if (t == wkbLineString || t == wkbLinearRing) {
            check_curve(x->toSimpleCurve());
        } else if (t == wkbPolygon) {
            for (const auto* r : *x->toPolygon()) check_curve(r);
        } else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
            for (const auto* sub : *x->toGeometryCollection()) walk(sub);
        }
    };
    walk(&g);
    return ok;
}

}  // namespace hazard_detail

namespace {

// Polygonal parts of any geometry, as separate polygons.
void collect_polygons(const OGRGeometry* g, std::vector<const OGRPolygon*>& out) {
    if (!g) return;
    OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) {
        if (!g->IsEmpty()) out.push_back(g->toPolygon());
    } else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection)) {
        for (const auto* sub : *g->toGeometryCollection()) collect_polygons(sub, out);
    }
}

std::vector<std::vector<Pt>> polygon_rings(const OGRPolygon& poly) {
    std::vector<std::vector<Pt>> rings;
    for (const auto* ring : poly) {
        std::vector<Pt> pts;
        pts.reserve(static_cast<size_t>(ring->getNumPoints()));
        for (int i = 0; i < ring->getNumPoints(); ++i) pts.push_back({ring->getX(i), ring->getY(i)});
        rings.push_back(std::move(pts));
    }
    return rings;
}

std::string trim_ascii(const std::string& s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string house_collapse_type(const std::string& v) {
    std::string t = trim_ascii(v);
    if (t == "flood_flow" || t == "氾濫流") return "flood_flow";
    if (t == "bank_erosion" || t == "河岸侵食") return "bank_erosion";
    return "";
}

}  // namespace

// Shared with the base-map layers (hazard/layer_reading.hpp).
namespace hazard_detail {

OpenedLayer open_layer(const LayerConfig& lc) {
    OpenedLayer o;
    QuietGdalErrors quiet;
    o.ds = open_source(lc, GDAL_OF_VECTOR);
    if (!o.ds) {
        std::string why = QuietGdalErrors::last_error();
        throw InputError(lc.source_at.line ? lc.source_at : lc.at,
                         "layer '" + lc.name + "': cannot open source '" + lc.source + "'" +
                             (why.empty() ? std::string(" (missing file or not a vector format)") : ": " + why));
    }
    if (lc.layer.empty()) {
        if (o.ds->GetLayerCount() < 1)
            throw InputError(lc.at, "layer '" + lc.name + "': source '" + lc.source + "' has no vector layer");
        o.layer = o.ds->GetLayer(0);
    } else {
        o.layer = o.ds->GetLayerByName(lc.layer.c_str());
        if (!o.layer) {
            std::string names;
            for (int i = 0; i < o.ds->GetLayerCount(); ++i)
                names += std::string(i ? ", " : "") + o.ds->GetLayer(i)->GetName();
            throw InputError(lc.layer_at, "layer '" + lc.layer + "' not found in source '" + lc.source +
                                              "' (it has: " + names + ")");
        }
    }
    if (!lc.where.empty()) {
        CPLErrorReset();
        bool bad = o.layer->SetAttributeFilter(lc.where.c_str()) != OGRERR_NONE;
        if (!bad) {
            // Some drivers (GeoPackage) only notice a bad filter when reading.
            o.layer->ResetReading();
            OGRFeatureUniquePtr probe(o.layer->GetNextFeature());
            bad = CPLGetLastErrorType() == CE_Failure;
        }
        if (bad)
            throw InputError(lc.where_at, "layer '" + lc.name + "': bad where filter '" + lc.where +
                                              "': " + QuietGdalErrors::last_error());
    }
    return o;
}

int require_field(const LayerConfig& lc, OGRLayer* layer, const std::string& field, const SourceLocation& where) {
    int idx = layer->GetLayerDefn()->GetFieldIndex(field.c_str());
    if (idx < 0) {
        std::string names;
        OGRFeatureDefn* d = layer->GetLayerDefn();
        size_t not_utf8 = 0;
        for (int i = 0; i < d->GetFieldCount(); ++i) {
            const std::string n = d->GetFieldDefn(i)->GetNameRef();
            if (find_invalid_utf8(n)) {
                ++not_utf8;
                names += std::string(i ? ", " : "") + "(not UTF-8)";
            } else {
                names += std::string(i ? ", " : "") + n;
            }
        }
        if (not_utf8) {
            // A Shift_JIS CSV from Excel: raw bytes would only show as mojibake.
            std::string all;
            for (int i = 0; i < d->GetFieldCount(); ++i) all += d->GetFieldDefn(i)->GetNameRef();
            const std::string enc = guess_encoding(all);
            throw InputError(where.line ? where : lc.at,
                             "layer '" + lc.name + "': field '" + field + "' not found in source '" + lc.source + "': " +
                                 std::to_string(not_utf8) + " of its field names are not UTF-8" +
                                 (enc == "Shift_JIS" ? " (they look like Shift_JIS / CP932)" : "") +
                                 ". Save the file as UTF-8 (Excel: 'CSV UTF-8'), or for a shapefile add "
                                 "open_options: [ENCODING=CP932] to this layer (fields: " + names + ")");
        }
        throw InputError(where.line ? where : lc.at, "layer '" + lc.name + "': field '" + field +
                                                          "' not found in source '" + lc.source + "' (fields: " +
                                                          (names.empty() ? std::string("none") : names) + ")");
    }
    return idx;
}

// Source -> WGS84 lon/lat; nullptr when the source already is WGS84 lon/lat.
TransformPtr make_transform(const LayerConfig& lc, OGRLayer* layer) {
    OGRSpatialReference src;
    const OGRSpatialReference* from_file = layer->GetSpatialRef();
    if (from_file) {
        src = *from_file;
    } else if (!lc.crs.empty()) {
        QuietGdalErrors quiet;
        if (src.SetFromUserInput(lc.crs.c_str()) != OGRERR_NONE)
            throw InputError(lc.crs_at, "layer '" + lc.name + "': unknown CRS '" + lc.crs + "'");
    } else {
        throw InputError(lc.at, "layer '" + lc.name + "': source '" + lc.source +
                                    "' has no CRS; add e.g. 'crs: EPSG:6668' (JGD2011) to this layer");
    }
    // GDAL 3 would otherwise use the authority's lat/lon order for EPSG geographic CRSs.
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference dst = wgs84_lonlat();
    if (src.IsSame(&dst)) return nullptr;
    QuietGdalErrors quiet;
    TransformPtr ct(OGRCreateCoordinateTransformation(&src, &dst));
    if (!ct)
        throw InputError(lc.crs_at.line ? lc.crs_at : lc.at, "layer '" + lc.name + "': cannot transform its CRS to WGS84: " +
                                                                  QuietGdalErrors::last_error());
    return ct;
}

// nullptr at the end; a driver failure mid-layer is an error, not a short layer.
OGRFeatureUniquePtr next_feature(const LayerConfig& lc, OGRLayer* layer) {
    CPLErrorReset();
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    if (!f && CPLGetLastErrorType() == CE_Failure)
        throw InputError(lc.at, "layer '" + lc.name + "': error reading '" + lc.source + "': " + QuietGdalErrors::last_error());
    return f;
}

}  // namespace hazard_detail

namespace {

// Japan, generously (as inside_japan_extent): lon 122-154, lat 20-46.
const Box kJapan{122.0, 20.0, 154.0, 46.0};

std::string extent_text(const Box& b) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "lon %.6f..%.6f, lat %.6f..%.6f", b.minx, b.maxx, b.miny, b.maxy);
    return buf;
}

Box merge_box(const Box& a, const Box& b) {
    return {std::min(a.minx, b.minx), std::min(a.miny, b.miny), std::max(a.maxx, b.maxx), std::max(a.maxy, b.maxy)};
}

constexpr Box kEmptyBox{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};

// `crs:` written for a shelter source that has its own CRS: the source's wins.
// (Zone and raster layers check this as they load.)
void warn_crs_ignored(const LayerConfig& lc, std::vector<Diagnostic>* warnings) {
    if (lc.crs.empty() || !warnings) return;
    OpenedLayer o = open_layer(lc);
    if (o.layer->GetSpatialRef())
        warnings->push_back({lc.crs_at, "layer '" + lc.name + "': crs '" + lc.crs +
                                             "' ignored: the source declares its own CRS", Severity::Warning});
}

// A polygon source for an area (coverage, municipality), indexed in WGS84.
std::unique_ptr<ZoneIndex> load_area(const AreaConfig& area, const std::string& what, Box* extent);

}  // namespace

struct HazardSet::Impl {
    std::string name;
    std::optional<double> uncertainty_town_m, uncertainty_block_m;
    std::vector<LayerInfo> layers;
    std::vector<ZoneAttr> attrs;  // one per zone polygon tag
    ZoneIndex index;
    std::vector<Shelter> shelters;
    std::vector<std::string> shelter_names;  // normalised, parallel to shelters
    bool has_flood_layer = false;            // a flood depth or duration layer was loaded
    // Flood depth layers of both scenarios loaded: each one's depth is
    // reported, and verdict_scenario's decides.
    bool compares_scenarios = false;
    FloodScenario verdict_scenario = FloodScenario::Maximum;

    // Raster zone layers: the cell value picks one of the layer's attrs.
    struct RasterZone {
        uint32_t layer = 0;
        std::unique_ptr<RasterLayer> raster;
        std::map<std::string, uint32_t> attr_of_code;  // canonical code -> index into attrs
        uint32_t unknown_attr = 0;                      // a value the class table does not know
        std::map<uint32_t, uint32_t> attr_of_colour;    // legend: colour + 1 -> index into attrs
        bool legend = false;
        // The attr for a sampled value (a code, or a legend colour + 1).
        uint32_t attr_for(double v) const {
            if (legend) {
                auto it = attr_of_colour.find(static_cast<uint32_t>(v));
                return it == attr_of_colour.end() ? unknown_attr : it->second;
            }
            auto it = attr_of_code.find(raster_code(v));
            return it == attr_of_code.end() ? unknown_attr : it->second;
        }
    };
    std::vector<RasterZone> rasters;
    // Coverage: where the flood data is known to apply. A stated polygon
    // source, else the union of the flood layers' extents (boxes).
    std::unique_ptr<ZoneIndex> coverage;
    std::vector<Box> flood_extents;
    std::unique_ptr<ZoneIndex> municipality;  // the configured boundary; null = not checked
    // Base-map layers (config layer index, layer), read around each map; a
    // source that could not be opened was warned about at load and is left out.
    std::vector<std::pair<uint32_t, std::unique_ptr<BasemapLayer>>> basemaps;
    bool has_basemap = false;               // the config has basemap layers
    std::vector<std::string> attributions;  // `attribution:` per config layer ("" = none)
    std::vector<uint32_t> shelter_layer;    // config layer of each shelter, parallel to shelters

    bool covered(double lon, double lat) const;
    // Checks a zone layer's lon/lat extent against Japan and the stated coverage.
    void check_extent(const HazardConfig& cfg, const LayerConfig& lc, const Box& extent) const;

    void load_zone_layer(const HazardConfig& cfg, uint32_t li, std::vector<Diagnostic>* warnings);
    // A feature's river name, else its file's (config `river`).
    std::string river_of(const ZoneAttr& a) const { return a.river.empty() ? layers[a.layer].river : a.river; }
    KindZone kind_zone(const ZoneAttr& z) const {
        KindZone kz;
        kz.kind = z.kind;
        kz.depth = z.depth;
        kz.layer = layers[z.layer].name;
        kz.scenario = layers[z.layer].scenario;
        kz.river = river_of(z);
        return kz;
    }
    // Names of the layers hit, in load order; the files of one multi-file
    // entry are one layer to the reader.
    void add_layers_hit(uint64_t bits, std::vector<uint32_t>& many, Exposure& e) const {
        std::sort(many.begin(), many.end());
        many.erase(std::unique(many.begin(), many.end()), many.end());
        const LayerInfo* last = nullptr;
        auto hit = [&](uint32_t l) {
            if (last && last->entry == layers[l].entry) return;
            e.layers_hit.push_back(layers[l].name);
            last = &layers[l];
        };
        for (uint32_t l = 0; l < 64 && l < layers.size(); ++l)
            if (bits & (uint64_t{1} << l)) hit(l);
        for (uint32_t l : many) hit(l);
    }
    // The flood depth the verdict reads: the worst of every layer; when both
    // scenarios are loaded, the verdict scenario's (with the layers of no
    // stated scenario) where the point lies in one of its zones, else the
    // other's, so a zone of either is never "outside".
    const ZoneAttr* verdict_depth(const DepthFold& f) const {
        using S = FloodScenario;
        if (!compares_scenarios) return f.worst({S::Unknown, S::Planned, S::Maximum});
        const S other = verdict_scenario == S::Planned ? S::Maximum : S::Planned;
        const ZoneAttr* chosen = f.worst({verdict_scenario, S::Unknown});
        return chosen ? chosen : f.worst({other});
    }
    // Both scenarios' worst classes, reported side by side.
    void add_scenario_depths(const DepthFold& f, Exposure& e) const {
        if (!compares_scenarios) return;
        for (FloodScenario sc : {FloodScenario::Planned, FloodScenario::Maximum}) {
            ScenarioDepth d;
            d.scenario = sc;
            if (const ZoneAttr* z = f.worst({sc})) {
                d.in_zone = true;
                d.depth = z->depth;
                d.layer = layers[z->layer].name;
                d.river = river_of(*z);
            }
            e.scenario_depths.push_back(std::move(d));
        }
    }
    void load_raster_layer(const HazardConfig& cfg, uint32_t li, std::vector<Diagnostic>* warnings);
    void load_shelter_layer(const HazardConfig& cfg, uint32_t li, std::vector<Diagnostic>* warnings);
    void load_basemap_layer(const LayerConfig& lc, uint32_t li, std::vector<Diagnostic>* warnings);
};

void HazardSet::Impl::load_zone_layer(const HazardConfig& cfg, uint32_t li, std::vector<Diagnostic>* warnings) {
    const LayerConfig& lc = cfg.layers[li];
    if (lc.field_required && lc.field.empty())
        throw InputError(lc.preset_at.line ? lc.preset_at : lc.at,
                         "layer '" + lc.name + "': source '" + lc.source + "' is a vector source: " +
                             (lc.preset.empty() ? std::string("'classes' needs 'field' (the attribute holding the code)")
                                                : "preset '" + lc.preset +
                                                      "' needs 'field' (e.g. A31a_205 for 想定最大規模, A31a_105 for 計画規模)"));
    OpenedLayer o = open_layer(lc);
    int field_idx = -1;
    std::map<std::string, ClassRange> classes;
    if (!lc.field.empty()) {
        field_idx = require_field(lc, o.layer, lc.field, lc.field_at);
        for (const auto& [code, r] : lc.classes) classes[canonical_code(code)] = r;
    }
    int type_idx = lc.type_field.empty() ? -1 : require_field(lc, o.layer, lc.type_field, lc.type_field_at);
    int river_idx = lc.river_field.empty() ? -1 : require_field(lc, o.layer, lc.river_field, lc.river_field_at);
    TransformPtr ct = make_transform(lc, o.layer);
    if (o.layer->GetSpatialRef() && !lc.crs.empty() && warnings)
        warnings->push_back({lc.crs_at, "layer '" + lc.name + "': crs '" + lc.crs +
                                             "' ignored: the source declares its own CRS", Severity::Warning});
    Box extent = kEmptyBox;

    LayerWarnings warn(warnings, lc.at, lc.name);
    size_t features = 0, kept = 0;
    QuietGdalErrors quiet;
    o.layer->ResetReading();
    while (OGRFeatureUniquePtr f = next_feature(lc, o.layer)) {
        ++features;
        std::string fid = "feature " + std::to_string(f->GetFID());
        const OGRGeometry* g0 = f->GetGeometryRef();
        if (!g0 || g0->IsEmpty()) {
            warn.add("no geometry", fid + ": no geometry, skipped");
            continue;
        }
        OGRGeometryUniquePtr g(g0->getGeometryType() == wkbFlatten(g0->getGeometryType()) && !OGR_GT_IsNonLinear(g0->getGeometryType())
                          ? g0->clone()
                          : g0->getLinearGeometry());
        if (!g) {
            warn.add("unreadable geometry", fid + ": unreadable geometry, skipped");
            continue;
        }
        g->flattenTo2D();
        if (!finite_geometry(*g)) {
            warn.add("NaN/infinite coordinates", fid + ": NaN or infinite coordinates, skipped");
            continue;
        }
        if (ct && g->transform(ct.get()) != OGRERR_NONE) {
            warn.add("failed reprojection", fid + ": cannot be reprojected to WGS84, skipped");
            continue;
        }
        if (!finite_geometry(*g)) {
            warn.add("NaN/infinite coordinates", fid + ": coordinates not finite after reprojection, skipped");
            continue;
        }
        std::vector<const OGRPolygon*> polys;
        collect_polygons(g.get(), polys);
        if (polys.empty()) {
            warn.add("non-polygon geometry", fid + ": not a polygon (" + std::string(g->getGeometryName()) + "), skipped");
            continue;
        }
        OGRGeometryUniquePtr repaired;
        if (!g->IsValid()) {
            repaired.reset(g->MakeValid());
            polys.clear();
            collect_polygons(repaired.get(), polys);
            if (polys.empty()) {
                warn.add("invalid polygons that could not be repaired",
                         fid + ": invalid polygon that could not be repaired, skipped");
                continue;
            }
            warn.add("repaired invalid polygons", fid + ": invalid polygon (e.g. self-intersection) repaired");
        }

        ZoneAttr attr;
        attr.layer = li;
        attr.kind = lc.kind;
        if (field_idx >= 0) {
            std::string code = code_of(*f, field_idx);
            auto it = classes.find(code);
            if (it == classes.end()) {
                warn.add("unknown codes in '" + lc.field + "'",
                         fid + ": " + lc.field + " = '" + code + "' is not a known code; treated as unknown " +
                             (kind_info(lc.kind).classes == KindClasses::Depth ? "depth" : "duration"));
            } else if (kind_info(lc.kind).classes == KindClasses::Depth) {
                attr.depth = DepthRange{it->second.min, it->second.max};
            } else {
                attr.duration = DurationRange{it->second.min, it->second.max};
            }
        }
        if (river_idx >= 0) attr.river = trim_ascii(field_text(*f, river_idx));
        if (!lc.type.empty()) attr.type = lc.type;
        if (type_idx >= 0) {
            std::string v = trim_ascii(field_text(*f, type_idx));
            if (lc.kind == LayerKind::HouseCollapse) {
                attr.type = house_collapse_type(v);
                if (attr.type.empty() && !v.empty())
                    warn.add("unknown house-collapse types",
                             fid + ": " + lc.type_field + " = '" + v + "' is neither 氾濫流 nor 河岸侵食; type left unknown");
            } else {
                attr.type = v;
            }
        }
        uint32_t tag = static_cast<uint32_t>(attrs.size());
        attrs.push_back(attr);
        for (const OGRPolygon* p : polys) extent = merge_box(extent, index.box(index.add(polygon_rings(*p), tag)));
        ++kept;
    }
    if (kept > 0) {
        check_extent(cfg, lc, extent);
        if (kind_info(lc.kind).flood_coverage) flood_extents.push_back(extent);
    }
    if (features == 0) warn.layer_note("no features" + std::string(lc.where.empty() ? "" : " match the where filter"));
    else if (kept == 0) warn.layer_note("no usable polygons among " + std::to_string(features) + " features");
}

namespace {

std::unique_ptr<ZoneIndex> load_area(const AreaConfig& area, const std::string& what, Box* extent) {
    // The layer machinery (open, CRS rules, errors at the config line) on a stand-in layer entry.
    LayerConfig lc;
    lc.at = lc.source_at = lc.layer_at = lc.crs_at = area.at;
    lc.name = what;
    lc.source = area.source;
    lc.resolved_source = area.resolved_source;
    lc.layer = area.layer;
    lc.crs = area.crs;
    OpenedLayer o = open_layer(lc);
    TransformPtr ct = make_transform(lc, o.layer);
    auto index = std::make_unique<ZoneIndex>();
    *extent = kEmptyBox;
    QuietGdalErrors quiet;
    o.layer->ResetReading();
    while (OGRFeatureUniquePtr f = next_feature(lc, o.layer)) {
        const OGRGeometry* g0 = f->GetGeometryRef();
        if (!g0 || g0->IsEmpty()) continue;
        OGRGeometryUniquePtr g(g0->getLinearGeometry());
        if (!g) continue;
        g->flattenTo2D();
        if (!finite_geometry(*g) || (ct && g->transform(ct.get()) != OGRERR_NONE)) continue;
        if (!g->IsValid()) g.reset(g->MakeValid());
        std::vector<const OGRPolygon*> polys;
        collect_polygons(g.get(), polys);
        for (const OGRPolygon* p : polys) *extent = merge_box(*extent, index->box(index->add(polygon_rings(*p), 0)));
    }
    if (index->size() == 0)
        throw InputError(area.at, what + " '" + area.source + "' has no polygon (it must be an area, e.g. the city boundary)");
    if (!extent->intersects(kJapan))
        throw InputError(area.at, what + " '" + area.source + "' lies entirely outside Japan (its extent: " +
                                      extent_text(*extent) + "); check its CRS and axis order");
    index->build();
    return index;
}

}  // namespace

bool HazardSet::Impl::covered(double lon, double lat) const {
    if (!has_flood_layer) return false;
    if (coverage) {
        bool in = false;
        coverage->for_each_covering(lon, lat, [&](uint32_t) { in = true; });
        return in;
    }
    for (const Box& b : flood_extents)
        if (b.contains(lon, lat)) return true;
    return false;
}

void HazardSet::Impl::check_extent(const HazardConfig& cfg, const LayerConfig& lc, const Box& extent) const {
    if (!extent.intersects(kJapan))
        throw InputError(lc.at, "layer '" + lc.name + "' lies entirely outside Japan (its extent after reprojection: " +
                                    extent_text(extent) + "; Japan: lon 122..154, lat 20..46): check its crs, "
                                    "the source's CRS and the axis order (x = longitude)");
    if (coverage) {
        Box cov = kEmptyBox;
        for (size_t i = 0; i < coverage->size(); ++i) cov = merge_box(cov, coverage->box(static_cast<uint32_t>(i)));
        if (!extent.intersects(cov))
            throw InputError(lc.at, "layer '" + lc.name + "' lies entirely outside the coverage '" +
                                        cfg.coverage->source + "' (layer: " + extent_text(extent) +
                                        "; coverage: " + extent_text(cov) + ")");
    }
}

void HazardSet::Impl::load_raster_layer(const HazardConfig& cfg, uint32_t li, std::vector<Diagnostic>* warnings) {
    const LayerConfig& lc = cfg.layers[li];
    if (lc.field_given)
        throw InputError(lc.field_at, "layer '" + lc.name + "': source '" + lc.source +
                                          "' is a raster; 'field' does not apply (the cell value is the class code)");
    if (lc.classes.empty())
        throw InputError(lc.at, "layer '" + lc.name + "': raster source '" + lc.source +
                                    "' needs 'preset' or 'classes' for its cell values");
    RasterZone rz;
    rz.layer = li;
    rz.raster = std::make_unique<RasterLayer>(lc);
    check_extent(cfg, lc, rz.raster->extent());
    if (kind_info(lc.kind).flood_coverage) flood_extents.push_back(rz.raster->extent());
    if (rz.raster->own_crs() && !lc.crs.empty() && warnings)
        warnings->push_back({lc.crs_at, "layer '" + lc.name + "': crs '" + lc.crs +
                                             "' ignored: the source declares its own CRS", Severity::Warning});
    for (const auto& [code, r] : lc.classes) {
        ZoneAttr attr;
        attr.layer = li;
        attr.kind = lc.kind;
        if (kind_info(lc.kind).classes == KindClasses::Depth) attr.depth = DepthRange{r.min, r.max};
        else attr.duration = DurationRange{r.min, r.max};
        rz.attr_of_code[canonical_code(code)] = static_cast<uint32_t>(attrs.size());
        attrs.push_back(attr);
    }
    ZoneAttr unknown;
    unknown.layer = li;
    unknown.kind = lc.kind;
    rz.unknown_attr = static_cast<uint32_t>(attrs.size());
    attrs.push_back(unknown);
    rz.legend = !lc.legend.empty();
    for (const auto& [rgb, code] : lc.legend) rz.attr_of_colour[rgb + 1] = rz.attr_of_code.at(canonical_code(code));
    rasters.push_back(std::move(rz));
}

void HazardSet::Impl::load_shelter_layer(const HazardConfig& cfg, uint32_t li, std::vector<Diagnostic>* warnings) {
    const LayerConfig& lc = cfg.layers[li];
    OpenedLayer o = open_layer(lc);
    const ShelterFields& sf = lc.shelter_fields;
    auto idx = [&](const std::string& field, const char* key) {
        if (field.empty()) return -1;
        auto at = lc.shelter_field_at.find(key);
        return require_field(lc, o.layer, field, at == lc.shelter_field_at.end() ? lc.at : at->second);
    };
    int i_id = idx(sf.id, "id_field"), i_name = idx(sf.name, "name_field"), i_addr = idx(sf.address, "address_field");
    int i_flood = idx(sf.flood, "flood_field"), i_land = idx(sf.landslide, "landslide_field");
    int i_quake = idx(sf.earthquake, "earthquake_field"), i_inland = idx(sf.inland_flood, "inland_flood_field");
    int i_welfare = idx(sf.welfare, "welfare_field"), i_power = idx(sf.power, "power_field");
    int i_indoor = idx(sf.indoor, "indoor_field");
    const ShelterType layer_type = lc.shelter_type;
    int i_x = idx(sf.x, "x_field"), i_y = idx(sf.y, "y_field");
    if ((i_x < 0) != (i_y < 0)) throw InputError(lc.at, "layer '" + lc.name + "': give both x_field and y_field");
    TransformPtr ct = make_transform(lc, o.layer);

    LayerWarnings warn(warnings, lc.at, lc.name);
    std::set<std::string> ids;
    size_t features = 0;
    QuietGdalErrors quiet;
    o.layer->ResetReading();
    while (OGRFeatureUniquePtr f = next_feature(lc, o.layer)) {
        ++features;
        std::string fid = "feature " + std::to_string(f->GetFID());
        Shelter s;
        auto text = [&](int i) { return i < 0 ? std::string() : trim_ascii(field_text(*f, i)); };
        auto flag = [&](int i) { return i >= 0 && truthy_flag(field_text(*f, i)); };
        s.id = text(i_id);
        s.name = text(i_name);
        s.address = text(i_addr);
        s.flood = flag(i_flood);
        s.landslide = flag(i_land);
        s.earthquake = flag(i_quake);
        s.inland_flood = flag(i_inland);
        s.welfare = flag(i_welfare) || layer_type == ShelterType::WelfareShelter;
        s.type = s.welfare ? ShelterType::WelfareShelter : layer_type;
        if (i_indoor >= 0) {
            std::string v = text(i_indoor);
            if (!v.empty()) s.indoor = truthy_flag(v);
        }
        if (i_power >= 0) {
            std::string v = text(i_power);
            if (!v.empty()) s.power = truthy_flag(v);
        }
        s.vertical = shelter_name_is_vertical(s.name);
        std::string label = fid + (s.id.empty() ? "" : " (" + s.id + ")");
        if (s.id.empty() && s.name.empty()) {
            // Nothing to print or to match a profile's shelter against: a
            // recommendation would read "the nearest shelter: (about 50 m)".
            warn.add("neither id nor name", label + ": neither id nor name, skipped");
            continue;
        }
        double x = 0, y = 0;
        if (i_x >= 0) {
            std::string xs = text(i_x), ys = text(i_y);
            char *ex = nullptr, *ey = nullptr;
            x = std::strtod(xs.c_str(), &ex);
            y = std::strtod(ys.c_str(), &ey);
            if (xs.empty() || ys.empty() || *ex || *ey) {
                warn.add("unreadable coordinates", label + ": coordinates '" + xs + "', '" + ys + "' unreadable, skipped");
                continue;
            }
        } else {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->IsEmpty()) {
                warn.add("no geometry", label + ": no location, skipped");
                continue;
            }
            if (wkbFlatten(g->getGeometryType()) == wkbPoint) {
                x = g->toPoint()->getX();
                y = g->toPoint()->getY();
            } else {
                OGRPoint c;
                if (g->Centroid(&c) != OGRERR_NONE) {
                    warn.add("no geometry", label + ": no usable location, skipped");
                    continue;
                }
                x = c.getX();
                y = c.getY();
            }
        }
        if (!std::isfinite(x) || !std::isfinite(y) || (ct && !ct->Transform(1, &x, &y))) {
            warn.add("bad coordinates", label + ": NaN or untransformable coordinates, skipped");
            continue;
        }
        s.location = {y, x};
        if (!inside_japan_extent(s.location)) {
            warn.add("locations outside Japan", label + ": location outside Japan (check crs / x and y fields), skipped");
            continue;
        }
        if (!s.id.empty() && !ids.insert(s.id).second) warn.add("duplicate ids", label + ": duplicate id");
        shelters.push_back(std::move(s));
        shelter_layer.push_back(li);
    }
    if (features == 0) warn.layer_note("no shelters");
}

// A base map only helps a family find their way: a source that cannot be
// opened (missing file or layer, bad label field or filter, no CRS) is a
// warning at its config line, and the maps are drawn without it.
void HazardSet::Impl::load_basemap_layer(const LayerConfig& lc, uint32_t li, std::vector<Diagnostic>* warnings) {
    has_basemap = true;
    try {
        basemaps.emplace_back(li, std::make_unique<BasemapLayer>(lc));
    } catch (const InputError& e) {
        if (warnings)
            warnings->push_back({e.where(), e.message() + "; the maps are drawn without this basemap layer",
                                 Severity::Warning});
    }
}

HazardSet HazardSet::load(const HazardConfig& config, std::vector<Diagnostic>* warnings) {
    ensure_gdal_registered();
    auto impl = std::make_unique<Impl>();
    impl->name = config.name;
    impl->uncertainty_town_m = config.uncertainty_town_m;
    impl->uncertainty_block_m = config.uncertainty_block_m;
    impl->verdict_scenario = config.verdict_scenario;
    std::set<FloodScenario> scenarios;  // of the flood depth layers
    // Areas first: layers are checked against the coverage as they load.
    Box area_extent;
    if (config.coverage) impl->coverage = load_area(*config.coverage, "coverage", &area_extent);
    if (config.municipality) impl->municipality = load_area(*config.municipality, "municipality", &area_extent);
    for (uint32_t li = 0; li < config.layers.size(); ++li) {
        const LayerConfig& lc = config.layers[li];
        impl->layers.push_back({lc.name, lc.scenario, lc.kind, lc.entry, lc.river});
        impl->attributions.push_back(lc.attribution);
        if (lc.kind == LayerKind::FloodDepth) scenarios.insert(lc.scenario);
        if (lc.kind == LayerKind::Basemap) {
            impl->load_basemap_layer(lc, li, warnings);
        } else if (lc.kind == LayerKind::Shelters) {
            impl->load_shelter_layer(config, li, warnings);
            warn_crs_ignored(lc, warnings);
        } else if (is_raster_source(lc)) {
            impl->load_raster_layer(config, li, warnings);
        } else {
            impl->load_zone_layer(config, li, warnings);
        }
        if (kind_info(lc.kind).flood_coverage) impl->has_flood_layer = true;
    }
    impl->compares_scenarios = scenarios.count(FloodScenario::Planned) && scenarios.count(FloodScenario::Maximum);
    if (config.verdict_scenario_at.line && !impl->compares_scenarios && warnings)
        warnings->push_back({config.verdict_scenario_at,
                             "verdict_scenario has no effect: the config does not load flood_depth layers of both "
                             "scenarios (planned and maximum)", Severity::Warning});
    impl->index.build();
    HazardSet set(std::move(impl));
    // Shelters get their own exposure so a ground-level site inside a zone is flagged.
    for (Shelter& s : set.impl_->shelters) s.exposure = set.expose(s.location);
    for (const Shelter& s : set.impl_->shelters) set.impl_->shelter_names.push_back(shelter_lookup_key(s.name));
    return set;
}

HazardSet HazardSet::load_file(const std::string& config_path, std::vector<Diagnostic>* warnings) {
    return load(load_hazard_config(config_path), warnings);
}

HazardSet::HazardSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HazardSet::HazardSet(HazardSet&&) noexcept = default;
HazardSet& HazardSet::operator=(HazardSet&&) noexcept = default;
HazardSet::~HazardSet() = default;

Exposure HazardSet::expose(const LatLon& p) const {
    Exposure e;
    e.covered_by_flood_data = impl_->has_flood_layer;
    if (!std::isfinite(p.lat) || !std::isfinite(p.lon)) return e;
    e.covered_by_flood_data = impl_->covered(p.lon, p.lat);
    if (impl_->municipality) {
        bool in = false;
        impl_->municipality->for_each_covering(p.lon, p.lat, [&](uint32_t) { in = true; });
        e.inside_municipality = in;
    }
    // Order-independent folding: ties go to the earlier layer, then the earlier polygon.
    DepthFold depths(impl_->layers);
    // Kinds with their own record: the worst known depth, else the first zone without one.
    std::array<const ZoneAttr*, kHazardKindCount> kind_best{};
    std::array<const ZoneAttr*, kHazardKindCount> kind_unknown{};
    const ZoneAttr* dur_best = nullptr;
    const ZoneAttr* collapse = nullptr;
    const ZoneAttr* slide = nullptr;
    uint64_t layer_bits = 0;
    std::vector<uint32_t> many_layers;  // only used beyond 64 layers
    const auto earlier = DepthFold::earlier;
    const auto deeper = DepthFold::deeper;
    auto consider = [&](const ZoneAttr& a) {
        if (a.layer < 64)
            layer_bits |= uint64_t{1} << a.layer;
        else
            many_layers.push_back(a.layer);
        if (kind_info(a.kind).own_exposure) {
            const size_t k = static_cast<size_t>(a.kind);
            const ZoneAttr*& slot = a.depth ? kind_best[k] : kind_unknown[k];
            if (a.depth ? deeper(a, slot) : earlier(&a, slot)) slot = &a;
            return;
        }
        switch (a.kind) {
            case LayerKind::FloodDepth:
                depths.add(a);
                break;
            case LayerKind::FloodDuration:
                if (!dur_best) {
                    dur_best = &a;
                } else if (a.duration && !dur_best->duration) {
                    dur_best = &a;
                } else if (a.duration && dur_best->duration) {
                    const DurationRange& d = *a.duration;
                    const DurationRange& b = *dur_best->duration;
                    if (d.min_h > b.min_h || (d.min_h == b.min_h && d.max_h > b.max_h) ||
                        (d == b && earlier(&a, dur_best)))
                        dur_best = &a;
                } else if (!a.duration && !dur_best->duration && earlier(&a, dur_best)) {
                    dur_best = &a;
                }
                break;
            case LayerKind::HouseCollapse:
                // A known type beats an unknown one; otherwise the earlier layer.
                if (!collapse || (collapse->type.empty() && !a.type.empty()) ||
                    (collapse->type.empty() == a.type.empty() && earlier(&a, collapse)))
                    collapse = &a;
                break;
            case LayerKind::Landslide:
                if (!slide || (slide->type.empty() && !a.type.empty()) ||
                    (slide->type.empty() == a.type.empty() && earlier(&a, slide)))
                    slide = &a;
                break;
            default:  // shelters; the own-exposure kinds were folded above
                break;
        }
    };
    impl_->index.for_each_covering(p.lon, p.lat, [&](uint32_t poly) { consider(impl_->attrs[impl_->index.tag(poly)]); });
    // Raster layers: the cell under the point (0 / nodata = outside).
    for (const auto& rz : impl_->rasters) {
        bool unreadable = false;
        std::optional<double> v = rz.raster->sample(p.lon, p.lat, &unreadable);
        if (unreadable) e.unreadable_layers.push_back(impl_->layers[rz.layer].name);
        if (!v) continue;
        consider(impl_->attrs[rz.attr_for(*v)]);
    }
    if (const ZoneAttr* depth = impl_->verdict_depth(depths)) {
        e.in_flood_zone = true;
        e.depth = depth->depth;
        e.depth_scenario = impl_->layers[depth->layer].scenario;
        e.depth_layer = impl_->layers[depth->layer].name;
        e.depth_river = impl_->river_of(*depth);
    }
    if (dur_best) {
        e.in_duration_zone = true;
        e.duration = dur_best->duration;
    }
    if (collapse) {
        e.in_house_collapse = true;
        e.house_collapse_type = collapse->type;
    }
    if (slide) {
        e.in_landslide = true;
        e.landslide_type = slide->type;
    }
    for (size_t k = 0; k < kHazardKindCount; ++k)
        if (const ZoneAttr* z = kind_best[k] ? kind_best[k] : kind_unknown[k]) e.kind_zones.push_back(impl_->kind_zone(*z));
    impl_->add_scenario_depths(depths, e);
    impl_->add_layers_hit(layer_bits, many_layers, e);
    return e;
}

const std::vector<Shelter>& HazardSet::shelters() const { return impl_->shelters; }

std::vector<std::string> HazardSet::shelter_attributions() const {
    std::vector<std::string> out;
    for (uint32_t li : std::set<uint32_t>(impl_->shelter_layer.begin(), impl_->shelter_layer.end())) {
        const std::string& a = impl_->attributions[li];
        if (!a.empty() && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
    return out;
}

const Shelter* HazardSet::find_shelter(const std::string& id_or_name) const {
    return sheetgen::find_shelter(impl_->shelters, id_or_name);
}

std::vector<MapPolygon> HazardSet::zone_polygons_lonlat(double tolerance_m) const {
    struct Item {
        int depth_order;
        uint32_t poly;
        MapPolygon mp;
    };
    std::vector<Item> items;
    QuietGdalErrors quiet;
    // Where the data applies: a zone beyond it decides nothing, and a 2012
    // Tokyo-wide layer under a Tama config was a fifth of the 10,000-household page.
    std::optional<Box> cov;
    if (impl_->coverage) {
        cov = kEmptyBox;
        for (size_t i = 0; i < impl_->coverage->size(); ++i) cov = merge_box(*cov, impl_->coverage->box(static_cast<uint32_t>(i)));
    }
    for (uint32_t poly = 0; poly < impl_->index.size(); ++poly) {
        if (cov && !impl_->index.box(poly).intersects(*cov)) continue;
        const ZoneAttr& a = impl_->attrs[impl_->index.tag(poly)];
        MapPolygon mp;
        mp.kind = zone_kind(a.kind);
        mp.layer_kind = a.kind;
        mp.depth = a.depth;
        mp.attribution = impl_->attributions[a.layer];
        // One ring set per polygon part (simplifying may split a polygon).
        std::vector<std::vector<std::vector<Pt>>> parts{impl_->index.rings(poly)};
        if (tolerance_m > 0 && !parts[0].empty()) {
            // One tolerance in degrees of latitude is good enough for a screen
            // map (in Japan a degree of longitude is 0.8 of one of latitude).
            const double tol_deg = tolerance_m / 111320.0;
            OGRPolygon g;
            for (const auto& r : parts[0]) {
                auto* ring = new OGRLinearRing();
                ring->setNumPoints(static_cast<int>(r.size()));
                for (size_t i = 0; i < r.size(); ++i) ring->setPoint(static_cast<int>(i), r[i].x, r[i].y);
                g.addRingDirectly(ring);
            }
            OGRGeometryUniquePtr simple(g.SimplifyPreserveTopology(tol_deg));
            std::vector<const OGRPolygon*> simple_parts;
            collect_polygons(simple.get(), simple_parts);
            if (!simple_parts.empty()) {
                parts.clear();
                for (const OGRPolygon* part : simple_parts) parts.push_back(polygon_rings(*part));
            }
        }
        for (const auto& part : parts) {
            if (part.empty() || part[0].size() < 4) continue;  // no outer ring left
            MapPolygon piece = mp;
            for (const auto& r : part) {
                MapRing mr;
                for (const Pt& p : r) mr.points.emplace_back(p.x, p.y);
                if (mr.points.size() < 4) continue;  // closed ring: at least a triangle
                if (mr.points.front() != mr.points.back()) mr.points.push_back(mr.points.front());
                piece.rings.push_back(std::move(mr));
            }
            if (piece.rings.empty()) continue;
            items.push_back({a.depth ? a.depth->gsi_class() : 0, poly, std::move(piece)});
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const Item& x, const Item& y) {
        if (x.mp.kind != y.mp.kind) return static_cast<int>(x.mp.kind) < static_cast<int>(y.mp.kind);
        if (x.depth_order != y.depth_order) return x.depth_order < y.depth_order;
        return x.poly < y.poly;
    });
    std::vector<MapPolygon> out;
    out.reserve(items.size());
    for (auto& it : items) out.push_back(std::move(it.mp));
    return out;
}

size_t HazardSet::zone_polygon_count() const { return impl_->index.size(); }
std::string HazardSet::name() const { return impl_->name; }
bool HazardSet::compares_scenarios() const { return impl_->compares_scenarios; }

RiskRadii HazardSet::uncertainty_radii(double town_default_m, double block_default_m) const {
    return {impl_->uncertainty_town_m.value_or(town_default_m), impl_->uncertainty_block_m.value_or(block_default_m)};
}

namespace {
// A clipped polygon's rings as closed map rings (degenerate rings dropped).
void add_rings(const OGRPolygon& part, MapPolygon& mp) {
    for (const auto* ring : part) {
        MapRing mr;
        for (int i = 0; i < ring->getNumPoints(); ++i) mr.points.emplace_back(ring->getX(i), ring->getY(i));
        if (mr.points.size() < 3) continue;
        if (mr.points.front() != mr.points.back()) mr.points.push_back(mr.points.front());
        mp.rings.push_back(std::move(mr));
    }
}

OGRPolygon rectangle(double minx, double miny, double maxx, double maxy) {
    OGRPolygon p;
    auto* ring = new OGRLinearRing();
    ring->addPoint(minx, miny);
    ring->addPoint(maxx, miny);
    ring->addPoint(maxx, maxy);
    ring->addPoint(minx, maxy);
    ring->addPoint(minx, miny);
    p.addRingDirectly(ring);
    return p;
}

// A map frame: a transverse Mercator centred on the frame (metres east and
// north of the centre), the frame in those metres, and its padded lon/lat
// envelope for the index queries.
struct LocalFrame {
    TransformPtr to_local, to_wgs;
    OGRPolygon frame;     // metres
    OGREnvelope frame_env;
    Box frame_ll;         // lon/lat, padded 2 %
    OGRPolygon ll_frame;  // frame_ll as a polygon
};

bool make_transforms(LocalFrame& f, const LatLon& centre) {
    OGRSpatialReference wgs = wgs84_lonlat();
    OGRSpatialReference local;
    char proj[256];
    std::snprintf(proj, sizeof proj, "+proj=tmerc +lat_0=%.10f +lon_0=%.10f +k=1 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs",
                  centre.lat, centre.lon);
    if (local.importFromProj4(proj) != OGRERR_NONE) return false;
    local.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    // Name the operation outright: letting PROJ search its database for a new
    // centre costs ~6-20 ms per call. GDAL hands it EPSG:4326 in CRS order (lat, lon).
    char pipeline[400];
    std::snprintf(pipeline, sizeof pipeline,
                  "+proj=pipeline +step +proj=axisswap +order=2,1 +step +proj=unitconvert +xy_in=deg +xy_out=rad "
                  "+step +proj=tmerc +lat_0=%.10f +lon_0=%.10f +k=1 +x_0=0 +y_0=0 +ellps=GRS80",
                  centre.lat, centre.lon);
    OGRCoordinateTransformationOptions fwd, inv;
    fwd.SetCoordinateOperation(pipeline, false);
    inv.SetCoordinateOperation(pipeline, true);
    f.to_local.reset(OGRCreateCoordinateTransformation(&wgs, &local, fwd));
    f.to_wgs.reset(OGRCreateCoordinateTransformation(&local, &wgs, inv));
    // Check the axis convention (a point north of the centre must get y > 0, x ~ 0); else let PROJ choose.
    double x = centre.lon, y = centre.lat + 0.001;
    if (!f.to_local || !f.to_wgs || !f.to_local->Transform(1, &x, &y) || !(std::fabs(x) < 1e-3 && y > 100 && y < 120)) {
        f.to_local.reset(OGRCreateCoordinateTransformation(&wgs, &local));
        f.to_wgs.reset(OGRCreateCoordinateTransformation(&local, &wgs));
    }
    return f.to_local && f.to_wgs;
}

std::unique_ptr<LocalFrame> make_local_frame(const LatLon& centre, double half_width_m, double half_height_m) {
    auto f = std::make_unique<LocalFrame>();
    if (!make_transforms(*f, centre)) return nullptr;
    // Lon/lat envelope of the frame from its corners and edge midpoints, padded.
    double xs[8] = {-half_width_m, 0, half_width_m, half_width_m, half_width_m, 0, -half_width_m, -half_width_m};
    double ys[8] = {-half_height_m, -half_height_m, -half_height_m, 0, half_height_m, half_height_m, half_height_m, 0};
    if (!f->to_wgs->Transform(8, xs, ys)) return nullptr;
    Box ll{*std::min_element(xs, xs + 8), *std::min_element(ys, ys + 8), *std::max_element(xs, xs + 8),
           *std::max_element(ys, ys + 8)};
    double padx = (ll.maxx - ll.minx) * 0.02, pady = (ll.maxy - ll.miny) * 0.02;
    f->frame_ll = {ll.minx - padx, ll.miny - pady, ll.maxx + padx, ll.maxy + pady};
    f->frame = rectangle(-half_width_m, -half_height_m, half_width_m, half_height_m);
    f->frame.getEnvelope(&f->frame_env);
    f->ll_frame = rectangle(f->frame_ll.minx, f->frame_ll.miny, f->frame_ll.maxx, f->frame_ll.maxy);
    return f;
}

// A zone to draw, with what orders it: kind, then shallow before deep
// (deeper drawn on top), then load order.
struct MapItem {
    int kind_order;
    int depth_order;
    uint32_t poly;
    MapPolygon mp;
};

// Simplified to the page's resolution, each polygon part as one map item.
void add_items(std::vector<MapItem>& items, OGRGeometryUniquePtr clipped, const ZoneAttr& a, uint32_t order,
               double resolution_m) {
    if (resolution_m > 0) {
        OGRGeometryUniquePtr simple(clipped->SimplifyPreserveTopology(resolution_m));
        if (simple && !simple->IsEmpty()) clipped = std::move(simple);
    }
    std::vector<const OGRPolygon*> parts;
    collect_polygons(clipped.get(), parts);
    for (const OGRPolygon* part : parts) {
        MapPolygon mp;
        mp.kind = zone_kind(a.kind);
        mp.layer_kind = a.kind;
        mp.depth = a.depth;
        add_rings(*part, mp);
        if (mp.rings.empty()) continue;
        items.push_back({static_cast<int>(mp.kind), a.depth ? a.depth->gsi_class() : 0, order, std::move(mp)});
    }
}

OGRPolygon ogr_polygon(const std::vector<std::vector<Pt>>& rings) {
    OGRPolygon g;
    for (const auto& r : rings) {
        auto* ring = new OGRLinearRing();
        ring->setNumPoints(static_cast<int>(r.size()));
        for (size_t i = 0; i < r.size(); ++i) ring->setPoint(static_cast<int>(i), r[i].x, r[i].y);
        g.addRingDirectly(ring);
    }
    return g;
}

// A zone in frame metres cut to the frame; null when nothing is inside. Kept
// whole where GEOS fails to cut it (the page's clip rectangle cuts it then).
OGRGeometryUniquePtr clip_to_frame(OGRGeometryUniquePtr work, const LocalFrame& f) {
    OGREnvelope env;
    work->getEnvelope(&env);
    const OGREnvelope& fe = f.frame_env;
    if (!env.Intersects(fe)) return nullptr;
    if (env.MinX >= fe.MinX && env.MaxX <= fe.MaxX && env.MinY >= fe.MinY && env.MaxY <= fe.MaxY) return work;
    OGRGeometryUniquePtr clipped(work->Intersection(&f.frame));
    if (!clipped) return work;
    if (clipped->IsEmpty()) return nullptr;
    return clipped;
}

// One indexed zone in the frame's metres, clipped to the frame; null when
// nothing of it is inside, or when it cannot be projected into the frame
// (then *unprojectable is set: the map must not be drawn without it). Big
// river polygons are first cut to the padded lon/lat frame, so only the part
// near the home is reprojected and clipped. Where GEOS fails to cut, the
// uncut zone is kept: the page's clip rectangle cuts it instead.
OGRGeometryUniquePtr clip_zone(const OGRPolygon& g, const Box& pb, const LocalFrame& f, bool* unprojectable) {
    OGRGeometryUniquePtr work;
    const Box& ll = f.frame_ll;
    OGRGeometryUniquePtr cut;
    if (!(pb.minx >= ll.minx && pb.maxx <= ll.maxx && pb.miny >= ll.miny && pb.maxy <= ll.maxy))
        cut.reset(g.Intersection(&f.ll_frame));
    if (!cut) {
        work.reset(g.clone());
    } else {
        std::vector<const OGRPolygon*> cut_parts;
        collect_polygons(cut.get(), cut_parts);
        if (cut_parts.empty()) return nullptr;
        if (cut_parts.size() == 1) {
            work.reset(cut_parts[0]->clone());
        } else {
            auto multi = std::make_unique<OGRMultiPolygon>();
            for (const OGRPolygon* cp : cut_parts) multi->addGeometry(cp);
            work.reset(multi.release());
        }
    }
    if (work->transform(f.to_local.get()) != OGRERR_NONE || !finite_geometry(*work)) {
        *unprojectable = true;
        return nullptr;
    }
    return clip_to_frame(std::move(work), f);
}

using Basemaps = std::vector<std::pair<uint32_t, std::unique_ptr<BasemapLayer>>>;

// The base map under the zones: every basemap layer's features in the frame,
// in the styles' drawing order (water first, stations last), each style in
// config order. What a layer fails to give is a warning, not a failure: the
// map is still right without it.
void extract_basemap(const Basemaps& basemaps, const LocalFrame& f, double resolution_m, MapExtract& out,
                     std::set<uint32_t>& used) {
    BasemapFrame bf;
    bf.to_local = f.to_local.get();
    bf.frame = &f.frame;
    bf.frame_env = f.frame_env;
    bf.frame_ll = f.frame_ll;
    bf.resolution_m = resolution_m;
    for (const auto& [li, layer] : basemaps) {
        const size_t before = out.basemap.size();
        layer->extract(bf, out.basemap, out.warnings);
        if (out.basemap.size() > before) used.insert(li);
    }
    std::stable_sort(out.basemap.begin(), out.basemap.end(), [](const MapFeature& a, const MapFeature& b) {
        return style_info(a.style).draw_order < style_info(b.style).draw_order;
    });
}
}  // namespace

MapExtract HazardSet::extract_map(const LatLon& centre, double half_width_m, double half_height_m,
                                  double resolution_m) const {
    MapExtract out;
    out.centre = centre;
    out.half_width_m = half_width_m;
    out.half_height_m = half_height_m;
    out.with_basemap = impl_->has_basemap;
    // A map without the zones it should show would tell a family they are
    // safe: whatever stops a zone or shelter from being placed fails the map.
    if (!std::isfinite(centre.lat) || !std::isfinite(centre.lon) || !(half_width_m > 0) || !(half_height_m > 0)) {
        out.failure = "the map's centre or size is not a finite number";
        return out;
    }
    // Everything GDAL-side is created per call: safe from concurrent worker threads.
    QuietGdalErrors quiet;
    const std::unique_ptr<LocalFrame> f = make_local_frame(centre, half_width_m, half_height_m);
    if (!f) {
        out.failure = "the map frame cannot be projected";
        return out;
    }
    std::set<uint32_t> used;  // config layers with data on this map (their attribution is printed)
    std::vector<MapItem> items;
    for (uint32_t poly : impl_->index.query_box(f->frame_ll)) {
        const ZoneAttr& a = impl_->attrs[impl_->index.tag(poly)];
        bool unprojectable = false;
        OGRGeometryUniquePtr clipped =
            clip_zone(ogr_polygon(impl_->index.rings(poly)), impl_->index.box(poly), *f, &unprojectable);
        if (unprojectable) {
            out.failure = "zone layer '" + impl_->layers[a.layer].name + "' cannot be projected into the map frame";
            return out;
        }
        if (!clipped) continue;
        const size_t before = items.size();
        add_items(items, std::move(clipped), a, poly, resolution_m);
        if (items.size() > before) used.insert(a.layer);
    }
    // Raster layers: the cells in the frame as polygons, after the vector zones in load order.
    uint32_t raster_order = static_cast<uint32_t>(impl_->index.size());
    for (const auto& rz : impl_->rasters) {
        std::string why;
        std::vector<RasterLayer::CellPolygon> cells = rz.raster->polygons_in(f->frame_ll, &why);
        if (!why.empty()) {
            out.failure = "zone layer '" + impl_->layers[rz.layer].name + "' cannot be read for the map: " + why;
            return out;
        }
        for (auto& cp : cells) {
            OGRGeometryUniquePtr work = std::move(cp.lonlat);
            if (work->transform(f->to_local.get()) != OGRERR_NONE || !finite_geometry(*work)) {
                out.failure = "zone layer '" + impl_->layers[rz.layer].name + "' cannot be projected into the map frame";
                return out;
            }
            OGRGeometryUniquePtr clipped(work->Intersection(&f->frame));
            if (!clipped) clipped = std::move(work);  // GEOS failed: the page's clip cuts it
            if (clipped->IsEmpty()) continue;
            const ZoneAttr& a = impl_->attrs[rz.attr_for(cp.value)];
            // Cells carry flood classes only (depth or duration).
            ZoneAttr as_flood = a;
            if (a.kind != LayerKind::FloodDuration) as_flood.kind = LayerKind::FloodDepth;
            const size_t before = items.size();
            add_items(items, std::move(clipped), as_flood, raster_order, resolution_m);
            raster_order += static_cast<uint32_t>(items.size() - before);
            if (items.size() > before) used.insert(rz.layer);
        }
    }
    std::stable_sort(items.begin(), items.end(), [](const MapItem& x, const MapItem& y) {
        if (x.kind_order != y.kind_order) return x.kind_order < y.kind_order;
        if (x.depth_order != y.depth_order) return x.depth_order < y.depth_order;
        return x.poly < y.poly;
    });
    for (auto& it : items) out.polygons.push_back(std::move(it.mp));
    for (size_t i = 0; i < impl_->shelters.size(); ++i) {
        const Shelter& s = impl_->shelters[i];
        if (!f->frame_ll.contains(s.location.lon, s.location.lat)) continue;
        double x = s.location.lon, y = s.location.lat;
        if (!f->to_local->Transform(1, &x, &y) || !std::isfinite(x) || !std::isfinite(y)) {
            out.failure = "shelter layer '" + impl_->layers[impl_->shelter_layer[i]].name +
                          "' cannot be projected into the map frame";
            return out;
        }
        if (std::fabs(x) <= half_width_m && std::fabs(y) <= half_height_m) {
            out.shelters.push_back({&s, x, y});
            used.insert(impl_->shelter_layer[i]);
        }
    }
    extract_basemap(impl_->basemaps, *f, resolution_m, out, used);
    for (uint32_t li : used) {
        const std::string& a = impl_->attributions[li];
        if (!a.empty() && std::find(out.attributions.begin(), out.attributions.end(), a) == out.attributions.end())
            out.attributions.push_back(a);
    }
    return out;
}


HazardSet::BasemapReads HazardSet::basemap_reads() const {
    BasemapReads r;
    for (const auto& [li, layer] : impl_->basemaps) {
        const BasemapLayer::Stats s = layer->stats();
        r.tile_reads += s.tile_reads;
        r.features_read += s.features_read;
    }
    return r;
}

}  // namespace sheetgen
