// Hostile templates and fonts through `sheetgen render` (exit 3, one clear
// message, nothing written), and a mixed directory of good and broken
// profiles: broken ones get no PDF, good ones all get valid PDFs, and the
// bundle holds exactly their pages.
#include <catch2/catch.hpp>

#include "cli/hardening_support.hpp"

using namespace sheetgen::test;

namespace {

// 1-based line and code-point column of byte offset `pos`.
std::pair<int, int> line_col(const std::string& text, size_t pos) {
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < pos; ++i)
        if (text[i] == '\n') ++line, line_start = i + 1;
    int col = 1;
    for (size_t i = line_start; i < pos; ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
    return {line, col};
}

size_t line_count(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

std::string render_args(const TempDir& dir, const std::string& profiles, const std::string& extra) {
    return "render --hazards " + q(sample_hazards()) + " " + q(profiles) + " --out " + q(dir.file("out")) +
           " --plans none --date 2026-11-24 -q --jobs 2 " + extra;
}

}  // namespace

TEST_CASE("A template naming an unknown field stops render at the template line", "[cli][hostile][render]") {
    TempDir dir;
    const std::string tmpl = read_file(source_path("templates/support-sheet.yaml"));
    const size_t pos = tmpl.find("path: person.name}");
    REQUIRE(pos != std::string::npos);
    const auto [line, col] = line_col(tmpl, pos + 6);
    write_file(dir.file("typo.yaml"), replace_once(tmpl, "path: person.name}", "path: person.nmae}"));
    RunResult r = run_sheetgen(render_args(dir, source_path("samples/tama-001.yaml"),
                                           "--template " + q(dir.file("typo.yaml"))));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(dir.file("typo.yaml") + ":" + std::to_string(line) + ":" + std::to_string(col) +
                     ": unknown field path 'person.nmae' (did you mean 'person.name'?)") != std::string::npos);
    CHECK(line_count(r.err) == 1);
    CHECK_FALSE(file_exists(dir.file("out")));  // fails before any output
}

TEST_CASE("Missing and non-TrueType fonts stop render with one clear message", "[cli][hostile][render]") {
    TempDir dir;
    struct FontCase {
        std::string name, path, expect;
    };
    write_file(dir.file("readme.ttf"), read_file(source_path("README.md")).substr(0, 4096));
    write_file(dir.file("tiny.ttf"), "hello\n");
    std::vector<FontCase> cases = {
        {"missing", dir.file("nosuch.ttf"), "cannot open font file"},
        {"text file", dir.file("readme.ttf"), "not a TrueType font file"},
        {"tiny file", dir.file("tiny.ttf"), "not a font file"},
        {"directory", dir.path(), "font"},
    };
    // Installed non-TrueType and non-Japanese fonts, when this machine has them.
    for (const char* p : {"/usr/share/fonts/X11/Type1/NimbusSans-Regular.pfb"})
        if (file_exists(p)) cases.push_back({"Type 1 .pfb", p, "not a TrueType font file"});
    for (const char* p : {"/usr/share/fonts/truetype/lato/Lato-Regular.ttf",
                          "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"})
        if (file_exists(p)) {
            cases.push_back({"no Japanese glyphs", p, "font has no Japanese glyphs"});
            break;
        }
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.name) {
            RunResult r =
                run_sheetgen(render_args(dir, source_path("samples/tama-001.yaml"), "--font " + q(c.path)));
            INFO(r.out << r.err);
            CHECK(r.exit_code == 3);
            CHECK(r.err.find(c.path) != std::string::npos);
            CHECK(r.err.find(c.expect) != std::string::npos);
            CHECK(line_count(r.err) == 1);
            CHECK_FALSE(file_exists(dir.file("out")));
        }
    }
}

