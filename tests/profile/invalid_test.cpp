// Broken profiles: exact file:line:column and message for each problem class.
#include <catch2/catch.hpp>

#include <thread>

#include "profile/parse.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using sheetgen::test::read_file;
using sheetgen::test::source_path;
using sheetgen::test::TempDir;
using sheetgen::test::write_file;

namespace {

std::vector<std::string> lines_of(const ProfileResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) out.push_back(format_diagnostic(d));
    return out;
}

ProfileResult parse(const std::string& text) { return parse_profile(text, "t.yaml"); }

// A valid minimal profile; tests break one thing in it.
const std::string kBase =
    "schema: sheetgen/profile-v1\n"           // 1
    "id: t-001\n"                             // 2
    "updated: 2026-04-01\n"                   // 3
    "person:\n"                               // 4
    "  name: 試験 太郎\n"                     // 5
    "  birthdate: 2015-06-01\n"               // 6
    "household:\n"                            // 7
    "  location: {lat: 35.65, lon: 139.44}\n" // 8
    "  building: {type: detached, storeys: 2}\n"  // 9
    "  living_floor: 1\n"                     // 10
    "devices:\n"                              // 11
    "  - kind: suction\n"                     // 12
    "    watts: 30\n"                         // 13
    "consent:\n"                              // 14
    "  share_with_supporters: true\n";        // 15

std::string replaced(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    REQUIRE(p != std::string::npos);
    return s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("every samples/invalid file gives exactly the documented lines", "[profile][invalid]") {
    const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
    {"anchor-alias.yaml",
     {"anchor-alias.yaml:4:10: anchors (&name) are not allowed in a profile: write each value out in full", "anchor-alias.yaml:23:9: aliases (*name) are not allowed in a profile: write the value out in full"}},
    {"bad-date.yaml",
     {"bad-date.yaml:4:10: updated '2023-02-30' is not a real calendar date (that month has only 28 days)"}},
    {"bad-efficiency.yaml",
     {"bad-efficiency.yaml:26:17: power_backup[1].efficiency must be greater than 0 and at most 1, got '85'"}},
    {"bad-id.yaml",
     {"bad-id.yaml:3:5: id '../../etc/passwd' is not allowed: use 1 to 64 letters A-Z a-z, digits, '-' or '_' (it becomes a file name), and not a Windows device name such as CON, PRN, AUX, NUL, COM1 or LPT1"}},
    {"deep-nesting.yaml",
     {"deep-nesting.yaml:21:74: nesting too deep (more than 64 levels of [ ] or { }): a profile needs only a few levels"}},
    {"device-name-con.yaml",
     {"device-name-con.yaml:3:5: id 'CON' is not allowed: use 1 to 64 letters A-Z a-z, digits, '-' or '_' (it becomes a file name), and not a Windows device name such as CON, PRN, AUX, NUL, COM1 or LPT1"}},
    {"duplicate-key.yaml",
     {"duplicate-key.yaml:18:5: duplicate key 'watts' (first at line 17, column 5): YAML would silently keep only the last one; remove one of them"}},
    {"empty.yaml",
     {"empty.yaml: empty profile: the file has no content (only blank lines or comments)"}},
    {"floor-above-storeys.yaml",
     {"floor-above-storeys.yaml:13:17: household.living_floor (4) is above the building's storeys (3)"}},
    {"future-birthdate.yaml",
     {"future-birthdate.yaml:7:14: person.birthdate is after the profile's 'updated' date (2026-04-01): check both dates"}},
    {"huge-number.yaml",
     {"huge-number.yaml:17:12: devices[1].watts: '1e400' is too large to be a number"}},
    {"list-instead-of-map.yaml",
     {"list-instead-of-map.yaml:10:3: household must be a mapping (key: value lines), got a list"}},
    {"missing-required.yaml",
     {"missing-required.yaml:6:3: missing required key 'birthdate' in person"}},
    {"negative-hours.yaml",
     {"negative-hours.yaml:16:20: devices[1].hours_per_day must be between 0 and 24, got '-3'"}},
    {"other-without-name.yaml",
     {"other-without-name.yaml:15:11: devices[1]: kind: other needs a name (what the device is)"}},
    {"out-of-range-coordinates.yaml",
     {"out-of-range-coordinates.yaml:11:13: household.location is outside Japan (lat must be 20 to 46, lon 122 to 154); check the coordinates (WGS84/JGD2011 degrees)"}},
    {"shift-jis.yaml",
     {"shift-jis.yaml:6:9: the file is not UTF-8: it looks like Shift_JIS. Save it as UTF-8 (e.g. in Notepad/メモ帳: 名前を付けて保存 → 文字コード UTF-8) and check again"}},
    {"swapped-lat-lon.yaml",
     {"swapped-lat-lon.yaml:11:13: household.location is outside Japan, and lat and lon look swapped: lat is the north-south value (about 35.6 in Tama City), lon the east-west one (about 139.4)"}},
    {"syntax-error.yaml",
     {"syntax-error.yaml:9:10: YAML syntax error: end of sequence flow not found"}},
    {"tab-indent.yaml",
     {"tab-indent.yaml:6:1: tab character used for indentation: YAML indents with spaces only (replace the tab with spaces)"}},
    {"text-instead-of-number.yaml",
     {"text-instead-of-number.yaml:17:12: devices[1].watts must be a number, got text"}},
    {"top-level-list.yaml",
     {"top-level-list.yaml:1:1: expected a mapping (schema:, id:, person: ... lines) at the top level, got a list"}},
    {"unknown-enum.yaml",
     {"unknown-enum.yaml:15:11: unknown device kind 'sucton' (did you mean 'suction'?); allowed: ventilator, suction, oxygen_concentrator, oxygen_cylinder, feeding_pump, humidifier, pulse_oximeter, infusion_pump, cough_assist, bed, air_mattress, other"}},
    {"unknown-key.yaml",
     {"unknown-key.yaml:8:3: unknown key 'weigth_kg' in person (did you mean 'weight_kg'?)"}},
    {"wrong-schema.yaml",
     {"wrong-schema.yaml:2:9: schema must be exactly 'sheetgen/profile-v1', got 'sheetgen/profile-v2'"}},
    };
    for (const auto& [name, want] : cases) {
        INFO(name);
        ProfileResult r = parse_profile(read_file(source_path("samples/invalid/" + name)), name);
        CHECK_FALSE(r.ok());
        CHECK_FALSE(r.profile.has_value());
        CHECK(lines_of(r) == want);
    }
}

