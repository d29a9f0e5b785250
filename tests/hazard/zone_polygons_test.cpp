// HazardSet::zone_polygons_lonlat: every zone for the whole-area map page, in
// lon/lat, simplified to a tolerance in metres, ordered for drawing.
#include <catch2/catch.hpp>

#include <cmath>

#include "fixtures.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::box_wkt;
using sheetgen::test::write_layer;

namespace {

// A circle of radius ~100 m (in degrees) with n vertices, as WKT.
std::string circle_wkt(double lon, double lat, int n) {
    std::string s = "POLYGON((";
    for (int i = 0; i <= n; ++i) {
        double a = 2 * 3.14159265358979 * (i % n) / n;
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s%.9f %.9f", i ? "," : "", lon + 0.0011 * std::cos(a), lat + 0.0009 * std::sin(a));
        s += buf;
    }
    return s + "))";
}

size_t vertices(const MapPolygon& p) {
    size_t n = 0;
    for (const auto& r : p.rings) n += r.points.size();
    return n;
}

}  // namespace

TEST_CASE("zone_polygons_lonlat: all zones in lon/lat, by kind then shallow before deep", "[hazard][map]") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "deep", 4326, {{"rank", OFTInteger}}, {{box_wkt(139.40, 35.60, 139.41, 35.61), {"4"}}});
    write_layer(dir.file("z.gpkg"), "shallow", 4326, {{"rank", OFTInteger}},
                {{box_wkt(139.42, 35.60, 139.43, 35.61), {"1"}}});
    write_layer(dir.file("z.gpkg"), "slide", 4326, {}, {{circle_wkt(139.45, 35.62, 720), {}}});
    test::write_file(dir.file("h.yaml"), R"(layers:
  - {name: slide, source: z.gpkg, layer: slide, kind: landslide}
  - {name: deep, source: z.gpkg, layer: deep, kind: flood_depth, field: rank, preset: a31a_depth}
  - {name: shallow, source: z.gpkg, layer: shallow, kind: flood_depth, field: rank, preset: a31a_depth}
)");
    HazardSet hs = HazardSet::load_file(dir.file("h.yaml"));
    const auto raw = hs.zone_polygons_lonlat(0);
    REQUIRE(raw.size() == 3);
    // Flood depth first (shallow under deep), then the landslide zone.
    CHECK(raw[0].kind == ZoneKind::FloodDepth);
    REQUIRE(raw[0].depth);
    CHECK(raw[0].depth->min_m == 0);
    CHECK(raw[1].kind == ZoneKind::FloodDepth);
    REQUIRE(raw[1].depth);
    CHECK(raw[1].depth->min_m == 5);
    CHECK(raw[2].kind == ZoneKind::Landslide);
    // Points are (lon, lat) degrees, rings closed.
    const auto& ring = raw[0].rings.at(0).points;
    CHECK(ring.front() == ring.back());
    for (const auto& [x, y] : ring) {
        CHECK(x == Approx(139.425).margin(0.006));
        CHECK(y == Approx(35.605).margin(0.006));
    }
    CHECK(vertices(raw[2]) == 721);

    // A few metres of tolerance removes most of the 720 vertices of a 100 m circle,
    // while every kept vertex stays on it.
    const auto simple = hs.zone_polygons_lonlat(3.0);
    REQUIRE(simple.size() == 3);
    CHECK(vertices(simple[2]) < 100);
    CHECK(vertices(simple[2]) >= 8);
    for (const auto& [x, y] : simple[2].rings.at(0).points) {
        const double dx = (x - 139.45) / 0.0011, dy = (y - 35.62) / 0.0009;
        CHECK(std::sqrt(dx * dx + dy * dy) == Approx(1.0).margin(1e-6));
    }
    CHECK(vertices(simple[0]) == 5);  // a box stays a box
}

TEST_CASE("zone_polygons_lonlat: with a stated coverage, only the zones that meet it", "[hazard][map][coverage]") {
    test::TempDir dir;
    write_layer(dir.file("z.gpkg"), "depth", 4326, {{"rank", OFTInteger}},
                {{box_wkt(139.40, 35.60, 139.41, 35.61), {"2"}}, {box_wkt(139.70, 35.60, 139.71, 35.61), {"3"}}});
    write_layer(dir.file("area.gpkg"), "city", 4326, {}, {{box_wkt(139.39, 35.59, 139.45, 35.63), {}}});
    const std::string layers = "layers:\n  - {name: depth, source: z.gpkg, layer: depth, kind: flood_depth, field: rank, preset: a31a_depth}\n";
    test::write_file(dir.file("all.yaml"), layers);
    test::write_file(dir.file("city.yaml"), "coverage: area.gpkg\n" + layers);
    CHECK(HazardSet::load_file(dir.file("all.yaml")).zone_polygons_lonlat(0).size() == 2);
    const auto kept = HazardSet::load_file(dir.file("city.yaml")).zone_polygons_lonlat(0);
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].rings.at(0).points.at(0).first < 139.5);  // the zone inside the city, not the one 30 km east
}
