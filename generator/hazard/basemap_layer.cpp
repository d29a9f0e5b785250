#include "hazard/basemap_layer.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "hazard/layer_reading.hpp"

namespace sheetgen::hazard_detail {

namespace {

using Part = std::vector<std::pair<double, double>>;

// Points, lines and polygons of any geometry (collections opened).
struct Parts {
    std::vector<const OGRPoint*> points;
    std::vector<const OGRSimpleCurve*> lines;
    std::vector<const OGRPolygon*> polygons;
};

void collect(const OGRGeometry* g, Parts& out) {
    if (!g || g->IsEmpty()) return;
    const OGRwkbGeometryType t = wkbFlatten(g->getGeometryType());
    if (t == wkbPoint) out.points.push_back(g->toPoint());
    else if (t == wkbLineString || t == wkbLinearRing) out.lines.push_back(g->toSimpleCurve());
    else if (t == wkbPolygon) out.polygons.push_back(g->toPolygon());
    else if (OGR_GT_IsSubClassOf(t, wkbGeometryCollection))
        for (const auto* sub : *g->toGeometryCollection()) collect(sub, out);
}

Part points_of(const OGRSimpleCurve& c) {
    Part p;
    p.reserve(static_cast<size_t>(c.getNumPoints()));
    for (int i = 0; i < c.getNumPoints(); ++i) p.emplace_back(c.getX(i), c.getY(i));
    return p;
}

// The part of `g` (frame metres) inside the frame; null when none. When GEOS
// fails, the whole geometry: the page's clip rectangle cuts it instead, and
// nothing that is there goes missing.
OGRGeometryUniquePtr clip_to_frame(const OGRGeometry& g, const BasemapFrame& f) {
    OGREnvelope env;
    g.getEnvelope(&env);
    const OGREnvelope& fe = f.frame_env;
    if (!env.Intersects(fe)) return nullptr;
    if (env.MinX >= fe.MinX && env.MaxX <= fe.MaxX && env.MinY >= fe.MinY && env.MaxY <= fe.MaxY)
        return OGRGeometryUniquePtr(g.clone());
    OGRGeometryUniquePtr c(g.Intersection(f.frame));
    if (!c) return OGRGeometryUniquePtr(g.clone());
    if (c->IsEmpty()) return nullptr;
    return c;
}

// Half-way along a polyline: where a line's name is written.
std::pair<double, double> halfway(const Part& line) {
    double total = 0;
    for (size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].first - line[i - 1].first, line[i].second - line[i - 1].second);
    double left = total / 2;
    for (size_t i = 1; i < line.size(); ++i) {
        const double d = std::hypot(line[i].first - line[i - 1].first, line[i].second - line[i - 1].second);
        if (d >= left && d > 0) {
            const double t = left / d;
            return {line[i - 1].first + t * (line[i].first - line[i - 1].first),
                    line[i - 1].second + t * (line[i].second - line[i - 1].second)};
        }
        left -= d;
    }
    return line.front();
}

double length(const Part& line) {
    double total = 0;
    for (size_t i = 1; i < line.size(); ++i)
        total += std::hypot(line[i].first - line[i - 1].first, line[i].second - line[i - 1].second);
    return total;
}

// A point inside an area (its label's place); nullopt when GEOS gives none.
std::optional<std::pair<double, double>> point_on_surface(const OGRGeometry& g) {
    OGRGeometryH p = OGR_G_PointOnSurface(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(&g)));
    if (!p) return std::nullopt;
    OGRGeometryUniquePtr owned(OGRGeometry::FromHandle(p));
    if (owned->IsEmpty() || wkbFlatten(owned->getGeometryType()) != wkbPoint) return std::nullopt;
    return std::make_pair(owned->toPoint()->getX(), owned->toPoint()->getY());
}