TEST_CASE("README lists every invalid sample with its expected line", "[profile][invalid]") {
    std::string readme = read_file(source_path("samples/invalid/README.md"));
    std::vector<Diagnostic> problems;
    auto files = expand_profile_paths({source_path("samples/invalid")}, problems);
    REQUIRE(files.size() >= 14);
    for (const auto& f : files) {
        std::string name = f.substr(f.rfind('/') + 1);
        INFO(name);
        CHECK(readme.find("`" + name + "`") != std::string::npos);
        ProfileResult r = parse_profile(read_file(f), name);
        for (const auto& line : lines_of(r)) CHECK(readme.find(line) != std::string::npos);
    }
}

TEST_CASE("the base profile used below is valid", "[profile][invalid]") {
    ProfileResult r = parse(kBase);
    CHECK(lines_of(r).empty());
    REQUIRE(r.ok());
    CHECK(r.id_at.line == 2);
    CHECK(r.id_at.column == 5);
    CHECK(r.profile->household.sleeping_floor == 1);
    CHECK(r.profile->household.location_at.line == 8);
    CHECK(r.profile->household.location_at.column == 13);
}

TEST_CASE("input hygiene: BOM, CRLF, encodings, NUL, size", "[profile][invalid]") {
    SECTION("UTF-8 BOM is skipped and CRLF line ends are fine") {
        std::string crlf;
        for (char c : kBase) {
            if (c == '\n') crlf += '\r';
            crlf += c;
        }
        ProfileResult r = parse("\xEF\xBB\xBF" + crlf);
        CHECK(lines_of(r).empty());
        CHECK(r.ok());
        CHECK(r.id_at.line == 2);
        CHECK(r.id_at.column == 5);
    }
    SECTION("Shift_JIS: the first bad byte, and the advice") {
        // 試 in Shift_JIS is 0x8E 0x8E.
        ProfileResult r = parse(replaced(kBase, "試験 太郎", "\x8E\x8E\x8C\xB1"));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].where.line == 5);
        CHECK(r.diagnostics[0].where.column == 9);
        CHECK_THAT(r.diagnostics[0].message, Catch::Contains("Shift_JIS") && Catch::Contains("UTF-8"));
    }
    SECTION("one pasted Shift_JIS line in a UTF-8 file") {
        // 多摩 花子 in Shift_JIS, inside a file whose other Japanese is UTF-8.
        ProfileResult r = parse(replaced(kBase, "  birthdate: 2015-06-01\n",
                                         "  birthdate: 2015-06-01\n  kana: \x91\xbd\x96\x80 \x89\xd4\x8e\x71\n"));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(format_diagnostic(r.diagnostics[0]) ==
              "t.yaml:7:9: the file is not UTF-8: the text here looks like Shift_JIS (pasted from another file?). "
              "Save the file as UTF-8 and check again");
    }
    SECTION("UTF-16 with and without BOM") {
        std::string le;
        for (char c : std::string("schema: x\n")) {
            le += c;
            le += '\0';
        }
        for (const std::string& text : {std::string("\xFF\xFE") + le, le}) {
            ProfileResult r = parse(text);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].where.line == 1);
            CHECK_THAT(r.diagnostics[0].message, Catch::Contains("UTF-16"));
        }
    }
    SECTION("NUL bytes in otherwise UTF-8 text") {
        ProfileResult r = parse(replaced(kBase, "watts: 30", std::string("watts: 30\0\0", 11)));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(format_diagnostic(r.diagnostics[0]) ==
              "t.yaml:13:14: the file contains NUL bytes (binary data?): a profile is YAML text");
    }
    SECTION("binary data") {
        ProfileResult r = parse(std::string("\x7F" "ELF\x02\x01\x01\0\0\0\xB3\xC7", 12));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK_FALSE(r.ok());
    }
    SECTION("size cap") {
        std::string big = kBase + "# " + std::string(kMaxProfileBytes, 'x') + "\n";
        ProfileResult r = parse(big);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK_THAT(r.diagnostics[0].message, Catch::StartsWith("file too large"));
        TempDir dir;
        write_file(dir.file("big.yaml"), big);
        ProfileResult f = load_profile_file(dir.file("big.yaml"));
        REQUIRE(f.diagnostics.size() == 1);
        CHECK_THAT(f.diagnostics[0].message, Catch::StartsWith("file too large"));
    }
    SECTION("empty, blank, comment-only") {
        for (const char* text : {"", "\n\n", "# nothing\n   # more\n", "---\n", "~\n"}) {
            ProfileResult r = parse(text);
            REQUIRE(r.diagnostics.size() == 1);
            CHECK_THAT(r.diagnostics[0].message, Catch::StartsWith("empty profile"));
        }
    }
    SECTION("top level must be a mapping") {
        CHECK(lines_of(parse("just text\n")) ==
              std::vector<std::string>{"t.yaml:1:1: expected a mapping (schema:, id:, person: ... lines) at the top "
                                       "level, got text"});
        CHECK(lines_of(parse("- a\n- b\n"))[0] ==
              "t.yaml:1:1: expected a mapping (schema:, id:, person: ... lines) at the top level, got a list");
    }
    SECTION("unreadable and missing files") {
        ProfileResult r = load_profile_file("/nonexistent/x.yaml");
        REQUIRE(r.diagnostics.size() == 1);
        CHECK_THAT(r.diagnostics[0].message, Catch::StartsWith("cannot read the file"));
        ProfileResult d = load_profile_file(source_path("samples"));
        REQUIRE(d.diagnostics.size() == 1);
        CHECK_THAT(d.diagnostics[0].message, Catch::Contains("directory"));
    }
}

