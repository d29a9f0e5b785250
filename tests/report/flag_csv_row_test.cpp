// flag_csv_row: one household's row of the at-risk CSV, column by column
// (17 columns matching flag_csv_header, RFC 4180 quoting, CRLF).
#include <catch2/catch.hpp>

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
    v.planned_shelter_status = ShelterStatus::NotPlanned;
    const auto cells = split_row(flag_csv_row(p, v));
    REQUIRE(cells.size() == 17);
    CHECK(cells.size() == header_columns());
    CHECK(cells[0] == "tama-101");
    CHECK(cells[1] == "多摩 花子");
    CHECK(cells[2] == "関戸");
    CHECK(cells[3] == "D");
    for (int i : {4, 5, 6, 8, 9, 11, 12, 13, 14, 15, 16}) {
        INFO("column " << i);
        CHECK(cells[i].empty());
    }
    CHECK(cells[7] == "1");
    CHECK(cells[10] == label_ja(ShelterStatus::NotPlanned));
}

TEST_CASE("flag_csv_row: every column filled, with quoting and defused formulas", "[report][csv]") {
    Profile p = household();
    p.person.name = "=HYPERLINK(\"http://x\")";      // a formula must not run in Excel
    p.household.district = "関戸\n一丁目";            // a line break stays inside one cell
    p.household.living_floor = 2;
    Verdict v;
    v.level = Priority::A;
    v.exposure.in_flood_zone = true;
    v.exposure.depth = DepthRange{0.5, 3.0};
    v.exposure.in_duration_zone = true;
    v.exposure.duration = DurationRange{24, 72};
    v.exposure.in_house_collapse = true;
    v.exposure.house_collapse_type = "bank_erosion";
    v.exposure.in_landslide = true;
    v.exposure.landslide_type = "急傾斜地の崩壊";
    v.power_hours = 23.0833;
    Shelter planned;
    planned.name = "多摩第一小学校, 校庭";
    v.planned_shelter = planned;
    v.planned_shelter_status = ShelterStatus::NotForFlood;
    v.suggested_shelter = ShelterSuggestion{"E1", "連光寺小学校校庭", {}, 846.4, false, std::nullopt};
    v.suggested_welfare = ShelterSuggestion{"E2", "多摩市総合福祉センター", {}, 1234.4, true, true};
    v.reasons = {{"a", "理由一", "reason one"}, {"b", "理由二", "reason two, with a comma"}};

    const std::string row = flag_csv_row(p, v);
    const auto cells = split_row(row);
    REQUIRE(cells.size() == 17);
    CHECK(cells[0] == "tama-101");
    CHECK(cells[1] == "'=HYPERLINK(\"http://x\")");
    CHECK(row.find(",\"'=HYPERLINK(\"\"http://x\"\")\",") != std::string::npos);
    CHECK(cells[2] == "関戸\n一丁目");
    CHECK(cells[3] == "A");
    CHECK(cells[4] == DepthRange{0.5, 3.0}.label_ja());
    CHECK(cells[5] == DurationRange{24, 72}.label_ja());
    CHECK(cells[6] == "家屋倒壊等氾濫想定区域（河岸侵食） / 土砂災害（急傾斜地の崩壊）");
    CHECK(cells[7] == "2");
    CHECK(cells[8] == "23.1");
    CHECK(cells[9] == "多摩第一小学校, 校庭");
    CHECK(cells[10] == label_ja(ShelterStatus::NotForFlood));
    CHECK(cells[11] == "連光寺小学校校庭");
    CHECK(cells[12] == "846");
    CHECK(cells[13] == "多摩市総合福祉センター");
    CHECK(cells[14] == "1234");
    CHECK(cells[15] == "理由一 ／ 理由二");
    CHECK(cells[16] == "reason one / reason two, with a comma");
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
    REQUIRE(cells.size() == 17);
    CHECK(cells[4] == "区域内（深さ不明）");
    CHECK(cells[5] == "区域内（時間不明）");
    CHECK(cells[6] == "家屋倒壊等氾濫想定区域");
    CHECK(cells[9] == "親戚宅");  // not found in the layer: the profile's text is kept
    CHECK(cells[10] == label_ja(ShelterStatus::Unknown));
}
