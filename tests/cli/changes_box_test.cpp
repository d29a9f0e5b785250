// End to end: render --changes / --changed-only print each changed
// household's 「前回からの変更」 box, worded from the change codes (never from
// the list's sentences), never naming a planned site that can no longer be
// used; a bad row is located and its household skipped.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "cli/cli_fixtures.hpp"
#include "diff/revision_fixture.hpp"

using namespace sheetgen::test;

namespace {

// The PDF's text without the spaces and line breaks pdftotext puts between cells.
std::string pdf_text(const std::string& pdf) {
    int st = 0;
    const std::string raw = capture("pdftotext -enc UTF-8 " + q(pdf) + " - 2>/dev/null", &st);
    REQUIRE(st == 0);
    std::string out;
    for (char c : raw)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}

// The line of `id` in a CSV (without CRLF), and where it starts.
size_t row_at(const std::string& csv, const std::string& id) {
    const size_t at = csv.find("\n" + id + ",");
    REQUIRE(at != std::string::npos);
    return at + 1;
}

void set_codes(std::string& csv, const std::string& id, const std::string& codes, const std::string& sentence) {
    const size_t at = row_at(csv, id), end = csv.find("\r\n", at);
    std::string row = csv.substr(at, end - at);
    const size_t u = row.find(",unchanged,");
    REQUIRE(u != std::string::npos);
    row = row.substr(0, u) + "," + codes + "," + sentence + ",edited";  // the sentence columns a user edited
    csv.replace(at, end - at, row);
}

void drop_row(std::string& csv, const std::string& id) {
    const size_t at = row_at(csv, id);
    csv.erase(at, csv.find("\r\n", at) + 2 - at);
}

// Three households (two in the sample flood zone, one outside every zone) and
// the changes list of a revision that changed nothing, as diff writes it.
struct Households {
    TempDir dir;
    std::string common, unchanged_csv;
    Households() {
        std::filesystem::create_directories(dir.file("p"));
        write_file(dir.file("p/in.yaml"), minimal_profile("in-1"));
        write_file(dir.file("p/in2.yaml"), minimal_profile("in-2"));
        write_file(dir.file("p/out.yaml"), minimal_profile("out-1", 35.6000, 139.5200));
        common = " --date 2026-11-28 -q " + q(dir.file("p"));
        REQUIRE(run_sheetgen("flag --hazards " + q(sample_hazards()) + " -o " + q(dir.file("before.csv")) + common)
                    .exit_code == 0);
        RunResult diff = run_sheetgen("diff --before-list " + q(dir.file("before.csv")) + " --after " +
                                      q(sample_hazards()) + " -o " + q(dir.file("changes.csv")) + common);
        INFO(diff.err);
        REQUIRE(diff.exit_code == 0);
        unchanged_csv = read_file(dir.file("changes.csv"));
    }
    RunResult render(const std::string& option, const std::string& csv, const std::string& out) const {
        write_file(dir.file(out + ".csv"), csv);
        return run_sheetgen("render --hazards " + q(sample_hazards()) + " " + option + " " + q(dir.file(out + ".csv")) +
                            " --out " + q(dir.file(out)) + common);
    }
};

const char* const kBoxTitle = "前回からの変更（ハザードマップ改訂）";

}  // namespace

TEST_CASE("render --changes: a changed household gets the box from its codes, an unchanged or absent one none",
          "[cli][render][diff]") {
    Households h;
    std::string csv = h.unchanged_csv;
    set_codes(csv, "in-1", "entered_zone;depth_increased", "第一公園へ避難してください");
    drop_row(csv, "in-2");
    RunResult r = h.render("--changes", csv, "out");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string changed = pdf_text(h.dir.file("out/in-1.pdf"));
    CHECK(changed.find(std::string(kBoxTitle) + "・浸水想定区域に新たに入りました・想定される浸水の深さが深くなりました") !=
          std::string::npos);
    CHECK(changed.find("第一公園") == std::string::npos);  // the list's (edited) sentence is never printed
    for (const char* id : {"out-1", "in-2"}) {  // unchanged; absent from the list
        INFO(id);
        const std::string text = pdf_text(h.dir.file(std::string("out/") + id + ".pdf"));
        CHECK(text.find("前回からの変更") == std::string::npos);
        CHECK(text.find("浸水想定区域に新たに入りました") == std::string::npos);
    }
    // --changed-only renders just in-1, with the same box.
    RunResult only = h.render("--changed-only", csv, "only");
    CHECK(only.exit_code == 0);
    CHECK(pdf_text(h.dir.file("only/in-1.pdf")).find(kBoxTitle) != std::string::npos);
    CHECK_FALSE(file_exists(h.dir.file("only/out-1.pdf")));
    CHECK_FALSE(file_exists(h.dir.file("only/in-2.pdf")));

    RunResult both = run_sheetgen("render --hazards " + q(sample_hazards()) + " --changes " + q(h.dir.file("out.csv")) +
                                  " --changed-only " + q(h.dir.file("out.csv")) + " --out " + q(h.dir.file("x")) +
                                  h.common);
    CHECK(both.exit_code == 2);
}