TEST_CASE("YAML structure problems", "[profile][invalid]") {
    SECTION("syntax error position is 1-based") {
        auto l = lines_of(parse("a: [1, 2\nb: 3\n"));
        REQUIRE(l.size() == 1);
        CHECK(l[0] == "t.yaml:2:2: YAML syntax error: end of sequence flow not found");
    }
    SECTION("tab indentation is named as such") {
        auto l = lines_of(parse(replaced(kBase, "    watts: 30", "\t  watts: 30")));
        REQUIRE(l.size() == 1);
        CHECK(l[0] == "t.yaml:13:1: tab character used for indentation: YAML indents with spaces only (replace the "
                      "tab with spaces)");
    }
    SECTION("duplicate keys at every level, all reported") {
        std::string t = replaced(kBase, "id: t-001\n", "id: t-001\nid: t-002\n");
        t = replaced(t, "    watts: 30\n", "    watts: 30\n    watts: 40\n");
        auto l = lines_of(parse(t));
        REQUIRE(l.size() == 2);
        CHECK(l[0] == "t.yaml:3:1: duplicate key 'id' (first at line 2, column 1): YAML would silently keep only the "
                      "last one; remove one of them");
        CHECK_THAT(l[1], Catch::StartsWith("t.yaml:15:5: duplicate key 'watts' (first at line 14, column 5)"));
    }
    SECTION("duplicate keys in a flow mapping, column in characters") {
        auto l = lines_of(parse(replaced(kBase, "{lat: 35.65, lon: 139.44}", "{lat: 35.65, lon: 139.44, lat: 35.6}")));
        REQUIRE(l.size() == 1);
        CHECK_THAT(l[0], Catch::StartsWith("t.yaml:8:39: duplicate key 'lat' (first at line 8, column 14)"));
    }
    SECTION("columns count characters, not bytes") {
        // 試験 太郎 is 5 characters and 13 bytes; the bad value after it is at character column 26.
        auto l = lines_of(parse(replaced(kBase, "  name: 試験 太郎\n", "  name: 試験 太郎\n  medications: [{name: 試験 太郎, x: 1}]\n")));
        REQUIRE(l.size() == 1);
        CHECK(l[0] == "t.yaml:6:31: unknown key 'x' in person.medications[1]; allowed keys: name, dose, timing");
    }
    SECTION("anchors and aliases are refused (no alias bombs)") {
        std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                           "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        ProfileResult r = parse(bomb);
        CHECK_FALSE(r.ok());
        auto l = lines_of(r);
        CHECK(std::find(l.begin(), l.end(),
                        "t.yaml:1:4: anchors (&name) are not allowed in a profile: write each value out in full") !=
              l.end());
        CHECK(std::find(l.begin(), l.end(),
                        "t.yaml:2:8: aliases (*name) are not allowed in a profile: write the value out in full") !=
              l.end());
    }
    SECTION("deep nesting: flow, block and sequence are all stopped without a crash") {
        std::string flow = "a: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
        auto l = lines_of(parse(flow));
        REQUIRE(l.size() == 1);
        CHECK(l[0] == "t.yaml:1:68: nesting too deep (more than 64 levels of [ ] or { }): a profile needs only a few "
                      "levels");
        std::string block;
        for (int i = 0; i < 2500; ++i) block += std::string(i, ' ') + "a:\n";
        l = lines_of(parse(block));
        REQUIRE(l.size() == 1);
        CHECK(l[0] == "t.yaml:65:65: nesting too deep (more than 64 levels): a profile needs only a few levels");
        std::string seq;
        for (int i = 0; i < 3000; ++i) seq += "- ";
        seq += "x\n";
        l = lines_of(parse(seq));
        REQUIRE(l.size() == 1);
        CHECK_THAT(l[0], Catch::Contains("nesting too deep"));
        // Brackets inside quotes and comments do not count.
        std::string quoted = replaced(kBase, "  living_floor: 1\n",
                                      "  living_floor: 1 # " + std::string(200, '[') + "\n");
        CHECK(parse(quoted).ok());
    }
    SECTION("one document per file") {
        auto l = lines_of(parse(kBase + "---\nid: other\n"));
        CHECK(l == std::vector<std::string>{"t.yaml: more than one YAML document (---): put one household per file"});
    }
    SECTION("tags are refused") {
        auto l = lines_of(parse(replaced(kBase, "watts: 30", "watts: !!float 30")));
        REQUIRE(l.size() == 1);
        CHECK_THAT(l[0], Catch::StartsWith("t.yaml:13:12: YAML tags (tag:yaml.org,2002:float) are not used"));
    }
}

