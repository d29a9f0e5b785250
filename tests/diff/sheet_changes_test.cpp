// The sheet's 「前回からの変更」 box from change codes (change_codes.hpp), and
// a changes list read back for render --changes (changes_report.hpp).
#include <catch2/catch.hpp>

#include "diff/change_codes.hpp"
#include "diff/changes_report.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

Verdict today(FloodAction action, std::optional<int> start_level = std::nullopt) {
    Verdict v;
    v.action = action;
    v.start_alert_level = start_level;
    return v;
}

std::string all(const SheetChanges& s) {
    std::string t;
    for (const auto& l : s.lines) t += l + "\n";
    return t;
}

// A changes CSV as diff writes it (BOM, CRLF), with only the columns read
// back plus a sentence column a user may have edited.
std::string changes_csv(const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string csv = "\xEF\xBB\xBF" "ID,氏名,change_codes,変化の内容\r\n";
    for (const auto& [id, codes] : rows) csv += id + ",名前," + codes + ",（編集された文）\r\n";
    return csv;
}

}  // namespace

TEST_CASE("sheet box: entered_zone and depth_increased in the family's words, one line each") {
    const SheetChanges s = sheet_changes({"depth_increased", "entered_zone"}, today(FloodAction::LeaveEarly, 3));
    REQUIRE(s.lines.size() == 2);
    CHECK(s.lines[0] == "浸水想定区域に新たに入りました");
    CHECK(s.lines[1] == "想定される浸水の深さが深くなりました");
    CHECK_FALSE(s.planned_site_withdrawn);
}

TEST_CASE("sheet box: unchanged and household_removed print no box") {
    CHECK(sheet_changes({"unchanged"}, today(FloodAction::LeaveEarly, 3)).lines.empty());
    CHECK(sheet_changes({"household_removed"}, today(FloodAction::LeaveEarly, 3)).lines.empty());
    CHECK(sheet_changes({}, today(FloodAction::LeaveEarly, 3)).lines.empty());
    CHECK_THROWS_AS(sheet_changes({"entered_zon"}, today(FloodAction::LeaveEarly, 3)), std::logic_error);
}

TEST_CASE("sheet box: the action comes from today's verdict, not from the list") {
    CHECK(all(sheet_changes({"action_changed"}, today(FloodAction::LeaveEarly, 3))) ==
          "避難のタイミングが変わりました：警戒レベル3で立退き避難\n");
    CHECK(all(sheet_changes({"action_changed"}, today(FloodAction::ShelterUpstairs))) ==
          "大雨のときの行動が変わりました：自宅の上階で屋内安全確保\n");
    // The office's priority follows the action on its line.
    CHECK(all(sheet_changes({"priority_raised", "action_changed", "safe_floor_changed"},
                            today(FloodAction::LeaveEarly, 3))) ==
          "避難のタイミングが変わりました：警戒レベル3で立退き避難。浸水しない階の目安が変わりました。"
          "市の支援の優先度が上がりました\n");
}

TEST_CASE("sheet box: a planned site that can no longer be used is withdrawn, never named") {
    for (const char* code : {"planned_shelter_lost_designation", "planned_shelter_now_in_zone"}) {
        INFO(code);
        const SheetChanges s = sheet_changes({code}, today(FloodAction::LeaveEarly, 3));
        CHECK(s.lines == std::vector<std::string>{"予定していた避難先は使えなくなりました。この計画の避難先をご確認ください"});
        CHECK(s.planned_site_withdrawn);
    }
    // Both, with another suggestion: one destination line, said once.
    const SheetChanges s = sheet_changes(
        {"suggested_shelter_changed", "planned_shelter_now_in_zone", "planned_shelter_lost_designation"},
        today(FloodAction::LeaveEarly, 3));
    CHECK(s.lines == std::vector<std::string>{"予定していた避難先は使えなくなりました。この計画の避難先をご確認ください"});
    CHECK_FALSE(sheet_changes({"suggested_shelter_changed"}, today(FloodAction::LeaveEarly, 3)).planned_site_withdrawn);
}

