// The shipped geodata: the synthetic Tama sample and, when ../shared/data is
// present, the real public Tokyo files.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <random>

#include "hazard/hazard_set.hpp"
#include "test_support.hpp"

using namespace sheetgen;

namespace {

struct Expect {
    const char* id;
    LatLon at;
    int depth_rank;     // A31a rank 1..6; 0 = outside; -1 = inside, depth unknown
    int duration_rank;  // 1..7; 0 = outside
    bool collapse;
    bool landslide;
};

const double kDepthMin[] = {0, 0, 0.5, 3, 5, 10, 20};
const double kDurationMin[] = {0, 0, 12, 24, 72, 168, 336, 672};

}  // namespace

TEST_CASE("tama-sample: the sample households get their documented exposures") {
    std::vector<Diagnostic> warnings;
    HazardSet hs = HazardSet::load_file(test::source_path("geodata/tama-sample.yaml"), &warnings);
    for (const auto& w : warnings) WARN(format_diagnostic(w));
    CHECK(warnings.empty());
    const Expect cases[] = {
        {"tama-001", {35.6530, 139.4440}, 2, 3, false, false},
        {"tama-002", {35.6555, 139.4400}, 3, 4, false, false},
        {"tama-003", {35.6490, 139.4560}, 2, 2, true, false},
        {"tama-004", {35.6305, 139.4480}, 0, 0, false, false},
        {"tama-005", {35.6230, 139.4290}, 0, 0, false, false},
        {"tama-006", {35.6420, 139.4600}, 0, 0, false, true},
        {"tama-007", {35.6400, 139.4410}, 1, 1, false, false},
        {"tama-008", {35.6540, 139.4455}, 2, 2, false, false},
        {"tama-009", {35.6548, 139.4395}, 1, 2, false, false},
        {"tama-010", {35.6330, 139.4580}, 0, 0, false, false},
        {"tama-011", {35.6340, 139.4400}, -1, 0, false, false},
        {"tama-012", {35.6535, 139.4450}, 2, 3, false, false},
    };
    for (const Expect& c : cases) {
        INFO(c.id);
        Exposure e = hs.expose(c.at);
        CHECK(e.covered_by_flood_data);  // the config's coverage box holds every sample
        CHECK(e.in_flood_zone == (c.depth_rank != 0));
        if (c.depth_rank > 0) {
            REQUIRE(e.depth);
            CHECK(e.depth->min_m == kDepthMin[c.depth_rank]);
            CHECK(e.depth_scenario == FloodScenario::Maximum);
        } else {
            CHECK_FALSE(e.depth);
        }
        CHECK(e.in_duration_zone == (c.duration_rank != 0));
        if (c.duration_rank > 0) {
            REQUIRE(e.duration);
            CHECK(e.duration->min_h == kDurationMin[c.duration_rank]);
        }
        CHECK(e.in_house_collapse == c.collapse);
        if (c.collapse) CHECK(e.house_collapse_type == "bank_erosion");
        CHECK(e.in_landslide == c.landslide);
        if (c.landslide) CHECK(e.landslide_type == "急傾斜地の崩壊");
    }
    CHECK(hs.expose({35.6340, 139.4400}).depth_layer == "乞田川 内水浸水想定区域（深さ情報なし）");
}

TEST_CASE("tama-sample: shelters") {
    HazardSet hs = HazardSet::load_file(test::source_path("geodata/tama-sample.yaml"));
    REQUIRE(hs.shelters().size() == 11);
    const Shelter* daiichi = hs.find_shelter("E1322400016201");
    REQUIRE(daiichi);
    CHECK(daiichi->name == "多摩第一小学校校庭");
    CHECK_FALSE(daiichi->flood);
    CHECK(daiichi->earthquake);
    CHECK(daiichi->exposure.in_flood_zone);
    CHECK_FALSE(daiichi->usable_in_flood());
    const Shelter* parking = hs.find_shelter("E1322400014201");
    REQUIRE(parking);
    CHECK(parking->vertical);
    CHECK(parking->exposure.in_flood_zone);
    CHECK(parking->usable_in_flood());
    const Shelter* park = hs.find_shelter("SYN-0001");
    REQUIRE(park);
    CHECK(park->flood);
    CHECK(park->exposure.in_flood_zone);
    CHECK_FALSE(park->usable_in_flood());
    const Shelter* welfare = hs.find_shelter("多摩市総合福祉センター");
    REQUIRE(welfare);
    CHECK(welfare->id == "E1322400072201");
    CHECK(welfare->welfare);
    CHECK(welfare->power == std::optional<bool>(true));
    CHECK(welfare->usable_in_flood());
    const Shelter* syn2 = hs.find_shelter("SYN-0002");
    REQUIRE(syn2);
    CHECK(syn2->welfare);
    CHECK(syn2->power == std::optional<bool>(false));
    CHECK(syn2->usable_in_flood());
    const Shelter* syn3 = hs.find_shelter("福祉避難所（合成データ）東寺方");
    REQUIRE(syn3);
    CHECK(syn3->power == std::optional<bool>(true));
    CHECK(syn3->usable_in_flood());
    CHECK_FALSE(hs.find_shelter("E1322400051201")->flood);
    for (const char* id : {"E1322400047201", "E1322400004201", "E1322400022201", "E1322400031201"}) {
        INFO(id);
        REQUIRE(hs.find_shelter(id));
        CHECK(hs.find_shelter(id)->usable_in_flood());
        CHECK_FALSE(hs.find_shelter(id)->welfare);
        CHECK_FALSE(hs.find_shelter(id)->power.has_value());
    }
    // Map around tama-001 holds zones of several kinds and the 立体駐車場.
    MapExtract m = hs.extract_map({35.6530, 139.4440}, 600, 450, 4);
    CHECK(m.polygons.size() >= 3);
    bool parking_on_map = false;
    for (const auto& s : m.shelters) parking_on_map |= s.shelter == parking;
    CHECK(parking_on_map);
}