TEST_CASE("schema rules", "[profile][invalid]") {
    auto one = [](const std::string& text) {
        auto l = lines_of(parse(text));
        INFO(text);
        REQUIRE(l.size() == 1);
        return l[0];
    };
    CHECK(one(replaced(kBase, "schema: sheetgen/profile-v1", "schema: \"sheetgen/profile-v1 \"")) ==
          "t.yaml:1:9: schema must be exactly 'sheetgen/profile-v1', got 'sheetgen/profile-v1 '");
    for (const char* bad : {"../x", "a/b", "CON", "nul", "Com3", "lpt9", "", "a b", "日本", "x.yaml"}) {
        std::string text = replaced(kBase, "id: t-001", std::string("id: \"") + bad + "\"");
        auto l = lines_of(parse(text));
        INFO(bad);
        REQUIRE(l.size() == 1);
        // A blank id is the blank-required-value error; any other bad id names the id rule.
        CHECK_THAT(l[0], Catch::StartsWith(std::string(bad).empty() ? "t.yaml:2:5: required key 'id' in the profile is blank"
                                                                     : "t.yaml:2:5: id"));
    }
    CHECK(is_valid_profile_id("COM0"));
    CHECK(is_valid_profile_id("console"));
    CHECK(is_valid_profile_id(std::string(64, 'a')));
    CHECK_FALSE(is_valid_profile_id(std::string(65, 'a')));
    CHECK(one(replaced(kBase, "  birthdate: 2015-06-01\n", "  birthdate: 2015-06-01\n  nmae: x\n")) ==
          "t.yaml:7:3: unknown key 'nmae' in person (did you mean 'name'?)");
    CHECK_THAT(one(kBase + "colour: red\n"), Catch::Contains("unknown key 'colour' in the profile; allowed keys: schema"));
    CHECK(one(replaced(kBase, "updated: 2026-04-01", "updated: 2024-02-30")) ==
          "t.yaml:3:10: updated '2024-02-30' is not a real calendar date (that month has only 29 days)");
    CHECK(one(replaced(kBase, "updated: 2026-04-01", "updated: 2026-13-01")) ==
          "t.yaml:3:10: updated '2026-13-01' is not a real calendar date (there is no month 13)");
    CHECK(parse(replaced(kBase, "updated: 2026-04-01", "updated: \"2026-04-01\"")).ok());  // quoted dates are fine
    // A birthdate is personal: the message does not repeat it.
    CHECK(one(replaced(kBase, "birthdate: 2015-06-01", "birthdate: 2015-02-29")) ==
          "t.yaml:6:14: person.birthdate is not a real calendar date (that month has only 28 days)");
    CHECK(one(replaced(kBase, "birthdate: 2015-06-01", "birthdate: 2026-04-02")) ==
          "t.yaml:6:14: person.birthdate is after the profile's 'updated' date (2026-04-01): check both dates");
    CHECK(one(replaced(kBase, "lat: 35.65, lon: 139.44", "lat: 139.44, lon: 35.65")) ==
          "t.yaml:8:13: household.location is outside Japan, and lat and lon look swapped: lat is the north-south "
          "value (about 35.6 in Tama City), lon the east-west one (about 139.4)");
    CHECK_THAT(one(replaced(kBase, "lat: 35.65, lon: 139.44", "lat: -35.65, lon: 139.44")),
               Catch::StartsWith("t.yaml:8:13: household.location is outside Japan (lat must be"));
    CHECK(one(replaced(kBase, "lat: 35.65, lon: 139.44", "lat: 35.65")) ==
          "t.yaml:8:13: missing required key 'lon' in household.location");
    CHECK(one(replaced(kBase, "storeys: 2", "storeys: 0")) ==
          "t.yaml:9:39: household.building.storeys must be a whole number from 1 to 300, got '0'");
    CHECK(one(replaced(kBase, "living_floor: 1", "living_floor: 3")) ==
          "t.yaml:10:17: household.living_floor (3) is above the building's storeys (2)");
    CHECK(one(replaced(kBase, "living_floor: 1", "living_floor: 1\n  sleeping_floor: 0")) ==
          "t.yaml:11:19: household.sleeping_floor must be a whole number from 1 to 300, got '0'");
    CHECK(one(replaced(kBase, "living_floor: 1", "living_floor: 1.5")) ==
          "t.yaml:10:17: household.living_floor must be a whole number, got '1.5'");
    CHECK(one(replaced(kBase, "storeys: 2", "storeys: 99999999999999999999")) ==
          "t.yaml:9:39: household.building.storeys must be a whole number from 1 to 300, got '99999999999999999999'");
    CHECK(one(replaced(kBase, "watts: 30", "watts: 1e400")) ==
          "t.yaml:13:12: devices[1].watts: '1e400' is too large to be a number");
    CHECK(one(replaced(kBase, "watts: 30", "watts: .inf")) ==
          "t.yaml:13:12: devices[1].watts must be a finite number, got '.inf'");
    CHECK(one(replaced(kBase, "watts: 30", "watts: .NaN")) ==
          "t.yaml:13:12: devices[1].watts must be a finite number, got '.NaN'");
    CHECK(one(replaced(kBase, "watts: 30", "watts: -1")) ==
          "t.yaml:13:12: devices[1].watts must be between 0 and 10000, got '-1'");
    CHECK(one(replaced(kBase, "watts: 30", "watts: [30]")) ==
          "t.yaml:13:12: devices[1].watts must be a number, got a list");
    CHECK(one(replaced(kBase, "watts: 30", "watts: 30\n    hours_per_day: 24.5")) ==
          "t.yaml:14:20: devices[1].hours_per_day must be between 0 and 24, got '24.5'");
    CHECK(one(replaced(kBase, "watts: 30", "watts: 30\n    external_batteries: {count: -1, hours_each: 6}")) ==
          "t.yaml:14:33: devices[1].external_batteries.count must be a whole number from 0 to 100, got '-1'");
    CHECK(one(replaced(kBase, "watts: 30", "watts: 30\n    external_batteries: [2, 6]")) ==
          "t.yaml:14:25: devices[1].external_batteries must be a mapping (key: value lines), got a list");
    CHECK(one(replaced(kBase, "  - kind: suction", "  - kind: other")) ==
          "t.yaml:12:11: devices[1]: kind: other needs a name (what the device is)");
    CHECK(parse(replaced(kBase, "  - kind: suction", "  - kind: other\n    name: 電動痰吸引器")).ok());
    CHECK(one(replaced(kBase, "  - kind: suction", "  - kind: Suction")) ==
          "t.yaml:12:11: unknown device kind 'Suction' (did you mean 'suction'?); allowed: ventilator, suction, "
          "oxygen_concentrator, oxygen_cylinder, feeding_pump, humidifier, pulse_oximeter, infusion_pump, "
          "cough_assist, bed, air_mattress, other");
    CHECK(one(replaced(kBase, "  name: 試験 太郎", "  name: [試験, 太郎]")) ==
          "t.yaml:5:9: person.name must be text, got a list");
    CHECK(one(replaced(kBase, "  name: 試験 太郎\n", "")) == "t.yaml:5:3: missing required key 'name' in person");
    CHECK(one(replaced(kBase, "  share_with_supporters: true\n", "  share_with_supporters:\n")) ==
          "t.yaml:15:3: required key 'share_with_supporters' in consent has no value");
    CHECK(one(replaced(kBase, "share_with_supporters: true", "share_with_supporters: yes please")) ==
          "t.yaml:15:26: consent.share_with_supporters must be true or false, got a value that is not repeated here (it may be personal data)");
    CHECK(one(kBase + "power_backup:\n  - {kind: power_station, capacity_wh: 500, efficiency: 0}\n") ==
          "t.yaml:17:57: power_backup[1].efficiency must be greater than 0 and at most 1, got '0'");
    CHECK(one(replaced(kBase, "  birthdate: 2015-06-01\n", "  birthdate: 2015-06-01\n  weight_kg: 0\n")) ==
          "t.yaml:7:14: person.weight_kg must be greater than 0 and at most 300, got '0'");
    CHECK(one(replaced(kBase, "  birthdate: 2015-06-01\n", "  birthdate: 2015-06-01\n  blood_type: C\n")) ==
          "t.yaml:7:15: person.blood_type must be A, B, O or AB, optionally followed by ' Rh+' or ' Rh-' (e.g. \"A "
          "Rh+\")");
    CHECK(one(replaced(kBase, "  birthdate: 2015-06-01\n", "  birthdate: 2015-06-01\n  care_needs: [ventilator, o2]\n")) ==
          "t.yaml:7:28: unknown care need 'o2'; allowed: ventilator, tracheostomy, suction, oxygen, tube_feeding, iv, "
          "dialysis, catheterisation, ostomy, blood_glucose, nebuliser, other");
    CHECK(one(kBase + "contacts:\n  - {role: doctor, phone: 042-000-0000}\n") ==
          "t.yaml:17:5: contacts[1] needs a name or an organisation");
    CHECK(one(kBase + "contacts:\n  - {role: docter, name: x}\n") ==
          "t.yaml:17:12: unknown contact role 'docter' (did you mean 'doctor'?); allowed: doctor, hospital, "
          "visiting_nurse, device_vendor, consultation_specialist, care_coordinator, power_company, relative, "
          "neighbour_supporter, municipality, other");
}

