// run_diff end to end on tiny synthetic layers (GeoJSON written here): two
// configs, the changes CSV/GeoJSON, the shelters CSV and the summary.
#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sstream>
#include <sys/stat.h>

#include "diff/diff_lib.hpp"
#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"
#include "report/flag_report.hpp"
#include "diff/revision_fixture.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using namespace sheetgen::test;
using namespace sheetgen::test::revision;

namespace {

DiffOptions options(const TempDir& dir) {
    DiffOptions o;
    o.before_config = dir.file("old.yaml");
    o.after_config = dir.file("new.yaml");
    o.profile_paths = {dir.file("profiles")};
    o.out_csv = dir.file("out/changes.csv");
    o.geojson = dir.file("out/changes.geojson");
    o.gpkg = dir.file("out/changes.gpkg");
    o.as_of = Date{2026, 5, 1};
    o.run.jobs = 2;
    return o;
}

// The data lines of a CSV (after the header), each without CRLF.
std::vector<std::string> lines(const std::string& csv) {
    std::vector<std::string> out;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) out.push_back(line.substr(0, line.size() - 1));
    return out;
}

}  // namespace

TEST_CASE("diff: two synthetic configs give the expected rows, shelters and summary") {
    TempDir dir;
    write_fixture(dir);
    std::ostringstream out, err;
    DiffResult r = diff_households(options(dir), Streams{out, err});
    INFO(err.str());
    CHECK(r.skipped == 0);
    CHECK(r.households == 5);
    CHECK(r.counts["entered_zone"] == 1);
    CHECK(r.counts["left_zone"] == 1);
    CHECK(r.counts["depth_increased"] == 1);
    CHECK(r.counts["coverage_changed"] == 1);
    CHECK(r.counts["unchanged"] == 1);
    const std::vector<std::string> rows = lines(read_file(dir.file("out/changes.csv")));
    REQUIRE(rows.size() == 5);
    // Most urgent first: entered_zone, then depth_increased, coverage_changed, left_zone, unchanged.
    CHECK(rows[0].rfind("h-enter,", 0) == 0);
    CHECK(rows[1].rfind("h-deeper,", 0) == 0);
    CHECK(rows[2].rfind("h-cover,", 0) == 0);
    CHECK(rows[3].rfind("h-left,", 0) == 0);
    CHECK(rows[4].rfind("h-same,", 0) == 0);
    CHECK(rows[4].find(",unchanged,") != std::string::npos);
    CHECK(rows[1].find("," + DepthRange{0.5, 3}.label_ja() + ",") != std::string::npos);  // before
    CHECK(rows[1].find("," + DepthRange{5, 10}.label_ja() + ",") != std::string::npos);   // after
    CHECK(rows[1].find("depth_increased") != std::string::npos);
    // The plans to redo: every row but the unchanged one (h-left's action changes too:
    // it no longer leaves).
    CHECK(r.redo_ids == std::vector<std::string>{"h-enter", "h-deeper", "h-cover", "h-left"});
    CHECK(out.str().find("entered_zone: 1") != std::string::npos);
    CHECK(out.str().find("plans to redo now: 4") != std::string::npos);
    CHECK(out.str().find("森") == std::string::npos);  // ids only, no names

    const std::vector<std::string> sites = lines(read_file(dir.file("out/changes-shelters.csv")));
    REQUIRE(sites.size() == 3);
    CHECK(sites[0].rfind("shelter_removed,S2,", 0) == 0);
    CHECK(sites[1].rfind("designation_lost,S1,", 0) == 0);
    CHECK(sites[1].find("洪水の指定がなくなりました") != std::string::npos);
    CHECK(sites[2].rfind("shelter_added,S3,", 0) == 0);

    const std::string geo = read_file(dir.file("out/changes.geojson"));
    CHECK(geo.find("\"change_codes\":\"entered_zone;") != std::string::npos);
    // The GeoPackage: the same rows in the same order, as points, read back through OGR.
    GDALAllRegister();
    GDALDataset* ds = GDALDataset::FromHandle(
        GDALOpenEx(dir.file("out/changes.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("changes");
    REQUIRE(layer);
    std::vector<std::string> ids;
    for (auto& f : *layer) {
        ids.push_back(f->GetFieldAsString("id"));
        CHECK(f->GetGeometryRef() != nullptr);
        if (ids.back() == "h-enter") {
            CHECK(std::string(f->GetFieldAsString("change_codes")).rfind("entered_zone;", 0) == 0);
            CHECK(f->GetFieldAsInteger("redo") == 1);
            CHECK(std::string(f->GetFieldAsString("before_depth")) == "区域外");
        }
    }
    GDALClose(GDALDataset::ToHandle(ds));
    CHECK(ids == std::vector<std::string>{"h-enter", "h-deeper", "h-cover", "h-left", "h-same"});
    struct stat st {};
    REQUIRE(::stat(dir.file("out/changes.csv").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    // Same inputs, byte-identical outputs (with one thread too).
    DiffOptions again = options(dir);
    again.run.jobs = 1;
    again.out_csv = dir.file("out2/changes.csv");
    again.geojson = dir.file("out2/changes.geojson");
    again.gpkg = dir.file("out2/changes.gpkg");
    std::ostringstream out2, err2;
    diff_households(again, Streams{out2, err2});
    CHECK(read_file(dir.file("out/changes.csv")) == read_file(dir.file("out2/changes.csv")));
    CHECK(read_file(dir.file("out/changes.geojson")) == read_file(dir.file("out2/changes.geojson")));
    CHECK(read_file(dir.file("out/changes-shelters.csv")) == read_file(dir.file("out2/changes-shelters.csv")));
    CHECK(read_file(dir.file("out/changes.gpkg")) == read_file(dir.file("out2/changes.gpkg")));
}

TEST_CASE("diff: a saved list as the before, with new, removed and bad households") {
    TempDir dir;
    write_fixture(dir);
    // Last year's list: h-same and a household that has since gone, written by flag's CSV writer.
    HazardSet old_set = HazardSet::load_file(dir.file("old.yaml"));
    std::string csv = flag_csv_header();
    for (const char* id : {"h-same", "h-gone"}) {
        ProfileResult p = load_profile_file(dir.file("profiles/h-same.yaml"));
        REQUIRE(p.ok());
        p.profile->id = id;
        RiskOptions risk;
        risk.as_of = Date{2026, 5, 1};
        csv += flag_csv_row(*p.profile, assess(*p.profile, old_set.expose(p.profile->household.location),
                                               old_set.shelters(), risk));
    }
    write_file(dir.file("last-year.csv"), csv);
    write_file(dir.file("profiles/broken.yaml"), "schema: sheetgen/profile-v1\nid: [\n");
    DiffOptions o = options(dir);
    o.before_config.clear();
    o.before_list = dir.file("last-year.csv");
    std::ostringstream out, err;
    DiffResult r = diff_households(o, Streams{out, err});
    CHECK(r.skipped == 1);
    CHECK(err.str().find("broken.yaml:") != std::string::npos);
    CHECK(r.counts["new_household"] == 4);
    CHECK(r.counts["household_removed"] == 1);
    CHECK(r.counts["unchanged"] == 1);
    CHECK(r.shelters_csv.empty());
    CHECK_FALSE(file_exists(dir.file("out/changes-shelters.csv")));
    const std::vector<std::string> rows = lines(read_file(dir.file("out/changes.csv")));
    REQUIRE(rows.size() == 6);
    CHECK(rows[4].rfind("h-gone,", 0) == 0);
    CHECK(rows[5].rfind("h-same,", 0) == 0);
}

TEST_CASE("diff: outputs that are inputs or each other are refused before any work") {
    TempDir dir;
    write_fixture(dir);
    std::ostringstream out, err;
    DiffOptions o = options(dir);
    o.out_csv = dir.file("new.yaml");
    CHECK_THROWS_AS(diff_households(o, Streams{out, err}), UsageError);
    o = options(dir);
    o.geojson = o.out_csv;
    CHECK_THROWS_AS(diff_households(o, Streams{out, err}), UsageError);
    o = options(dir);
    o.gpkg = dir.file("old-depth.geojson");  // a layer source
    CHECK_THROWS_AS(diff_households(o, Streams{out, err}), UsageError);
    o = options(dir);
    o.before_list = dir.file("x.csv");
    CHECK_THROWS_AS(diff_households(o, Streams{out, err}), UsageError);  // both befores
    CHECK_FALSE(file_exists(dir.file("out/changes.csv")));
}
