// Passwords for AES-256 (PDF 2.0, R6): every encrypted output must open with
// the password as written, or the run is refused before any work (exit 2).
// Names with family-register variant selectors and characters the font
// lacks: printed sensibly, warned as counts, never spelled out in the log.
#include <catch2/catch.hpp>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

namespace {

std::string repeat(const std::string& s, int n) {
    std::string r;
    for (int i = 0; i < n; ++i) r += s;
    return r;
}

struct PasswordRun {
    TempDir dir;
    RunResult render(const std::string& password_file_bytes) {
        write_file(dir.file("pw"), password_file_bytes);
        return run_sheetgen("render --hazards " + q(sample_hazards()) + " --date 2026-11-24 -q --out " +
                            q(dir.file("out")) + " --bundle " + q(dir.file("all.pdf")) + " --password-file " +
                            q(dir.file("pw")) + " " + q(source_path("samples/tama-002.yaml")));
    }
    // Every PDF written opens with `password` (qpdf decrypts and checks it).
    void expect_all_open_with(const std::string& password) {
        std::vector<std::string> files = {dir.file("all.pdf")};
        for (const auto& p : pdfs_in(dir.file("out"))) files.push_back(dir.file("out/" + p));
        REQUIRE(files.size() == 3);  // sheet, plan, bundle
        write_file(dir.file("pwarg"), "--password=" + password + "\n");
        for (const auto& f : files) {
            INFO(f);
            // @file: the password never appears on a command line, and any bytes pass.
            RunResult r = run_shell("qpdf @" + q(dir.file("pwarg")) + " --check " + q(f));
            INFO(r.out << r.err);
            CHECK(r.exit_code == 0);
            CHECK(r.out.find("R = 6") != std::string::npos);
            CHECK(run_shell("qpdf --check " + q(f)).exit_code != 0);  // and not without it
        }
    }
};

}  // namespace

TEST_CASE("Passwords follow PDF 2.0: every encrypted output opens with the password as written", "[cli][hostile][password]") {
    PasswordRun p;
    SECTION("a UTF-8 BOM in the password file is not part of the password") {
        RunResult r = p.render("\xEF\xBB\xBFsecret-42\n");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        p.expect_all_open_with("secret-42");
    }
    SECTION("42 Japanese characters (126 bytes) are accepted and work") {
        const std::string pw = std::string("あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれ");
        REQUIRE(pw.size() == 126);
        RunResult r = p.render(pw + "\n");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 0);
        p.expect_all_open_with(pw);
    }
    SECTION("43 Japanese characters (129 bytes) are refused: readers use at most 127") {
        const std::string pw = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろ";
        REQUIRE(pw.size() == 129);
        RunResult r = p.render(pw + "\n");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("sheetgen render: password file " + p.dir.file("pw") +
                         ": the password is 129 bytes in UTF-8; PDF 2.0 (AES-256) uses at most 127 bytes") !=
              std::string::npos);
        CHECK(r.err.find("あいう") == std::string::npos);  // never echoed
        CHECK_FALSE(file_exists(p.dir.file("out")));
        CHECK_FALSE(file_exists(p.dir.file("all.pdf")));
    }
    SECTION("a NUL byte is refused, not a silent truncation") {
        RunResult r = p.render(std::string("sec\0ret\n", 8));
        INFO(r.out << r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find("password file " + p.dir.file("pw") +
                         " contains a NUL byte: the password would be cut there") != std::string::npos);
        CHECK_FALSE(file_exists(p.dir.file("out")));
    }
    SECTION("a full-width space or control character is refused (SASLprep would change it)") {
        for (const std::string& bad : {std::string("pass\xE3\x80\x80word"), std::string("pass\x01word"),
                                       std::string("\xEF\xBD\x90\xEF\xBD\x81ss")}) {  // full-width ｐａ
            RunResult r = p.render(bad + "\n");
            INFO(r.out << r.err);
            CHECK(r.exit_code == 2);
            CHECK(r.err.find("of the password is a control character, a special space, a combining mark or a "
                             "full-width / half-width / compatibility form") != std::string::npos);
        }
    }
    SECTION("--password-env follows the same rules") {
        const std::string long_pw = repeat("x", 128);
        RunResult e = run_shell("SHEETGEN_TEST_PW=" + long_pw + " " + q(sheetgen_binary()) + " render --hazards " +
                                q(sample_hazards()) + " -q --out " + q(p.dir.file("out")) +
                                " --password-env SHEETGEN_TEST_PW " + q(source_path("samples/tama-002.yaml")));
        INFO(e.out << e.err);
        CHECK(e.exit_code == 2);
        CHECK(e.err.find("environment variable SHEETGEN_TEST_PW: the password is 128 bytes") != std::string::npos);
    }
}

TEST_CASE("Family-register variants print their base character, unprintable characters are counted per field",
          "[cli][hostile][render]") {
    TempDir dir;
    // 葛 + U+E0100 and 辻 + U+E0101 (ideographic variation selectors); 𠮷 (U+20BB7)
    // is outside the BMP that libharu 2.3.0 draws.
    std::string text = replace_once(minimal_profile("v-001"), "name: 多摩 花子",
                                    "name: 葛\xF3\xA0\x84\x80西 辻\xF3\xA0\x84\x81子");
    text = replace_once(text, "kana: たま はなこ", "kana: \xF0\xA0\xAE\xB7だ はなこ");
    write_file(dir.file("v.yaml"), text);
    RunResult r = run_sheetgen("render --hazards " + q(sample_hazards()) + " --plans none --date 2026-11-24 -q --out " +
                               q(dir.file("out")) + " " + q(dir.file("v.yaml")));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("warning: household v-001: person.name: 2 variation selectors (戸籍の異体字) dropped; the base "
                     "character is printed") != std::string::npos);
    CHECK(r.err.find("warning: household v-001: person.kana: 1 character cannot be printed (not in the font, or "
                     "outside the Basic Multilingual Plane that libharu 2.3.0 draws); printed as 〓") !=
          std::string::npos);
    // No code point in the log: with one per character, a name could be rebuilt.
    CHECK(r.err.find("U+") == std::string::npos);
    RunResult t = run_shell("pdftotext " + q(dir.file("out/v-001.pdf")) + " -");
    INFO(t.out);
    CHECK(t.out.find("葛西 辻子") != std::string::npos);
    CHECK(t.out.find("葛〓") == std::string::npos);
}
