// Multi-file layers: `source:` as a list or a glob, one LayerConfig per file,
// each located at its list item and remembering its river.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fixtures.hpp"
#include "hazard/config.hpp"
#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::box_wkt;
using sheetgen::test::write_layer;

namespace {

// Two rivers' files overlapping around (35.63, 139.43): 多摩川 rank 2, 浅川 rank 3.
void write_rivers(const test::TempDir& dir) {
    std::filesystem::create_directories(dir.file("rivers"));
    write_layer(dir.file("rivers/tama.geojson"), "tama", 4326, {{"rank", OFTInteger}, {"name", OFTString}},
                {{box_wkt(139.40, 35.60, 139.45, 35.65), {"2", "多摩川"}}}, "GeoJSON");
    write_layer(dir.file("rivers/asa.geojson"), "asa", 4326, {{"rank", OFTInteger}, {"name", OFTString}},
                {{box_wkt(139.42, 35.62, 139.48, 35.68), {"3", "浅川"}}}, "GeoJSON");
}

std::string error_of(const std::string& path) {
    try {
        HazardSet::load_file(path);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a source list: one layer per file, the worst class wins, the river is kept", "[hazard][multi_file]") {
    test::TempDir dir;
    write_rivers(dir);
    test::write_file(dir.file("h.yaml"), R"(layers:
  - name: 洪水（想定最大規模）
    kind: flood_depth
    field: rank
    preset: a31a_depth
    source:
      - {source: rivers/tama.geojson, river: 多摩川}
      - {source: rivers/asa.geojson, river: 浅川}
)");
    HazardConfig cfg = load_hazard_config(dir.file("h.yaml"));
    REQUIRE(cfg.layers.size() == 2);
    CHECK(cfg.layers[0].river == "多摩川");
    CHECK(cfg.layers[1].river == "浅川");
    CHECK(cfg.layers[0].entry == cfg.layers[1].entry);
    CHECK(cfg.layers[1].at.line == 8);  // the list item
    CHECK(cfg.layers[1].source_at.line == 8);

    HazardSet set = HazardSet::load(cfg);
    Exposure both = set.expose({35.63, 139.43});
    REQUIRE(both.depth);
    CHECK(both.depth->min_m == 3);  // 浅川's 3-5 m beats 多摩川's 0.5-3 m
    CHECK(both.depth_river == "浅川");
    REQUIRE(both.layers_hit.size() == 1);  // one entry, named once
    CHECK(both.layers_hit[0] == "洪水（想定最大規模）");
    Exposure tama_only = set.expose({35.61, 139.41});
    REQUIRE(tama_only.depth);
    CHECK(tama_only.depth_river == "多摩川");
}

TEST_CASE("a glob source: sorted files, river from the file name or a field", "[hazard][multi_file]") {
    test::TempDir dir;
    write_rivers(dir);
    test::write_file(dir.file("g.yaml"), R"(layers:
  - name: 洪水
    kind: flood_depth
    field: rank
    preset: a31a_depth
    source: rivers/*.geojson
    river: "{file}"
)");
    HazardConfig cfg = load_hazard_config(dir.file("g.yaml"));
    REQUIRE(cfg.layers.size() == 2);
    CHECK(cfg.layers[0].river == "asa");  // sorted: asa before tama
    CHECK(cfg.layers[1].river == "tama");
    CHECK(cfg.layers[0].at.line == 6);

    test::write_file(dir.file("f.yaml"), R"(layers:
  - name: 洪水
    kind: flood_depth
    field: rank
    preset: a31a_depth
    source: rivers/*.geojson
    river_field: name
)");
    HazardSet set = HazardSet::load_file(dir.file("f.yaml"));
    CHECK(set.expose({35.63, 139.43}).depth_river == "浅川");
    CHECK(set.expose({35.61, 139.41}).depth_river == "多摩川");
}

TEST_CASE("multi-file errors point at the offending list item", "[hazard][multi_file]") {
    test::TempDir dir;
    write_rivers(dir);
    // A missing file: the load error names the second item's line.
    test::write_file(dir.file("m.yaml"), R"(layers:
  - name: 洪水
    kind: flood_depth
    field: rank
    preset: a31a_depth
    source:
      - rivers/tama.geojson
      - rivers/missing.geojson
)");
    std::string e = error_of(dir.file("m.yaml"));
    CHECK(e.find("m.yaml:8:") != std::string::npos);
    CHECK(e.find("missing.geojson") != std::string::npos);
    // A glob matching nothing: a config error at its line.
    test::write_file(dir.file("n.yaml"), R"(layers:
  - kind: flood_depth
    source:
      - rivers/tama.geojson
      - nothing/*.shp
)");
    e = error_of(dir.file("n.yaml"));
    CHECK(e.find("n.yaml:5:9") != std::string::npos);
    CHECK(e.find("'nothing/*.shp' matches no file") != std::string::npos);
    // A bad item key gets the schema checker's suggestion.
    test::write_file(dir.file("k.yaml"), R"(layers:
  - kind: flood_depth
    source:
      - {source: rivers/tama.geojson, rivre: 多摩川}
)");
    e = error_of(dir.file("k.yaml"));
    CHECK(e.find("k.yaml:4:39") != std::string::npos);
    CHECK(e.find("did you mean 'river'") != std::string::npos);
    // `river` does not apply to shelters.
    test::write_file(dir.file("s.yaml"), "layers:\n  - kind: shelters\n    source: x.csv\n    river: 多摩川\n");
    e = error_of(dir.file("s.yaml"));
    CHECK(e.find("s.yaml:4:5") != std::string::npos);
}
