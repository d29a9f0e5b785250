// Profiles that vanish, leak or mislead: unreadable entries in a profile
// folder, personal data echoed through keys, blank required values, and
// full-width characters in YAML syntax.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

TEST_CASE("Every profile entry that cannot be read is reported, exit 1", "[cli][hostile][profiles]") {
    TempDir dir;
    const std::string in = dir.file("in");
    ::mkdir(in.c_str(), 0700);
    write_file(in + "/a-good.yaml", minimal_profile("good-1"));
    REQUIRE(::symlink("/nonexistent/x.yaml", (in + "/dangling.yaml").c_str()) == 0);
    REQUIRE(::symlink("loop.yaml", (in + "/loop.yaml").c_str()) == 0);
    REQUIRE(::mkfifo((in + "/fifo.yaml").c_str(), 0600) == 0);
    REQUIRE(::mkdir((in + "/folder.yaml").c_str(), 0700) == 0);
    const std::vector<std::string> expected = {
        in + "/dangling.yaml: is a symbolic link to a file that does not exist (dangling link)",
        in + "/fifo.yaml: is a FIFO (named pipe), not a profile file: it cannot be read",
        in + "/folder.yaml: is a directory, not a profile file",
        in + "/loop.yaml: is a symbolic link loop: it cannot be read",
    };

    RunResult v = run_shell("timeout -k 5 20 " + q(sheetgen_binary()) + " validate " + q(in));
    INFO(v.out << v.err);
    CHECK(v.exit_code == 1);
    for (const auto& e : expected) CHECK(v.out.find(e) != std::string::npos);
    CHECK(v.err.find("5 profiles checked") == std::string::npos);  // the 4 were not "checked"
    CHECK(v.err.find("1 profile checked: 1 valid; 4 paths not usable") != std::string::npos);

    RunResult f = run_shell("timeout -k 5 20 " + q(sheetgen_binary()) + " flag --hazards " + q(sample_hazards()) + " -q -o " +
                            q(dir.file("list.csv")) + " " + q(in));
    INFO(f.out << f.err);
    CHECK(f.exit_code == 1);
    for (const auto& e : expected) CHECK(f.err.find(e) != std::string::npos);
    CHECK(f.out.find("1 households flagged, 4 skipped") != std::string::npos);
    CHECK(read_file(dir.file("list.csv")).find("\r\ngood-1,") != std::string::npos);

    // Named on the command line, a FIFO is refused too, instead of blocking open().
    RunResult one = run_shell("timeout -k 5 20 " + q(sheetgen_binary()) + " validate " + q(in + "/fifo.yaml"));
    CHECK(one.exit_code == 1);
    CHECK(one.out.find(expected[1]) != std::string::npos);
}

