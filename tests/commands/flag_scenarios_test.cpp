// `flag` with flood layers of both scenarios (計画規模 and 想定最大規模): the
// list reports both depths in appended columns / properties, and the
// verdict (here its safe floor) follows the maximum scale unless the config
// says `verdict_scenario: planned`. With one scenario the list is as before.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <sstream>

#include "cli/cli_fixtures.hpp"
#include "commands/flag_lib.hpp"
#include "hazard/fixtures.hpp"
#include "report/flag_report.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

namespace {

// planned: rank 4 (5-10 m), maximum: rank 2 (0.5-3 m), both over the home.
const char* kLayers = R"(layers:
  - {name: L1, source: z.gpkg, layer: planned, kind: flood_depth, field: rank, preset: a31a_depth, scenario: 計画規模}
  - {name: L2, source: z.gpkg, layer: maximum, kind: flood_depth, field: rank, preset: a31a_depth, scenario: maximum}
)";
constexpr double kLat = 35.05, kLon = 139.15;

// One CSV row (RFC 4180 quoting) as cells.
std::vector<std::string> cells(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += line[++i];
        else if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) out.emplace_back();
        else if (quoted || (c != '\r' && c != '\n')) out.back() += c;
    }
    return out;
}

struct Listed {
    std::string header, row, geojson;
    std::string gpkg_maximum, gpkg_planned_min;
};

Listed run_flag(const TempDir& dir, const std::string& config_text) {
    const std::vector<test::FieldDef> rank = {{"rank", OFTInteger}};
    test::write_layer(dir.file("z.gpkg"), "planned", 4326, rank, {{test::box_wkt(139.1, 35.0, 139.2, 35.1), {"4"}}});
    test::write_layer(dir.file("z.gpkg"), "maximum", 4326, rank, {{test::box_wkt(139.1, 35.0, 139.2, 35.1), {"2"}}});
    test::write_file(dir.file("hz.yaml"), config_text);
    test::write_file(dir.file("s-1.yaml"), test::minimal_profile("s-1", kLat, kLon));
    FlagOptions o;
    o.hazards_config = dir.file("hz.yaml");
    o.profile_paths = {dir.file("s-1.yaml")};
    o.out_csv = dir.file("out/list.csv");
    o.geojson = dir.file("out/list.geojson");
    o.gpkg = dir.file("out/list.gpkg");
    o.as_of = Date{2026, 11, 28};
    o.run.jobs = 1;
    std::ostringstream out, err;
    const FlagResult r = flag_households(o, Streams{out, err, false});
    INFO(err.str());
    REQUIRE(r.counts.total() == 1);
    Listed l;
    const std::string csv = test::read_file(o.out_csv);
    const size_t eol = csv.find("\r\n");
    l.header = csv.substr(0, eol + 2);
    l.row = csv.substr(eol + 2);
    l.geojson = test::read_file(*o.geojson);
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(o.gpkg->c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("households");
    REQUIRE(layer);
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    REQUIRE(f);
    const int maximum = f->GetFieldIndex("depth_maximum"), planned_min = f->GetFieldIndex("depth_min_m_planned");
    if (maximum >= 0) l.gpkg_maximum = f->GetFieldAsString(maximum);
    if (planned_min >= 0) l.gpkg_planned_min = f->GetFieldAsString(planned_min);
    return l;
}

// Column indexes of flag_csv_header (README, "The at-risk CSV").
constexpr size_t kSafeFloor = 7, kDepthMin = 9, kDepth = 10, kFixedColumns = 29;

}  // namespace

TEST_CASE("flag with both scenarios: both depths listed, the verdict uses the maximum scale", "[commands][scenario]") {
    TempDir dir;
    const Listed l = run_flag(dir, kLayers);
    // The fixed columns as before, then the scenario columns.
    const std::string fixed = flag_csv_header();
    CHECK(l.header.compare(0, fixed.size() - 2, fixed, 0, fixed.size() - 2) == 0);
    CHECK(l.header.substr(fixed.size() - 2) == ",浸水深（計画規模）,浸水深（想定最大規模）,判定に用いた想定\r\n");
    const auto c = cells(l.row);
    REQUIRE(c.size() == kFixedColumns + 3);
    CHECK(c[kFixedColumns] == "5.0m以上10m未満");
    CHECK(c[kFixedColumns + 1] == "0.5m以上3.0m未満");
    CHECK(c[kFixedColumns + 2] == "想定最大規模");
    CHECK(c[kDepthMin] == "0.5");
    CHECK(c[kDepth] == "0.5m以上3.0m未満");
    CHECK(c[kSafeFloor] == "2");  // above 3 m, not above 10 m
    CHECK_THAT(l.geojson, Catch::Contains("\"depth_planned\":\"5.0m以上10m未満\",\"depth_min_m_planned\":5.0,"
                                          "\"depth_maximum\":\"0.5m以上3.0m未満\",\"depth_min_m_maximum\":0.5,"
                                          "\"depth_scenario\":\"maximum\""));
    CHECK(l.gpkg_maximum == "0.5m以上3.0m未満");
    CHECK(l.gpkg_planned_min == "5");
}

TEST_CASE("flag with both scenarios and verdict_scenario: planned: the planned depth decides", "[commands][scenario]") {
    TempDir dir;
    const Listed l = run_flag(dir, std::string("verdict_scenario: planned\n") + kLayers);
    const auto c = cells(l.row);
    REQUIRE(c.size() == kFixedColumns + 3);
    CHECK(c[kDepthMin] == "5.0");
    CHECK(c[kDepth] == "5.0m以上10m未満");
    CHECK(c[kFixedColumns + 2] == "計画規模");
    CHECK(c[kSafeFloor] == "5");  // above 10 m
    CHECK_THAT(l.geojson, Catch::Contains("\"depth_scenario\":\"planned\""));
}

TEST_CASE("flag with one scenario: no scenario columns or properties, the list as before", "[commands][scenario]") {
    TempDir dir;
    const Listed l = run_flag(dir, R"(layers:
  - {name: L2, source: z.gpkg, layer: maximum, kind: flood_depth, field: rank, preset: a31a_depth, scenario: maximum}
)");
    CHECK(l.header == flag_csv_header());
    CHECK(cells(l.row).size() == kFixedColumns);
    CHECK(l.geojson.find("depth_planned") == std::string::npos);
    CHECK(l.geojson.find("depth_scenario") == std::string::npos);
    CHECK(l.gpkg_maximum.empty());  // no such field
}