TEST_CASE("sheet box: every code has family words naming no place, and the box stays at four lines") {
    std::vector<std::string> every;
    for (const ChangeDef& d : change_catalogue()) {
        INFO(d.code);
        const std::string sheet = d.sheet;
        CHECK((d.group == ChangeGroup::None) == sheet.empty());
        // No quoted name and no slot for one: the staff sentences' {shelter}
        // and {suggested_*} are not available to the sheet.
        CHECK(sheet.find("「") == std::string::npos);
        CHECK(sheet.find("{shelter}") == std::string::npos);
        CHECK(sheet.find("{suggested") == std::string::npos);
        CHECK_NOTHROW(sheet_changes({d.code}, today(FloodAction::StayHomePowerPlan)));
        const std::string code = d.code;
        if (code != "unchanged" && code != "household_removed" && code != "new_household") every.push_back(code);
    }
    CHECK(sheet_changes(every, today(FloodAction::LeaveEarly, 3)).lines.size() == 4);
    CHECK(all(sheet_changes({"new_household"}, today(FloodAction::LeaveEarly, 3))) == "この計画は今回はじめて作成しました\n");
}

TEST_CASE("changes list: ids and codes read back through GDAL, most urgent first") {
    TempDir dir;
    write_file(dir.file("c.csv"), changes_csv({{"h-1", "depth_increased;entered_zone"},
                                               {"h-2", "unchanged"},
                                               {"h-3", " action_changed ; priority_raised "},
                                               {"'-h4", "household_removed"}}));
    const ChangeList list = read_change_list(dir.file("c.csv"));
    INFO((list.problems.empty() ? "" : format_diagnostic(list.problems.front())));
    CHECK(list.problems.empty());
    CHECK(list.refused_ids.empty());
    REQUIRE(list.codes.size() == 4);
    CHECK(list.codes.at("h-1") == std::vector<std::string>{"entered_zone", "depth_increased"});
    CHECK(list.codes.at("h-2") == std::vector<std::string>{"unchanged"});
    CHECK(list.codes.at("h-3") == std::vector<std::string>{"priority_raised", "action_changed"});
    CHECK(list.codes.count("-h4") == 1);  // a defused cell is read back as written
    CHECK(plan_changed(list.codes.at("h-1")));
    CHECK_FALSE(plan_changed(list.codes.at("h-2")));
    CHECK_FALSE(plan_changed(list.codes.at("-h4")));
}

TEST_CASE("changes list: an unknown code, an empty cell, a contradiction or a repeated id is located and refused") {
    TempDir dir;
    const std::string path = dir.file("c.csv");
    write_file(path, changes_csv({{"h-1", "entered_zone"},
                                  {"h-2", "entered_zon;depth_increased"},
                                  {"h-3", ""},
                                  {"h-4", "unchanged;entered_zone"},
                                  {"h-1", "unchanged"},
                                  {"", "entered_zone"},
                                  {"h-5", "floodgate_opened"},
                                  {"h-6", "left_zone"}}));
    const ChangeList list = read_change_list(path);
    REQUIRE(list.problems.size() == 6);
    auto text = [&](size_t i) { return format_diagnostic(list.problems[i]); };
    CHECK(text(0) == path + ":3: household h-2: unknown change code 'entered_zon' (did you mean 'entered_zone'?); "
                            "household not rendered");
    CHECK_THAT(text(1), Catch::StartsWith(path + ":4: household h-3: no change code"));
    CHECK_THAT(text(2), Catch::StartsWith(path + ":5: household h-4: 'unchanged' cannot stand beside"));
    CHECK_THAT(text(3), Catch::StartsWith(path + ":6: household h-1: ") && Catch::Contains("first at row 2"));
    CHECK_THAT(text(4), Catch::StartsWith(path + ":7: row without an ID"));
    CHECK_THAT(text(5), Catch::StartsWith(path + ":8: household h-5: unknown change code 'floodgate_opened' (known: "));
    CHECK(list.refused_ids == std::set<std::string>{"h-1", "h-2", "h-3", "h-4", "h-5"});
    // Only the good rows of ids never refused are kept: no household prints a box from half a list.
    CHECK(list.codes.size() == 1);
    CHECK(list.codes.at("h-6") == std::vector<std::string>{"left_zone"});
}

TEST_CASE("changes list: a file that is not a changes list is refused with its name") {
    TempDir dir;
    write_file(dir.file("flag.csv"), "\xEF\xBB\xBF" "ID,氏名,優先度\r\nh-1,名前,A\r\n");
    CHECK_THROWS_WITH(read_change_list(dir.file("flag.csv")),
                      Catch::StartsWith(dir.file("flag.csv")) && Catch::Contains("'change_codes'"));
    CHECK_THROWS_WITH(read_change_list(dir.file("missing.csv")), Catch::StartsWith(dir.file("missing.csv")));
    CHECK_THROWS_WITH(read_change_list(dir.path()), Catch::Contains("not a regular file"));
}
