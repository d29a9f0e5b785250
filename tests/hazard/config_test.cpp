#include <catch2/catch.hpp>

#include "hazard/config.hpp"
#include "hazard/exposure.hpp"
#include "hazard/shelter_names.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {

InputError config_error(const std::string& text) {
    try {
        parse_hazard_config(text, "/cfg/hz.yaml");
    } catch (const InputError& e) {
        return e;
    }
    FAIL("expected an InputError");
    return InputError({}, "");
}

}  // namespace

TEST_CASE("hazard config: layers, presets, defaults and relative sources") {
    HazardConfig c = parse_hazard_config(R"(name: テスト
layers:
  - name: depth
    source: data/zones.gpkg
    layer: d
    kind: flood_depth
    scenario: 想定最大規模
    field: A31a_205
    preset: a31a_depth
  - source: PG:dbname=hazard
    kind: flood_duration
    preset: a31a_duration
  - source: /abs/a31.shp
    kind: flood_depth
    preset: a31_2012_depth
  - source: zones.geojson
    kind: flood_depth
    field: rank
    classes: {1: [0, 0.5], "02": [0.5, 3], 6: [20, null]}
  - source: sites.csv
    kind: shelters
    crs: EPSG:6668
    open_options: [X_POSSIBLE_NAMES=経度, Y_POSSIBLE_NAMES=緯度]
    welfare_field: 福祉
    earthquake_field: null
  - source: /vsizip/x.zip/a.shp
    kind: house_collapse
    type: bank_erosion
)",
                                         "/cfg/hz.yaml");
    CHECK(c.name == "テスト");
    CHECK(c.dir == "/cfg");
    REQUIRE(c.layers.size() == 6);
    const LayerConfig& d = c.layers[0];
    CHECK(d.resolved_source == "/cfg/data/zones.gpkg");
    CHECK(d.at.line == 3);
    CHECK(d.source_at.line == 4);
    CHECK(d.layer_at.line == 5);
    CHECK(d.field_at.line == 8);
    CHECK(d.kind == LayerKind::FloodDepth);
    CHECK(d.scenario == FloodScenario::Maximum);
    REQUIRE(d.classes.size() == 6);
    CHECK(d.classes.at("2").min == 0.5);
    CHECK(d.classes.at("2").max == 3);
    CHECK(std::isinf(d.classes.at("6").max));
    CHECK(c.layers[1].resolved_source == "PG:dbname=hazard");
    CHECK(c.layers[1].field == "A31a_305");  // preset default
    CHECK(c.layers[1].classes.at("7").min == 672);
    CHECK(c.layers[1].name == "PG:dbname=hazard");
    CHECK(c.layers[2].field == "A31_001");
    CHECK(c.layers[2].classes.at("24").max == 3);
    CHECK(c.layers[2].classes.at("15").min == 5);
    CHECK(c.layers[2].name == "a31");
    CHECK(c.layers[3].classes.at("02").min == 0.5);
    CHECK(std::isinf(c.layers[3].classes.at("6").max));
    const LayerConfig& s = c.layers[4];
    CHECK(s.kind == LayerKind::Shelters);
    CHECK(s.open_options.size() == 2);
    CHECK(s.shelter_fields.welfare == "福祉");
    CHECK(s.shelter_fields.earthquake.empty());
    CHECK(s.shelter_fields.id == "共通ID");
    CHECK(s.shelter_fields.landslide == "崖崩れ、土石流及び地滑り");
    CHECK(c.layers[5].resolved_source == "/vsizip/x.zip/a.shp");
    CHECK(c.layers[5].type == "bank_erosion");
}

