#pragma once
// The page frame around the flowing sections: header (title, subtitle, the
// 取扱注意 mark, the household ID) and footer (page number, 作成日). Long
// titles wrap and the header grows, so nothing in it is overprinted.
#include <string>
#include <vector>

#include "common/date.hpp"
#include "layout/draw_ops.hpp"
#include "layout/font.hpp"
#include "layout/layout.hpp"

namespace sheetgen::layout {

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

// The page and the frame's own texts; the defaults are the A4 sheets'.
struct PageSpec {
    double width = kPageWidth, height = kPageHeight;  // points
    double margin = kPageMargin;                      // every side; header and footer move with it
    std::string mark = "取扱注意（個人情報）";         // boxed in red at the top right; "" = none
    std::string footer = "sheetgen";                  // bottom left
    std::string date_label = "作成日";                 // bottom right, before the document date
    bool english_date = false;                        // "1 April 2026" instead of 2026年4月1日
    // How far the header moves down (and the footer up) from the default frame.
    double shift() const { return margin - kPageMargin; }
    double footer_top() const { return kFooterTop + (height - kPageHeight) - shift(); }
};

struct PageHeader {
    std::vector<std::string> title, subtitle;
    double title_base = 36, subtitle_base = 47, id_base = 45, rule_y = 52;
    std::string id_text;
    PageSpec page;
};

// Width available to the title (left of the 取扱注意 mark) and to the subtitle
// (left of the ID text `id_text`).
double title_width(const FontFace& font, const PageSpec& page = PageSpec{});
double subtitle_width(const FontFace& font, const std::string& id_text, const PageSpec& page = PageSpec{});

// The header for a title, subtitle ('\n' breaks lines) and corner text.
PageHeader layout_header(const FontFace& font, const std::string& title, const std::string& subtitle,
                         const std::string& id_text, const PageSpec& page = PageSpec{});
// The content area below the header and above the footer.
Rect content_area(const PageHeader& header);
// Content area of a page whose header has one title and one subtitle line.
Rect standard_content_area(const PageSpec& page = PageSpec{});
void draw_page_frame(PageOps& page, const FontFace& font, const PageHeader& header, const Date& date, int index,
                     int count);

}  // namespace sheetgen::layout
