#include <catch2/catch.hpp>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <sstream>
#include <sys/stat.h>

#include "intake/import_lib.hpp"
#include "profile/parse.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::intake;

namespace {

std::string to_cp932(const std::string& utf8) {
    char* s = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP932");
    std::string r = s;
    CPLFree(s);
    return r;
}

std::string fixture(const std::string& name) { return test::source_path("tests/intake/fixtures/" + name); }

// Fictional rows; row 2.. as Excel numbers them. Rows 6-10 are bad.
const std::string kLedger =
    "管理番号,氏名,ふりがな,生年月日,性別,住所,居住階,同意\r\n"
    "001,架空　一子,かくう いちこ,平成29年7月3日,女,東京都多摩市関戸４－１０－２ ハイツ101,2,有\r\n"   // 2
    "002,架空　二郎,かくう じろう,H27.2.14,男,多摩市関戸四丁目11番1号,1,済\r\n"                    // 3
    "003,架空　三子,,S60.3.12,女,多摩市桜ヶ丘1-5-3,1,×\r\n"                                      // 4
    "004,架空　四郎,,令和2年9月9日,男,多摩市和田1234番地,1,はい\r\n"                             // 5
    "005,架空　五子,,2014/2/30,女,多摩市和田1234番地,1,有\r\n"                                   // 6 impossible date
    "006,,,2016/4/12,女,多摩市和田1234番地,1,有\r\n"                                              // 7 missing name
    "007,架空　七子,,2016/4/12,女,多摩市架空町9-9,1,有\r\n"                                       // 8 unknown town
    "008,架空　八子,,2016/4/12,女,東京都町田市関戸4-10-2,1,有\r\n"                                // 9 another city
    "001,架空　重複,,2016/4/12,女,多摩市和田1234番地,1,有\r\n";                                   // 10 duplicate id

ImportOptions options(const std::string& ledger, const std::string& out) {
    ImportOptions o;
    o.ledgers = {ledger};
    o.out_dir = out;
    o.gazetteer = fixture("mlit_block_13.csv");
    o.today = Date{2026, 11, 1};
    o.gazetteer_date = "2026-04-01";
    return o;
}

struct Run {
    ImportResult result;
    std::string out, err;
};
Run run(const ImportOptions& o) {
    std::ostringstream out, err;
    Run r;
    r.result = run_import(o, {out, err});
    r.out = out.str();
    r.err = err.str();
    return r;
}

}  // namespace