// Lines clipped to the frame and simplified to the page's resolution, as one
// feature; its label half-way along the longest piece.
void add_lines(OGRMultiLineString& lines, const BasemapFrame& f, MapFeature proto, std::vector<MapFeature>& out) {
    OGRGeometryUniquePtr clipped = clip_to_frame(lines, f);
    if (!clipped) return;
    if (f.resolution_m > 0) {
        OGRGeometryUniquePtr simple(clipped->Simplify(f.resolution_m));
        if (simple && !simple->IsEmpty()) clipped = std::move(simple);
    }
    Parts parts;
    collect(clipped.get(), parts);
    double longest = -1;
    for (const OGRSimpleCurve* c : parts.lines) {
        Part p = points_of(*c);
        if (p.size() < 2) continue;
        const double len = length(p);
        if (!proto.label.empty() && len > longest) {
            longest = len;
            proto.label_at = halfway(p);
        }
        proto.parts.push_back(std::move(p));
    }
    if (proto.parts.empty()) return;
    proto.shape = MapFeature::Shape::Line;
    out.push_back(std::move(proto));
}

// Areas: filled (water) as clipped rings; otherwise drawn as their outlines
// (a boundary), so the frame's edge is never drawn as one. The label sits on
// the part of the area inside the frame.
void add_areas(const std::vector<const OGRPolygon*>& polygons, const BasemapFrame& f, const BasemapStyleInfo& st,
               const MapFeature& proto, std::vector<MapFeature>& out) {
    OGRMultiPolygon areas;
    for (const OGRPolygon* p : polygons) areas.addGeometry(p);
    OGRGeometryUniquePtr inside = clip_to_frame(areas, f);
    if (!inside) return;
    MapFeature feature = proto;
    if (!feature.label.empty()) feature.label_at = point_on_surface(*inside);
    if (st.fill) {
        if (f.resolution_m > 0) {
            OGRGeometryUniquePtr simple(inside->SimplifyPreserveTopology(f.resolution_m));
            if (simple && !simple->IsEmpty()) inside = std::move(simple);
        }
        Parts parts;
        collect(inside.get(), parts);
        for (const OGRPolygon* p : parts.polygons)
            for (const auto* ring : *p) {
                Part r = points_of(*ring);
                if (r.size() >= 4) feature.parts.push_back(std::move(r));
            }
        feature.shape = MapFeature::Shape::Area;
        if (!feature.parts.empty() || feature.label_at) out.push_back(std::move(feature));
        return;
    }
    if (st.width > 0) {
        OGRMultiLineString outlines;  // the rings as open lines
        for (const OGRPolygon* p : polygons)
            for (const auto* ring : *p) {
                OGRLineString ls;
                ls.addSubLineString(ring);
                outlines.addGeometry(&ls);
            }
        const size_t before = out.size();
        MapFeature lines = proto;
        lines.label.clear();  // the label goes on the area, below
        add_lines(outlines, f, lines, out);
        if (out.size() > before && feature.label_at) {
            out.back().label = feature.label;
            out.back().label_at = feature.label_at;
            return;
        }
    }
    if (feature.label_at) {  // label only (town names): no geometry drawn
        feature.shape = MapFeature::Shape::Point;
        feature.parts = {Part{*feature.label_at}};
        out.push_back(std::move(feature));
    }
}

}  // namespace

BasemapLayer::BasemapLayer(const LayerConfig& lc) : name_(lc.name), style_(lc.style), lc_(lc) {
    OpenedLayer o = open_layer(lc);
    ds_ = std::move(o.ds);
    layer_ = o.layer;
    if (!lc.label_field.empty()) label_idx_ = require_field(lc, layer_, lc.label_field, lc.label_at);
    to_wgs_ = make_transform(lc, layer_);
    if (to_wgs_) {
        to_src_.reset(to_wgs_->GetInverse());
        if (!to_src_)
            throw InputError(lc.crs_at.line ? lc.crs_at : lc.at,
                             "layer '" + lc.name + "': cannot transform WGS84 into the source's CRS");
    }
    // GDAL's OSM driver parses the whole file for each pass and, read one
    // layer at a time, would pile up the features of the other layers.
    if (EQUAL(ds_->GetDriverName(), "OSM")) {
        QuietGdalErrors quiet;
        const std::string sql = std::string("SET interest_layers = ") + layer_->GetName();
        if (OGRLayer* r = ds_->ExecuteSQL(sql.c_str(), nullptr, nullptr)) ds_->ReleaseResultSet(r);
    }
}

