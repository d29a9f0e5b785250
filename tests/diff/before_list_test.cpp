// A list written by flag's own writers (CSV, GeoJSON, GeoPackage) reads back
// as the same snapshots: comparing it with the verdicts gives `unchanged`
// for every household.
#include <catch2/catch.hpp>
#include <fstream>

#include "common/error.hpp"
#include "diff/changes.hpp"
#include "hazard/hazard_set.hpp"
#include "profile/parse.hpp"
#include "report/flag_report.hpp"
#include "report/gpkg_writer.hpp"
#include "risk/risk_fixtures.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

struct Record {
    Profile profile;
    Verdict verdict;
};

RiskOptions opts() {
    RiskOptions r;
    r.as_of = Date{2026, 5, 1};
    return r;
}

// The twelve samples on the synthetic Tama layers (every action, collapse,
// landslide, unknown depth, durations, shelters) plus hand-made verdicts with
// names Excel would run as formulas and statuses judged for landslides.
std::vector<Record> households() {
    std::vector<Record> out;
    HazardSet hazards = HazardSet::load_file(source_path("geodata/tama-sample.yaml"));
    std::vector<Diagnostic> problems;
    for (const std::string& path : expand_profile_paths({source_path("samples")}, problems)) {
        ProfileResult r = load_profile_file(path);
        REQUIRE(r.ok());
        Profile p = *r.profile;
        Verdict v = assess(p, hazards.expose(p.household.location), hazards.shelters(), opts());
        out.push_back({p, v});
    }
    Profile odd = base_profile(2);
    odd.id = "odd-001";
    odd.person.name = "=cmd|' /C calc'!A0, \"引用\"";
    odd.household.district = "-関戸";
    Exposure slide;
    slide.in_landslide = true;
    slide.landslide_type = "急傾斜地";
    Shelter site = shelter_at("S-OK", "+第二小学校", 400);
    site.landslide = true;
    out.push_back({odd, assess(odd, slide, {site}, opts())});
    Profile uncovered = base_profile(1);
    uncovered.id = "@uncovered";
    Exposure none;
    none.covered_by_flood_data = false;
    none.inside_municipality = false;
    out.push_back({uncovered, assess(uncovered, none, {}, opts())});
    Profile deep = base_profile(1);
    deep.id = "deep-001";
    Exposure d = flood_exposure(DepthRange{10, 20}, DurationRange{0, 12});
    d.in_house_collapse = true;
    d.house_collapse_type = "bank_erosion";
    out.push_back({deep, assess(deep, d, {}, opts())});
    return out;
}

void write_csv(const std::string& path, const std::vector<Record>& hs) {
    std::ofstream f(path, std::ios::binary);
    f << flag_csv_header();
    for (const auto& h : hs) f << flag_csv_row(h.profile, h.verdict);
}

void write_geojson(const std::string& path, const std::vector<Record>& hs) {
    std::ofstream f(path, std::ios::binary);
    f << flag_geojson_header();
    for (size_t i = 0; i < hs.size(); ++i) f << (i ? ",\n" : "") << flag_geojson_feature(hs[i].profile, hs[i].verdict);
    f << flag_geojson_footer();
}

void write_gpkg(const std::string& path, const std::vector<Record>& hs) {
    GpkgWriter w(path, Date{2026, 5, 1}, OutputOptions{});
    for (const auto& h : hs) w.add(h.profile, h.verdict);
    w.commit();
}

void check_round_trip(const std::string& path, const std::vector<Record>& hs, bool has_location) {
    std::vector<Diagnostic> problems;
    std::vector<Snapshot> read = read_flag_list(path, problems);
    for (const auto& d : problems) FAIL(format_diagnostic(d));
    REQUIRE(read.size() == hs.size());
    std::vector<Snapshot> now;
    for (const auto& h : hs) now.push_back(snapshot_of(h.profile, h.verdict));
    for (size_t i = 0; i < now.size(); ++i) {
        INFO(now[i].id);
        const Snapshot& r = read[i];
        CHECK(r.id == now[i].id);
        CHECK(r.name == now[i].name);
        CHECK(r.district == now[i].district);
        CHECK(r.level == now[i].level);
        CHECK(r.action == now[i].action);
        CHECK(r.in_zone == now[i].in_zone);
        CHECK(r.depth_min_m == now[i].depth_min_m);
        CHECK(r.depth_label == now[i].depth_label);
        CHECK(r.duration_min_h == now[i].duration_min_h);
        CHECK(r.house_collapse == now[i].house_collapse);
        CHECK(r.landslide == now[i].landslide);
        CHECK(r.planned_status == now[i].planned_status);
        CHECK(r.suggested_shelter == now[i].suggested_shelter);
        CHECK(r.covered == now[i].covered);
        CHECK(r.location.has_value() == has_location);
    }
    for (const ChangeRow& row : compare_all(read, now)) {
        INFO(row.id());
        REQUIRE(row.changes.size() == 1);
        CHECK(row.changes[0].code == "unchanged");
    }
}

}  // namespace

