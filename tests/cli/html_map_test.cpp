// End to end: `sheetgen flag --html` on the samples writes one self-contained
// map page (0600, byte-identical across runs), and headless Chromium draws one
// marker per household, opens a household's details and logs no error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <sys/stat.h>

#include "cli/cli_fixtures.hpp"
#include "hazard/fixtures.hpp"
#include "report/html_page_data.hpp"
#include "report/html_refs.hpp"

using namespace sheetgen::test;

namespace {

const char* kSampleIds[] = {"tama-001", "tama-002", "tama-003", "tama-004", "tama-005", "tama-006",
                            "tama-007", "tama-008", "tama-009", "tama-010", "tama-011", "tama-012"};

mode_t mode_of(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return st.st_mode & 07777;
}

RunResult flag_html(const std::string& dir, const std::string& html, const std::string& extra = "") {
    return run_sheetgen("flag --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) + " -q -o " +
                        q(dir + "/at-risk.csv") + " --html " + q(html) + " --date 2026-11-24 " + extra);
}

size_t count(const std::string& s, const std::string& what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

// Names from the CSV (column 2), to prove they are absent under --html-no-names.
std::vector<std::string> csv_names(const std::string& csv) {
    std::vector<std::string> names;
    std::istringstream in(csv);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
        size_t a = line.find(','), b = line.find(',', a + 1);
        names.push_back(line.substr(a + 1, b - a - 1));
    }
    return names;
}

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// The browser half of a test: what Chromium draws depends on the page, not
// on the build that wrote it, so it runs in the normal build only; under
// ASan the page is still written and checked up to this point.
#define SKIP_UNLESS_BROWSER()                                                                          \
    do {                                                                                               \
        if (sanitized_build())                                                                         \
            SHEETGEN_SKIP("the page is checked in Chromium by the normal build (same page, no memory checks in the browser)"); \
        if (!have_chromium()) SHEETGEN_SKIP("chromium not installed (scripts/install-deps.sh installs it)"); \
    } while (0)


// Loads the page in headless Chromium and returns the DOM after its scripts ran.
std::string chromium_dom(const TempDir& dir, const std::string& html, const std::string& hash) {
    const std::string cmd = "timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run "
                            "--user-data-dir=" + q(dir.file("chromium-profile")) +
                            " --virtual-time-budget=5000 --run-all-compositor-stages-before-draw --dump-dom " +
                            q("file://" + html + hash) + " 2>/dev/null";
    int status = 0;
    std::string dom = capture(cmd, &status);
    INFO(cmd);
    REQUIRE(status == 0);
    return dom;
}

std::string attr(const std::string& dom, const std::string& name) {
    std::smatch m;
    std::regex re("<html[^>]*\\s" + name + "=\"([^\"]*)\"");
    return std::regex_search(dom, m, re) ? m[1].str() : "<absent>";
}

}  // namespace

