#include <catch2/catch.hpp>

#include <chrono>
#include <cstring>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <thread>

#include "fixtures.hpp"
#include "render/renderer.hpp"
#include "render/sections.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

const Renderer& renderer() {
    static const Renderer r = Renderer::load(font_path(), template_path());
    return r;
}

struct Sample {
    Profile profile = sample_profile();
    Verdict verdict = sample_verdict();
    std::vector<Shelter> shelters = sample_shelters();
    MapExtract map;
    Sample() {
        MapRequest req = renderer().map_request(profile, verdict);
        map = sample_map(shelters, req.centre, req.half_width_m, req.half_height_m);
    }
    SheetInput input() const { return SheetInput{&profile, &verdict, &map}; }
};

RenderOptions opts(Date d = Date{2026, 4, 10}) {
    RenderOptions o;
    o.document_date = d;
    return o;
}


std::string pdftotext(const std::string& pdf_bytes, const TempDir& dir, const std::string& name = "out.pdf") {
    std::string path = dir.file(name);
    write_file(path, pdf_bytes);
    int st = 0;
    std::string text = capture("pdftotext -enc UTF-8 '" + path + "' - 2>/dev/null", &st);
    REQUIRE(st == 0);
    return text;
}

// pdftotext may put spaces/newlines between table cells; compare without them.
std::string squash(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}

}  // namespace

TEST_CASE("render: text round trip through pdftotext", "[render]") {
    Sample s;
    RenderedDocument doc = renderer().render({s.input()}, opts());
    REQUIRE(doc.pdf.compare(0, 5, "%PDF-") == 0);
    CHECK(doc.warnings.empty());
    TempDir dir;
    std::string text = squash(pdftotext(doc.pdf, dir));
    CHECK(text.find("山田陽翔") != std::string::npos);
    CHECK(text.find("最優先") != std::string::npos);  // label_ja(Priority::A)
    CHECK(text.find("警戒レベル3で立退き避難") != std::string::npos);  // the action
    CHECK(text.find("取扱注意（個人情報）") != std::string::npos);
    CHECK(text.find("トリロジー100plus") != std::string::npos);
    CHECK(text.find("2018年5月1日（7歳）") != std::string::npos);
    CHECK(text.find("作成日2026年4月10日") != std::string::npos);
    CHECK(text.find("居室（1階）が想定浸水深") != std::string::npos);
}

TEST_CASE("render: a typical household fits on one page", "[render]") {
    Sample s;
    RenderedDocument doc = renderer().render({s.input()}, opts());
    if (const char* keep = std::getenv("SHEETGEN_KEEP_PDF")) write_file(keep, doc.pdf);
    CHECK(doc.page_count == 1);
    TempDir dir;
    std::string text = pdftotext(doc.pdf, dir);
    CHECK(squash(text).find("1/1") != std::string::npos);
}

TEST_CASE("render: deterministic bytes, the document date changes them", "[render]") {
    Sample s;
    RenderedDocument a = renderer().render({s.input()}, opts());
    RenderedDocument b = renderer().render({s.input()}, opts());
    CHECK(a.pdf == b.pdf);
    RenderedDocument c = renderer().render({s.input()}, opts(Date{2026, 4, 11}));
    CHECK(a.pdf != c.pdf);
    CHECK(c.pdf.find("D:20260411") != std::string::npos);
}