TEST_CASE("diff: a flag CSV, GeoJSON and GeoPackage read back as unchanged") {
    const std::vector<Record> hs = households();
    // The fixtures really vary: otherwise "unchanged" would prove little.
    bool collapse = false, landslide = false, uncovered = false, unknown_depth = false, duration = false;
    for (const auto& h : hs) {
        const Exposure& e = h.verdict.exposure;
        collapse |= e.in_house_collapse;
        landslide |= e.in_landslide;
        uncovered |= !e.covered_by_flood_data;
        unknown_depth |= e.in_flood_zone && !e.depth;
        duration |= e.duration.has_value();
    }
    REQUIRE((collapse && landslide && uncovered && unknown_depth && duration));
    TempDir dir;
    SECTION("CSV") {
        write_csv(dir.file("at-risk.csv"), hs);
        check_round_trip(dir.file("at-risk.csv"), hs, false);
    }
    SECTION("GeoJSON") {
        write_geojson(dir.file("at-risk.geojson"), hs);
        check_round_trip(dir.file("at-risk.geojson"), hs, true);
    }
    SECTION("GeoPackage") {
        write_gpkg(dir.file("at-risk.gpkg"), hs);
        check_round_trip(dir.file("at-risk.gpkg"), hs, true);
    }
}

TEST_CASE("diff: a changed household in a saved list is found, a bad row is reported and skipped") {
    std::vector<Record> hs = households();
    TempDir dir;
    write_csv(dir.file("old.csv"), hs);
    // Append a row whose level is not A-D, and a repeated id.
    {
        std::ofstream f(dir.file("old.csv"), std::ios::binary | std::ios::app);
        std::string bad = flag_csv_row(hs[0].profile, hs[0].verdict);
        f << bad;  // the same id again
        Profile p = base_profile(1);
        p.id = "broken";
        std::string row = flag_csv_row(p, assess(p, Exposure{}, {}, opts()));
        row.replace(row.find(",D,"), 3, ",Z,");
        f << row;
    }
    std::vector<Diagnostic> problems;
    std::vector<Snapshot> read = read_flag_list(dir.file("old.csv"), problems);
    CHECK(read.size() == hs.size());
    REQUIRE(problems.size() == 2);
    CHECK(format_diagnostic(problems[0]).find("appears twice") != std::string::npos);
    CHECK(format_diagnostic(problems[1]).find("priority level is not A-D") != std::string::npos);
    CHECK(problems[1].where.line == static_cast<int>(hs.size()) + 3);  // header + rows + the repeat
    // Today a household moved into a flood zone.
    std::vector<Snapshot> now;
    for (const auto& h : hs) now.push_back(snapshot_of(h.profile, h.verdict));
    Profile& moved = hs.back().profile;
    now.back() = snapshot_of(moved, assess(moved, flood_exposure(DepthRange{20, kUnbounded}), {}, opts()));
    auto rows = compare_all(read, now);
    CHECK(rows.front().id() == "deep-001");
    CHECK(rows.front().changes.front().code == "depth_increased");
}

TEST_CASE("diff: a file that is not a flag list is refused with its name") {
    TempDir dir;
    write_file(dir.file("other.csv"), "a,b\r\n1,2\r\n");
    std::vector<Diagnostic> problems;
    try {
        read_flag_list(dir.file("other.csv"), problems);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("other.csv") != std::string::npos);
        CHECK(e.message().find("no 'id' column") != std::string::npos);
    }
    CHECK_THROWS_AS(read_flag_list(dir.file("missing.gpkg"), problems), InputError);
}
