#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "hazard/approximate.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::box_wkt;
using sheetgen::test::write_layer;

TEST_CASE("approximate location: the worst class within the radius counts, not only the point", "[hazard]") {
    test::TempDir dir;
    const std::vector<test::FieldDef> rank = {{"rank", OFTInteger}};
    // Home point at 35.6500, 139.4500. A 3-5 m zone starts ~300 m east (0.0033° lon),
    // a 0.5-3 m zone covers the point itself.
    write_layer(dir.file("z.gpkg"), "deep", 4326, rank, {{box_wkt(139.4533, 35.6400, 139.4600, 35.6600), {"3"}}});
    write_layer(dir.file("z.gpkg"), "shallow", 4326, rank, {{box_wkt(139.4490, 35.6490, 139.4510, 35.6510), {"2"}}});
    test::write_file(dir.file("h.yaml"), R"(layers:
  - {name: 深い, source: z.gpkg, layer: deep, kind: flood_depth, field: rank, preset: a31a_depth}
  - {name: 浅い, source: z.gpkg, layer: shallow, kind: flood_depth, field: rank, preset: a31a_depth}
)");
    HazardSet hs = HazardSet::load_file(dir.file("h.yaml"));
    const LatLon home{35.65, 139.45};
    Exposure at = hs.expose(home);
    REQUIRE(at.depth);
    CHECK(at.depth->min_m == 0.5);
    Exposure town = expose_worst_within(hs, home, 500);  // 500 m reaches the deep zone
    REQUIRE(town.depth);
    CHECK(town.depth->min_m == 3);
    CHECK(town.depth_layer == "深い");
    CHECK(town.layers_hit.size() == 2);
    Exposure block = expose_worst_within(hs, home, 50);  // 50 m does not
    REQUIRE(block.depth);
    CHECK(block.depth->min_m == 0.5);
    // Outside every zone at the point (north of the shallow box), the deep zone ~300 m east.
    const LatLon outside{35.6530, 139.45};
    CHECK_FALSE(hs.expose(outside).in_flood_zone);
    Exposure around = expose_worst_within(hs, outside, 500);
    CHECK(around.in_flood_zone);
    REQUIRE(around.depth);
    CHECK(around.depth->min_m == 3);
}
