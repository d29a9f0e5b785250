// Every change code from real verdicts: the same profile assessed against
// two Exposures built directly (risk/assess does the rest), then compared.
#include <catch2/catch.hpp>
#include <algorithm>

#include "diff/changes.hpp"
#include "diff/changes_report.hpp"
#include "risk/risk_fixtures.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

RiskOptions opts() {
    RiskOptions r;
    r.as_of = Date{2026, 5, 1};
    return r;
}

Snapshot snap(const Profile& p, const Exposure& e, const std::vector<Shelter>& shelters = {}) {
    return snapshot_of(p, assess(p, e, shelters, opts()));
}

std::vector<std::string> codes(const Snapshot& b, const Snapshot& a) {
    std::vector<std::string> c;
    for (const Change& ch : compare(&b, &a).changes) c.push_back(ch.code);
    return c;
}

bool has(const std::vector<std::string>& v, const std::string& code) {
    return std::find(v.begin(), v.end(), code) != v.end();
}

Exposure outside() { return Exposure{}; }
DepthRange depth(double lo, double hi) { return DepthRange{lo, hi}; }

}  // namespace

TEST_CASE("diff: entering and leaving a flood zone") {
    Profile p = base_profile(1);
    Snapshot out = snap(p, outside()), in = snap(p, flood_exposure(depth(0.5, 3)));
    auto entered = codes(out, in);
    CHECK(has(entered, "entered_zone"));
    CHECK(has(entered, "action_changed"));   // stay home -> leave at level 3
    CHECK(has(entered, "priority_raised"));
    CHECK(has(entered, "safe_floor_changed"));
    CHECK(entered.front() == "entered_zone");  // most urgent first
    CHECK_FALSE(has(entered, "depth_increased"));  // entering says it already
    auto left = codes(in, out);
    CHECK(has(left, "left_zone"));
    CHECK(has(left, "priority_lowered"));
    CHECK_FALSE(has(left, "entered_zone"));
    CHECK(codes(in, in) == std::vector<std::string>{"unchanged"});
    CHECK(codes(out, out) == std::vector<std::string>{"unchanged"});
}

TEST_CASE("diff: deeper and shallower depth classes, unknown depth as the worst case") {
    Profile p = base_profile(3);
    Snapshot shallow = snap(p, flood_exposure(depth(0.5, 3))), deep = snap(p, flood_exposure(depth(5, 10)));
    Snapshot unknown = snap(p, flood_exposure(std::nullopt));
    CHECK(has(codes(shallow, deep), "depth_increased"));
    CHECK_FALSE(has(codes(shallow, deep), "depth_decreased"));
    CHECK(has(codes(deep, shallow), "depth_decreased"));
    CHECK(has(codes(shallow, unknown), "depth_increased"));  // the verdict then makes the family leave
    CHECK(has(codes(unknown, shallow), "depth_decreased"));
    // 3F (floor at 6 m) stays above 0.5-3 m, not above 5-10 m: the safe floor moves.
    CHECK(has(codes(shallow, deep), "safe_floor_changed"));
}

TEST_CASE("diff: longer flooding") {
    Profile p = base_profile(1);
    Snapshot short_ = snap(p, flood_exposure(depth(0.5, 3), DurationRange{12, 24}));
    Snapshot long_ = snap(p, flood_exposure(depth(0.5, 3), DurationRange{72, 168}));
    Snapshot none = snap(p, flood_exposure(depth(0.5, 3)));
    CHECK(has(codes(short_, long_), "duration_increased"));
    CHECK_FALSE(has(codes(long_, short_), "duration_increased"));
    CHECK(has(codes(none, short_), "duration_increased"));  // a duration zone appears
    CHECK_FALSE(has(codes(short_, long_), "depth_increased"));
}

TEST_CASE("diff: house-collapse and landslide zones") {
    Profile p = base_profile(1);
    Exposure plain = flood_exposure(depth(0.5, 3));
    Exposure collapse = plain;
    collapse.in_house_collapse = true;
    collapse.house_collapse_type = "flood_flow";
    Exposure slide = outside();
    slide.in_landslide = true;
    auto c = codes(snap(p, plain), snap(p, collapse));
    CHECK(c.front() == "entered_house_collapse");
    CHECK_FALSE(has(c, "entered_zone"));
    auto s = codes(snap(p, outside()), snap(p, slide));
    CHECK(s.front() == "entered_landslide");
    CHECK(has(s, "action_changed"));
}

TEST_CASE("diff: the planned site loses its designation or ends up in the zone") {
    Profile p = base_profile(1);  // plans S-OK
    Shelter site = shelter_at("S-OK", "第一小学校", 500);
    site.type = ShelterType::EvacuationShelter;
    Exposure e = flood_exposure(depth(0.5, 3));
    Snapshot ok = snap(p, e, {site});
    REQUIRE(ok.planned_status == "ok");

    Shelter undesignated = site;
    undesignated.flood = false;
    auto lost = codes(ok, snap(p, e, {undesignated}));
    CHECK(has(lost, "planned_shelter_lost_designation"));
    CHECK_FALSE(has(lost, "planned_shelter_now_in_zone"));
    // Gone from the layer altogether (another site remains): no designation either.
    Shelter other = shelter_at("S-OTHER", "第三中学校", 900);
    CHECK(has(codes(ok, snap(p, e, {other})), "planned_shelter_lost_designation"));

    Shelter flooded = site;
    flooded.exposure.in_flood_zone = true;
    auto in_zone = codes(ok, snap(p, e, {flooded}));
    CHECK(has(in_zone, "planned_shelter_now_in_zone"));
    CHECK_FALSE(has(in_zone, "planned_shelter_lost_designation"));
    ChangeRow row = compare(&ok, nullptr);
    CHECK(row.changes.front().code == "household_removed");
    const auto r = compare(&ok, &ok);
    CHECK(r.changes.front().code == "unchanged");
}