TEST_CASE("hazard config: errors name the line") {
    SECTION("unknown key") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    colour: red\n");
        CHECK(e.where().line == 4);
        CHECK(e.where().column == 5);
        CHECK(e.message().find("colour") != std::string::npos);
    }
    SECTION("key for another kind") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: shelters\n    preset: a31a_depth\n");
        CHECK(e.where().line == 4);
        CHECK(e.message().find("shelters") != std::string::npos);
    }
    SECTION("duplicate key") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    source: b.gpkg\n");
        CHECK(e.where().line == 4);
        CHECK(e.message().find("duplicate") != std::string::npos);
    }
    SECTION("unknown kind") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: volcano\n");
        CHECK(e.where().line == 3);
    }
    SECTION("unknown preset") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    field: x\n    preset: a99\n");
        CHECK(e.where().line == 5);
    }
    SECTION("preset of the wrong kind") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    preset: a31a_duration\n");
        CHECK(e.where().line == 4);
    }
    SECTION("a31a_depth needs a field on a vector layer") {
        // Without raster: false the source may be a raster (checked at load: overlay_test).
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    raster: false\n    preset: a31a_depth\n");
        CHECK(e.where().line == 5);
        CHECK(e.message().find("field") != std::string::npos);
    }
    SECTION("raster layers") {
        CHECK(config_error("layers:\n  - source: a.tif\n    kind: flood_depth\n    raster: yes\n").where().line == 4);
        CHECK(config_error("layers:\n  - source: a.tif\n    kind: flood_depth\n    raster: true\n    band: 0\n    preset: a31a_depth\n")
                  .where().line == 5);
        auto f = config_error("layers:\n  - source: a.tif\n    kind: flood_depth\n    raster: true\n    field: x\n    preset: a31a_depth\n");
        CHECK(f.where().line == 5);
        CHECK(f.message().find("raster") != std::string::npos);
        CHECK(config_error("layers:\n  - source: a.tif\n    kind: landslide\n    raster: true\n").where().line == 2);
        CHECK(config_error("layers:\n  - source: a.tif\n    kind: flood_depth\n    raster: true\n").message().find("preset") !=
              std::string::npos);
    }
    SECTION("coverage and municipality") {
        CHECK(config_error("coverage: {source: b.geojson, colour: red}\nlayers:\n  - source: a.gpkg\n    kind: flood_depth\n")
                  .where().line == 1);
        CHECK(config_error("municipality: [a]\nlayers:\n  - source: a.gpkg\n    kind: flood_depth\n").where().line == 1);
    }
    SECTION("field without classes") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    field: rank\n");
        CHECK(e.where().line == 4);
    }
    SECTION("bad class range") {
        auto e = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    field: r\n    classes:\n      1: [3, 1]\n");
        CHECK(e.where().line == 6);
        auto e2 = config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    field: r\n    classes:\n      1: [x, 1]\n");
        CHECK(e2.where().line == 6);
    }
    SECTION("missing source and kind") {
        CHECK(config_error("layers:\n  - kind: flood_depth\n").message().find("source") != std::string::npos);
        CHECK(config_error("layers:\n  - source: a\n").message().find("kind") != std::string::npos);
    }
    SECTION("no layers, syntax, bad type") {
        CHECK(config_error("name: x\n").message().find("layers") != std::string::npos);
        CHECK(config_error("layers: [\n").where().line >= 1);
        CHECK(config_error("layers:\n  - source: a\n    kind: house_collapse\n    type: tsunami\n").where().line == 4);
        CHECK(config_error("layers: []\n").where().line == 1);
    }
    SECTION("not UTF-8") {
        auto e = config_error(std::string("name: \x93\xfa\x96\x7b\nlayers: []\n"));
        CHECK(e.message().find("UTF-8") != std::string::npos);
    }
    SECTION("missing file") {
        CHECK_THROWS_AS(load_hazard_config("/nonexistent/hz.yaml"), InputError);
    }
}

