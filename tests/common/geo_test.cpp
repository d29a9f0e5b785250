#include <catch2/catch.hpp>

#include "common/geo.hpp"

using namespace sheetgen;

TEST_CASE("Distances and Japan's extent", "[common][geo]") {
    // 聖蹟桜ヶ丘駅 to 多摩センター駅: about 3.7 km.
    double d = distance_m({35.6508, 139.4467}, {35.6245, 139.4244});
    CHECK(d > 3400);
    CHECK(d < 3700);
    CHECK(inside_japan_extent({35.65, 139.44}));
    CHECK_FALSE(inside_japan_extent({139.44, 35.65}));  // swapped
    CHECK_FALSE(inside_japan_extent({-35.65, 139.44}));
}