TEST_CASE("diff: another suggested place to stay") {
    Profile p = base_profile(1);
    Shelter far = shelter_at("S-OK", "第一小学校", 1500);
    far.type = ShelterType::EvacuationShelter;
    Shelter near = shelter_at("S-NEW", "新設の避難所", 300);
    near.type = ShelterType::EvacuationShelter;
    Exposure e = flood_exposure(depth(0.5, 3));
    Snapshot before = snap(p, e, {far}), after = snap(p, e, {far, near});
    REQUIRE(before.suggested_shelter != after.suggested_shelter);
    CHECK(has(codes(before, after), "suggested_shelter_changed"));
}

TEST_CASE("diff: the flood data's coverage changes") {
    Profile p = base_profile(1);
    Exposure uncovered = outside();
    uncovered.covered_by_flood_data = false;
    auto c = codes(snap(p, uncovered), snap(p, outside()));
    CHECK(has(c, "coverage_changed"));
    CHECK(has(c, "action_changed"));  // no_hazard_data -> stay home
    CHECK(has(codes(snap(p, outside()), snap(p, uncovered)), "coverage_changed"));
    // In a zone of the old data, outside the new data's coverage: not known to have left.
    auto gone = codes(snap(p, flood_exposure(DepthRange{0.5, 3})), snap(p, uncovered));
    CHECK_FALSE(has(gone, "left_zone"));
    CHECK(has(gone, "coverage_changed"));
    CHECK(has(gone, "action_changed"));
}

TEST_CASE("diff: new and removed households, sorting most urgent first") {
    Profile a = base_profile(1), b = base_profile(1), c = base_profile(1);
    a.id = "h-a";
    b.id = "h-b";
    c.id = "h-c";
    std::vector<Snapshot> before = {snap(a, outside()), snap(b, outside())};
    std::vector<Snapshot> after = {snap(c, outside()), snap(b, flood_exposure(depth(0.5, 3)))};
    auto rows = compare_all(before, after);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].id() == "h-b");
    CHECK(rows[0].changes.front().code == "entered_zone");
    CHECK(rows[0].redo());
    CHECK(rows[1].id() == "h-c");
    CHECK(rows[1].changes.front().code == "new_household");
    CHECK(rows[2].id() == "h-a");
    CHECK(rows[2].changes.front().code == "household_removed");
    CHECK_FALSE(rows[2].redo());
    // Same inputs in another order: the same rows.
    auto again = compare_all({before[1], before[0]}, {after[1], after[0]});
    for (size_t i = 0; i < rows.size(); ++i) CHECK(changes_csv_row(rows[i]) == changes_csv_row(again[i]));
}

TEST_CASE("diff: the catalogue has one entry per code with both sentences, and every code is documented") {
    const std::vector<std::string> issue_codes = {
        "entered_zone", "left_zone", "depth_increased", "depth_decreased", "duration_increased",
        "entered_house_collapse", "entered_landslide", "action_changed", "priority_raised", "priority_lowered",
        "safe_floor_changed", "planned_shelter_lost_designation", "planned_shelter_now_in_zone",
        "suggested_shelter_changed", "coverage_changed", "unchanged", "new_household", "household_removed"};
    CHECK(change_catalogue().size() == issue_codes.size());
    const std::string doc = read_file(source_path("docs/hazard-diff.md"));
    for (const auto& code : issue_codes) {
        CHECK_NOTHROW(change_rank(code));
        CHECK(doc.find("`" + code + "`") != std::string::npos);
    }
    for (const ChangeDef& d : change_catalogue()) {
        CHECK(std::string(d.ja).size() > 0);
        CHECK(std::string(d.en).size() > 0);
    }
}

TEST_CASE("diff: the changes CSV keeps the at-risk CSV's conventions") {
    Profile p = base_profile(1);
    p.person.name = "=HYPERLINK(\"x\")";
    Snapshot out = snap(p, outside()), in = snap(p, flood_exposure(depth(0.5, 3)));
    const std::string h = changes_csv_header();
    CHECK(h.rfind("\xEF\xBB\xBF" "ID,氏名,地区,", 0) == 0);
    CHECK(h.find(",change_codes,変化の内容,changes (en)\r\n") != std::string::npos);
    const std::string row = changes_csv_row(compare(&out, &in));
    CHECK(row.substr(row.size() - 2) == "\r\n");
    CHECK(row.find(",\"'=HYPERLINK(\"\"x\"\")\",") != std::string::npos);  // defused and quoted
    INFO(row);
    CHECK(row.find(",entered_zone;priority_raised;action_changed;safe_floor_changed,") != std::string::npos);
    // Same number of cells as the header (no field holds a comma unquoted here).
    auto cells = [](const std::string& line) { return std::count(line.begin(), line.end(), ','); };
    CHECK(cells(h) == 25);
}