TEST_CASE("flag --html: one self-contained page, 0600, deterministic, every sample household",
          "[cli][html]") {
    if (!file_exists("/usr/share/javascript/leaflet/leaflet.css"))
        SHEETGEN_SKIP("libjs-leaflet not installed (scripts/install-deps.sh installs it)");
    TempDir dir;
    RunResult a = flag_html(dir.path(), dir.file("a.html"), "--jobs 1");
    INFO(a.out << a.err);
    REQUIRE(a.exit_code == 0);
    CHECK(a.out.find(dir.file("a.html")) != std::string::npos);
    RunResult b = flag_html(dir.path(), dir.file("b.html"), "--jobs 2");
    REQUIRE(b.exit_code == 0);
    RunResult g = flag_html(dir.path(), dir.file("g.html"), "--group-readable");
    REQUIRE(g.exit_code == 0);

    const std::string html = read_file(dir.file("a.html"));
    CHECK(html == read_file(dir.file("b.html")));  // byte-identical whatever the thread count
    CHECK(mode_of(dir.file("a.html")) == 0600);
    CHECK(mode_of(dir.file("g.html")) == 0640);
    const auto bad = external_refs(html);
    for (const auto& x : bad) UNSCOPED_INFO(x);
    CHECK(bad.empty());
    CHECK(html.find("取扱注意") != std::string::npos);
    // One record per household, in the CSV's order (level A first).
    const HtmlPageData data = html_page_data(html);
    REQUIRE(data.households.size() == 12);
    std::vector<std::string> ids, csv_ids;
    for (const auto& h : data.households) ids.push_back(text_of(h, "id"));
    for (const char* id : kSampleIds) CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
    CHECK(text_of(data.households.front(), "level") == "A");
    CHECK(text_of(data.households.back(), "level") == "D");
    {
        std::istringstream csv(read_file(dir.file("at-risk.csv")));
        std::string line;
        std::getline(csv, line);
        while (std::getline(csv, line)) csv_ids.push_back(line.substr(0, line.find(',')));
    }
    CHECK(ids == csv_ids);
    // The sample zones are there, in GSI colours, and the shelters.
    CHECK(html.find("\"col\":\"#FFD8C0\"") != std::string::npos);
    CHECK(html.find("{\"k\":\"h\"") != std::string::npos);
    CHECK(html.find("{\"k\":\"l\"") != std::string::npos);
    CHECK(html.find("\"t\":\"welfare_shelter\"") != std::string::npos);
    // Small: Leaflet (~150 kB) plus the data.
    CHECK(html.size() < 400 * 1024);
    // Names are in the default page...
    const auto names = csv_names(read_file(dir.path() + "/at-risk.csv"));
    REQUIRE(names.size() == 12);
    CHECK(text_of(data.households[0], "name") == names[0]);

    SECTION("--html-no-names leaves every name out of the file") {
        RunResult n = flag_html(dir.path(), dir.file("n.html"), "--html-no-names");
        REQUIRE(n.exit_code == 0);
        const std::string page = read_file(dir.file("n.html"));
        const HtmlPageData shown = html_page_data(page);
        for (const auto& name : names) {
            INFO(name);
            CHECK(page.find(name) == std::string::npos);
            for (const std::string& s : shown.sentences) CHECK(s.find(name) == std::string::npos);
        }
        CHECK(page.find("\"name\"") == std::string::npos);  // not even the field
        REQUIRE(shown.households.size() == 12);
        CHECK(shown.households[0].count("name") == 0);
    }
    SECTION("--pdf-dir links the PDFs that exist, relative to the page") {
        std::filesystem::create_directories(dir.file("sheets"));
        write_file(dir.file("sheets/tama-001.pdf"), "%PDF-1.4");
        write_file(dir.file("sheets/tama-001-ventilator-plan.pdf"), "%PDF-1.4");
        std::filesystem::create_directories(dir.file("pages"));
        RunResult p = flag_html(dir.path(), dir.file("pages/p.html"), "--pdf-dir " + q(dir.file("sheets")));
        REQUIRE(p.exit_code == 0);
        const std::string page = read_file(dir.file("pages/p.html"));
        size_t linked = 0;
        for (const auto& h : html_page_data(page).households) {
            if (text_of(h, "id") != "tama-001") {
                linked += text_of(h, "pdf") != "<null>" || text_of(h, "plan_pdf") != "<null>";
                continue;
            }
            CHECK(text_of(h, "pdf") == "../sheets/tama-001.pdf");
            CHECK(text_of(h, "plan_pdf") == "../sheets/tama-001-ventilator-plan.pdf");
        }
        CHECK(linked == 0);  // only the PDFs that exist
        CHECK(external_refs(page).empty());
    }
    SECTION("--html-tiles adds a base map and the page names it") {
        RunResult t = flag_html(dir.path(), dir.file("t.html"),
                                "--html-tiles 'https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png'");
        REQUIRE(t.exit_code == 0);
        CHECK(read_file(dir.file("t.html")).find("\"tiles\":\"https://cyberjapandata.gsi.go.jp/xyz/pale/{z}/{x}/{y}.png\"") !=
              std::string::npos);
        CHECK(html.find("\"tiles\":null") != std::string::npos);  // off by default
    }
}