TEST_CASE("all problems in a file are reported, in file order", "[profile][invalid]") {
    std::string t = replaced(kBase, "updated: 2026-04-01", "updated: 2026-02-30");
    t = replaced(t, "  name: 試験 太郎\n", "");
    t = replaced(t, "watts: 30", "watts: lots");
    t = replaced(t, "living_floor: 1", "living_floor: 9");
    auto l = lines_of(parse(t));
    REQUIRE(l.size() == 4);
    CHECK_THAT(l[0], Catch::StartsWith("t.yaml:3:10: updated"));
    CHECK_THAT(l[1], Catch::StartsWith("t.yaml:5:3: missing required key 'name' in person"));
    CHECK_THAT(l[2], Catch::StartsWith("t.yaml:9:17: household.living_floor (9)"));
    CHECK_THAT(l[3], Catch::StartsWith("t.yaml:12:12: devices[1].watts must be a number"));
}

TEST_CASE("district derived from the address", "[profile]") {
    CHECK(district_from_address("東京都多摩市関戸1-2-3") == "関戸");
    CHECK(district_from_address("東京都多摩市一ノ宮2-15-3 一ノ宮グリーンハイツ802") == "一ノ宮");
    CHECK(district_from_address("多摩市聖ヶ丘２－１８") == "聖ヶ丘");
    CHECK(district_from_address("東京都多摩市関戸一丁目2番3号") == "関戸");
    CHECK(district_from_address("東京都八王子市南大沢5-1") == "南大沢");
    CHECK(district_from_address("東京都世田谷区玉川1-1") == "玉川");
    CHECK(district_from_address("東京都一ノ宮1-25-1") == "一ノ宮");
    CHECK(district_from_address("") == "");
    ProfileResult r = parse(replaced(kBase, "household:\n", "household:\n  address: 東京都多摩市永山3-11-2\n"));
    REQUIRE(r.ok());
    CHECK(r.profile->household.district == "永山");
    r = parse(replaced(kBase, "household:\n", "household:\n  address: 東京都多摩市永山3-11-2\n  district: 貝取\n"));
    REQUIRE(r.ok());
    CHECK(r.profile->household.district == "貝取");
}