TEST_CASE("import: a Shift_JIS ledger becomes valid draft profiles, bad rows are located and skipped", "[intake]") {
    test::TempDir dir;
    test::write_file(dir.file("名簿.csv"), to_cp932(kLedger));
    Run r = run(options(dir.file("名簿.csv"), dir.file("out")));
    CHECK(r.result.created == 4);
    CHECK(r.result.skipped_rows == 5);
    CHECK(r.result.exit_code() == 1);
    CHECK(r.out.find("Shift_JIS (CP932)") != std::string::npos);
    std::string L = dir.file("名簿.csv");
    CHECK(r.err.find(L + ":6: column '生年月日': impossible date") != std::string::npos);
    CHECK(r.err.find(L + ":7: column '氏名': missing name") != std::string::npos);
    CHECK(r.err.find(L + ":8: column '住所': unknown town") != std::string::npos);
    CHECK(r.err.find(L + ":9: column '住所': the address is in another city") != std::string::npos);
    CHECK(r.err.find(L + ":10: duplicate id 001 (first at " + L + ":2)") != std::string::npos);
    // Messages never echo a name or an address.
    for (const char* secret : {"架空", "和田", "関戸", "町田"}) CHECK(r.err.find(secret) == std::string::npos);

    for (const char* id : {"001", "002", "003", "004"}) {
        std::string path = dir.file(std::string("out/") + id + ".yaml");
        INFO(path);
        ProfileResult pr = load_profile_file(path);
        REQUIRE(pr.ok());
        CHECK(pr.profile->draft);
        struct stat st {};
        REQUIRE(stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    }
    ProfileResult p1 = load_profile_file(dir.file("out/001.yaml"));
    CHECK(p1.profile->id == "001");  // leading zeros kept
    CHECK(p1.profile->person.name == "架空　一子");
    CHECK(p1.profile->person.birthdate.iso() == "2017-07-03");
    CHECK(p1.profile->household.living_floor == 2);
    CHECK(p1.profile->consent.share_with_supporters);
    // Block 10 of 関戸四丁目, its 代表フラグ row.
    CHECK(p1.profile->household.location.lat == 35.6481);
    CHECK(p1.profile->household.location.lon == 139.4451);
    REQUIRE(p1.profile->household.location_source);
    CHECK(p1.profile->household.location_source->level == "block");
    CHECK(p1.profile->household.location_source->gazetteer == "mlit_block_13.csv");
    CHECK(load_profile_file(dir.file("out/003.yaml")).profile->consent.share_with_supporters == false);
}

TEST_CASE("re-import: unchanged ledger changes no byte, hand edits survive, dry run writes nothing", "[intake]") {
    test::TempDir dir;
    std::string ledger = dir.file("l.csv");
    test::write_file(ledger, kLedger);
    ImportOptions o = options(ledger, dir.file("out"));
    run(o);
    std::map<std::string, std::string> before;
    for (const char* id : {"001", "002", "003", "004"}) before[id] = test::read_file(dir.file(std::string("out/") + id + ".yaml"));

    Run again = run(o);
    CHECK(again.result.created == 0);
    CHECK(again.result.updated == 0);
    CHECK(again.result.unchanged == 4);
    for (const auto& [id, bytes] : before) CHECK(test::read_file(dir.file("out/" + id + ".yaml")) == bytes);

    // Staff complete 002 by hand: a device, a contact, a comment on a ledger line.
    std::string edited = before["002"];
    edited.replace(edited.find("  sex: male\n"), 12, "  sex: male   # 確認済み\n");
    edited += "devices:\n  - kind: suction\n    watts: 30\n    hours_per_day: 2\n# 訪問時のメモ\n";
    test::write_file(dir.file("out/002.yaml"), edited);
    // The ledger changes 002's name and consent and drops 004.
    std::string changed = kLedger;
    changed.replace(changed.find("架空　二郎"), std::string("架空　二郎").size(), "架空　次郎");
    changed.replace(changed.find("11番1号,1,済"), std::string("11番1号,1,済").size(), "11番1号,1,未");
    changed.erase(changed.find("004,"), changed.find("005,") - changed.find("004,"));
    test::write_file(ledger, changed);

    ImportOptions dry = o;
    dry.dry_run = true;
    Run d = run(dry);
    CHECK(d.out.find("l.csv:3: id 002: would update person.name, consent.share_with_supporters") != std::string::npos);
    CHECK(test::read_file(dir.file("out/002.yaml")) == edited);

    o.today = Date{2026, 11, 15};  // `updated` moves only in changed profiles
    Run r = run(o);
    CHECK(r.result.updated == 1);
    CHECK(r.result.unchanged == 2);
    REQUIRE(r.result.not_in_ledger == std::vector<std::string>{"004"});
    CHECK(test::file_exists(dir.file("out/004.yaml")));  // reported, never deleted
    CHECK(r.out.find("id 004 is not in the ledger (kept)") != std::string::npos);

    std::string after = test::read_file(dir.file("out/002.yaml"));
    // Exactly the two value lines and `updated` differ; every other byte is the hand-edited file's.
    std::string expected = edited;
    expected.replace(expected.find("架空　二郎"), std::string("架空　二郎").size(), "架空　次郎");
    expected.replace(expected.find("share_with_supporters: true"), 27, "share_with_supporters: false");
    expected.replace(expected.find("updated: 2026-11-01"), 19, "updated: 2026-11-15");
    CHECK(after == expected);
    CHECK(parse_profile(after, "002.yaml").ok());
    CHECK(after.find("devices:\n  - kind: suction\n    watts: 30\n    hours_per_day: 2\n# 訪問時のメモ\n") != std::string::npos);
    CHECK(after.find("  sex: male   # 確認済み\n") != std::string::npos);
    for (const char* id : {"001", "003"}) CHECK(test::read_file(dir.file(std::string("out/") + id + ".yaml")) == before[id]);
}

TEST_CASE("re-import keeps a location staff corrected by hand", "[intake]") {
    test::TempDir dir;
    std::string ledger = dir.file("l.csv");
    test::write_file(ledger, kLedger);
    ImportOptions o = options(ledger, dir.file("out"));
    run(o);
    std::string p = test::read_file(dir.file("out/003.yaml"));
    auto b = p.find("  location: "), e = p.find('\n', p.find("  location_source: "));
    p.replace(b, e - b, "  location: {lat: 35.6401, lon: 139.4402}\n  location_source: {method: survey}");
    test::write_file(dir.file("out/003.yaml"), p);
    Run r = run(o);
    CHECK(r.result.unchanged == 4);
    CHECK(test::read_file(dir.file("out/003.yaml")) == p);
}