TEST_CASE("flag --html: usage errors, and a missing Leaflet stops the run before anything is written",
          "[cli][html]") {
    TempDir dir;
    const std::string base = "flag --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) + " -q -o " +
                             q(dir.file("at-risk.csv")) + " ";
    RunResult r = run_sheetgen(base + "--html-no-names");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("go with --html FILE") != std::string::npos);
    r = run_sheetgen(base + "--html " + q(dir.file("x.html")) + " --html-tiles 'ftp://tiles/{z}/{x}/{y}'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--html-tiles") != std::string::npos);
    CHECK_FALSE(file_exists(dir.file("at-risk.csv")));

    int status = 0;
    const std::string out = capture("SHEETGEN_LEAFLET_DIR=" + q(dir.file("no-leaflet")) + " '" + SHEETGEN_BINARY + "' " +
                                        base + "--html " + q(dir.file("x.html")) + " 2>&1",
                                    &status);
    INFO(out);
    CHECK(WEXITSTATUS(status) == 3);
    CHECK(out.find(dir.file("no-leaflet") + "/leaflet.js") != std::string::npos);
    CHECK(out.find("libjs-leaflet") != std::string::npos);
    CHECK_FALSE(file_exists(dir.file("x.html")));
    CHECK_FALSE(file_exists(dir.file("at-risk.csv")));
    CHECK(run_sheetgen("flag --help").out.find("--html-no-names") != std::string::npos);
}

TEST_CASE("flag --html in headless Chromium: one marker per household, details open, no errors",
          "[cli][html][browser]") {
    if (!file_exists("/usr/share/javascript/leaflet/leaflet.css"))
        SHEETGEN_SKIP("libjs-leaflet not installed (scripts/install-deps.sh installs it)");
    SKIP_UNLESS_BROWSER();
    TempDir dir;
    RunResult r = flag_html(dir.path(), dir.file("at-risk.html"));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);

    const std::string dom = chromium_dom(dir, dir.file("at-risk.html"), "#open=tama-001");
    CHECK(attr(dom, "data-errors") == "0");
    CHECK(attr(dom, "data-ready") == "1");
    CHECK(attr(dom, "data-households") == "12");
    CHECK(attr(dom, "data-markers") == "12");  // markers Leaflet put on the map
    CHECK(dom.find("<canvas") != std::string::npos);  // drawn on a canvas, not as SVG paths
    CHECK(dom.find("<path") == std::string::npos);
    CHECK(count(dom, "<tr data-id=\"tama-") == 12);
    // The popup of tama-001 is open with its verdict (docs/risk-rules.md §8).
    CHECK(attr(dom, "data-open") == "tama-001");
    const size_t pop = dom.find("leaflet-popup-content");
    REQUIRE(pop != std::string::npos);
    const std::string popup = dom.substr(pop, dom.find("</ul>", pop) - pop);
    CHECK(popup.find("tama-001") != std::string::npos);
    CHECK(popup.find("警戒レベル3で立退き避難") != std::string::npos);  // action
    CHECK(popup.find("警戒レベル3") != std::string::npos);            // start alert level
    CHECK(popup.find("2階") != std::string::npos);                    // safe floor
    CHECK(popup.find("停電リスク") != std::string::npos);              // blackout_runtime_short
    CHECK(popup.find("living_floor_floods") != std::string::npos);
    CHECK(popup.find("<li>") != std::string::npos);                   // reasons in Japanese

    // English, another household.
    const std::string en = chromium_dom(dir, dir.file("at-risk.html"), "#lang=en&open=tama-005");
    CHECK(attr(en, "data-errors") == "0");
    CHECK(attr(en, "lang") == "en");
    CHECK(attr(en, "data-open") == "tama-005");
    CHECK(en.find("CONFIDENTIAL") != std::string::npos);
    CHECK(en.find("Blackout risk") != std::string::npos);
}