TEST_CASE("expand_profile_paths: files as given, directories flat and sorted", "[profile]") {
    TempDir dir;
    write_file(dir.file("b.yaml"), kBase);
    write_file(dir.file("a.yml"), kBase);
    write_file(dir.file("c.txt"), "x");
    std::system(("mkdir '" + dir.file("sub") + "'").c_str());
    write_file(dir.file("sub/d.yaml"), kBase);
    std::vector<Diagnostic> problems;
    auto files = expand_profile_paths({dir.path(), dir.file("c.txt"), dir.file("missing.yaml")}, problems);
    CHECK(files == std::vector<std::string>{dir.file("a.yml"), dir.file("b.yaml"), dir.file("c.txt")});
    REQUIRE(problems.size() == 1);
    CHECK(format_diagnostic(problems[0]) == dir.file("missing.yaml") + ": no such file or directory");
    problems.clear();
    auto inv = expand_profile_paths({source_path("samples")}, problems);
    for (const auto& f : inv) CHECK(f.find("/invalid/") == std::string::npos);
}

TEST_CASE("IdRegistry reports the second file and names the first", "[profile]") {
    IdRegistry ids;
    CHECK_FALSE(ids.add("tama-001", {"a.yaml", 2, 5}));
    CHECK_FALSE(ids.add("tama-002", {"b.yaml", 2, 5}));
    auto d = ids.add("tama-001", {"c.yaml", 3, 5});
    REQUIRE(d);
    CHECK(format_diagnostic(*d) == "c.yaml:3:5: duplicate id 'tama-001': already used by a.yaml:2:5 (ids must be "
                                   "unique: they name the output files)");
    auto e = ids.add("TAMA-002", {"d.yaml", 2, 5});
    REQUIRE(e);
    CHECK_THAT(e->message, Catch::Contains("b.yaml:2:5") && Catch::Contains("upper and lower case"));
}