TEST_CASE("Keys and schema values that may be personal data are described, not echoed", "[cli][hostile][profiles]") {
    TempDir dir;
    const std::string base = minimal_profile("p-001");
    auto validate = [&](const std::string& name, const std::string& text) {
        write_file(dir.file(name), text);
        RunResult r = run_sheetgen("validate " + q(dir.file(name)));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        for (const char* secret : {"山田", "陽翔", "脊髄性筋萎縮症", "$6$", "root", "daemon"}) {
            INFO(secret);
            CHECK(r.out.find(secret) == std::string::npos);
            CHECK(r.err.find(secret) == std::string::npos);
        }
        return r;
    };
    SECTION("a value on its own line becomes an unknown key") {
        RunResult r = validate("k.yaml", replace_once(base, "  kana: たま はなこ\n",
                                                      "  kana: たま はなこ\n  山田 陽翔 脊髄性筋萎縮症:\n"));
        CHECK(r.out.find(dir.file("k.yaml") + ":7:3: unknown key (not repeated here: it is not a short ASCII name and "
                                              "may be personal data or another file's content) in person") != std::string::npos);
    }
    SECTION("a duplicate key") {
        RunResult r = validate("d.yaml", replace_once(base, "  kana: たま はなこ\n",
                                                      "  kana: たま はなこ\n  山田 陽翔: 1\n  山田 陽翔: 2\n"));
        CHECK(r.out.find(dir.file("d.yaml") + ":8:3: duplicate key (not repeated here: it may be personal data) (first "
                                              "at line 7, column 3)") != std::string::npos);
    }
    SECTION("schema: a name") {
        RunResult r = validate("s.yaml", replace_once(base, "schema: sheetgen/profile-v1", "schema: 山田陽翔"));
        CHECK(r.out.find(dir.file("s.yaml") + ":1:9: schema must be exactly 'sheetgen/profile-v1', got a value that "
                                              "is not repeated here") != std::string::npos);
    }
    SECTION("a link to a shadow-like file") {
        write_file(dir.file("shadow"),
                   "root:$6$Zq9xk2Lm$abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP:19700:0:99999:7:::\n"
                   "daemon:*:19700:0:99999:7:::\n"
                   "yamada:$6$Hh8s$QwErTyUiOpAsDfGhJkLzXcVbNm:19700:0:99999:7:::\n");
        REQUIRE(::symlink(dir.file("shadow").c_str(), dir.file("link.yaml").c_str()) == 0);
        RunResult r = run_sheetgen("validate " + q(dir.file("link.yaml")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        for (const char* secret : {"root", "daemon", "yamada", "$6$", "19700"}) {
            INFO(secret);
            CHECK(r.out.find(secret) == std::string::npos);
            CHECK(r.err.find(secret) == std::string::npos);
        }
        CHECK(r.out.find(dir.file("link.yaml") + ":2:1: unknown key (not repeated here") != std::string::npos);
    }
    SECTION("a short ASCII typo is still shown, with a suggestion") {
        write_file(dir.file("t.yaml"), replace_once(base, "  kana: たま はなこ\n", "  kana: たま はなこ\n  nmae: x\n"));
        RunResult r = run_sheetgen("validate " + q(dir.file("t.yaml")));
        CHECK(r.out.find(":7:3: unknown key 'nmae' in person (did you mean 'name'?)") != std::string::npos);
    }
}

TEST_CASE("A blank required value is an error at its place", "[cli][hostile][profiles]") {
    TempDir dir;
    const std::string base = minimal_profile("b-001");
    for (const auto& [label, value] : std::vector<std::pair<std::string, std::string>>{
             {"empty", "\"\""}, {"spaces", "\"  \""}, {"ideographic space", "\"\xE3\x80\x80\""}}) {
        INFO(label);
        write_file(dir.file("b.yaml"), replace_once(base, "name: 多摩 花子", "name: " + value));
        RunResult r = run_sheetgen("validate " + q(dir.file("b.yaml")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.out.find(dir.file("b.yaml") +
                         ":5:9: required key 'name' in person is blank (only spaces or nothing): write the value") !=
              std::string::npos);
    }
    // The id too: a blank id would name the file ".pdf".
    write_file(dir.file("i.yaml"), replace_once(base, "id: b-001", "id: \" \""));
    RunResult r = run_sheetgen("validate " + q(dir.file("i.yaml")));
    CHECK(r.exit_code == 1);
    CHECK(r.out.find(":2:5: required key 'id' in the profile is blank") != std::string::npos);
}

TEST_CASE("Full-width YAML syntax is named at its own line and column", "[cli][hostile][profiles]") {
    TempDir dir;
    const std::string base = minimal_profile("f-001");
    SECTION("a full-width colon after a key") {
        write_file(dir.file("c.yaml"), replace_once(base, "  kana: たま はなこ", "  kana：たま はなこ"));
        RunResult r = run_sheetgen("validate " + q(dir.file("c.yaml")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.out.find(dir.file("c.yaml") + ":6:7: full-width colon (：, U+FF1A, 全角コロン) after a key: YAML needs "
                                              "an ASCII ':' followed by a space") != std::string::npos);
        CHECK(r.out.find("illegal map value") == std::string::npos);
    }
    SECTION("an ideographic space in the indentation") {
        write_file(dir.file("s.yaml"), replace_once(base, "  kana: たま はなこ", "\xE3\x80\x80kana: たま はなこ"));
        RunResult r = run_sheetgen("validate " + q(dir.file("s.yaml")));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.out.find(dir.file("s.yaml") + ":6:1: full-width space (U+3000, 全角スペース)") != std::string::npos);
    }
}
