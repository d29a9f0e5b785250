// flag_csv_row: one household's row of the at-risk CSV, column by column
// (29 columns matching flag_csv_header, RFC 4180 quoting, CRLF).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "report/flag_report.hpp"

using namespace sheetgen;

namespace {

// RFC 4180 split of one CRLF-terminated row (quotes doubled inside quoted cells).
std::vector<std::string> split_row(const std::string& row) {
    REQUIRE(row.size() >= 2);
    REQUIRE(row.compare(row.size() - 2, 2, "\r\n") == 0);
    const std::string body = row.substr(0, row.size() - 2);
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (size_t i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (quoted) {
            if (c == '"' && i + 1 < body.size() && body[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cells.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else {
            REQUIRE(c != '\n');  // a bare line break outside quotes would split the row
            cells.back() += c;
        }
    }
    REQUIRE_FALSE(quoted);
    return cells;
}

// Column positions (docs/risk-rules.md, "Outputs").
enum Col {
    kId, kName, kDistrict, kLevel, kAction, kActionJa, kStartLevel, kSafeFloor, kInFloodZone, kDepthMin, kDepth,
    kDuration, kCollapse, kFloor, kPowerH, kFloodPowerH, kOutageH, kPlanned, kPlannedStatus, kSuggested, kStay,
    kStayDist, kFlee, kFleeDist, kWelfare, kWelfareDist, kCodes, kReasons, kReasonsEn, kColumns
};

size_t header_columns() {
    std::string h = flag_csv_header().substr(3);  // after the BOM
    return split_row(h).size();
}

Profile household() {
    Profile p;
    p.id = "tama-101";
    p.person.name = "多摩 花子";
    p.household.district = "関戸";
    p.household.living_floor = 1;
    return p;
}

}  // namespace

TEST_CASE("flag_csv_row: a household outside every zone", "[report][csv]") {
    Profile p = household();
    Verdict v;
    v.level = Priority::D;
    v.action = FloodAction::StayHomePowerPlan;
    v.planned_shelter_status = ShelterStatus::NotPlanned;
    const auto cells = split_row(flag_csv_row(p, v));
    REQUIRE(cells.size() == kColumns);
    CHECK(cells.size() == header_columns());
    CHECK(cells[kId] == "tama-101");
    CHECK(cells[kName] == "多摩 花子");
    CHECK(cells[kDistrict] == "関戸");
    CHECK(cells[kLevel] == "D");
    CHECK(cells[kAction] == "stay_home_power_plan");
    CHECK(cells[kActionJa] == "自宅で過ごし停電に備える");
    CHECK(cells[kInFloodZone] == "0");
    for (int i : {kStartLevel, kSafeFloor, kDepthMin, kDepth, kDuration, kCollapse, kPowerH, kFloodPowerH, kOutageH,
                  kPlanned, kSuggested, kStay, kStayDist, kFlee, kFleeDist, kWelfare, kWelfareDist, kCodes, kReasons,
                  kReasonsEn}) {
        INFO("column " << i);
        CHECK(cells[i].empty());
    }
    CHECK(cells[kFloor] == "1");
    CHECK(cells[kPlannedStatus] == label_ja(ShelterStatus::NotPlanned));
}

TEST_CASE("flag_csv_row: every column filled, with quoting and defused formulas", "[report][csv]") {
    Profile p = household();
    p.person.name = "=HYPERLINK(\"http://x\")";      // a formula must not run in Excel
    p.household.district = "関戸\n一丁目";            // a line break stays inside one cell
    p.household.living_floor = 2;
    Verdict v;
    v.level = Priority::A;
    v.action = FloodAction::LeaveEarly;
    v.start_alert_level = 3;
    v.safe_floor = 2;
    v.exposure.in_flood_zone = true;
    v.exposure.depth = DepthRange{0.5, 3.0};
    v.exposure.in_duration_zone = true;
    v.exposure.duration = DurationRange{24, 72};
    v.exposure.in_house_collapse = true;
    v.exposure.house_collapse_type = "bank_erosion";
    v.exposure.in_landslide = true;
    v.exposure.landslide_type = "急傾斜地の崩壊";
    v.power_hours = 23.0833;
    v.flood_power_hours = 16;
    v.outage_hours = 168;
    Shelter planned;
    planned.name = "多摩第一小学校, 校庭";
    v.planned_shelter = planned;
    v.planned_shelter_status = ShelterStatus::NotForFlood;
    Destination stay;
    stay.role = DestinationRole::Stay;
    stay.name = "都立神経病院";
    stay.distance_m = 2500.4;
    v.destinations = {stay};
    v.flee_site = ShelterSuggestion{"E1", "連光寺小学校校庭", {}, 846.4, false, std::nullopt};
    v.suggested_welfare = ShelterSuggestion{"E2", "多摩市総合福祉センター", {}, 1234.4, true, true};
    v.reasons = {{"a", "理由一", "reason one", {}}, {"b", "理由二", "reason two, with a comma", {}}};

    const std::string row = flag_csv_row(p, v);
    const auto cells = split_row(row);
    REQUIRE(cells.size() == kColumns);
    CHECK(cells[kId] == "tama-101");
    CHECK(cells[kName] == "'=HYPERLINK(\"http://x\")");
    CHECK(row.find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
    CHECK(cells[kDistrict] == "関戸\n一丁目");
    CHECK(cells[kLevel] == "A");
    CHECK(cells[kAction] == "leave_early");
    CHECK(cells[kStartLevel] == "3");
    CHECK(cells[kSafeFloor] == "2");
    CHECK(cells[kInFloodZone] == "1");
    CHECK(cells[kDepthMin] == "0.5");
    CHECK(cells[kDepth] == DepthRange{0.5, 3.0}.label_ja());
    CHECK(cells[kDuration] == DurationRange{24, 72}.label_ja());
    CHECK(cells[kCollapse] == "家屋倒壊等氾濫想定区域（河岸侵食） / 土砂災害（急傾斜地の崩壊）");
    CHECK(cells[kFloor] == "2");
    CHECK(cells[kPowerH] == "23.1");
    CHECK(cells[kFloodPowerH] == "16.0");
    CHECK(cells[kOutageH] == "168");
    CHECK(cells[kPlanned] == "多摩第一小学校, 校庭");
    CHECK(cells[kPlannedStatus] == label_ja(ShelterStatus::NotForFlood));
    CHECK(cells[kSuggested] == "都立神経病院");
    CHECK(cells[kStay] == "都立神経病院");
    CHECK(cells[kStayDist] == "2500");
    CHECK(cells[kFlee] == "連光寺小学校校庭");
    CHECK(cells[kFleeDist] == "846");
    CHECK(cells[kWelfare] == "多摩市総合福祉センター");
    CHECK(cells[kWelfareDist] == "1234");
    CHECK(cells[kCodes] == "a,b");
    CHECK(cells[kReasons] == "理由一 ／ 理由二");
    CHECK(cells[kReasonsEn] == "reason one / reason two, with a comma");
}

TEST_CASE("flag_csv_row: zones without depth or duration, and the profile's own shelter text", "[report][csv]") {
    Profile p = household();
    p.evacuation.shelter = "親戚宅";
    Verdict v;
    v.level = Priority::B;
    v.exposure.in_flood_zone = true;       // no depth field in the layer
    v.exposure.in_duration_zone = true;    // no duration class
    v.exposure.in_house_collapse = true;   // type unknown
    v.planned_shelter_status = ShelterStatus::Unknown;
    const auto cells = split_row(flag_csv_row(p, v));
    REQUIRE(cells.size() == kColumns);
    CHECK(cells[kDepth] == "区域内（深さ不明）");
    CHECK(cells[kDepthMin].empty());
    CHECK(cells[kDuration] == "区域内（時間不明）");
    CHECK(cells[kCollapse] == "家屋倒壊等氾濫想定区域");
    CHECK(cells[kPlanned] == "親戚宅");  // not found in the layer: the profile's text is kept
    CHECK(cells[kPlannedStatus] == label_ja(ShelterStatus::Unknown));
}

TEST_CASE("household properties: non-finite numbers are null, never an invalid number", "[report][geojson]") {
    Profile p = household();
    Verdict v;
    v.power_hours = std::numeric_limits<double>::infinity();
    v.flood_power_hours = std::nan("");
    const std::string f = flag_geojson_feature(p, v);
    CHECK(f.find("\"power_hours\":null") != std::string::npos);
    CHECK(f.find("\"flood_power_hours\":null") != std::string::npos);
    CHECK(f.find(":,") == std::string::npos);
    const auto cells = split_row(flag_csv_row(p, v));
    CHECK(cells[kPowerH].empty());
    CHECK(cells[kFloodPowerH].empty());
}

TEST_CASE("hours round the same way in the lists as on the documents", "[report][csv]") {
    // tama-008: 53.25 h printed 53.3 on the sheet (format_hours) must not be 53.2 in the CSV.
    CHECK(format_fixed(53.25, 1) == "53.3");
    CHECK(format_fixed(1500 * 0.85 / 60, 1) == "21.3");  // 21.2499999... in binary
    CHECK(format_fixed(23.0833, 1) == "23.1");
    CHECK(format_fixed(0.05, 1) == "0.1");
    CHECK(format_fixed(846.4, 0) == "846");
    CHECK(format_fixed(-2.25, 1) == "-2.3");
    Profile p = household();
    Verdict v;
    v.power_hours = 53.25;
    CHECK(split_row(flag_csv_row(p, v))[kPowerH] == "53.3");
    CHECK(flag_geojson_feature(p, v).find("\"power_hours\":53.3") != std::string::npos);
}