TEST_CASE("render: concurrent renders give the same bytes", "[render]") {
    Sample s;
    std::string expected = renderer().render({s.input()}, opts()).pdf;
    std::vector<std::string> got(4);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < got.size(); ++i)
        threads.emplace_back([&, i] { got[i] = renderer().render({s.input()}, opts()).pdf; });
    for (auto& t : threads) t.join();
    for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("render: long note and long lists flow onto further pages", "[render]") {
    Sample s;
    std::string note;
    for (int i = 0; i < 200; ++i) note += "夜間の吸引と体位交換。";  // 2,000 characters
    s.profile.person.notes = note;
    for (int i = 0; i < 10; ++i)
        s.profile.person.medications.push_back({"テスト薬" + std::to_string(i + 1), "10mg", "朝・昼・夕・就寝前"});
    for (int i = 0; i < 12; ++i)
        s.profile.contacts.push_back({ContactRole::VisitingNurse, "看護師 " + std::to_string(i + 1), "訪問看護ステーション第" + std::to_string(i + 1),
                                      "042-111-" + std::to_string(1000 + i), "夜間対応あり"});
    RenderedDocument doc = renderer().render({s.input()}, opts());
    CHECK(doc.page_count >= 2);
    TempDir dir;
    std::string raw = pdftotext(doc.pdf, dir);
    std::string text = squash(raw);
    CHECK(text.find("1/" + std::to_string(doc.page_count)) != std::string::npos);
    CHECK(text.find(std::to_string(doc.page_count) + "/" + std::to_string(doc.page_count)) != std::string::npos);
    // Every piece of the note is printed, in order, nothing lost at page breaks.
    size_t count = 0;
    for (size_t at = text.find("夜間の吸引と体位交換。"); at != std::string::npos; at = text.find("夜間の吸引と体位交換。", at + 1)) ++count;
    CHECK(count == 200);
    CHECK(text.find("テスト薬10") != std::string::npos);
    CHECK(text.find("訪問看護ステーション第12") != std::string::npos);
}

TEST_CASE("render: bundle of several households, page numbers per household", "[render]") {
    Sample a, b;
    b.profile.id = "tama-002";
    b.profile.person.name = "佐々木 結衣";
    b.verdict.level = Priority::C;
    RenderedDocument doc = renderer().render({a.input(), b.input(), SheetInput{&a.profile, &a.verdict, nullptr}}, opts());
    CHECK(doc.page_count == 3);
    TempDir dir;
    std::string text = pdftotext(doc.pdf, dir);
    CHECK(squash(text).find("佐々木結衣") != std::string::npos);
    CHECK(squash(text).find("地図なし") != std::string::npos);
    CHECK(squash(text).find("ID:tama-002") != std::string::npos);
}

TEST_CASE("render: characters libharu cannot draw become 〓 with a warning", "[render]") {
    Sample s;
    s.profile.person.name = "𠮷田 花子";          // U+20BB7: outside the BMP
    s.profile.person.care_notes = "記号\xEE\x80\x80あり";  // U+E000: private use, not in the font
    RenderedDocument doc = renderer().render({s.input()}, opts());
    REQUIRE(doc.warnings.size() == 2);
    bool astral = false, missing = false;
    for (const auto& w : doc.warnings) {
        CHECK(w.severity == Severity::Warning);
        CHECK(w.message.find("tama-001") != std::string::npos);
        CHECK(w.message.find("花子") == std::string::npos);  // never the person's text
        // Counts per field, never code points: all the code points of a field rebuild a name.
        CHECK(w.message.find("U+") == std::string::npos);
        if (w.message == "household tama-001: person.name: 1 character cannot be printed (not in the font, or outside "
                         "the Basic Multilingual Plane that libharu 2.3.0 draws); printed as 〓")
            astral = true;
        if (w.message == "household tama-001: person.care_notes: 1 character cannot be printed (not in the font); "
                         "printed as 〓")
            missing = true;
    }
    CHECK(astral);
    CHECK(missing);
    TempDir dir;
    CHECK(squash(pdftotext(doc.pdf, dir)).find("〓田花子") != std::string::npos);
}

