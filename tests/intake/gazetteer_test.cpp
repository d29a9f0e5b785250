#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "intake/gazetteer.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::intake;

namespace {
std::string fixture(const std::string& name) { return test::source_path("tests/intake/fixtures/" + name); }
std::string tama_towns() { return test::shared_data("tama-towns/tama_13224_towns.geojson"); }

void check_at(const MatchResult& r, double lat, double lon, MatchLevel level) {
    REQUIRE(r.match);
    CHECK(r.match->point.lat == Approx(lat).margin(1e-9));
    CHECK(r.match->point.lon == Approx(lon).margin(1e-9));
    CHECK(r.match->level == level);
}
}  // namespace

TEST_CASE("Tama gazetteer (GeoJSON, field town): every normalisation rule", "[intake]") {
    if (!test::file_exists(tama_towns())) SHEETGEN_SKIP("no ../shared/data/tama-towns");
    Gazetteer g = Gazetteer::load(tama_towns());
    CHECK(g.town_count() == 89);
    g.add_city("多摩市");
    const double kLat = 35.649282, kLon = 139.449025;  // 関戸四丁目
    for (const char* a : {"東京都多摩市関戸4-10-2", "多摩市関戸四丁目10番2号", "関戸４－１０－２", "関戸4丁目10-2",
                          "東京都多摩市関戸4-72-5 サンライズ関戸101", "多摩市関戸4ー10ー2"}) {
        INFO(a);
        check_at(g.match(a), kLat, kLon, MatchLevel::Town);
    }
    // ヶ / ケ / が
    for (const char* a : {"多摩市桜ヶ丘1-2-3", "多摩市桜ケ丘一丁目2", "多摩市桜が丘1-2"})
        check_at(g.match(a), 35.64396, 139.447424, MatchLevel::Town);
    // Towns without 丁目 match the town itself; 和田3-5 is 和田三丁目, which exists.
    check_at(g.match("多摩市和田1234番地"), 35.642935, 139.427921, MatchLevel::Town);
    check_at(g.match("多摩市乞田1-1"), 35.632159, 139.44, MatchLevel::Town);
    check_at(g.match("多摩市百草100"), 35.637571, 139.434088, MatchLevel::Town);
    check_at(g.match("多摩市和田3-5-1"), 35.635725, 139.433419, MatchLevel::Town);
    check_at(g.match("関戸1234"), 35.653095, 139.454916, MatchLevel::Town);
    // Trailing building and room text after the block.
    check_at(g.match("多摩市永山3-5 永山団地3-301"), 35.623403, 139.446126, MatchLevel::Town);

    CHECK(g.match("東京都八王子市堀之内100").failure == MatchFailure::OtherCity);
    CHECK(g.match("多摩市架空町1-2").failure == MatchFailure::UnknownTown);
    CHECK(g.match("多摩市関戸九丁目1").failure == MatchFailure::UnknownChome);
    CHECK(g.match("多摩市永山団地3-301").failure == MatchFailure::UnknownTown);  // 永山 exists only with 丁目
}

TEST_CASE("MLIT 街区レベル CSV (CP932): block points, town fallback, cities", "[intake]") {
    Gazetteer g = Gazetteer::load(fixture("mlit_block_13.csv"));
    CHECK(g.format() == "MLIT block CSV");
    CHECK(g.block_count() == 5);
    // The 代表フラグ row wins for block 10.
    check_at(g.match("東京都多摩市関戸4-10-2"), 35.6481, 139.4451, MatchLevel::Block);
    check_at(g.match("多摩市関戸四丁目11番1号"), 35.6483, 139.4455, MatchLevel::Block);
    // A block not in the data: the town's point, the mean of its blocks.
    check_at(g.match("多摩市関戸4-99-1"), (35.6481 + 35.6483) / 2, (139.4451 + 139.4455) / 2, MatchLevel::Town);
    check_at(g.match("多摩市和田1234番地"), 35.63, 139.42, MatchLevel::Block);
    check_at(g.match("多摩市桜ヶ丘1-5-3"), 35.642, 139.437, MatchLevel::Block);
    // The data names its cities: another city's town is not taken for this one.
    CHECK(g.match("東京都町田市関戸4-10-2").failure == MatchFailure::OtherCity);
    check_at(g.match("東京都八王子市堀之内100"), 35.62, 139.39, MatchLevel::Block);
}

TEST_CASE("MLIT 大字・町丁目レベル CSV (CP932): the town's point in the right city", "[intake]") {
    Gazetteer g = Gazetteer::load(fixture("mlit_town_13.csv"));
    CHECK(g.format() == "MLIT town CSV");
    check_at(g.match("東京都多摩市関戸4-10-2"), 35.6482, 139.4452, MatchLevel::Town);
    check_at(g.match("八王子市関戸4-10-2"), 35.6, 139.3, MatchLevel::Town);
    check_at(g.match("多摩市乞田1-1"), 35.635, 139.44, MatchLevel::Town);
    CHECK(g.match("多摩市百草100").failure == MatchFailure::UnknownTown);
}

TEST_CASE("gazetteer field: auto-detected, or named, a missing one is an error", "[intake]") {
    if (!test::file_exists(tama_towns())) SHEETGEN_SKIP("no ../shared/data/tama-towns");
    CHECK_NOTHROW(Gazetteer::load(tama_towns(), "town"));
    CHECK_THROWS_AS(Gazetteer::load(tama_towns(), "nosuch"), InputError);
    test::TempDir dir;
    test::write_file(dir.file("g.geojson"),
                     R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"label":"関戸"},)"
                     R"("geometry":{"type":"Point","coordinates":[139.45,35.65]}}]})");
    CHECK_THROWS_AS(Gazetteer::load(dir.file("g.geojson")), InputError);
    Gazetteer g = Gazetteer::load(dir.file("g.geojson"), "label");
    check_at(g.match("関戸1-2"), 35.65, 139.45, MatchLevel::Town);
}
