#pragma once
// Load-time checks that need the font: every label fits the column it is
// printed in, no column is too narrow to print in, and the title fits the
// page header. A template that passes never overprints or strands a
// character or two of a label on a line of their own.
#include "render/fields.hpp"
#include "layout/font.hpp"
#include "layout/layout.hpp"
#include "render/layout_use.hpp"
#include "render/template.hpp"

namespace sheetgen::render {

// The body style a template is laid out with.
Style sheet_style(const Template& tpl);

// Throws InputError at the offending template entry (file:line:column):
//  - a label (field label, table header, choice value of a table column such
//    as a contact role, checklist item, signature box) that would wrap so
//    that one or two characters stand alone on a line, with the width that
//    would fit it;
//  - a label or value column narrower than two full-width characters;
//  - a title longer than kMaxTitleLines lines or a subtitle longer than
//    kMaxSubtitleLines lines in the page header.
void check_template_fit(const Template& tpl, const FieldSchema& schema, const FontFace& font, const Style& style);

// The line of 1–2 characters a label would leave alone when wrapped into
// `inner` points at `size` (empty when it wraps cleanly or not at all).
std::string stranded_line(const FontFace& font, const std::string& label, double size, double inner);

}  // namespace sheetgen::render
