// End to end: `sheetgen flag` on the samples gives the verdicts they were
// designed for, and on the real Tokyo data finds the Tama River households.
#include <catch2/catch.hpp>

#include <map>
#include <ogrsf_frmts.h>
#include <set>
#include <sstream>

#include "cli/cli_fixtures.hpp"

using namespace sheetgen::test;

namespace {

struct Row {
    std::string level, codes, reasons, suggested, shelter_status, action, flee;
    std::string start_level, safe_floor;  // "" when null
    bool in_flood_zone = false;
};

std::string int_or_empty(OGRFeature& f, const char* name) {
    int i = f.GetFieldIndex(name);
    REQUIRE(i >= 0);
    return f.IsFieldSetAndNotNull(i) ? std::to_string(f.GetFieldAsInteger(i)) : "";
}

// Reads the GeoJSON written by flag back through OGR (an independent reader).
std::map<std::string, Row> read_geojson(const std::string& path) {
    GDALAllRegister();
    std::map<std::string, Row> rows;
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds != nullptr);
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& f : *layer) {
        Row r;
        r.level = f->GetFieldAsString("level");
        r.codes = f->GetFieldAsString("reason_codes");
        r.reasons = f->GetFieldAsString("reasons");
        r.suggested = f->GetFieldAsString("suggested_shelter");
        r.shelter_status = f->GetFieldAsString("shelter_status");
        r.in_flood_zone = f->GetFieldAsInteger("in_flood_zone") != 0;
        r.action = f->GetFieldAsString("action");
        r.flee = f->GetFieldAsString("flee_site");
        r.start_level = int_or_empty(*f, "evacuation_start_alert_level");
        r.safe_floor = int_or_empty(*f, "safe_floor");
        rows[f->GetFieldAsString("id")] = r;
    }
    GDALClose(ds);
    return rows;
}

bool has_code(const Row& r, const std::string& code) { return ("," + r.codes + ",").find("," + code + ",") != std::string::npos; }

std::vector<std::string> csv_ids_in_order(const std::string& csv) {
    std::vector<std::string> ids;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line))
        if (!line.empty() && line.rfind("tama-", 0) == 0) ids.push_back(line.substr(0, line.find(',')));
    return ids;
}

}  // namespace

