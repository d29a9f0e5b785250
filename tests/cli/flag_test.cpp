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
    std::string level, codes, reasons, suggested, shelter_status;
    bool in_flood_zone = false;
};

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

    // 24-hour ventilator child on the 1st floor, 0.5-3 m: early evacuation; shelter not for floods.
    CHECK(rows["tama-001"].level == "A");
    CHECK(has_code(rows["tama-001"], "ventilator_floor_floods"));
    CHECK(has_code(rows["tama-001"], "shelter_not_for_flood"));
    CHECK_FALSE(rows["tama-001"].suggested.empty());
    // Adult ventilator user on the 8th floor: dry floor, but 10 h of power against 72-168 h of flooding.
    CHECK(rows["tama-002"].level == "A");
    CHECK(has_code(rows["tama-002"], "power_short_of_isolation"));
    CHECK(has_code(rows["tama-002"], "floor_above_water"));
    // Her rooftop car park is inside the zone: cut off there too, with 10 h of power.
    CHECK(has_code(rows["tama-002"], "shelter_vertical_isolated"));
    CHECK_FALSE(rows["tama-002"].suggested.empty());
    // Oxygen + suction child in a bank-erosion house-collapse zone.
    CHECK(rows["tama-003"].level == "A");
    CHECK(has_code(rows["tama-003"], "house_collapse_zone"));
    // Landslide zone only.
    CHECK(rows["tama-006"].level == "A");
    CHECK(has_code(rows["tama-006"], "landslide_zone"));
    CHECK_FALSE(rows["tama-006"].in_flood_zone);
    // 2nd floor above 0-0.5 m water, no consent, no shelter planned.
    CHECK(rows["tama-007"].level == "C");
    CHECK(has_code(rows["tama-007"], "floor_above_water"));
    CHECK(has_code(rows["tama-007"], "consent_missing"));
    CHECK(has_code(rows["tama-007"], "shelter_not_planned"));
    // Ventilator on the 12th floor with ~53 h of backup against 12-24 h of flooding.
    CHECK(rows["tama-008"].level == "C");
    CHECK(has_code(rows["tama-008"], "power_covers_target"));
    // 1st floor, 0-0.5 m; ground-level shelter inside the zone; review overdue.
    CHECK(rows["tama-009"].level == "B");
    CHECK(has_code(rows["tama-009"], "living_floor_floods"));
    CHECK(has_code(rows["tama-009"], "shelter_in_flood_zone"));
    CHECK(has_code(rows["tama-009"], "review_overdue"));
    // Zone without a depth field; unknown shelter id.
    CHECK(rows["tama-011"].level == "B");
    CHECK(has_code(rows["tama-011"], "depth_unknown_floor_floods"));
    CHECK(has_code(rows["tama-011"], "shelter_unknown"));
    // Outside all zones.
    for (const char* id : {"tama-004", "tama-005", "tama-010"}) {
        INFO(id);
        CHECK(rows[id].level == "D");
        CHECK(has_code(rows[id], "outside_all_zones"));
    }
    // Not reviewed only where designed; consent everywhere else.
    for (auto& [id, row] : rows) {
        INFO(id);
        if (id != "tama-009") CHECK_FALSE(has_code(row, "review_overdue"));
        if (id != "tama-007") CHECK_FALSE(has_code(row, "consent_missing"));
        // Never suggest the school yard that is not a flood shelter.
        CHECK(row.suggested.find("多摩第一小学校") == std::string::npos);
    }

    // The CSV is sorted by priority, input order within a level.
    std::string csv = read_file(dir.file("at-risk.csv"));
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);
    auto ids = csv_ids_in_order(csv);
    std::vector<std::string> expected = {"tama-001", "tama-002", "tama-003", "tama-006", "tama-012", "tama-009",
                                         "tama-011", "tama-007", "tama-008", "tama-004", "tama-005", "tama-010"};
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
        // The 2012 file has no depth attribute: inside, depth unknown.
        CHECK((has_code(rows[id], "depth_unknown_floor_floods") || has_code(rows[id], "depth_unknown_upper_floor")));
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
