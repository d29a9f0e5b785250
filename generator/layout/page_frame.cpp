#include "layout/page_frame.hpp"

#include <algorithm>

namespace sheetgen::layout {

namespace {

double mark_width(const FontFace& font, const PageSpec& page) {
    return page.mark.empty() ? -8 : font.text_width(page.mark, 8) + 8;
}
double page_content_width(const PageSpec& page) { return page.width - 2 * page.margin; }

}  // namespace

double title_width(const FontFace& font, const PageSpec& page) {
    return page_content_width(page) - mark_width(font, page) - 8;
}
double subtitle_width(const FontFace& font, const std::string& id_text, const PageSpec& page) {
    return page_content_width(page) - font.text_width(id_text, kIdSize) - 8;
}

PageHeader layout_header(const FontFace& font, const std::string& title, const std::string& subtitle,
                         const std::string& id_text, const PageSpec& page) {
    PageHeader h;
    h.page = page;
    h.id_text = id_text;
    h.title_base += page.shift();
    h.title = wrap_text(font, title, kTitleSize, title_width(font, page));
    if (h.title.empty()) h.title.emplace_back();
    double last_title = h.title_base + (h.title.size() - 1) * kTitleSize * 1.25;
    // The ID sits under the last title line; the subtitle runs left of it.
    h.id_base = last_title + 9;
    h.subtitle_base = last_title + 11;
    if (!subtitle.empty())
        h.subtitle = wrap_text(font, subtitle, kSubtitleSize,
                               std::max(subtitle_width(font, h.id_text, page), kSubtitleSize * 4));
    double last = h.subtitle.empty() ? last_title + 11 : h.subtitle_base + (h.subtitle.size() - 1) * kSubtitleSize * 1.22;
    h.rule_y = std::max(52.0 + page.shift(), last + 5);
    return h;
}

Rect content_area(const PageHeader& header) {
    double top = header.rule_y + 4;
    return Rect{header.page.margin, top, page_content_width(header.page), header.page.footer_top() - 4 - top};
}

Rect standard_content_area(const PageSpec& page) {
    PageHeader h;
    h.page = page;
    h.rule_y += page.shift();
    return content_area(h);
}

void draw_page_frame(PageOps& page, const FontFace& font, const PageHeader& h, const Date& date, int index, int count) {
    const Color ink = Color::hex(0x111111);
    const Color red = Color::hex(0xC00000);
    const PageSpec& spec = h.page;
    const double left = spec.margin, right = spec.width - spec.margin, dy = spec.shift();
    const double footer = spec.footer_top();
    for (size_t i = 0; i < h.title.size(); ++i)
        page.ops.push_back(TextOp{left, h.title_base + i * kTitleSize * 1.25, kTitleSize, h.title[i], ink});
    for (size_t i = 0; i < h.subtitle.size(); ++i)
        page.ops.push_back(TextOp{left, h.subtitle_base + i * kSubtitleSize * 1.22, kSubtitleSize, h.subtitle[i],
                                  Color::hex(0x444444)});
    if (!spec.mark.empty()) {
        double mw = mark_width(font, spec);
        page.ops.push_back(RectOp{right - mw, 20 + dy, mw, 13, std::nullopt, red, 0.9});
        page.ops.push_back(TextOp{right - mw + 4, 29.6 + dy, 8, spec.mark, red});
    }
    page.ops.push_back(TextOp{right - font.text_width(h.id_text, kIdSize), h.id_base, kIdSize, h.id_text, ink});
    page.ops.push_back(LineOp{left, h.rule_y, right, h.rule_y, ink, 0.8, false});

    page.ops.push_back(LineOp{left, footer, right, footer, Color::hex(0x888888), 0.5, false});
    std::string num = std::to_string(index) + " / " + std::to_string(count);
    page.ops.push_back(TextOp{(spec.width - font.text_width(num, 8)) / 2, footer + 12, 8, num, ink});
    std::string made = spec.date_label + " " + (spec.english_date ? date.english() : date.japanese());
    page.ops.push_back(TextOp{right - font.text_width(made, 7.5), footer + 12, 7.5, made, ink});
    if (!spec.footer.empty()) page.ops.push_back(TextOp{left, footer + 12, 7.5, spec.footer, Color::hex(0x888888)});
    page.width = spec.width;
    page.height = spec.height;
}

}  // namespace sheetgen::layout