// diff --html: the same page, with what changed. A household flagged last
// time away from the zones, moved since into the sample's flood zone (the
// place of tama-001), carries entered_zone; the samples carry unchanged.
TEST_CASE("diff --html: flag's page with each household's changes, a blue ring and a 変化 filter",
          "[cli][html][diff]") {
    if (!file_exists("/usr/share/javascript/leaflet/leaflet.css"))
        SHEETGEN_SKIP("libjs-leaflet not installed (scripts/install-deps.sh installs it)");
    TempDir dir;
    std::filesystem::create_directories(dir.file("old"));
    std::filesystem::create_directories(dir.file("now"));
    write_file(dir.file("old/moved.yaml"), minimal_profile("t-moved", 35.6700, 139.4200));
    write_file(dir.file("now/moved.yaml"), minimal_profile("t-moved", 35.6530, 139.4440));
    RunResult f = run_sheetgen("flag --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) + " " +
                               q(dir.file("old/moved.yaml")) + " -q -o " + q(dir.file("old.csv")) + " --date 2026-11-24");
    INFO(f.out << f.err);
    REQUIRE(f.exit_code == 0);
    const std::string diff = "diff --before-list " + q(dir.file("old.csv")) + " --after " + q(sample_hazards()) + " " +
                             q(source_path("samples")) + " " + q(dir.file("now/moved.yaml")) +
                             " --date 2026-11-24 -q -o " + q(dir.file("changes.csv")) + " --html ";
    RunResult r = run_sheetgen(diff + q(dir.file("changes.html")));
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find(dir.file("changes.html")) != std::string::npos);
    const std::string html = read_file(dir.file("changes.html"));
    CHECK(mode_of(dir.file("changes.html")) == 0600);
    CHECK(external_refs(html).empty());
    CHECK(html.find("\"changes\":true,\"removed\":0") != std::string::npos);
    const HtmlPageData data = html_page_data(html);
    REQUIRE(data.households.size() == 13);
    // The most urgent change first, as in the CSV.
    const HtmlHousehold& moved = data.households.front();
    CHECK(text_of(moved, "id") == "t-moved");
    REQUIRE(moved.at("cc").IsSequence());
    CHECK(moved.at("cc")[0].as<std::string>() == "entered_zone");
    CHECK(moved.at("cj")[0].as<std::string>().find("新しい想定で浸水想定区域に入りました") != std::string::npos);
    for (size_t i = 1; i < data.households.size(); ++i) {
        const HtmlHousehold& h = data.households[i];
        REQUIRE(h.at("cc").size() == 1);
        CHECK(h.at("cc")[0].as<std::string>() == "unchanged");
    }
    // The sentence is stored once, in the table.
    CHECK(std::count(data.sentences.begin(), data.sentences.end(), moved.at("cj")[0].as<std::string>()) == 1);
    // Deterministic.
    RunResult again = run_sheetgen(diff + q(dir.file("again.html")) + " --jobs 2");
    REQUIRE(again.exit_code == 0);
    CHECK(read_file(dir.file("again.html")) == html);
    // flag's page carries no change data.
    RunResult p = flag_html(dir.path(), dir.file("flag.html"));
    REQUIRE(p.exit_code == 0);
    const std::string flag_page = read_file(dir.file("flag.html"));
    CHECK(flag_page.find("\"changes\":true") == std::string::npos);
    for (const auto& h : html_page_data(flag_page).households) CHECK(h.at("cc").IsNull());
    // --html-tiles without --html is a usage error here too.
    RunResult u = run_sheetgen("diff --before-list " + q(dir.file("old.csv")) + " --after " + q(sample_hazards()) +
                               " " + q(dir.file("now/moved.yaml")) + " -q -o " + q(dir.file("u.csv")) +
                               " --html-tiles https://example.invalid/{z}/{x}/{y}.png");
    CHECK(u.exit_code == 2);

    SKIP_UNLESS_BROWSER();
    const std::string dom = chromium_dom(dir, dir.file("changes.html"), "#open=t-moved");
    CHECK(attr(dom, "data-errors") == "0");
    CHECK(attr(dom, "data-markers") == "13");
    CHECK(attr(dom, "data-open") == "t-moved");
    CHECK(dom.find("ハザードマップ改訂による変化") != std::string::npos);
    const size_t pop = dom.find("leaflet-popup-content");
    REQUIRE(pop != std::string::npos);
    const std::string popup = dom.substr(pop);
    CHECK(popup.find("前回からの変更") != std::string::npos);
    CHECK(popup.find("新しい想定で浸水想定区域に入りました") != std::string::npos);
    CHECK(dom.find("<option value=\"entered_zone\">") != std::string::npos);  // the 変化 filter
}

