#include "hazard/zone_index.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sheetgen::hazard_detail {

namespace {

constexpr uint32_t kNodeCapacity = 16;

struct Entry {
    Box box;
    uint32_t id;
};

Box merge(const Box& a, const Box& b) {
    return {std::min(a.minx, b.minx), std::min(a.miny, b.miny), std::max(a.maxx, b.maxx), std::max(a.maxy, b.maxy)};
}

// Sort-Tile-Recursive ordering: vertical slices by x centre, then y within each slice.
void str_sort(std::vector<Entry>& e) {
    auto cx = [](const Entry& a) { return a.box.minx + a.box.maxx; };
    auto cy = [](const Entry& a) { return a.box.miny + a.box.maxy; };
    // Ties broken by id so the tree (and thus visit order) is deterministic.
    std::sort(e.begin(), e.end(), [&](const Entry& a, const Entry& b) {
        return cx(a) != cx(b) ? cx(a) < cx(b) : a.id < b.id;
    });
    size_t leaves = (e.size() + kNodeCapacity - 1) / kNodeCapacity;
    size_t slices = static_cast<size_t>(std::ceil(std::sqrt(static_cast<double>(leaves))));
    size_t per_slice = slices * kNodeCapacity;
    for (size_t s = 0; s < e.size(); s += per_slice) {
        auto end = e.begin() + static_cast<long>(std::min(e.size(), s + per_slice));
        std::sort(e.begin() + static_cast<long>(s), end, [&](const Entry& a, const Entry& b) {
            return cy(a) != cy(b) ? cy(a) < cy(b) : a.id < b.id;
        });
    }
}

constexpr uint32_t kBandMinEdges = 32;  // shorter rings are scanned whole
constexpr uint32_t kEdgesPerBand = 4;
constexpr uint32_t kMaxBands = 4096;

// Boundary (within kEdgeTolerance) test plus crossing-number step for one edge.
// Returns true when the point lies on the edge.
inline bool edge_step(const Pt& a, const Pt& b, double x, double y, bool& inside) {
    // The boundary check runs only for edges whose padded envelope holds the point: rare and cheap.
    if (x >= std::min(a.x, b.x) - kEdgeTolerance && x <= std::max(a.x, b.x) + kEdgeTolerance &&
        y >= std::min(a.y, b.y) - kEdgeTolerance && y <= std::max(a.y, b.y) + kEdgeTolerance) {
        double dx = b.x - a.x, dy = b.y - a.y;
        double len = std::hypot(dx, dy);
        double cross = dx * (y - a.y) - dy * (x - a.x);
        if (len == 0 ? std::hypot(x - a.x, y - a.y) <= kEdgeTolerance : std::fabs(cross) <= kEdgeTolerance * len)
            return true;
    }
    // Crossing-number test with the half-open rule on y.
    if ((a.y > y) != (b.y > y)) {
        double xi = a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
        if (x < xi) inside = !inside;
    }
    return false;
}

}  // namespace

uint32_t ZoneIndex::add(const std::vector<std::vector<Pt>>& rings, uint32_t tag) {
    Poly poly;
    poly.tag = tag;
    poly.ring_begin = static_cast<uint32_t>(rings_.size());
    double inf = std::numeric_limits<double>::infinity();
    poly.box = {inf, inf, -inf, -inf};
    for (const auto& r : rings) {
        if (r.size() < 3) continue;
        uint32_t b = static_cast<uint32_t>(pts_.size());
        for (const Pt& q : r) {
            pts_.push_back(q);
            poly.box = merge(poly.box, {q.x, q.y, q.x, q.y});
        }
        if (r.front().x != r.back().x || r.front().y != r.back().y) pts_.push_back(r.front());
        Ring ring;
        ring.begin = b;
        ring.end = static_cast<uint32_t>(pts_.size());
        make_bands(ring);
        rings_.push_back(ring);
    }
    poly.ring_end = static_cast<uint32_t>(rings_.size());
    polys_.push_back(poly);
    return static_cast<uint32_t>(polys_.size() - 1);
}

void ZoneIndex::build() {
    nodes_.clear();
    items_.clear();
    if (polys_.empty()) return;
    std::vector<Entry> level;
    level.reserve(polys_.size());
    for (uint32_t i = 0; i < polys_.size(); ++i) level.push_back({polys_[i].box, i});
    str_sort(level);
    for (const Entry& e : level) items_.push_back(e.id);
    // Leaves over items_.
    std::vector<Node> current;
    for (size_t i = 0; i < level.size(); i += kNodeCapacity) {
        Node n;
        n.leaf = true;
        n.first = static_cast<uint32_t>(i);
        n.count = static_cast<uint32_t>(std::min<size_t>(kNodeCapacity, level.size() - i));
        n.box = level[i].box;
        for (uint32_t k = 1; k < n.count; ++k) n.box = merge(n.box, level[i + k].box);
        current.push_back(n);
    }
    // Inner levels: each level is stored contiguously so a parent names a range.
    while (current.size() > 1) {
        std::vector<Entry> ents;
        for (uint32_t i = 0; i < current.size(); ++i) ents.push_back({current[i].box, i});
        str_sort(ents);
        uint32_t base = static_cast<uint32_t>(nodes_.size());
        for (const Entry& e : ents) nodes_.push_back(current[e.id]);
        std::vector<Node> parents;
        for (size_t i = 0; i < ents.size(); i += kNodeCapacity) {
            Node n;
            n.first = base + static_cast<uint32_t>(i);
            n.count = static_cast<uint32_t>(std::min<size_t>(kNodeCapacity, ents.size() - i));
            n.box = ents[i].box;
            for (uint32_t k = 1; k < n.count; ++k) n.box = merge(n.box, ents[i + k].box);
            parents.push_back(n);
        }
        current.swap(parents);
    }
    nodes_.push_back(current.front());
    root_ = static_cast<uint32_t>(nodes_.size() - 1);
}

