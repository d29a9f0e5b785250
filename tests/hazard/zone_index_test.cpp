// ZoneIndex directly: point-in-polygon with holes and boundary tolerance, the
// banded test for long rings, the STR tree over many polygons, box queries.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>

#include "hazard/zone_index.hpp"

using namespace sheetgen::hazard_detail;

namespace {

std::vector<Pt> square(double x0, double y0, double size) {
    return {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
}

// Tags of every polygon covering (x, y), sorted.
std::set<uint32_t> covering(const ZoneIndex& z, double x, double y) {
    std::set<uint32_t> tags;
    z.for_each_covering(x, y, [&](uint32_t p) { tags.insert(z.tag(p)); });
    return tags;
}

// Reference crossing-number test on one ring, no tolerance.
bool inside_ring(const std::vector<Pt>& r, double x, double y) {
    bool in = false;
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > y) != (r[j].y > y) && x < r[j].x + (y - r[j].y) * (r[i].x - r[j].x) / (r[i].y - r[j].y)) in = !in;
    return in;
}

}  // namespace

TEST_CASE("ZoneIndex: inside, outside, holes and boundaries", "[hazard][zone_index]") {
    ZoneIndex z;
    // Outer 0..10 with a hole 4..6; the ring is given unclosed on purpose.
    std::vector<Pt> outer = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    z.add({outer, square(4, 4, 2)}, 77);
    z.add({square(20, 20, 1)}, 88);
    z.build();
    REQUIRE(z.size() == 2);
    CHECK(covering(z, 1, 1) == std::set<uint32_t>{77});
    CHECK(covering(z, 5, 5).empty());                        // strictly inside the hole
    CHECK(covering(z, 4, 5) == std::set<uint32_t>{77});      // on the hole's edge: boundary, covered
    CHECK(covering(z, 0, 5) == std::set<uint32_t>{77});      // on the outer edge
    CHECK(covering(z, 10, 10) == std::set<uint32_t>{77});    // a corner
    CHECK(covering(z, -1e-10, 5) == std::set<uint32_t>{77}); // within the 1e-9 tolerance (envelope padded)
    CHECK(covering(z, 5, 10 + 1e-10) == std::set<uint32_t>{77});
    CHECK(covering(z, -1e-6, 5).empty());                    // beyond it
    CHECK(covering(z, 20.5, 20.5) == std::set<uint32_t>{88});
    CHECK(covering(z, 15, 15).empty());
    // The unclosed ring came back closed.
    const auto rings = z.rings(0);
    REQUIRE(rings.size() == 2);
    CHECK(rings[0].size() == 5);
    CHECK((rings[0].front().x == rings[0].back().x && rings[0].front().y == rings[0].back().y));
    CHECK(z.box(0).minx == 0);  // the true envelope
    CHECK(z.box(0).maxy == 10);
}

TEST_CASE("ZoneIndex: degenerate input and an empty index", "[hazard][zone_index]") {
    ZoneIndex empty;
    empty.build();
    CHECK(covering(empty, 0, 0).empty());
    CHECK(empty.query_box({-1e9, -1e9, 1e9, 1e9}).empty());

    ZoneIndex z;
    const uint32_t p = z.add({{{0, 0}, {1, 1}}}, 1);  // a two-point "ring" is dropped
    z.build();
    CHECK(z.rings(p).empty());
    CHECK_FALSE(z.covers(p, 0.5, 0.5));
    CHECK(covering(z, 0.5, 0.5).empty());
}

TEST_CASE("ZoneIndex: a long ring (banded test) agrees with a plain crossing test", "[hazard][zone_index]") {
    // A 720-vertex star: far over the 32 edges from which rings get bands.
    std::vector<Pt> star;
    for (int i = 0; i < 720; ++i) {
        const double a = i * 3.14159265358979323846 / 360, r = (i % 2) ? 1.0 : 0.6;
        star.push_back({139.45 + r * std::cos(a) * 0.01, 35.63 + r * std::sin(a) * 0.01});
    }
    star.push_back(star.front());
    ZoneIndex z;
    z.add({star}, 5);
    z.build();
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> dx(139.435, 139.465), dy(35.615, 35.645);
    int inside = 0;
    for (int i = 0; i < 20000; ++i) {
        const double x = dx(rng), y = dy(rng);
        const bool want = inside_ring(star, x, y);
        INFO(x << ", " << y);
        REQUIRE(z.covers(0, x, y) == want);
        inside += want;
    }
    CHECK(inside > 1000);  // the sample really hit the polygon
    for (const Pt& v : star) CHECK(z.covers(0, v.x, v.y));  // every vertex is on the boundary
}

TEST_CASE("ZoneIndex: the tree finds exactly the covering polygon among thousands", "[hazard][zone_index]") {
    // A 60 x 60 grid of unit cells with gaps between them, tagged by position.
    ZoneIndex z;
    for (int i = 0; i < 60; ++i)
        for (int j = 0; j < 60; ++j) z.add({square(i * 2.0, j * 2.0, 1.0)}, static_cast<uint32_t>(i * 100 + j));
    z.build();
    REQUIRE(z.size() == 3600);
    for (int i = 0; i < 60; i += 7)
        for (int j = 0; j < 60; j += 3) {
            INFO(i << ", " << j);
            CHECK(covering(z, i * 2.0 + 0.5, j * 2.0 + 0.5) == std::set<uint32_t>{static_cast<uint32_t>(i * 100 + j)});
            CHECK(covering(z, i * 2.0 + 1.5, j * 2.0 + 1.5).empty());  // the gap
        }
    // A box over cells (0..2, 0..1) returns their polygon numbers, ascending.
    const auto hits = z.query_box({0.2, 0.2, 4.5, 2.5});
    REQUIRE(hits.size() == 6);
    CHECK(std::is_sorted(hits.begin(), hits.end()));
    std::set<uint32_t> tags;
    for (uint32_t p : hits) tags.insert(z.tag(p));
    CHECK(tags == std::set<uint32_t>{0, 1, 100, 101, 200, 201});
}
