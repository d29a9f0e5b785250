#include <catch2/catch.hpp>

#include <sstream>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "intake/address.hpp"
#include "intake/import_lib.hpp"
#include "profile/parse.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::intake;

namespace {

// The gazetteer's own point for every town, read straight from the GeoJSON.
std::map<std::string, LatLon> tama_points(const std::string& path) {
    GDALAllRegister();
    std::map<std::string, LatLon> m;
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    for (auto& f : *ds->GetLayer(0)) {
        const OGRPoint* p = f->GetGeometryRef()->toPoint();
        m[f->GetFieldAsString("town")] = LatLon{p->getY(), p->getX()};
    }
    GDALClose(ds);
    return m;
}

ImportResult import(const std::string& ledger, const std::string& out, const std::string& gaz) {
    ImportOptions o;
    o.ledgers = {ledger};
    o.out_dir = out;
    o.mapping = test::source_path("samples/ledger/mapping.yaml");
    o.gazetteer = gaz;
    o.today = Date{2026, 11, 1};
    o.gazetteer_date = "2026-04-01";
    std::ostringstream sink, err;
    ImportResult r = run_import(o, {sink, err});
    INFO(err.str());
    CHECK(err.str().empty());
    return r;
}

}  // namespace

TEST_CASE("sample ledger: Shift_JIS CSV and XLSX give the same valid profiles on the gazetteer's points", "[intake]") {
    std::string gaz = test::shared_data("tama-towns/tama_13224_towns.geojson");
    if (!test::file_exists(gaz)) SHEETGEN_SKIP("no ../shared/data/tama-towns");
    test::TempDir dir;
    ImportResult csv = import(test::source_path("samples/ledger/ledger-sjis.csv"), dir.file("csv"), gaz);
    ImportResult xlsx = import(test::source_path("samples/ledger/ledger.xlsx"), dir.file("xlsx"), gaz);
    CHECK(csv.created == 8);
    CHECK(xlsx.created == 8);
    CHECK(csv.exit_code() == 0);
    auto points = tama_points(gaz);
    // Each row's town, as the gazetteer names it.
    const std::map<std::string, std::string> towns = {
        {"ledger-00101", "関戸四丁目"}, {"ledger-00102", "桜ケ丘一丁目"}, {"ledger-00103", "和田"},
        {"ledger-00104", "永山三丁目"}, {"ledger-00105", "乞田"},         {"ledger-00106", "百草"},
        {"ledger-00107", "諏訪二丁目"}, {"ledger-00108", "貝取四丁目"},
    };
    for (const auto& [id, town] : towns) {
        INFO(id);
        std::string a = dir.file("csv/" + id + ".yaml"), b = dir.file("xlsx/" + id + ".yaml");
        CHECK(test::read_file(a) == test::read_file(b));
        ProfileResult p = load_profile_file(a);
        REQUIRE(p.ok());
        CHECK(p.profile->household.location.lat == points.at(town).lat);
        CHECK(p.profile->household.location.lon == points.at(town).lon);
        CHECK(p.profile->household.location_source->level == "town");
    }
    CHECK(load_profile_file(dir.file("csv/ledger-00104.yaml")).profile->person.birthdate.iso() == "2020-09-09");
    CHECK(load_profile_file(dir.file("csv/ledger-00105.yaml")).profile->person.birthdate.iso() == "2016-04-12");
}
