// Every list writer handles numbers without a finite value (an unbounded
// power runtime from a denormal hours_per_day, a failed distance): null in
// GeoJSON, a blank cell in CSV, NULL in the GeoPackage. Before, the GeoJSON
// got `"power_hours":,` and the whole file became unreadable.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <ogrsf_frmts.h>

#include "report/flag_report.hpp"
#include "report/gpkg_writer.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {
Profile household() {
    Profile p;
    p.id = "nf-001";
    p.person.name = "多摩 花子";
    p.household.location = LatLon{35.6305, 139.4480};
    p.household.living_floor = 1;
    return p;
}

Verdict unbounded(double value) {
    Verdict v;
    v.household_id = "nf-001";
    v.power_hours = value;
    ShelterSuggestion s;
    s.id = "S1";
    s.name = "第一小学校";
    s.distance_m = value;
    v.suggested_shelter = s;
    v.suggested_welfare = s;
    v.flee_site = s;
    v.flood_power_hours = value;
    Destination stay;
    stay.role = DestinationRole::Stay;
    stay.name = "第一小学校";
    stay.distance_m = value;
    v.destinations = {stay};
    v.exposure.in_flood_zone = true;
    v.exposure.depth = DepthRange{value, value};
    return v;
}
}  // namespace

TEST_CASE("GeoJSON and CSV write null / blank for non-finite numbers", "[report][json][csv]") {
    for (double bad : {std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                       std::numeric_limits<double>::quiet_NaN()}) {
        INFO(bad);
        const std::string f = flag_geojson_feature(household(), unbounded(bad));
        CHECK(f.find("\"power_hours\":null,") != std::string::npos);
        CHECK(f.find("\"suggested_distance_m\":null,") != std::string::npos);
        CHECK(f.find("\"depth_min_m\":null,") != std::string::npos);
        CHECK(f.find(":,") == std::string::npos);  // no empty value anywhere
        // Every value is valid JSON: the feature parses through OGR's GeoJSON reader.
        const std::string doc = flag_geojson_header() + f + flag_geojson_footer();
        GDALAllRegister();
        GDALDataset* ds = GDALDataset::FromHandle(
            GDALOpenEx(doc.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        REQUIRE(ds != nullptr);
        OGRFeatureUniquePtr feat(ds->GetLayer(0)->GetNextFeature());
        REQUIRE(feat);
        CHECK(feat->IsFieldNull(feat->GetFieldIndex("power_hours")));
        GDALClose(ds);

        const std::string row = flag_csv_row(household(), unbounded(bad));
        // The hours (停電時の電源, 浸水時の電源: columns 15 and 16) and the three
        // distances (columns 22, 24 and 26): all blank.
        std::vector<std::string> cells;
        size_t start = 0;
        for (size_t i = 0; i <= row.size(); ++i)
            if (i == row.size() || row[i] == ',') {
                cells.push_back(row.substr(start, i - start));
                start = i + 1;
            }
        REQUIRE(cells.size() >= 26);
        for (size_t i : {14, 15, 21, 23, 25}) {
            INFO("column " << i + 1);
            CHECK(cells[i].empty());
        }
    }
}

TEST_CASE("The GeoPackage stores NULL for non-finite numbers", "[report][gpkg]") {
    TempDir dir;
    const std::string path = dir.file("list.gpkg");
    {
        GpkgWriter w(path, Date{2026, 11, 24}, OutputOptions{});
        w.add(household(), unbounded(std::numeric_limits<double>::infinity()));
        w.commit();
    }
    GDALDataset* ds =
        GDALDataset::FromHandle(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    REQUIRE(ds != nullptr);
    OGRFeatureUniquePtr f(ds->GetLayer(0)->GetNextFeature());
    REQUIRE(f);
    for (const char* field : {"power_hours", "suggested_distance_m", "depth_min_m"}) {
        INFO(field);
        CHECK(f->IsFieldNull(f->GetFieldIndex(field)));
    }
    GDALClose(ds);
    // Nothing left beside it: the private temporary directory is gone.
    CHECK(capture("ls -A '" + dir.path() + "'") == "list.gpkg\n");
}
