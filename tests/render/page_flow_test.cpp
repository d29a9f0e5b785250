#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "layout/font.hpp"
#include "layout/layout.hpp"
#include "layout/page_frame.hpp"
#include "render/sections.hpp"
#include "render/template.hpp"

using namespace sheetgen;
using namespace sheetgen::render;

namespace {

const FontFace& font() {
    static const auto f = FontFace::load(test::font_path());
    return *f;
}

}  // namespace

// ---- page flow of whole sections (keep-with-next, trailing boxes) ----------

namespace {

// Lays out `yaml` for the fixture household; returns the pages.
std::vector<PageOps> lay_out(const std::string& yaml) {
    static const FieldSchema schema = build_field_schema();
    Template tpl = parse_template(yaml, "t.yaml", schema);
    Profile p = test::sample_profile();
    Verdict v = test::sample_verdict();
    FieldModel model = build_field_model(p, v, Date{2026, 4, 10});
    Style st;
    st.body_size = tpl.font_size;
    Flow flow(font(), st, standard_content_area());
    std::vector<Diagnostic> warnings;
    SheetContext ctx{flow, model, p, v, nullptr, Date{2026, 4, 10}, tpl, warnings, {}};
    layout_sheet(ctx);
    return flow.take_pages();
}

std::vector<std::string> page_texts(const PageOps& page) {
    std::vector<std::string> out;
    for (const auto& op : page.ops)
        if (auto* t = std::get_if<TextOp>(&op)) out.push_back(t->text);
    return out;
}

// A one-row fields section and a spacer of `mm` millimetres, then the
// contacts table (7 rows in the fixture): mm = 140..250 moves the table from
// mid-page to the foot of the page.
std::string spacer_and_contacts(int mm) {
    return "title: T\nsections:\n  - title: 本人\n    kind: fields\n    fields:\n      - {label: 氏名, path: person.name}\n"
           "  - kind: text\n    path: person.care_notes\n    min_height: " + std::to_string(mm) +
           "\n  - title: 緊急連絡先\n    kind: table\n    rows: contacts\n    columns:\n"
           "      - {label: 区分, path: role, width: 0.3}\n      - {label: 電話番号, path: phone}\n";
}

bool is_phone(const std::string& t) { return t.rfind("042-", 0) == 0 || t.rfind("090-", 0) == 0 || t.rfind("0120-", 0) == 0; }

}  // namespace

TEST_CASE("layout: a section title and table header keep with at least two rows", "[layout]") {
    // Slide the table down the page millimetre by millimetre: wherever it
    // starts, a page never ends with its title or header and fewer than two
    // rows under it (tama-001's contacts table had one).
    for (int mm = 140; mm <= 250; ++mm) {
        auto pages = lay_out(spacer_and_contacts(mm));
        int printed = 0;
        for (size_t pi = 0; pi < pages.size(); ++pi) {
            auto texts = page_texts(pages[pi]);
            bool header = std::find(texts.begin(), texts.end(), "区分") != texts.end();
            bool title = std::find(texts.begin(), texts.end(), "緊急連絡先") != texts.end();
            int rows = static_cast<int>(std::count_if(texts.begin(), texts.end(), is_phone));
            INFO("spacer " << mm << " mm, page " << pi + 1 << ": " << rows << " rows");
            if (title) CHECK(header);
            if (header) CHECK(rows >= std::min(2, 7 - printed));
            if (header && printed > 0) CHECK(rows >= 2);  // no last row alone under 「（続き）」
            printed += rows;
        }
        CHECK(printed == 7);
    }
}

TEST_CASE("layout: no page carries only a trailing box", "[layout]") {
    // Contacts table, an empty optional notes box, then the consent row: the
    // last page must hold more than the box(es) (tama-002 / tama-003 page 2).
    int moved = 0;
    for (int mm = 140; mm <= 250; ++mm) {
        std::string yaml = spacer_and_contacts(mm) +
                           "  - title: 特記事項\n    kind: text\n    path: evacuation.notes\n"
                           "  - title: 情報共有の同意\n    kind: fields\n    columns: 2\n    fields:\n"
                           "      - {label: 共有の同意, path: consent.share_with_supporters, format: check}\n"
                           "      - {label: 同意日, path: consent.date, format: date_ja}\n";
        auto pages = lay_out(yaml);
        auto last = page_texts(pages.back());
        INFO("spacer " << mm << " mm, " << pages.size() << " pages");
        CHECK(std::find(last.begin(), last.end(), "情報共有の同意") != last.end());
        if (pages.size() > 1) {
            bool has_row = std::count_if(last.begin(), last.end(), is_phone) > 0;
            CHECK(has_row);  // kept with (the end of) the table above
            moved += has_row;
        }
        // The empty notes box is printed only where it is not alone.
        if (std::find(last.begin(), last.end(), "特記事項") != last.end() && pages.size() > 1)
            CHECK(std::count_if(last.begin(), last.end(), is_phone) > 0);
    }
    CHECK(moved > 0);  // the sweep did reach the case
}

TEST_CASE("layout: a section title wider than the page wraps inside its bar", "[layout]") {
    Rect content{28, 56, 300, 700};
    Flow flow(font(), Style{}, content);
    std::string title;
    for (int i = 0; i < 8; ++i) title += "非常に長い見出しの例";  // 80 characters, ~640 pt at 8 pt
    flow.heading(title, 20);
    auto pages = flow.take_pages();
    std::string joined;
    int lines = 0;
    for (const auto& op : pages[0].ops)
        if (auto* t = std::get_if<TextOp>(&op)) {
            CHECK(t->x + font().text_width(t->text, t->size) <= content.x + content.w + 1e-6);
            joined += t->text;
            ++lines;
        }
    CHECK(joined == title);
    CHECK(lines >= 3);
}
