#pragma once
// Zone polygons in lon/lat with a packed STR R-tree over their envelopes and
// a point-in-polygon test on the ring coordinates. Immutable after build(),
// so any number of threads may query it at once (no GEOS handles involved).
#include <cstddef>
#include <cstdint>
#include <vector>

namespace sheetgen::hazard_detail {

struct Pt {
    double x = 0;  // lon
    double y = 0;  // lat
};

struct Box {
    double minx = 0, miny = 0, maxx = 0, maxy = 0;
    bool contains(double x, double y) const { return x >= minx && x <= maxx && y >= miny && y <= maxy; }
    // contains() with the box grown by `pad` on every side.
    bool near(double x, double y, double pad) const {
        return x >= minx - pad && x <= maxx + pad && y >= miny - pad && y <= maxy + pad;
    }
    bool intersects(const Box& o) const { return minx <= o.maxx && o.minx <= maxx && miny <= o.maxy && o.miny <= maxy; }
};

// Points closer than this to a ring edge count as on the boundary, hence
// inside (Covers semantics). 1e-9 degrees is about 0.1 mm.
inline constexpr double kEdgeTolerance = 1e-9;

class ZoneIndex {
public:
    // Adds one polygon (first ring outer, then holes; rings closed or not).
    // `tag` is the caller's id for the polygon. Returns the polygon number.
    uint32_t add(const std::vector<std::vector<Pt>>& rings, uint32_t tag);
    void build();

    size_t size() const { return polys_.size(); }
    uint32_t tag(uint32_t poly) const { return polys_[poly].tag; }
    const Box& box(uint32_t poly) const { return polys_[poly].box; }
    // Rings of a polygon as closed point lists.
    std::vector<std::vector<Pt>> rings(uint32_t poly) const;

    // Calls f(poly) for every polygon covering (x, y) (inside or on boundary).
    template <class F>
    void for_each_covering(double x, double y, F&& f) const {
        if (nodes_.empty()) return;
        visit_point(root_, x, y, f);
    }
    // Polygon numbers whose envelope intersects `b`, ascending.
    std::vector<uint32_t> query_box(const Box& b) const;
    bool covers(uint32_t poly, double x, double y) const;

private:
    struct Poly {
        Box box;
        uint32_t ring_begin = 0, ring_end = 0;  // into rings_
        uint32_t tag = 0;
    };
    struct Node {
        Box box;
        uint32_t first = 0, count = 0;  // children: nodes_ (inner) or items_ (leaf)
        bool leaf = false;
    };
    template <class F>
    void visit_point(uint32_t n, double x, double y, F& f) const {
        const Node& node = nodes_[n];
        // Envelopes grown by the edge tolerance: a point just outside an
        // axis-parallel edge is on the boundary, so it must reach covers().
        if (!node.box.near(x, y, kEdgeTolerance)) return;
        if (node.leaf) {
            for (uint32_t i = node.first; i < node.first + node.count; ++i) {
                uint32_t p = items_[i];
                if (polys_[p].box.near(x, y, kEdgeTolerance) && covers(p, x, y)) f(p);
            }
        } else {
            for (uint32_t c = node.first; c < node.first + node.count; ++c) visit_point(c, x, y, f);
        }
    }
    void visit_box(uint32_t n, const Box& b, std::vector<uint32_t>& out) const;

    // Long rings get horizontal bands listing the edges that reach into each,
    // so a point test looks at a handful of edges instead of thousands.
    struct Ring {
        uint32_t begin = 0, end = 0;  // [begin, end) into pts_, closed
        uint32_t band_first = 0;      // into band_offsets_ (nbands + 1 entries)
        uint32_t nbands = 0;          // 0 = no bands: scan every edge
        double y0 = 0, band_h = 0;
    };
    int locate(const Ring& r, double x, double y) const;
    void make_bands(Ring& r);

    std::vector<Pt> pts_;
    std::vector<Ring> rings_;
    std::vector<uint32_t> band_offsets_;  // per band: start into band_edges_
    std::vector<uint32_t> band_edges_;    // edge numbers (edge i = pts i..i+1, absolute)
    std::vector<Poly> polys_;
    std::vector<Node> nodes_;
    std::vector<uint32_t> items_;
    uint32_t root_ = 0;
};

}  // namespace sheetgen::hazard_detail