TEST_CASE("Mixed good and broken profiles: only the good get PDFs, all valid, bundle complete",
          "[cli][hostile][render]") {
    TempDir dir;
    const std::string profiles = dir.file("profiles");
    ::mkdir(profiles.c_str(), 0700);
    std::set<std::string> names;
    for (int i = 1; i <= 6; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "tama-%03d.yaml", i);
        const std::string text = read_file(source_path(std::string("samples/") + name));
        write_file(profiles + "/" + name, text);
        for (const auto& n : person_names_in(text)) names.insert(n);
    }
    // Broken copies of real profiles (new ids, so a PDF for them would be visible).
    const std::string s7 = read_file(source_path("samples/tama-007.yaml"));
    const std::string s8 = read_file(source_path("samples/tama-008.yaml"));
    for (const auto& n : person_names_in(s7 + s8)) names.insert(n);
    write_file(profiles + "/x-bad-date.yaml",
               replace_once(replace_once(s7, "id: tama-007", "id: x-bad-date"), "updated: 20", "updated: 19xx-"));
    write_file(profiles + "/x-bad-yaml.yaml", replace_once(s8, "id: tama-008", "id: x-bad-yaml") + "\n  - ]: [\n");
    write_file(profiles + "/x-garbage.yaml", std::string("\xff\xfe\x00\x01 not yaml", 14));
    write_file(profiles + "/x-truncated.yaml", replace_once(s7, "id: tama-007", "id: x-truncated").substr(0, 200));
    REQUIRE_FALSE(names.empty());

    RunResult r = run_sheetgen(render_args(dir, profiles, "--bundle " + q(dir.file("bundle.pdf"))));
    INFO(r.out << r.err);
    CHECK(r.exit_code == 1);
    for (const char* bad : {"x-bad-date.yaml", "x-bad-yaml.yaml", "x-garbage.yaml", "x-truncated.yaml"})
        CHECK(r.err.find(profiles + "/" + bad + ":") != std::string::npos);
    for (const char* id : {"x-bad-date", "x-bad-yaml", "x-truncated"})
        CHECK_FALSE(file_exists(dir.file("out/") + id + ".pdf"));
    const auto pdfs = pdfs_in(dir.file("out"));
    CHECK(pdfs.size() == 6);
    int sum = 0;
    for (const auto& p : pdfs) {
        INFO(p);
        CHECK(p.rfind("tama-00", 0) == 0);
        CHECK(qpdf_check(dir.file("out/" + p)));
        int pages = pdf_pages(dir.file("out/" + p));
        CHECK(pages >= 1);
        sum += pages;
    }
    REQUIRE(file_exists(dir.file("bundle.pdf")));
    CHECK(qpdf_check(dir.file("bundle.pdf")));
    CHECK(pdf_pages(dir.file("bundle.pdf")) == sum);
    CHECK(temp_files_in(dir.file("out")).empty());
    CHECK(r.out.find("(" + std::to_string(sum) + " pages)") != std::string::npos);
    // Privacy: messages name files, lines and ids, never the people.
    for (const auto& n : names) {
        INFO(n);
        CHECK(r.err.find(n) == std::string::npos);
        CHECK(r.out.find(n) == std::string::npos);
    }
}

TEST_CASE("Endless or huge template and font files are refused without reading them whole", "[cli][hostile]") {
    TempDir dir;
    sheetgen::test::write_file(dir.file("p.yaml"), minimal_profile("t-limits"));
    const std::string base = "render --hazards " + q(sample_hazards()) + " " + q(dir.file("p.yaml")) + " --out " +
                             q(dir.file("out")) + " --plans none ";
    auto t = run_sheetgen(base + "--template /dev/zero");
    INFO(t.err);
    CHECK(t.exit_code == 3);
    CHECK(t.err.find("/dev/zero: template file is larger than 1 MiB") != std::string::npos);
    auto f = run_sheetgen(base + "--font /dev/zero");
    INFO(f.err);
    CHECK(f.exit_code == 3);
    CHECK(f.err.find("/dev/zero: font file") != std::string::npos);
    CHECK(f.err.find("larger than 64 MiB") != std::string::npos);
    auto d = run_sheetgen(base + "--font " + q(dir.path()));
    INFO(d.err);
    CHECK(d.exit_code == 3);
    CHECK(d.err.find("is a directory, not a font file") != std::string::npos);
    CHECK_FALSE(file_exists(dir.file("out/t-limits.pdf")));
}
