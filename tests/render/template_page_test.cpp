// Page size, margin, and the frame's mark and footer text are template keys;
// without them a template keeps the A4 frame the sheets always had.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "render/renderer.hpp"
#include "render/template.hpp"

using namespace sheetgen;
using namespace sheetgen::render;

namespace {
const FieldSchema& schema() {
    static const FieldSchema s = build_field_schema();
    return s;
}
const std::string kSections = "sections:\n  - kind: fields\n    fields:\n      - {label: 氏名, path: person.name}\n";
}  // namespace

TEST_CASE("template: without page keys the page is today's A4 frame", "[render][template]") {
    Template t = parse_template("title: T\n" + kSections, "t.yaml", schema());
    CHECK(t.page.width == kPageWidth);
    CHECK(t.page.height == kPageHeight);
    CHECK(t.page.margin == kPageMargin);
    CHECK(t.page.mark == "取扱注意（個人情報）");
    CHECK(t.page.footer == "sheetgen");
    CHECK(t.page.footer_top() == kFooterTop);
    CHECK(t.layout == "flow");
}

TEST_CASE("template: page_size, orientation, margin_mm, header_mark and footer_text", "[render][template]") {
    Template t = parse_template("title: T\npage_size: A5\norientation: landscape\nmargin_mm: 15\nheader_mark: 部外秘\n"
                                "footer_text: 多摩市\n" + kSections, "t.yaml", schema());
    CHECK(t.page.width == Approx(210 * 72 / 25.4));
    CHECK(t.page.height == Approx(148 * 72 / 25.4));
    CHECK(t.page.margin == Approx(15 * 72 / 25.4));
    CHECK(t.page.mark == "部外秘");
    CHECK(t.page.footer == "多摩市");
    CHECK_THROWS_WITH(parse_template("title: T\npage_size: A9\n" + kSections, "t.yaml", schema()),
                      Catch::Contains("t.yaml:2:12") && Catch::Contains("A4"));
    CHECK_THROWS_WITH(parse_template("title: T\nmargin_mm: 80\n" + kSections, "t.yaml", schema()),
                      Catch::Contains("t.yaml:2:"));
    CHECK_THROWS_WITH(parse_template("title: T\nlayout: card\nsections:\n  - kind: table\n    rows: contacts\n"
                                     "    columns: [{label: 電話, path: phone}]\n", "t.yaml", schema()),
                      Catch::Contains("t.yaml:4:") && Catch::Contains("'fields' sections only"));
}

TEST_CASE("template: the frame prints the template's mark and footer on its page size", "[render][template]") {
    test::TempDir dir;
    test::write_file(dir.file("t.yaml"), "title: 連絡メモ\npage_size: B5\nheader_mark: 部外秘\nfooter_text: 多摩市障害福祉課\n" + kSections);
    const Renderer r = Renderer::load(test::font_path(), dir.file("t.yaml"));
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    RenderOptions o;
    o.document_date = Date{2026, 4, 10};
    test::write_file(dir.file("t.pdf"), r.render({SheetInput{&p, &v, nullptr}}, o).pdf);
    const std::string text = test::capture("pdftotext -enc UTF-8 '" + dir.file("t.pdf") + "' - 2>/dev/null");
    CHECK(text.find("部外秘") != std::string::npos);
    CHECK(text.find("多摩市障害福祉課") != std::string::npos);
    CHECK(text.find("取扱注意") == std::string::npos);
    CHECK(test::capture("pdfinfo '" + dir.file("t.pdf") + "'").find("515.906 x 728.504 pts") != std::string::npos);
}