TEST_CASE("render: subset and full font both give valid PDFs, subset is smaller", "[render]") {
    Sample s;
    TempDir dir;
    RenderOptions full = opts();
    full.subset_font = false;
    // Sizes only: speed belongs in bench/, never in a unit test.
    const std::string sub_pdf = renderer().render({s.input()}, opts()).pdf;
    const std::string full_pdf = renderer().render({s.input()}, full).pdf;
    for (auto [name, bytes] : {std::pair<std::string, const std::string*>{"sub.pdf", &sub_pdf}, {"full.pdf", &full_pdf}}) {
        write_file(dir.file(name), *bytes);
        int st = -1;
        capture("pdfinfo '" + dir.file(name) + "' >/dev/null 2>&1", &st);
        CHECK(st == 0);
        std::string fonts = capture("pdffonts '" + dir.file(name) + "' 2>/dev/null");
        CHECK(fonts.find("CID TrueType") != std::string::npos);
        // Structure (xref offsets after the ToUnicode fix) and a valid ToUnicode map:
        // qpdf finds nothing to repair, poppler prints no syntax warning.
        std::string check = capture("qpdf --check '" + dir.file(name) + "' 2>&1", &st);
        CHECK(st == 0);
        CHECK(check.find("WARNING") == std::string::npos);
        std::string warnings = capture("pdftotext '" + dir.file(name) + "' /dev/null 2>&1");
        CHECK(warnings.empty());
    }
    CHECK(sub_pdf.size() < full_pdf.size());
    CHECK(sub_pdf.size() < 150 * 1024);
}

TEST_CASE("render: map request frames home and shelter within 300 m .. 2 km", "[render][map]") {
    Sample s;
    MapRequest r = renderer().map_request(s.profile, s.verdict);
    CHECK(std::max(r.half_width_m, r.half_height_m) >= 300);
    CHECK(std::max(r.half_width_m, r.half_height_m) <= 2000);
    auto [w, h] = render::map_box_size(renderer().sheet_template(), 595.276 - 2 * 28.35);
    CHECK(r.half_width_m / r.half_height_m == Approx(w / h).epsilon(1e-6));
    for (const LatLon& p : {s.profile.household.location, s.verdict.planned_shelter->location}) {
        auto [x, y] = render::local_metres(r.centre, p);
        CHECK(std::fabs(x) < r.half_width_m);
        CHECK(std::fabs(y) < r.half_height_m);
    }
    CHECK(r.resolution_m > 0);
    // No shelter at all: a 300 m minimum frame around the home.
    Verdict none = s.verdict;
    none.planned_shelter.reset();
    none.suggested_shelter.reset();
    none.destinations.clear();
    MapRequest r2 = renderer().map_request(s.profile, none);
    CHECK(std::max(r2.half_width_m, r2.half_height_m) >= 300);
    CHECK(r2.centre.lat == s.profile.household.location.lat);
    // A shelter 10 km away: clamped to 2 km, centred on the home.
    Verdict far = s.verdict;
    far.planned_shelter->location = LatLon{35.74, 139.45};
    far.destinations[0].location = far.planned_shelter->location;
    MapRequest r3 = renderer().map_request(s.profile, far);
    CHECK(std::max(r3.half_width_m, r3.half_height_m) == Approx(2000));
    CHECK(r3.centre.lat == s.profile.household.location.lat);
}

TEST_CASE("render: throughput", "[render][.bench]") {
    Sample s;
    const int n = 200;
    for (int threads : {1, 2}) {
        std::clock_t c0 = std::clock();
        auto t0 = std::chrono::steady_clock::now();
        std::vector<size_t> bytes(threads, 0);
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t)
            pool.emplace_back([&, t] {
                for (int i = t; i < n; i += threads) bytes[t] += renderer().render({s.input()}, opts()).pdf.size();
            });
        for (auto& t : pool) t.join();
        double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        double cpu_ms = 1000.0 * (std::clock() - c0) / CLOCKS_PER_SEC;
        size_t total = 0;
        for (size_t b : bytes) total += b;
        WARN(n << " one-sheet PDFs, " << threads << " thread(s): wall " << ms / n << " ms/sheet (" << 1000.0 * n / ms
               << " sheets/s), CPU " << cpu_ms / n << " ms/sheet, " << total / n << " bytes/sheet");
    }
    {
        RenderOptions full = opts();
        full.subset_font = false;
        const int m = 20;
        std::clock_t c0 = std::clock();
        size_t bytes = 0;
        for (int i = 0; i < m; ++i) bytes += renderer().render({s.input()}, full).pdf.size();
        WARN("full font embedded: CPU " << 1000.0 * (std::clock() - c0) / CLOCKS_PER_SEC / m << " ms/sheet, "
                                        << bytes / m << " bytes/sheet");
    }
    // A bundle: 50 households in one PDF (font subset and libharu setup paid once).
    std::vector<SheetInput> many(50, s.input());
    std::clock_t c0 = std::clock();
    RenderedDocument doc = renderer().render(many, opts());
    double cpu_ms = 1000.0 * (std::clock() - c0) / CLOCKS_PER_SEC;
    WARN("bundle of 50: " << doc.page_count << " pages, " << doc.pdf.size() << " bytes, CPU " << cpu_ms / 50 << " ms/sheet");
}