std::vector<std::vector<Pt>> ZoneIndex::rings(uint32_t poly) const {
    std::vector<std::vector<Pt>> out;
    const Poly& p = polys_[poly];
    for (uint32_t r = p.ring_begin; r < p.ring_end; ++r)
        out.emplace_back(pts_.begin() + rings_[r].begin, pts_.begin() + rings_[r].end);
    return out;
}

bool ZoneIndex::covers(uint32_t poly, double x, double y) const {
    const Poly& p = polys_[poly];
    if (p.ring_begin == p.ring_end) return false;
    auto ring_loc = [&](uint32_t r) { return locate(rings_[r], x, y); };
    if (ring_loc(p.ring_begin) < 0) return false;
    // On a hole's edge is still the polygon's boundary: only strictly inside a hole is out.
    for (uint32_t r = p.ring_begin + 1; r < p.ring_end; ++r)
        if (ring_loc(r) > 0) return false;
    return true;
}

void ZoneIndex::make_bands(Ring& r) {
    uint32_t edges = r.end - r.begin - 1;
    if (edges < kBandMinEdges) return;
    double y0 = pts_[r.begin].y, y1 = y0;
    for (uint32_t i = r.begin; i < r.end; ++i) y0 = std::min(y0, pts_[i].y), y1 = std::max(y1, pts_[i].y);
    if (!(y1 > y0)) return;
    r.nbands = std::min(kMaxBands, edges / kEdgesPerBand);
    r.y0 = y0;
    r.band_h = (y1 - y0) / r.nbands;
    auto band_of = [&](double y) {
        double b = std::floor((y - r.y0) / r.band_h);
        return static_cast<uint32_t>(std::clamp(b, 0.0, static_cast<double>(r.nbands - 1)));
    };
    // Counting pass, then fill: edges padded by the tolerance so boundary hits are found too.
    std::vector<uint32_t> counts(r.nbands + 1, 0);
    for (uint32_t i = r.begin; i + 1 < r.end; ++i) {
        double lo = std::min(pts_[i].y, pts_[i + 1].y) - kEdgeTolerance, hi = std::max(pts_[i].y, pts_[i + 1].y) + kEdgeTolerance;
        for (uint32_t b = band_of(lo); b <= band_of(hi); ++b) ++counts[b];
    }
    r.band_first = static_cast<uint32_t>(band_offsets_.size());
    uint32_t start = static_cast<uint32_t>(band_edges_.size());
    for (uint32_t b = 0; b < r.nbands; ++b) {
        band_offsets_.push_back(start);
        start += counts[b];
    }
    band_offsets_.push_back(start);
    band_edges_.resize(start);
    std::vector<uint32_t> fill(band_offsets_.begin() + r.band_first, band_offsets_.end() - 1);
    for (uint32_t i = r.begin; i + 1 < r.end; ++i) {
        double lo = std::min(pts_[i].y, pts_[i + 1].y) - kEdgeTolerance, hi = std::max(pts_[i].y, pts_[i + 1].y) + kEdgeTolerance;
        for (uint32_t b = band_of(lo); b <= band_of(hi); ++b) band_edges_[fill[b]++] = i;
    }
}

// 1 inside, 0 on the boundary, -1 outside.
int ZoneIndex::locate(const Ring& r, double x, double y) const {
    bool inside = false;
    if (r.nbands == 0) {
        for (uint32_t i = r.begin; i + 1 < r.end; ++i)
            if (edge_step(pts_[i], pts_[i + 1], x, y, inside)) return 0;
        return inside ? 1 : -1;
    }
    if (y < r.y0 - kEdgeTolerance || y > r.y0 + r.band_h * r.nbands + kEdgeTolerance) return -1;
    // Same expression as when the bands were filled, so an edge spanning y is in y's band.
    double fb = std::floor((y - r.y0) / r.band_h);
    uint32_t b = static_cast<uint32_t>(std::clamp(fb, 0.0, static_cast<double>(r.nbands - 1)));
    // Every edge spanning y (or within tolerance of the point) is listed in this band.
    for (uint32_t k = band_offsets_[r.band_first + b]; k < band_offsets_[r.band_first + b + 1]; ++k) {
        uint32_t i = band_edges_[k];
        if (edge_step(pts_[i], pts_[i + 1], x, y, inside)) return 0;
    }
    return inside ? 1 : -1;
}

void ZoneIndex::visit_box(uint32_t n, const Box& b, std::vector<uint32_t>& out) const {
    const Node& node = nodes_[n];
    if (!node.box.intersects(b)) return;
    if (node.leaf) {
        for (uint32_t i = node.first; i < node.first + node.count; ++i)
            if (polys_[items_[i]].box.intersects(b)) out.push_back(items_[i]);
    } else {
        for (uint32_t c = node.first; c < node.first + node.count; ++c) visit_box(c, b, out);
    }
}

std::vector<uint32_t> ZoneIndex::query_box(const Box& b) const {
    std::vector<uint32_t> out;
    if (!nodes_.empty()) visit_box(root_, b, out);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace sheetgen::hazard_detail
