#pragma once
// The help card (ヘルプカード, layout: card): business-card size, 91 x 55 mm
// folded in two (91 x 110 mm open, printed side outwards), drawn on an A4
// page with cut marks and the fold line. The template's fields become
// label/value items: the front panel's first, then those of sections marked
// `panel: back`.
//
// Medical text cut off mid-word is dangerous, so nothing is truncated
// silently: a panel's text shrinks (in 0.5 pt steps) down to 6 pt; what still
// does not fit on the front continues on the back panel (whole items, "裏面に
// つづく"); what does not fit on the back at 6 pt is left out whole, named on
// the card ("入りきらない項目") and in a warning that names the field path
// (household id only, never the text).
#include <vector>

#include "layout/draw_ops.hpp"
#include "layout/layout.hpp"
#include "render/layout_use.hpp"
#include "render/sections.hpp"

namespace sheetgen::render {

inline constexpr double kCardWidthMm = 91;
inline constexpr double kCardPanelMm = 55;  // each of the two panels; 110 mm open
inline constexpr double kCardMinTextSize = 6;

// Draws the card into `page` inside `area` (the content area of the page frame).
void layout_card(SheetContext& ctx, const Rect& area, PageOps& page);

}  // namespace sheetgen::render