TEST_CASE("render: writes the sample page", "[render][.sample]") {
    Sample s;
    RenderedDocument doc = renderer().render({s.input()}, opts());
    write_file("/tmp/support-sheet-sample.pdf", doc.pdf);
}

TEST_CASE("render: load errors are InputErrors with a clear message", "[render]") {
    CHECK_THROWS_WITH(Renderer::load("/nonexistent/font.ttf", template_path()), Catch::Contains("cannot open font file"));
    // A file that is not a font at all.
    CHECK_THROWS_WITH(Renderer::load(template_path(), template_path()), Catch::Contains("not a TrueType font"));
    TempDir dir;
    write_file(dir.file("otf.otf"), std::string("OTTO") + std::string(64, '\0'));
    CHECK_THROWS_WITH(Renderer::load(dir.file("otf.otf"), template_path()), Catch::Contains("CFF"));
    write_file(dir.file("t.yaml"), "title: T\nsections:\n  - kind: fields\n    fields:\n      - {label: 氏名, path: person.nmae}\n");
    try {
        Renderer::load(font_path(), dir.file("t.yaml"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.where().file == dir.file("t.yaml"));
        CHECK(e.where().line == 5);
        CHECK(std::string(e.what()).find("did you mean 'person.name'") != std::string::npos);
    }
}

TEST_CASE("render: a long table repeats its header on the next page", "[render]") {
    Sample s;
    for (int i = 0; i < 45; ++i)
        s.profile.contacts.push_back({ContactRole::Relative, "親族 " + std::to_string(i + 1), "", "090-1111-" + std::to_string(2000 + i), ""});
    RenderedDocument doc = renderer().render({s.input()}, opts());
    REQUIRE(doc.page_count >= 2);
    TempDir dir;
    write_file(dir.file("t.pdf"), doc.pdf);
    // Page 2 starts with the continued contacts table: its header comes first.
    std::string p2 = squash(capture("pdftotext -f 2 -l 2 -enc UTF-8 '" + dir.file("t.pdf") + "' - 2>/dev/null"));
    size_t header = p2.find("区分氏名所属電話番号備考");
    size_t row = p2.find("親族45");
    CHECK(header != std::string::npos);
    CHECK(row != std::string::npos);
    CHECK(header < row);
    if (const char* keep = std::getenv("SHEETGEN_KEEP_PDF")) write_file(keep, doc.pdf);
}

TEST_CASE("render: very long values beside the map still stay on the page", "[render]") {
    Sample s;
    for (int i = 0; i < 60; ++i) s.profile.evacuation.supporters.push_back({"支援者 " + std::to_string(i + 1), "近隣住民", "090-2222-" + std::to_string(3000 + i)});
    RenderedDocument doc = renderer().render({s.input()}, opts());
    CHECK(doc.page_count >= 2);
    TempDir dir;
    std::string text = squash(pdftotext(doc.pdf, dir));
    CHECK(text.find("支援者60") != std::string::npos);
    // No body text reaches the footer band: word boxes from pdftotext -bbox
    // (top-left origin). Body ends at 806 pt, the footer line is at 810 pt.
    write_file(dir.file("b.pdf"), doc.pdf);
    std::string bbox = capture("pdftotext -bbox '" + dir.file("b.pdf") + "' - 2>/dev/null");
    size_t words = 0, footer_words = 0;
    for (size_t at = bbox.find("<word "); at != std::string::npos; at = bbox.find("<word ", at + 1)) {
        auto attr = [&](const char* name) {
            size_t k = bbox.find(name, at);
            return std::stod(bbox.substr(k + std::strlen(name) + 2));
        };
        double y_min = attr("yMin"), y_max = attr("yMax");
        ++words;
        CHECK(y_max <= 841.89);
        if (y_max > 806.5) {
            CHECK(y_min > 810);  // only the footer line lives down there
            ++footer_words;
        }
    }
    CHECK(words > 100);
    CHECK(footer_words == 6u * doc.page_count);  // sheetgen, i, /, n, 作成日, date
    if (const char* keep = std::getenv("SHEETGEN_KEEP_PDF")) write_file(keep, doc.pdf);
}

namespace {

// Loads a template written to a file; returns the InputError (or fails).
InputError load_error_of(const std::string& yaml, std::string* path_out = nullptr) {
    static TempDir dir;
    static int n = 0;
    std::string path = dir.file("fit" + std::to_string(++n) + ".yaml");
    write_file(path, yaml);
    if (path_out) *path_out = path;
    try {
        Renderer::load(font_path(), path);
    } catch (const InputError& e) {
        return e;
    }
    FAIL("template loaded:\n" << yaml);
    throw;
}

}  // namespace

TEST_CASE("render: the shipped templates pass the load-time fit checks", "[render][template]") {
    CHECK_NOTHROW(Renderer::load(font_path(), template_path()));
    CHECK_NOTHROW(Renderer::load(font_path(), source_path("templates/ventilator-plan.yaml")));
}

TEST_CASE("render: a label that would strand one or two characters is refused at load", "[render][template]") {
    // The plan's old 0.36: 「生年月日（年」 / 「齢）」.
    std::string path;
    auto e = load_error_of("title: T\nfont_size: 7.8\nsections:\n  - kind: fields\n    columns: 3\n    label_width: 0.36\n    fields:\n"
                           "      - {label: 氏名, path: person.name}\n"
                           "      - {label: 生年月日（年齢）, path: person.birthdate, format: date_ja_age}\n",
                           &path);
    CHECK(e.where().file == path);
    CHECK(e.where().line == 9);
    CHECK(e.where().column == 9);
    CHECK(e.message().find("齢）") != std::string::npos);
    CHECK(e.message().find("label_width to at least 0.37") != std::string::npos);
    // Choice values are labels too: 「医療的ケア児等コーディネー」 / 「ター」 at 0.2.
    auto role = load_error_of("title: T\nsections:\n  - kind: table\n    rows: contacts\n    columns:\n"
                              "      - {label: 区分, path: role, width: 0.2}\n      - {label: 電話番号, path: phone}\n");
    CHECK(role.where().line == 6);
    CHECK(role.message().find("ター") != std::string::npos);
    CHECK(role.message().find("width of at least 0.23") != std::string::npos);
    // A table header: 「持ち出し（3」 / 「日）」 at 0.1.
    auto header = load_error_of("title: T\nsections:\n  - kind: check_table\n    rows: supplies\n    columns:\n"
                                "      - {label: 物品, path: item, width: 0.3}\n"
                                "      - {label: 持ち出し（3日）, path: carry, width: 0.1}\n      - {label: 根拠, path: basis}\n");
    CHECK(header.where().line == 7);
    // Wrapping with three or more characters per line is fine.
    std::string ok = "title: T\nsections:\n  - kind: fields\n    columns: 6\n    label_width: 0.5\n    fields:\n"
                     "      - {label: 目標までに電源が尽きる機器, path: plan.limiting_device}\n";
    TempDir d;
    write_file(d.file("ok.yaml"), ok);
    CHECK_NOTHROW(Renderer::load(font_path(), d.file("ok.yaml")));
}

TEST_CASE("render: absurdly narrow columns and overlong titles are refused at load", "[render][template]") {
    auto narrow = load_error_of("title: T\nsections:\n  - kind: table\n    rows: contacts\n    columns:\n"
                                "      - {label: 区, path: role, width: 0.01}\n      - {label: 電話番号, path: phone}\n");
    CHECK(narrow.where().line == 6);
    CHECK(narrow.message().find("too narrow") != std::string::npos);
    auto label_col = load_error_of("title: T\nsections:\n  - kind: fields\n    columns: 6\n    label_width: 0.1\n    fields:\n"
                                   "      - {label: 氏, path: person.name}\n");
    CHECK(label_col.message().find("too narrow") != std::string::npos);
    auto map_side = load_error_of("title: T\nsections:\n  - kind: map\n    map_width: 1\n    fields:\n"
                                  "      - {label: 避難先, path: verdict.planned_shelter}\n");
    CHECK(map_side.message().find("too narrow") != std::string::npos);
    std::string long_title;
    for (int i = 0; i < 8; ++i) long_title += "災害時個別支援シート";
    auto title = load_error_of("schema: sheetgen/template-v1\ntitle: " + long_title + "\nsections:\n  - kind: verdict\n");
    CHECK(title.where().line == 2);
    CHECK(title.where().column == 8);
    CHECK(title.message().find("title is too long") != std::string::npos);
    std::string long_sub;
    for (int i = 0; i < 20; ++i) long_sub += "本人・家族・支援者で共有";
    auto sub = load_error_of("title: T\nsubtitle: " + long_sub + "\nsections:\n  - kind: verdict\n");
    CHECK(sub.where().line == 2);
}

TEST_CASE("render: long titles wrap, nothing runs under the mark, the ID or off the page", "[render][template]") {
    std::string title, heading;
    for (int i = 0; i < 4; ++i) title += "災害時個別支援シート";          // 40 characters: two lines at 13 pt
    for (int i = 0; i < 10; ++i) heading += "避難先と移動手段の詳細";    // 110 characters at 8 pt
    std::string sub;
    for (int i = 0; i < 6; ++i) sub += "本人・家族・支援者で共有";        // 72 characters: wraps beside the ID
    TempDir dir;
    std::string tpl = dir.file("long.yaml");
    write_file(tpl, "title: " + title + "\nsubtitle: " + sub + "\nsections:\n  - title: " + heading +
                        "\n    kind: fields\n    fields:\n      - {label: 氏名, path: person.name}\n");
    Renderer r = Renderer::load(font_path(), tpl);
    Sample s;
    s.profile.id = "tama-001-with-a-rather-long-household-identifier";
    RenderedDocument doc = r.render({s.input()}, opts());
    write_file(dir.file("l.pdf"), doc.pdf);
    std::string bbox = capture("pdftotext -bbox '" + dir.file("l.pdf") + "' - 2>/dev/null");
    struct Box {
        double x0, y0, x1, y1;
        std::string text;
    };
    std::vector<Box> words;
    for (size_t at = bbox.find("<word "); at != std::string::npos; at = bbox.find("<word ", at + 1)) {
        auto attr = [&](const char* name) {
            size_t k = bbox.find(name, at);
            return std::stod(bbox.substr(k + std::strlen(name) + 2));
        };
        size_t gt = bbox.find('>', at), end = bbox.find("</word>", at);
        words.push_back({attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"), bbox.substr(gt + 1, end - gt - 1)});
    }
    REQUIRE(words.size() > 10);
    const Box* mark = nullptr;
    const Box* id = nullptr;
    for (const auto& w : words) {
        if (w.text.find("取扱注意") != std::string::npos) mark = &w;
        if (w.text.find("tama-001-with") != std::string::npos) id = &w;
    }
    REQUIRE(mark);
    REQUIRE(id);
    auto overlap = [](const Box& a, const Box& b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; };
    for (const auto& w : words) {
        INFO(w.text << " at " << w.x0 << "," << w.y0 << " .. " << w.x1 << "," << w.y1);
        CHECK(w.x1 <= 595.276 - 28.35 + 0.5);  // inside the right margin
        if (&w != mark) CHECK_FALSE(overlap(w, *mark));
        if (&w != id) CHECK_FALSE(overlap(w, *id));
    }
    CHECK(squash(pdftotext(doc.pdf, dir)).find(squash(heading)) != std::string::npos);
}