TEST_CASE("flag gives each sample household the verdict it was designed for", "[cli][flag]") {
    TempDir dir;
    auto r = run_sheetgen("flag --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) + " -o " +
                          q(dir.file("at-risk.csv")) + " --geojson " + q(dir.file("at-risk.geojson")) +
                          " --date 2026-11-24 --jobs 2");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("12 households flagged") != std::string::npos);
    auto rows = read_geojson(dir.file("at-risk.geojson"));
    REQUIRE(rows.size() == 12);

    auto expect = [&](const char* id, const char* level, const char* action, const char* start, const char* floor) {
        INFO(id);
        CHECK(rows[id].level == level);
        CHECK(rows[id].action == action);
        CHECK(rows[id].start_level == start);
        CHECK(rows[id].safe_floor == floor);
    };
    // Each sample: staff priority, flood action, start alert level, safe floor, key reasons.
    // tama-001: 24 h ventilator child, 1F of a 0.5-3 m zone; its agreed welfare shelter has power.
    expect("tama-001", "A", "leave_early", "3", "2");
    CHECK(has_code(rows["tama-001"], "living_floor_floods"));
    CHECK(has_code(rows["tama-001"], "blackout_runtime_short"));
    CHECK(has_code(rows["tama-001"], "shelter_not_for_flood"));
    CHECK(has_code(rows["tama-001"], "oxygen_source_not_recorded"));
    CHECK(has_code(rows["tama-001"], "destination_no_power"));  // the grandparents' power is not confirmed
    CHECK(rows["tama-001"].suggested == "多摩市総合福祉センター");
    // tama-002: 8F above a 3-5 m zone, but 10 h of power against a week without it: leaves for her hospital.
    expect("tama-002", "A", "leave_early", "3", "3");
    CHECK(has_code(rows["tama-002"], "floor_above_water"));
    CHECK(has_code(rows["tama-002"], "building_power_loss"));
    CHECK(has_code(rows["tama-002"], "power_short_of_outage"));
    CHECK(has_code(rows["tama-002"], "shelter_vertical_isolated"));
    CHECK(rows["tama-002"].shelter_status == "isolated");
    CHECK(rows["tama-002"].suggested == "都立神経病院");
    CHECK(rows["tama-002"].flee.find("駐車場") == std::string::npos);
    // tama-003: oxygen in a bank-erosion house-collapse zone; the car at home is under water.
    expect("tama-003", "A", "leave_early", "3", "");
    CHECK(has_code(rows["tama-003"], "house_collapse_zone"));
    CHECK(has_code(rows["tama-003"], "car_power_unusable_in_flood"));
    CHECK(has_code(rows["tama-003"], "no_stay_destination"));
    // tama-006: landslide zone only.
    expect("tama-006", "A", "leave_early", "3", "");
    CHECK(has_code(rows["tama-006"], "landslide_zone"));
    CHECK_FALSE(rows["tama-006"].in_flood_zone);
    // tama-007: 2F above 0-0.5 m, stock for 7 days, suction with a foot pump: stays upstairs.
    expect("tama-007", "C", "shelter_upstairs", "", "2");
    CHECK(has_code(rows["tama-007"], "shelter_upstairs"));
    CHECK(has_code(rows["tama-007"], "consent_missing"));
    CHECK(has_code(rows["tama-007"], "shelter_not_planned"));
    CHECK(rows["tama-007"].flee.empty());
    // tama-008: 12F, 53 h of power: 53 h beats 24 h of water but not the week without power.
    expect("tama-008", "A", "leave_early", "3", "2");
    CHECK(has_code(rows["tama-008"], "power_short_of_outage"));
    CHECK(has_code(rows["tama-008"], "no_stay_destination"));
    CHECK(has_code(rows["tama-008"], "welfare_shelter_to_arrange"));
    // tama-009: oxygen cylinder, wheelchair, 1F in 0-0.5 m: leaves at level 3 (was "by level 4").
    expect("tama-009", "B", "leave_early", "3", "2");
    CHECK(has_code(rows["tama-009"], "living_floor_floods"));
    CHECK(has_code(rows["tama-009"], "shelter_in_flood_zone"));
    CHECK(has_code(rows["tama-009"], "review_overdue"));
    // tama-011: 2-year-old with a feeding pump in a zone without depth data.
    expect("tama-011", "B", "leave_early", "3", "3");
    CHECK(has_code(rows["tama-011"], "depth_unknown"));
    CHECK(has_code(rows["tama-011"], "shelter_unknown"));
    // tama-012: ventilator, 1F of a 0.5-3 m zone, welfare shelter named without agreement.
    expect("tama-012", "A", "leave_early", "3", "2");
    CHECK(has_code(rows["tama-012"], "welfare_shelter_not_agreed"));
    // Outside every zone: blackout decides. tama-005 (ventilator, 6 h) and tama-010 (oxygen, 6 h) are B.
    expect("tama-005", "B", "stay_home_power_plan", "", "");
    CHECK(has_code(rows["tama-005"], "blackout_runtime_short"));
    expect("tama-010", "B", "stay_home_power_plan", "", "");
    CHECK(has_code(rows["tama-010"], "blackout_runtime_short"));
    expect("tama-004", "D", "stay_home_power_plan", "", "");
    for (const char* id : {"tama-004", "tama-005", "tama-010"}) CHECK(has_code(rows[id], "stay_home_power_plan"));
    // Not reviewed only where designed; consent everywhere else.
    for (auto& [id, row] : rows) {
        INFO(id);
        if (id != "tama-009") CHECK_FALSE(has_code(row, "review_overdue"));
        if (id != "tama-007") CHECK_FALSE(has_code(row, "consent_missing"));
        // Never suggest the school yard that is not a flood shelter, nor an
        // emergency site or a welfare shelter without power as a place to stay.
        CHECK(row.suggested.find("多摩第一小学校") == std::string::npos);
        CHECK(row.suggested.find("校庭") == std::string::npos);
        CHECK(row.suggested.find("福祉避難所（合成データ）関戸") == std::string::npos);
        CHECK(row.flee.find("福祉避難所") == std::string::npos);
    }

    // The CSV is sorted by priority, input order within a level.
    std::string csv = read_file(dir.file("at-risk.csv"));
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    auto ids = csv_ids_in_order(csv);
    std::vector<std::string> expected = {"tama-001", "tama-002", "tama-003", "tama-006", "tama-008", "tama-012",
                                         "tama-005", "tama-009", "tama-010", "tama-011", "tama-007", "tama-004"};
    CHECK(ids == expected);
}