TEST_CASE("parsing from several threads gives the same results", "[profile][threads]") {
    std::vector<Diagnostic> problems;
    auto files = expand_profile_paths({source_path("samples"), source_path("samples/invalid")}, problems);
    std::vector<std::string> texts;
    for (const auto& f : files) texts.push_back(read_file(f));
    auto run = [&](std::vector<std::string>& out) {
        for (int round = 0; round < 5; ++round)
            for (size_t i = 0; i < texts.size(); ++i) {
                ProfileResult r = parse_profile(texts[i], files[i]);
                std::string s = r.ok() ? r.profile->id : "";
                for (const auto& l : lines_of(r)) s += l;
                if (round == 0) out.push_back(s);
                else if (out[i] != s) out[i] = "MISMATCH";
            }
    };
    std::vector<std::string> base;
    run(base);
    std::vector<std::vector<std::string>> results(4);
    std::vector<std::thread> threads;
    for (auto& r : results) threads.emplace_back(run, std::ref(r));
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == base);
}

TEST_CASE("messages never repeat free text typed into the wrong field", "[profile][privacy]") {
    // A name typed into an enum field must not reach the log.
    auto one = [](const std::string& text) {
        auto l = lines_of(parse(text));
        INFO(text);
        REQUIRE(l.size() == 1);
        return l[0];
    };
    const std::string base = replaced(kBase, "  birthdate: 2015-06-01\n", "  birthdate: 2015-06-01\n  sex: female\n");
    std::string msg = one(replaced(base, "sex: female", "sex: 山田 花子"));
    CHECK(msg.find("山田") == std::string::npos);
    CHECK(msg.find("sex") != std::string::npos);
    msg = one(replaced(base, "sex: female", "sex: Hanako Yamada"));
    CHECK(msg.find("Yamada") == std::string::npos);
    // A short typo is still shown, because that is what the user needs to fix.
    CHECK(one(replaced(base, "sex: female", "sex: femal")).find("'femal'") != std::string::npos);
}
