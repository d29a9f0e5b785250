#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "cli/cli_fixtures.hpp"
#include "commands/roster_lib.hpp"
#include "common/error.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

namespace {

std::string profile(const std::string& id, const std::string& name, const std::string& address, bool consent,
                    const std::string& supporters = "") {
    std::string y = test::minimal_profile(id);
    auto replace = [&](const std::string& from, const std::string& to) {
        auto at = y.find(from);
        REQUIRE(at != std::string::npos);
        y.replace(at, from.size(), to);
    };
    replace("多摩 花子", name);
    replace("東京都多摩市永山1-1-1", address);
    if (!consent) replace("share_with_supporters: true", "share_with_supporters: false");
    if (!supporters.empty()) y += "evacuation:\n  supporters:\n" + supporters;
    return y;
}

RosterOptions options(const TempDir& dir, RosterGrouping by) {
    RosterOptions o;
    o.hazards_config = test::sample_hazards();
    o.profile_paths = {dir.file("profiles")};
    o.out_dir = dir.file("rosters");
    o.by = by;
    o.font = SHEETGEN_DEFAULT_FONT;
    o.as_of = Date{2026, 11, 28};
    return o;
}

// Every byte a roster run wrote, PDFs as their text (pdftotext).
std::string everything_written(const std::string& dir) {
    std::string all;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string p = e.path().string();
        all += test::read_file(p);
        if (e.path().extension() == ".pdf") all += test::capture("pdftotext " + test::q(p) + " - 2>/dev/null");
    }
    return all;
}

void write_households(const TempDir& dir) {
    std::filesystem::create_directories(dir.file("profiles"));
    const std::string helpers = "    - {name: 民生 一郎, relation: 民生委員, phone: 042-000-1111}\n";
    test::write_file(dir.file("profiles/a.yaml"), profile("r-001", "同意 あり子", "東京都多摩市永山1-1-1", true, helpers));
    test::write_file(dir.file("profiles/b.yaml"), profile("r-002", "秘密 なし男", "東京都多摩市永山2-2-2", false, helpers));
    test::write_file(dir.file("profiles/c.yaml"), profile("r-003", "関戸 花", "東京都多摩市関戸3-3-3", true));
}

}  // namespace

TEST_CASE("roster: a household without consent appears in no roster file, in any group", "[commands][roster]") {
    if (test::capture("command -v pdftotext").empty()) SHEETGEN_SKIP("pdftotext (poppler-utils) not installed");
    for (RosterGrouping by : {RosterGrouping::District, RosterGrouping::Supporter}) {
        TempDir dir;
        write_households(dir);
        std::ostringstream out, err;
        const RosterResult r = make_rosters(options(dir, by), Streams{out, err, false});
        CHECK(r.listed == 2);
        CHECK(r.without_consent == 1);
        const std::string all = everything_written(dir.file("rosters"));
        CHECK(all.find("同意") != std::string::npos);       // the consenting household is there
        CHECK(all.find("秘密") == std::string::npos);       // the other: not its name,
        CHECK(all.find("r-002") == std::string::npos);      // not its id,
        CHECK(all.find("永山2-2-2") == std::string::npos);  // not its address
        CHECK(err.str().find("秘密") == std::string::npos);
    }
}

TEST_CASE("roster: one CSV and one PDF per district, a staff summary that counts without names", "[commands][roster]") {
    TempDir dir;
    write_households(dir);
    std::ostringstream out, err;
    const RosterResult r = make_rosters(options(dir, RosterGrouping::District), Streams{out, err, false});
    REQUIRE(r.groups.size() == 2);
    CHECK(r.groups[0].label == "永山");  // sorted by key
    CHECK(r.groups[0].listed == 1);
    CHECK(r.groups[0].without_consent == 1);
    CHECK(r.groups[1].label == "関戸");
    for (const char* f : {"roster-永山.csv", "roster-永山.pdf", "roster-関戸.csv", "roster-関戸.pdf", "staff-summary.csv"})
        CHECK(test::file_exists(dir.file("rosters/") + f));
    const std::string summary = test::read_file(dir.file("rosters/staff-summary.csv"));
    CHECK(summary.find("永山,1,1") != std::string::npos);
    const std::string csv = test::read_file(dir.file("rosters/roster-永山.csv"));
    CHECK(csv.find("吸引") != std::string::npos);           // the help needed
    CHECK(csv.find("diagnos") == std::string::npos);
    CHECK(test::read_file(dir.file("rosters/roster-関戸.pdf")).rfind("%PDF-", 0) == 0);
}

TEST_CASE("roster: by supporter, one roster per named supporter, none named goes to 支援者未登録", "[commands][roster]") {
    TempDir dir;
    write_households(dir);
    std::ostringstream out, err;
    const RosterResult r = make_rosters(options(dir, RosterGrouping::Supporter), Streams{out, err, false});
    REQUIRE(r.groups.size() == 2);
    CHECK(r.groups[0].label == "支援者未登録");
    CHECK(r.groups[1].label == "民生 一郎（民生委員）");
    CHECK(r.groups[1].listed == 1);
    CHECK(r.groups[1].without_consent == 1);
}

TEST_CASE("roster: a group whose households all lack consent gets no roster file, only a count", "[commands][roster]") {
    TempDir dir;
    std::filesystem::create_directories(dir.file("profiles"));
    const std::string helper = "    - {name: 近所 二郎, relation: 近隣住民, phone: 042-000-2222}\n";
    test::write_file(dir.file("profiles/a.yaml"), profile("q-001", "同意 あり子", "東京都多摩市関戸1-1-1", true));
    test::write_file(dir.file("profiles/b.yaml"), profile("q-002", "秘密 なし男", "東京都多摩市和田2-2-2", false, helper));
    std::ostringstream out, err;
    const RosterResult r = make_rosters(options(dir, RosterGrouping::Supporter), Streams{out, err, false});
    REQUIRE(r.groups.size() == 2);
    CHECK(r.rosters == 1);  // the summary counts files written, not groups
    CHECK(r.groups[1].label == "近所 二郎（近隣住民）");
    CHECK(r.groups[1].without_consent == 1);
    CHECK_FALSE(test::file_exists(dir.file("rosters/roster-近所 二郎（近隣住民）.csv")));
    CHECK(everything_written(dir.file("rosters")).find("秘密") == std::string::npos);
    const RosterResult d = make_rosters(options(dir, RosterGrouping::District), Streams{out, err, false});
    CHECK(d.rosters == 1);
    CHECK_FALSE(test::file_exists(dir.file("rosters/roster-和田.pdf")));
    CHECK(test::read_file(dir.file("rosters/staff-summary.csv")).find("和田,0,1") != std::string::npos);
}

TEST_CASE("roster_file_stem keeps Japanese and replaces what file systems refuse", "[commands][roster]") {
    CHECK(roster_file_stem("永山") == "永山");
    CHECK(roster_file_stem("a/b:c") == "a_b_c");
    CHECK(roster_file_stem(".hidden") == "_.hidden");
    CHECK(roster_file_stem("") == "_");
}