TEST_CASE("flag --html with a tsunami layer: the page says leave at once, and its legend names the kind",
          "[cli][html][kinds]") {
    if (!file_exists("/usr/share/javascript/leaflet/leaflet.css"))
        SHEETGEN_SKIP("libjs-leaflet not installed (scripts/install-deps.sh installs it)");
    TempDir dir;
    // A shallow river flood over the area and a tsunami zone (code 4: 2-5 m) over the home.
    write_layer(dir.file("flood.geojson"), "flood", 4326, {{"rank", OFTInteger}},
                {{box_wkt(139.40, 35.60, 139.50, 35.70), {"1"}}}, "GeoJSON");
    write_layer(dir.file("tsunami.geojson"), "tsunami", 4326, {{"A40_003", OFTString}},
                {{box_wkt(139.46, 35.61, 139.49, 35.64), {"4"}}}, "GeoJSON");
    write_file(dir.file("hz.yaml"), R"(layers:
  - {name: 洪水, source: flood.geojson, kind: flood_depth, field: rank, preset: a31a_depth}
  - name: 津波
    source: tsunami.geojson
    kind: tsunami
    field: A40_003
    classes: {"1": [0, 0.3], "2": [0.3, 1], "3": [1, 2], "4": [2, 5], "5": [5, null]}
    attribution: 「津波浸水想定（テスト県）」を加工して作成
)");
    write_file(dir.file("t-001.yaml"), minimal_profile("t-001", 35.625, 139.475));
    RunResult r = run_sheetgen("flag --hazards " + q(dir.file("hz.yaml")) + " " + q(dir.file("t-001.yaml")) +
                               " -q -o " + q(dir.file("at-risk.csv")) + " --html " + q(dir.file("at-risk.html")) +
                               " --date 2026-11-24");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string csv = read_file(dir.file("at-risk.csv"));
    const std::string html = read_file(dir.file("at-risk.html"));
    // The page holds the CSV's wording of the action, in both languages.
    const std::string action_ja = "津波警報でただちに立退き避難（洪水等は警戒レベル3で）";
    REQUIRE(csv.find(action_ja) != std::string::npos);
    const HtmlPageData data = html_page_data(html);
    REQUIRE(data.households.size() == 1);
    CHECK(data.households[0].at("al")[0].as<std::string>() == action_ja);
    CHECK(data.households[0].at("al")[1].as<std::string>() ==
          "Leave immediately on a tsunami warning (floods etc.: at Alert Level 3)");
    CHECK(html.find("\"kd\":\"tsunami\"") != std::string::npos);

    SKIP_UNLESS_BROWSER();
    const std::string dom = chromium_dom(dir, dir.file("at-risk.html"), "#open=t-001");
    CHECK(attr(dom, "data-errors") == "0");
    const size_t pop = dom.find("leaflet-popup-content");
    REQUIRE(pop != std::string::npos);
    const std::string popup = dom.substr(pop, dom.find("</ul>", pop) - pop);
    CHECK(popup.find(action_ja) != std::string::npos);
    CHECK(popup.find("津波警報でただちに／警戒レベル3") != std::string::npos);  // when to set out
    const size_t legend = dom.find("id=\"legend\"");
    REQUIRE(legend != std::string::npos);
    const std::string legend_html = dom.substr(legend, dom.find("id=\"filters\"", legend) - legend);
    CHECK(legend_html.find("津波浸水想定（破線・色は浸水深）") != std::string::npos);
    CHECK(legend_html.find("高潮浸水想定区域") == std::string::npos);  // not in this config
    // The tsunami layer's credit line under 出典; the flood layer has none.
    CHECK(legend_html.find("出典") != std::string::npos);
    CHECK(legend_html.find("<div class=\"credit\">「津波浸水想定（テスト県）」を加工して作成</div>") != std::string::npos);
    // The table's action column too.
    const size_t row = dom.find("<tr data-id=\"t-001\"");
    REQUIRE(row != std::string::npos);
    CHECK(dom.substr(row, dom.find("</tr>", row) - row).find(action_ja) != std::string::npos);

    const std::string en = chromium_dom(dir, dir.file("at-risk.html"), "#lang=en&open=t-001");
    CHECK(attr(en, "data-errors") == "0");
    CHECK(en.find("Leave immediately on a tsunami warning (floods etc.: at Alert Level 3)") != std::string::npos);
    CHECK(en.find("tsunami inundation zone (dashed outline, colour = depth)") != std::string::npos);
}
