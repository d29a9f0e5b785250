#pragma once
// The page frame around the flowing sections: header (title, subtitle, the
// 取扱注意 mark, the household ID) and footer (page number, 作成日). Long
// titles wrap and the header grows, so nothing in it is overprinted.
#include <string>
#include <vector>

#include "common/date.hpp"
#include "render/draw_ops.hpp"
#include "render/font.hpp"
#include "render/layout.hpp"
#include "render/template.hpp"

namespace sheetgen::render {

inline constexpr double kPageMargin = 28.35;  // 10 mm
inline constexpr double kFooterTop = 810;
inline constexpr double kTitleSize = 13;
inline constexpr double kSubtitleSize = 7;
inline constexpr double kIdSize = 8;
// A title may wrap to this many lines, a subtitle to this many (checked at load).
inline constexpr size_t kMaxTitleLines = 2;
inline constexpr size_t kMaxSubtitleLines = 3;
// ID width the load-time check assumes (the header adapts to longer IDs).
inline constexpr const char* kTypicalId = "ID: 0000000000000000";

struct PageHeader {
    std::vector<std::string> title, subtitle;
    double title_base = 36, subtitle_base = 47, id_base = 45, rule_y = 52;
    std::string id_text;
};

// Width available to the title (left of the 取扱注意 mark) and to the subtitle
// (left of the ID text `id_text`).
double title_width(const FontFace& font);
double subtitle_width(const FontFace& font, const std::string& id_text);

// `shared`: the household consented to share; without it the template's
// subtitle_without_consent (when given) replaces a subtitle that says the
// sheet is shared with supporters.
PageHeader layout_page_header(const FontFace& font, const Template& tpl, const std::string& id, bool shared = true);
// The same for any title, subtitle ('\n' breaks lines) and corner text.
PageHeader layout_header(const FontFace& font, const std::string& title, const std::string& subtitle,
                         const std::string& id_text);
// The content area below the header and above the footer.
Rect content_area(const PageHeader& header);
// Content area of a page whose header has one title and one subtitle line.
Rect standard_content_area();
void draw_page_frame(PageOps& page, const FontFace& font, const PageHeader& header, const Date& date, int index,
                     int count);

}  // namespace sheetgen::render
