// The straight-line distances printed in reasons, the CSV and the sheets:
// 10 m steps below 1 km, one decimal of a km from 1 km on.
#include <catch2/catch.hpp>

#include "risk/verdict.hpp"

using namespace sheetgen;

TEST_CASE("format_distance_ja rounds to 10 m below 1 km and to 0.1 km above", "[risk][distance]") {
    CHECK(format_distance_ja(0) == "約0m");
    CHECK(format_distance_ja(4) == "約0m");
    CHECK(format_distance_ja(5) == "約10m");  // half rounds away from zero
    CHECK(format_distance_ja(846) == "約850m");
    CHECK(format_distance_ja(994) == "約990m");
    CHECK(format_distance_ja(996) == "約1000m");  // still below 1 km: metres
    CHECK(format_distance_ja(1000) == "約1.0km");
    CHECK(format_distance_ja(1234) == "約1.2km");
    CHECK(format_distance_ja(12340) == "約12.3km");
}

TEST_CASE("format_distance_en uses the same steps with \"about\" and spaced units", "[risk][distance]") {
    CHECK(format_distance_en(0) == "about 0 m");
    CHECK(format_distance_en(846) == "about 850 m");
    CHECK(format_distance_en(999.9) == "about 1000 m");
    CHECK(format_distance_en(1000) == "about 1.0 km");
    CHECK(format_distance_en(1250) == "about 1.2 km");  // %.1f: round-half-even on the binary value
    CHECK(format_distance_en(3700) == "about 3.7 km");
}