TEST_CASE("render --changes: an unknown code is located with a suggestion, that household skipped, the rest proceed",
          "[cli][render][diff]") {
    Households h;
    std::string csv = h.unchanged_csv;
    set_codes(csv, "in-1", "entered_zon", "");
    const std::string line = std::to_string(1 + std::count(csv.begin(), csv.begin() + row_at(csv, "in-1"), '\n'));
    for (const char* option : {"--changes", "--changed-only"}) {
        INFO(option);
        const std::string out = std::string(option) == "--changes" ? "boxes" : "only";
        RunResult r = h.render(option, csv, out);
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);  // as an invalid profile: reported, skipped, the others rendered
        CHECK(r.err.find(h.dir.file(out + ".csv") + ":" + line +
                         ": household in-1: unknown change code 'entered_zon' (did you mean 'entered_zone'?)") !=
              std::string::npos);
        CHECK(r.out.find("1 skipped (invalid profiles or rows of the changes list, see above)") != std::string::npos);
        CHECK_FALSE(file_exists(h.dir.file(out + "/in-1.pdf")));
        CHECK(file_exists(h.dir.file(out + "/out-1.pdf")) == (out == "boxes"));
    }
}

TEST_CASE("diff then render --changed-only: the boxes of a synthetic revision, the withdrawn site named nowhere",
          "[cli][render][diff]") {
    using namespace sheetgen::test::revision;
    TempDir dir;
    write_fixture(dir);
    // In the same zone before and after; its plan names S1, which loses its flood designation.
    write_home(dir, "h-site", 139.4255, "S1");
    const std::string site_name = "第一公園";  // S1 in the fixture
    RunResult diff = run_sheetgen("diff --before " + q(dir.file("old.yaml")) + " --after " + q(dir.file("new.yaml")) +
                                  " " + q(dir.file("profiles")) + " --date 2026-05-01 -q -o " + q(dir.file("changes.csv")));
    INFO(diff.out << diff.err);
    REQUIRE(diff.exit_code == 0);
    const std::string csv = read_file(dir.file("changes.csv"));
    const std::string site_row = csv.substr(row_at(csv, "h-site"), csv.find("\r\n", row_at(csv, "h-site")) - row_at(csv, "h-site"));
    REQUIRE(site_row.find("planned_shelter_lost_designation") != std::string::npos);
    REQUIRE(site_row.find(site_name) != std::string::npos);  // the staff sentence names it

    const std::string render = "render --hazards " + q(dir.file("new.yaml")) + " " + q(dir.file("profiles")) +
                               " --date 2026-05-01 -q --out ";
    // Without the list the sheet names the planned site (計画の避難場所), as it always has.
    RunResult plain = run_sheetgen(render + q(dir.file("plain")));
    REQUIRE(plain.exit_code == 0);
    REQUIRE(pdf_text(dir.file("plain/h-site.pdf")).find(site_name) != std::string::npos);

    RunResult r = run_sheetgen(render + q(dir.file("out")) + " --changed-only " + q(dir.file("changes.csv")));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string enter = pdf_text(dir.file("out/h-enter.pdf"));
    CHECK(enter.find(std::string(kBoxTitle) + "・浸水想定区域に新たに入りました") != std::string::npos);
    const std::string site = pdf_text(dir.file("out/h-site.pdf"));
    CHECK(site.find(std::string(kBoxTitle) + "・予定していた避難先は使えなくなりました。この計画の避難先をご確認ください") !=
          std::string::npos);
    CHECK(site.find(site_name) == std::string::npos);
    CHECK_FALSE(file_exists(dir.file("out/h-same.pdf")));  // unchanged: not re-rendered
}