BasemapLayer::Stats BasemapLayer::stats() const {
    std::lock_guard<std::mutex> lock(mu_);
    return stats_;
}

// The tile's box in the source's CRS (its edges densified); no filter when
// the box cannot be transformed: then every feature is read and the frame
// test below keeps the right ones.
void BasemapLayer::set_filter(const TileKey& key) const {
    const double x0 = key.first * kTileDeg, y0 = key.second * kTileDeg;
    const double x1 = x0 + kTileDeg, y1 = y0 + kTileDeg;
    if (!to_src_) {
        layer_->SetSpatialFilterRect(x0, y0, x1, y1);
        return;
    }
    constexpr int kSteps = 8;
    std::vector<double> xs, ys;
    for (int i = 0; i < kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        xs.insert(xs.end(), {x0 + t * (x1 - x0), x1, x1 - t * (x1 - x0), x0});
        ys.insert(ys.end(), {y0, y0 + t * (y1 - y0), y1, y1 - t * (y1 - y0)});
    }
    std::vector<int> ok(xs.size());
    if (!to_src_->Transform(static_cast<int>(xs.size()), xs.data(), ys.data(), nullptr, ok.data()) ||
        std::find(ok.begin(), ok.end(), 0) != ok.end()) {
        layer_->SetSpatialFilter(nullptr);
        return;
    }
    layer_->SetSpatialFilterRect(*std::min_element(xs.begin(), xs.end()), *std::min_element(ys.begin(), ys.end()),
                                 *std::max_element(xs.begin(), xs.end()), *std::max_element(ys.begin(), ys.end()));
}

std::shared_ptr<BasemapLayer::Tile> BasemapLayer::read_tile(const TileKey& key) const {
    auto t = std::make_shared<Tile>();
    ++stats_.tile_reads;
    QuietGdalErrors quiet;
    set_filter(key);
    layer_->ResetReading();
    for (;;) {
        CPLErrorReset();
        OGRFeatureUniquePtr f(layer_->GetNextFeature());
        // A driver may skip what it fails to read and go on: any failure
        // during the pass means features may be missing.
        if (CPLGetLastErrorType() == CE_Failure && t->failure.empty()) t->failure = QuietGdalErrors::last_error();
        if (!f) break;
        ++stats_.features_read;
        const OGRGeometry* g0 = f->GetGeometryRef();
        if (!g0 || g0->IsEmpty()) continue;
        OGRGeometryUniquePtr g(OGR_GT_IsNonLinear(g0->getGeometryType()) ? g0->getLinearGeometry() : g0->clone());
        if (!g) continue;
        g->flattenTo2D();
        if (!finite_geometry(*g) || (to_wgs_ && g->transform(to_wgs_.get()) != OGRERR_NONE) || !finite_geometry(*g)) {
            ++t->unprojectable;
            continue;
        }
        CachedFeature cf;
        cf.fid = f->GetFID();
        if (label_idx_ >= 0) {
            cf.label = field_text(*f, label_idx_);
            const size_t b = cf.label.find_first_not_of(" \t\r\n");
            cf.label = b == std::string::npos ? "" : cf.label.substr(b, cf.label.find_last_not_of(" \t\r\n") - b + 1);
        }
        g->getEnvelope(&cf.env);
        t->points += g->WkbSize() / 16 + 1;
        cf.geom = std::move(g);
        t->features.push_back(std::move(cf));
    }
    layer_->SetSpatialFilter(nullptr);
    return t;
}

std::shared_ptr<const BasemapLayer::Tile> BasemapLayer::tile(const TileKey& key) const {
    auto hit = cache_.find(key);
    if (hit != cache_.end()) {
        lru_.splice(lru_.begin(), lru_, hit->second);  // most recently used first
        return hit->second->second;
    }
    std::shared_ptr<const Tile> t = read_tile(key);
    if (!t->failure.empty()) return t;  // not kept: the next map tries again
    cached_points_ += t->points;
    lru_.emplace_front(key, t);
    cache_[key] = lru_.begin();
    // Drop the least recently used tiles over the budget (never the new one).
    while (cached_points_ > kCachePoints && lru_.size() > 1) {
        cached_points_ -= lru_.back().second->points;
        cache_.erase(lru_.back().first);
        lru_.pop_back();
    }
    return t;
}

