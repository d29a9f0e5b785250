#include "render/page_frame.hpp"

#include <algorithm>

namespace sheetgen::render {

namespace {

const char* const kMark = "取扱注意（個人情報）";
double mark_width(const FontFace& font) { return font.text_width(kMark, 8) + 8; }
double page_right() { return kPageWidth - kPageMargin; }
double page_content_width() { return kPageWidth - 2 * kPageMargin; }

}  // namespace

double title_width(const FontFace& font) { return page_content_width() - mark_width(font) - 8; }
double subtitle_width(const FontFace& font, const std::string& id_text) {
    return page_content_width() - font.text_width(id_text, kIdSize) - 8;
}

PageHeader layout_header(const FontFace& font, const std::string& title, const std::string& subtitle,
                         const std::string& id_text) {
    PageHeader h;
    h.id_text = id_text;
    h.title = wrap_text(font, title, kTitleSize, title_width(font));
    if (h.title.empty()) h.title.emplace_back();
    double last_title = h.title_base + (h.title.size() - 1) * kTitleSize * 1.25;
    // The ID sits under the last title line; the subtitle runs left of it.
    h.id_base = last_title + 9;
    h.subtitle_base = last_title + 11;
    if (!subtitle.empty())
        h.subtitle = wrap_text(font, subtitle, kSubtitleSize, std::max(subtitle_width(font, h.id_text), kSubtitleSize * 4));
    double last = h.subtitle.empty() ? last_title + 11 : h.subtitle_base + (h.subtitle.size() - 1) * kSubtitleSize * 1.22;
    h.rule_y = std::max(52.0, last + 5);
    return h;
}

PageHeader layout_page_header(const FontFace& font, const Template& tpl, const std::string& id, bool shared) {
    const std::string& subtitle =
        shared || tpl.subtitle_without_consent.empty() ? tpl.subtitle : tpl.subtitle_without_consent;
    return layout_header(font, tpl.title, subtitle, "ID: " + id);
}

Rect content_area(const PageHeader& header) {
    double top = header.rule_y + 4;
    return Rect{kPageMargin, top, page_content_width(), kFooterTop - 4 - top};
}

Rect standard_content_area() {
    PageHeader h;
    return content_area(h);
}

void draw_page_frame(PageOps& page, const FontFace& font, const PageHeader& h, const Date& date, int index, int count) {
    const Color ink = Color::hex(0x111111);
    const Color red = Color::hex(0xC00000);
    double right = page_right();
    for (size_t i = 0; i < h.title.size(); ++i)
        page.ops.push_back(TextOp{kPageMargin, h.title_base + i * kTitleSize * 1.25, kTitleSize, h.title[i], ink});
    for (size_t i = 0; i < h.subtitle.size(); ++i)
        page.ops.push_back(TextOp{kPageMargin, h.subtitle_base + i * kSubtitleSize * 1.22, kSubtitleSize, h.subtitle[i],
                                  Color::hex(0x444444)});
    double mw = mark_width(font);
    page.ops.push_back(RectOp{right - mw, 20, mw, 13, std::nullopt, red, 0.9});
    page.ops.push_back(TextOp{right - mw + 4, 29.6, 8, kMark, red});
    page.ops.push_back(TextOp{right - font.text_width(h.id_text, kIdSize), h.id_base, kIdSize, h.id_text, ink});
    page.ops.push_back(LineOp{kPageMargin, h.rule_y, right, h.rule_y, ink, 0.8, false});

    page.ops.push_back(LineOp{kPageMargin, kFooterTop, right, kFooterTop, Color::hex(0x888888), 0.5, false});
    std::string num = std::to_string(index) + " / " + std::to_string(count);
    page.ops.push_back(TextOp{(kPageWidth - font.text_width(num, 8)) / 2, kFooterTop + 12, 8, num, ink});
    std::string made = "作成日 " + date.japanese();
    page.ops.push_back(TextOp{right - font.text_width(made, 7.5), kFooterTop + 12, 7.5, made, ink});
    page.ops.push_back(TextOp{kPageMargin, kFooterTop + 12, 7.5, "sheetgen", Color::hex(0x888888)});
}

}  // namespace sheetgen::render