TEST_CASE("flag skips invalid profiles, processes the rest and says so in its exit code", "[cli][flag]") {
    TempDir dir;
    write_file(dir.file("good.yaml"), minimal_profile("good-1"));
    write_file(dir.file("bad.yaml"), minimal_profile("bad-1") + "colour: blue\n");
    write_file(dir.file("z-dup.yaml"), minimal_profile("GOOD-1"));  // ids compare case-insensitively; files go in name order
    auto r = run_sheetgen("flag --hazards " + q(sample_hazards()) + " " + q(dir.path()) + " -o " +
                          q(dir.file("out/list.csv")));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("bad.yaml:") != std::string::npos);
    CHECK(r.err.find("colour") != std::string::npos);
    CHECK(r.err.find("duplicate") != std::string::npos);
    CHECK(r.out.find("1 households flagged") != std::string::npos);
    std::string csv = read_file(dir.file("out/list.csv"));
    CHECK(csv.find("good-1,") != std::string::npos);
    CHECK(csv.find("bad-1") == std::string::npos);
}

TEST_CASE("flag on the real Tokyo 2012 flood zones finds the Tama River households", "[cli][flag][realdata]") {
    if (!file_exists(shared_data("tokyo/A31-12_13.shp")))
        SHEETGEN_SKIP(shared_data("tokyo") + " not present (real public data; SHEETGEN_SHARED_DATA overrides)");
    TempDir dir;
    auto r = run_sheetgen("flag --hazards " + q(tokyo_real_config(dir.path())) + " " +
                          q(source_path("samples")) + " -o " + q(dir.file("a.csv")) + " --geojson " +
                          q(dir.file("a.geojson")) + " --date 2026-11-24");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    auto rows = read_geojson(dir.file("a.geojson"));
    // 関戸 and 一ノ宮 along the Tama River are inside; 永山 and 落合 are not.
    for (const char* id : {"tama-001", "tama-008", "tama-012", "tama-002", "tama-009"}) {
        INFO(id);
        CHECK(rows[id].in_flood_zone);
        // The 2012 file has no depth attribute: inside, depth unknown, so nobody stays.
        CHECK(has_code(rows[id], "depth_unknown"));
        CHECK(rows[id].action == "leave_early");
    }
    for (const char* id : {"tama-004", "tama-005"}) {
        INFO(id);
        CHECK_FALSE(rows[id].in_flood_zone);
    }
    // 多摩第一小学校校庭 (no flood flag, inside the zone) is never suggested.
    for (auto& [id, row] : rows) {
        INFO(id);
        CHECK(row.suggested.find("多摩第一小学校") == std::string::npos);
    }
    CHECK(has_code(rows["tama-001"], "shelter_not_for_flood"));
}

TEST_CASE("flag --gpkg writes the same verdicts as GeoJSON, byte-identical across runs", "[cli][flag]") {
    TempDir dir;
    for (const char* n : {"1", "2"}) {
        auto r = run_sheetgen("flag --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) + " -o " +
                              q(dir.file(std::string(n) + ".csv")) + " --gpkg " + q(dir.file(std::string(n) + ".gpkg")) +
                              " --geojson " + q(dir.file(std::string(n) + ".geojson")) + " --date 2026-11-24");
        INFO(r.err);
        REQUIRE(r.exit_code == 0);
    }
    CHECK(read_file(dir.file("1.gpkg")) == read_file(dir.file("2.gpkg")));
    CHECK(read_file(dir.file("1.geojson")) == read_file(dir.file("2.geojson")));
    CHECK(read_file(dir.file("1.csv")) == read_file(dir.file("2.csv")));
    auto g = read_geojson(dir.file("1.gpkg"));
    auto j = read_geojson(dir.file("1.geojson"));
    REQUIRE(g.size() == 12);
    for (auto& [id, row] : j) {
        INFO(id);
        CHECK(g[id].level == row.level);
        CHECK(g[id].codes == row.codes);
        CHECK(g[id].in_flood_zone == row.in_flood_zone);
    }
    CHECK_FALSE(file_exists(dir.file("1.gpkg.tmp")));
}