void BasemapLayer::extract(const BasemapFrame& f, std::vector<MapFeature>& out,
                           std::vector<std::string>& problems) const {
    const Box& ll = f.frame_ll;
    const int tx0 = static_cast<int>(std::floor(ll.minx / kTileDeg)), tx1 = static_cast<int>(std::floor(ll.maxx / kTileDeg));
    const int ty0 = static_cast<int>(std::floor(ll.miny / kTileDeg)), ty1 = static_cast<int>(std::floor(ll.maxy / kTileDeg));
    if (!(ll.minx <= ll.maxx && ll.miny <= ll.maxy) || int64_t{tx1 - tx0 + 1} * (ty1 - ty0 + 1) > 16) {
        problems.push_back("basemap layer '" + name_ + "': the map frame is too large to read the base map for");
        return;
    }
    std::vector<std::shared_ptr<const Tile>> tiles;
    {
        std::lock_guard<std::mutex> lock(mu_);
        for (int ty = ty0; ty <= ty1; ++ty)
            for (int tx = tx0; tx <= tx1; ++tx) tiles.push_back(tile({tx, ty}));
    }
    // Each feature once (one crossing tiles was read with each of them), in
    // an order that does not depend on which tiles were cached.
    auto key = [](const CachedFeature* c) {
        return std::make_tuple(c->fid, c->env.MinX, c->env.MinY, c->env.MaxX, c->env.MaxY, std::cref(c->label));
    };
    std::vector<const CachedFeature*> found;
    size_t unprojectable = 0;
    std::string failure;
    for (const auto& t : tiles) {
        unprojectable += t->unprojectable;
        if (!t->failure.empty()) failure = t->failure;
        for (const CachedFeature& c : t->features)
            if (c.env.MaxX >= ll.minx && c.env.MinX <= ll.maxx && c.env.MaxY >= ll.miny && c.env.MinY <= ll.maxy)
                found.push_back(&c);
    }
    std::sort(found.begin(), found.end(), [&](const CachedFeature* a, const CachedFeature* b) { return key(a) < key(b); });
    found.erase(std::unique(found.begin(), found.end(),
                            [&](const CachedFeature* a, const CachedFeature* b) { return key(a) == key(b); }),
                found.end());
    const BasemapStyleInfo& st = style_info(style_);
    size_t unplaced = 0;
    QuietGdalErrors quiet;
    for (const CachedFeature* c : found) {
        OGRGeometryUniquePtr g(c->geom->clone());
        if (g->transform(f.to_local) != OGRERR_NONE) {
            ++unplaced;
            continue;
        }
        MapFeature proto;
        proto.style = style_;
        proto.label = c->label;
        Parts parts;
        collect(g.get(), parts);
        for (const OGRPoint* p : parts.points) {
            const double x = p->getX(), y = p->getY();
            if (x < f.frame_env.MinX || x > f.frame_env.MaxX || y < f.frame_env.MinY || y > f.frame_env.MaxY) continue;
            MapFeature m = proto;
            m.shape = MapFeature::Shape::Point;
            m.parts = {Part{{x, y}}};
            if (!m.label.empty()) m.label_at = std::make_pair(x, y);
            out.push_back(std::move(m));
        }
        if (!parts.lines.empty()) {
            OGRMultiLineString lines;
            for (const OGRSimpleCurve* l : parts.lines) {
                OGRLineString ls;
                ls.addSubLineString(static_cast<const OGRLineString*>(l));  // linear: a line string or ring
                lines.addGeometry(&ls);
            }
            add_lines(lines, f, proto, out);
        }
        if (!parts.polygons.empty()) add_areas(parts.polygons, f, st, proto, out);
    }
    if (!failure.empty())
        problems.push_back("basemap layer '" + name_ + "' could not be read around this map (" + failure +
                           "); the map is drawn without part of it");
    if (unprojectable + unplaced > 0)
        problems.push_back("basemap layer '" + name_ + "': " + std::to_string(unprojectable + unplaced) +
                           " features near this map could not be projected; the map is drawn without them");
}

}  // namespace sheetgen::hazard_detail
