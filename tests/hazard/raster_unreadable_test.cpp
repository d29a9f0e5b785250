// A raster zone layer whose cells cannot be read at a home (the file was
// damaged after loading) says so for that home: the layer is listed as
// unreadable, which the verdict turns into "not known", never "outside".
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "hazard/basemap_fixtures.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;

TEST_CASE("raster zones: a block that cannot be read makes the layer unreadable at that point, not outside",
          "[hazard][raster]") {
    test::TempDir dir;
    const double lon0 = 139.440, lat0 = 35.646, lon1 = 139.450, lat1 = 35.654;
    test::write_rank_raster(dir.file("depth.tif"), lon0, lat0, lon1, lat1);
    test::write_file(dir.file("hz.yaml"), "layers:\n  - {source: depth.tif, kind: flood_depth, preset: a31a_depth}\n");
    HazardSet hz = HazardSet::load_file(dir.file("hz.yaml"), nullptr);
    const LatLon top_left{lat1 - 0.0002, lon0 + 0.0002}, bottom_right{lat0 + 0.0002, lon1 - 0.0002};
    SECTION("readable: in the zone") {
        const Exposure e = hz.expose(bottom_right);
        CHECK(e.in_flood_zone);
        CHECK(e.unreadable_layers.empty());
    }
    SECTION("the tiles after the first half are gone") {
        struct stat st {};
        REQUIRE(::stat(dir.file("depth.tif").c_str(), &st) == 0);
        REQUIRE(::truncate(dir.file("depth.tif").c_str(), st.st_size / 2) == 0);
        const Exposure lost = hz.expose(bottom_right);
        CHECK_FALSE(lost.in_flood_zone);
        REQUIRE(lost.unreadable_layers.size() == 1);
        CHECK(lost.unreadable_layers[0] == "depth");
        // The first tiles are still there: that home is in the zone, as before.
        const Exposure kept = hz.expose(top_left);
        CHECK(kept.in_flood_zone);
        CHECK(kept.unreadable_layers.empty());
    }
}

TEST_CASE("raster zones: a home its CRS cannot take is unreadable there, not outside", "[hazard][raster]") {
    test::TempDir dir;
    test::write_horizon_raster(dir.file("depth.tif"));
    test::write_file(dir.file("hz.yaml"), "layers:\n  - {source: depth.tif, kind: flood_depth, raster: true, preset: a31a_depth}\n");
    HazardSet hz = HazardSet::load_file(dir.file("hz.yaml"), nullptr);
    // East of lon 139.45 lies beyond the raster projection's horizon.
    const Exposure e = hz.expose(LatLon{35.65, 139.60});
    CHECK(e.unreadable_layers.size() == 1);
    CHECK_FALSE(e.in_flood_zone);
}