TEST_CASE("tokyo-real: public A31 zones and GSI shelters") {
    if (!test::file_exists(test::shared_data("tokyo/A31-12_13.shp")))
        SHEETGEN_SKIP(test::shared_data("tokyo") + " not present (real public data; SHEETGEN_SHARED_DATA overrides)");
    test::TempDir cfg_dir;
    std::vector<Diagnostic> warnings;
    HazardSet hs = HazardSet::load_file(test::tokyo_real_config(cfg_dir.path()), &warnings);
    // The public shapefile has 198 self-intersecting polygons: each is repaired and reported
    // (ten in detail, then one summary), nothing else is wrong with the data.
    bool summary = false;
    for (const auto& w : warnings) {
        INFO(format_diagnostic(w));
        CHECK(w.message.find("repaired") != std::string::npos);
        CHECK(w.where.line == 13);
        summary |= w.message.find("(198 in all)") != std::string::npos;
    }
    CHECK(warnings.size() == 11);
    CHECK(summary);
    CHECK(hs.zone_polygon_count() >= 7303);
    CHECK(hs.shelters().size() == 41);
    for (LatLon in : {LatLon{35.6530, 139.4440}, LatLon{35.6540, 139.4455}}) {
        Exposure e = hs.expose(in);
        CHECK(e.in_flood_zone);
        CHECK_FALSE(e.depth);  // no .dbf: depth unknown
        CHECK(e.depth_scenario == FloodScenario::Planned);
    }
    CHECK_FALSE(hs.expose({35.6305, 139.4480}).in_flood_zone);  // 永山
    CHECK_FALSE(hs.expose({35.6230, 139.4290}).in_flood_zone);  // 落合
    const Shelter* daiichi = hs.find_shelter("多摩第一小学校校庭");
    REQUIRE(daiichi);
    CHECK(daiichi->id == "E1322400016201");
    CHECK_FALSE(daiichi->flood);
    CHECK(daiichi->exposure.in_flood_zone);
    CHECK_FALSE(daiichi->usable_in_flood());
    const Shelter* parking = hs.find_shelter("E1322400014201");
    REQUIRE(parking);
    CHECK(parking->vertical);
    CHECK(parking->location.lat == Approx(35.6525870826341));
    CHECK(parking->location.lon == Approx(139.447325782836));
    const Shelter* belve = hs.find_shelter("E1322400073201");  // ベルブ永山１階駐車場
    REQUIRE(belve);
    CHECK_FALSE(belve->vertical);
}

TEST_CASE("tokyo-real: indexed overlay agrees with GEOS Intersects on random points") {
    if (!test::file_exists(test::shared_data("tokyo/A31-12_13.shp")))
        SHEETGEN_SKIP(test::shared_data("tokyo") + " not present (real public data; SHEETGEN_SHARED_DATA overrides)");
    test::TempDir cfg_dir;
    HazardSet hs = HazardSet::load_file(test::tokyo_real_config(cfg_dir.path()));
    GDALAllRegister();
    CPLPushErrorHandler(CPLQuietErrorHandler);  // GEOS notes about the invalid rings we repair
    GDALDataset* ds = GDALDataset::FromHandle(GDALOpenEx(test::shared_data("tokyo/A31-12_13.shp").c_str(),
                                                         GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    std::mt19937_64 rng(1234);
    // Around Tama City, where zones and their edges are dense.
    std::uniform_real_distribution<double> lat(35.60, 35.665), lon(139.38, 139.49);
    int inside = 0, disagree = 0;
    for (int i = 0; i < 3000; ++i) {
        LatLon p{lat(rng), lon(rng)};
        OGRPoint pt(p.lon, p.lat);  // JGD2000 vs WGS84 differ by far less than the zone detail
        layer->SetSpatialFilter(&pt);
        layer->ResetReading();
        bool geos = false;
        while (OGRFeatureUniquePtr f{layer->GetNextFeature()}) {
            const OGRGeometry* g = f->GetGeometryRef();
            if (!g) continue;
            std::unique_ptr<OGRGeometry> fixed(g->IsValid() ? g->clone() : g->MakeValid());
            if (fixed && fixed->Intersects(&pt)) geos = true;
        }
        bool ours = hs.expose(p).in_flood_zone;
        inside += ours;
        if (ours != geos) {
            ++disagree;
            WARN("disagreement at " << p.lat << ", " << p.lon << ": ours " << ours << ", GEOS " << geos);
        }
    }
    GDALClose(GDALDataset::ToHandle(ds));
    CPLPopErrorHandler();
    CHECK(inside > 100);
    CHECK(disagree == 0);
}
