// The page frame on any page: the default spec is the A4 frame the sheets
// always had; another size, margin, mark and footer reach the PDF.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>

#include "common/utf8.hpp"
#include "layout/font.hpp"
#include "layout/page_frame.hpp"
#include "layout/pdf_writer.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::layout;

namespace {

const FontFace& font() {
    static const auto f = FontFace::load([] {
        const char* env = std::getenv("SHEETGEN_FONT");
        return std::string(env && *env ? env : SHEETGEN_DEFAULT_FONT);
    }());
    return *f;
}

std::vector<std::string> texts(const PageOps& page) {
    std::vector<std::string> out;
    for (const auto& op : page.ops)
        if (auto* t = std::get_if<TextOp>(&op)) out.push_back(t->text);
    return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("page frame: the default spec is the A4 frame (positions unchanged)", "[layout][frame]") {
    PageHeader h = layout_header(font(), "タイトル", "副題", "ID: x");
    CHECK(h.title_base == 36);
    CHECK(h.rule_y == 52);
    const Rect c = content_area(h);
    CHECK(c.x == kPageMargin);
    CHECK(c.bottom() == Approx(kFooterTop - 4));
    PageOps page;
    draw_page_frame(page, font(), h, Date{2026, 4, 10}, 1, 1);
    CHECK(has(texts(page), "取扱注意（個人情報）"));
    CHECK(has(texts(page), "sheetgen"));
    CHECK(page.width == kPageWidth);
    CHECK(page.height == kPageHeight);
}

TEST_CASE("page frame: page size, margin, mark and footer are the spec's", "[layout][frame]") {
    PageSpec spec;
    spec.width = 419.528, spec.height = 595.276;  // A5
    spec.margin = 15 * 72 / 25.4;
    spec.mark = "";
    spec.footer = "多摩市";
    PageHeader h = layout_header(font(), "タイトル", "", "ID: x", spec);
    CHECK(h.title_base == Approx(36 + spec.margin - kPageMargin));
    const Rect c = content_area(h);
    CHECK(c.x == Approx(spec.margin));
    CHECK(c.w == Approx(spec.width - 2 * spec.margin));
    CHECK(c.bottom() < spec.height - spec.margin);
    PageOps page;
    draw_page_frame(page, font(), h, Date{2026, 4, 10}, 1, 1);
    const auto t = texts(page);
    CHECK_FALSE(has(t, "取扱注意（個人情報）"));
    CHECK(has(t, "多摩市"));
    CHECK_FALSE(has(t, "sheetgen"));
    for (const auto& op : page.ops)
        if (auto* x = std::get_if<TextOp>(&op)) CHECK(x->y < spec.height);

    std::set<char32_t> used;
    for (const auto& s : t)
        for (char32_t ch : decode_utf8(s)) used.insert(ch);
    PdfWriter w(font().subset(used), PdfMeta{Date{2026, 4, 10}, "", "sheetgen"});
    w.add_page(page);
    test::TempDir dir;
    test::write_file(dir.file("a5.pdf"), w.finish());
    CHECK(test::capture("pdfinfo '" + dir.file("a5.pdf") + "'").find("419.528 x 595.276 pts") != std::string::npos);
}
