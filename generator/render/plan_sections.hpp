#pragma once
// Section kinds added for the ventilator evacuation plan (registered in
// section_kinds(), documented in docs/template-format.md):
//   power_chart  the blackout runtime chart (plan_chart.hpp) with its legend
//   check_table  a table whose rows start with an empty check box (supplies)
//   signatures   a row of boxes to sign or date by hand, with optional fields above
#include "render/sections.hpp"

namespace sheetgen::render {

void layout_power_chart(const SectionSpec& s, SheetContext& ctx);
void layout_check_table(const SectionSpec& s, SheetContext& ctx);
void layout_signatures(const SectionSpec& s, SheetContext& ctx);

}  // namespace sheetgen::render