TEST_CASE("shipped hazard configs parse") {
    CHECK(load_hazard_config(test::source_path("geodata/tama-sample.yaml")).layers.size() == 6);
    HazardConfig real = load_hazard_config(test::source_path("geodata/tokyo-real.yaml"));
    REQUIRE(real.layers.size() == 5);  // flood zones, shelters, and three base-map layers
    CHECK(real.layers[0].resolved_source == test::source_path("geodata/../../shared/data/tokyo/A31-12_13.shp"));
    CHECK(real.layers[2].style == BasemapStyle::Boundary);
    CHECK(real.layers[3].style == BasemapStyle::Station);
    CHECK(real.layers[3].label_field == "N02_005");
    CHECK(real.layers[4].style == BasemapStyle::TownLabel);
    for (const auto& l : real.layers) CHECK_FALSE(l.attribution.empty());
}

TEST_CASE("vertical shelter names") {
    CHECK(shelter_name_is_vertical("京王聖蹟桜ヶ丘　ショッピングセンターせいせき立体駐車場３階から最上階"));
    CHECK(shelter_name_is_vertical("ドキわくランド聖蹟桜ヶ丘店立体駐車場２階から屋上"));
    CHECK(shelter_name_is_vertical("ヴィータ聖蹟桜ヶ丘２階歩行者専用通路"));
    CHECK(shelter_name_is_vertical("市役所 2階会議室"));
    CHECK(shelter_name_is_vertical("センター12階"));
    CHECK(shelter_name_is_vertical("公民館二階ホール"));
    CHECK(shelter_name_is_vertical("ビル屋上"));
    CHECK(shelter_name_is_vertical("マンション上層階"));
    CHECK_FALSE(shelter_name_is_vertical("ベルブ永山１階駐車場（４０台）"));
    CHECK_FALSE(shelter_name_is_vertical("地下2階駐車場"));
    CHECK_FALSE(shelter_name_is_vertical("多摩第一小学校校庭"));
    CHECK_FALSE(shelter_name_is_vertical("総合福祉センター立体駐車場（７０台）"));
    CHECK_FALSE(shelter_name_is_vertical("階段前広場"));
}

TEST_CASE("truthy shelter flags") {
    for (const char* t : {"1", "true", "○", "◯", " 1 "}) CHECK(truthy_flag(t));
    for (const char* f : {"", "0", "×", "false", "-"}) CHECK_FALSE(truthy_flag(f));
}

TEST_CASE("depth and duration labels") {
    CHECK(DepthRange{0.5, 3}.label_en() == "0.5-3.0 m");
    CHECK(DepthRange{0.5, 3}.label_ja() == "0.5m以上3.0m未満");
    CHECK(DepthRange{0, 0.5}.label_ja() == "0.5m未満");
    CHECK(DepthRange{20, kUnbounded}.label_en() == ">= 20 m");
    CHECK(DepthRange{20, kUnbounded}.label_ja() == "20m以上");
    CHECK(DepthRange{5, 10}.label_en() == "5.0-10 m");
    CHECK(DepthRange{0, 0.5}.gsi_class() == 1);
    CHECK(DepthRange{3, 5}.gsi_class() == 3);
    CHECK(DepthRange{20, kUnbounded}.gsi_class() == 6);
    CHECK(DepthRange{1, 2}.gsi_class() == 2);  // 2012 seven-step class falls in GSI 0.5-3
    CHECK(DurationRange{24, 72}.label_en() == "24-72 h");
    CHECK(DurationRange{24, 72}.label_ja() == "24時間以上72時間未満");
    CHECK(DurationRange{0, 12}.label_ja() == "12時間未満");
    CHECK(DurationRange{672, kUnbounded}.label_en() == ">= 672 h");
}

