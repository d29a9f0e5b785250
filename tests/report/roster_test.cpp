#include <catch2/catch.hpp>

#include "report/roster.hpp"

using namespace sheetgen;

TEST_CASE("roster rows: the help, not the diagnosis, a tsunami household leaves at the warning", "[report][roster]") {
    Profile p;
    p.person.name = "多摩 花子";
    p.person.diagnoses = {"脊髄性筋萎縮症"};
    p.person.care_needs = {CareNeed::Suction};
    p.person.medications = {{"薬A", "1錠", "朝"}};
    Verdict v;
    v.action = FloodAction::LeaveEarly;
    v.leave_immediately = true;
    const auto row = roster_row(p, v);
    REQUIRE(row.size() == roster_columns().size());
    std::string all;
    for (const auto& c : row) all += c + "|";
    CHECK(all.find("吸引") != std::string::npos);
    CHECK(all.find("脊髄性") == std::string::npos);  // no diagnosis
    CHECK(all.find("薬A") == std::string::npos);     // no medication
    CHECK(row[7] == "津波警報でただちに立退き避難");
    CHECK(row[8] == "津波警報でただちに");
    CHECK(row[9] == "未定（市と調整中）");  // no accepted destination: nothing invented
}
