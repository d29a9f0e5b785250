// End to end: the base map on real sheets, and a sheet whose map cannot show
// its zones saying so (never a map without them) while the run warns.
#include <catch2/catch.hpp>

#include "cli/cli_fixtures.hpp"
#include "hazard/basemap_fixtures.hpp"

using namespace sheetgen::test;

namespace {

// pdftotext splits lines and cells with spaces and newlines.
std::string sheet_text(const std::string& pdf) {
    int st = 0;
    std::string text = capture("pdftotext -enc UTF-8 " + q(pdf) + " - 2>/dev/null", &st);
    REQUIRE(st == 0);
    std::string out;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}

// The words of a PDF as pdftotext -bbox finds them (a label on the map is a word of its own).
bool has_word(const std::string& pdf, const std::string& word) {
    const std::string words = capture("pdftotext -bbox -enc UTF-8 " + q(pdf) + " - 2>/dev/null");
    return words.find(">" + word + "</word>") != std::string::npos;
}

}  // namespace

TEST_CASE("render: a map whose zones cannot be projected says 地図を表示できません and the run warns by id",
          "[cli][render][basemap]") {
    TempDir dir;
    // A zone raster in a CRS that cannot take points east of lon 139.45; the
    // home (139.4480) is west of it, its map frame reaches east of it.
    write_horizon_raster(dir.file("depth.tif"));
    write_file(dir.file("hz.yaml"),
               "layers:\n  - {name: 浸水, source: depth.tif, kind: flood_depth, raster: true, preset: a31a_depth}\n");
    write_file(dir.file("p.yaml"), minimal_profile("map-001", 35.6490, 139.4480));
    auto r = run_sheetgen("render --hazards " + q(dir.file("hz.yaml")) + " " + q(dir.file("p.yaml")) + " --out " +
                          q(dir.file("out")) + " --date 2026-11-24 --quiet");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);  // the household's sheet is still made: it says the map is missing
    CHECK(r.err.find("map-001: warning: the map cannot be drawn (the sheet says 地図を表示できません): zone layer "
                     "'浸水' cannot be read for the map") != std::string::npos);
    CHECK(r.err.find("p.yaml") == std::string::npos);  // the household by id only
    CHECK(r.err.find("35.649") == std::string::npos);  // never its coordinates
    CHECK(r.err.find("139.448") == std::string::npos);
    const std::string text = sheet_text(dir.file("out/map-001.pdf"));
    CHECK(text.find("地図を表示できません") != std::string::npos);
    CHECK(text.find("自宅") == std::string::npos);  // no legend: nothing was drawn as if it were the map
}

TEST_CASE("render with tokyo-real.yaml: the station near the home is named and its data credited",
          "[cli][render][basemap][real-data]") {
    if (!file_exists(shared_data("tama-stations/N02-24_Station_tama_clip.geojson")))
        SHEETGEN_SKIP("real data not present: " + shared_data_dir());
    TempDir dir;
    const std::string cfg = tokyo_real_config(dir.path());
    auto r = run_sheetgen("render --hazards " + q(cfg) + " " + q(source_path("samples/tama-001.yaml")) + " --out " +
                          q(dir.file("out")) + " --documents sheet --date 2026-11-24 --quiet");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("warning: map:") == std::string::npos);  // no map warnings
    CHECK(r.err.find("the map cannot be drawn") == std::string::npos);
    const std::string pdf = dir.file("out/tama-001.pdf");
    const std::string text = sheet_text(pdf);
    // tama-001 lives some 250 m from 聖蹟桜ヶ丘 station (N02_005); shelter
    // names hold the name too, the station's label is a word of its own.
    CHECK(has_word(pdf, "聖蹟桜ヶ丘"));
    CHECK(has_word(pdf, "百草園"));
    CHECK(text.find("「国土数値情報（鉄道データ）（国土交通省）を加工して作成」") != std::string::npos);
    CHECK(text.find("「国土数値情報（行政区域データ）（国土交通省）を加工して作成」") != std::string::npos);
    CHECK(text.find("「Geolonia住所データ」") != std::string::npos);
    CHECK(text.find("「国土数値情報（洪水浸水想定区域データ）（国土交通省）を加工して作成」") != std::string::npos);
}