TEST_CASE("hazard config: every mistake is reported at once, in character columns", "[hazard][schema]") {
    // Three independent mistakes, two on lines with Japanese text before them
    // (3 bytes a character: byte columns would be 60 and 70).
    const std::string text = "name: 多摩市\n"
                             "layers:\n"
                             "  - {name: 洪水浸水想定区域, source: a.gpkg, kind: flood_dept}\n"  // 3
                             "  - name: 避難所\n"
                             "    source: sites.csv\n"
                             "    kind: shelters\n"
                             "    welfare_feild: 福祉\n"  // 7
                             "  - {name: 家屋倒壊, source: c.gpkg, kind: house_collapse, type: flood_flw}\n";  // 8
    auto e = config_error(text);
    REQUIRE(e.diagnostics().size() == 3);
    const std::string what = e.what();
    CHECK(what ==
          "/cfg/hz.yaml:3:44: unknown layer kind 'flood_dept' (did you mean 'flood_depth'?); allowed: flood_depth, "
          "flood_duration, house_collapse, landslide, shelters, storm_surge, tsunami, basemap\n"
          "/cfg/hz.yaml:7:5: unknown key 'welfare_feild' in layers[2] (did you mean 'welfare_field'?)\n"
          "/cfg/hz.yaml:8:62: unknown house_collapse type 'flood_flw' (did you mean 'flood_flow'?); allowed: "
          "flood_flow, bank_erosion");
    // where()/message() still describe the whole list from the first problem on.
    CHECK(e.where().line == 3);
    CHECK(e.where().column == 44);
    CHECK(format_location(e.where()) + ": " + e.message() == what);
}

TEST_CASE("hazard config: did-you-mean for keys, presets and shelter types", "[hazard][schema]") {
    CHECK_THAT(config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    feild: x\n").what(),
               Catch::Contains("hz.yaml:4:5: unknown key 'feild' in layers[1] (did you mean 'field'?)"));
    CHECK_THAT(config_error("layers:\n  - source: a.gpkg\n    kind: flood_depth\n    field: x\n    preset: a31a_dept\n")
                   .what(),
               Catch::Contains("hz.yaml:5:13: unknown preset 'a31a_dept' (did you mean 'a31a_depth'?)"));
    CHECK_THAT(config_error("layers:\n  - source: a.csv\n    kind: shelters\n    shelter_type: welfare_shelters\n").what(),
               Catch::Contains("unknown shelter_type 'welfare_shelters' (did you mean 'welfare_shelter'?)"));
    CHECK_THAT(config_error("nmae: x\nlayers:\n  - source: a.gpkg\n    kind: flood_depth\n").what(),
               Catch::Contains("hz.yaml:1:1: unknown key 'nmae' in the hazard config (did you mean 'name'?)"));
}

TEST_CASE("hazard config: shelter_type is read into the shared ShelterType enum", "[hazard][enum]") {
    HazardConfig c = parse_hazard_config("layers:\n  - source: a.csv\n    kind: shelters\n    shelter_type: welfare_shelter\n",
                                         "/cfg/hz.yaml");
    REQUIRE(c.layers.size() == 1);
    CHECK(c.layers[0].shelter_type == ShelterType::WelfareShelter);
    CHECK(parse_hazard_config("layers:\n  - source: a.csv\n    kind: shelters\n", "/cfg/hz.yaml").layers[0].shelter_type ==
          ShelterType::EmergencySite);
}

TEST_CASE("hazard enum names parse back to their values", "[hazard][enum]") {
    const EnumTable<LayerKind> kinds(kLayerKindNames);
    for (size_t i = 0; i < kinds.size(); ++i) {
        const auto v = static_cast<LayerKind>(i);
        CHECK(kinds.parse(to_string(v)) == v);
    }
    const EnumTable<ShelterType> types(kShelterTypeNames);
    for (size_t i = 0; i < types.size(); ++i) {
        const auto v = static_cast<ShelterType>(i);
        CHECK(types.parse(to_string(v)) == v);
        CHECK(std::string(label_ja(v)) == types.label(v));
        // Each name is accepted by the config reader too.
        HazardConfig c = parse_hazard_config(
            std::string("layers:\n  - source: a.csv\n    kind: shelters\n    shelter_type: ") + to_string(v) + "\n", "/x.yaml");
        CHECK(c.layers.at(0).shelter_type == v);
    }
}
