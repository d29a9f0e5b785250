#include "layout/list_document.hpp"

#include <set>

#include "common/utf8.hpp"
#include "layout/font.hpp"
#include "layout/layout.hpp"
#include "layout/page_frame.hpp"
#include "layout/pdf_writer.hpp"

namespace sheetgen::layout {

namespace {

// The font's glyphs only: anything else becomes 〓, as on the sheets.
std::string printable(const FontFace& font, const std::string& text, size_t& replaced) {
    std::string out;
    for (char32_t c : decode_utf8(text)) {
        if (c == U'\n' || font.has_glyph(c)) {
            out += encode_utf8(c);
        } else {
            out += "〓";
            ++replaced;
        }
    }
    return out;
}

std::vector<double> column_widths(const ListDocument& doc, double total) {
    double sum = 0;
    for (const auto& c : doc.columns) sum += c.weight > 0 ? c.weight : 1;
    std::vector<double> widths;
    for (const auto& c : doc.columns) widths.push_back(total * (c.weight > 0 ? c.weight : 1) / sum);
    return widths;
}

PageHeader list_header(const FontFace& font, const ListDocument& doc, size_t& replaced) {
    std::string subtitle;
    for (const auto& line : doc.subtitle) subtitle += (subtitle.empty() ? "" : "\n") + printable(font, line, replaced);
    return layout_header(font, printable(font, doc.title, replaced), subtitle, printable(font, doc.corner, replaced));
}

}  // namespace

std::string render_list_pdf(const FontFace& font, const ListDocument& doc, size_t* replaced_out) {
    size_t replaced = 0;
    const PageHeader header = list_header(font, doc, replaced);
    Style style;
    Flow flow(font, style, content_area(header));
    const std::vector<double> widths = column_widths(doc, flow.width());
    std::vector<Cell> head;
    for (size_t i = 0; i < doc.columns.size(); ++i) {
        Cell c = text_cell(widths[i], printable(font, doc.columns[i].title, replaced));
        c.fill = style.label_fill;
        head.push_back(std::move(c));
    }
    flow.row(head);
    flow.set_on_new_page([&] { flow.row(head); });  // the header row repeats on every page
    for (const auto& r : doc.rows) {
        std::vector<Cell> cells;
        for (size_t i = 0; i < doc.columns.size(); ++i)
            cells.push_back(text_cell(widths[i], i < r.size() ? printable(font, r[i], replaced) : ""));
        flow.row(cells);
    }
    if (doc.rows.empty()) flow.row({text_cell(flow.width(), printable(font, doc.empty_text, replaced))});
    std::vector<PageOps> pages = flow.take_pages();
    std::set<char32_t> used;
    for (size_t i = 0; i < pages.size(); ++i) {
        draw_page_frame(pages[i], font, header, doc.date, static_cast<int>(i + 1), static_cast<int>(pages.size()));
        for (const auto& op : pages[i].ops)
            if (auto* t = std::get_if<TextOp>(&op))
                for (char32_t c : decode_utf8(t->text)) used.insert(c);
    }
    PdfWriter writer(font.subset(used), PdfMeta{doc.date, "", "sheetgen"});
    for (const auto& p : pages) writer.add_page(p);
    if (replaced_out) *replaced_out = replaced;
    return writer.finish();
}

}  // namespace sheetgen::layout
