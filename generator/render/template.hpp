#pragma once
// Sheet templates (YAML, see docs/template-format.md): loaded and checked
// once per run against the field schema, so a typo in a field path fails at
// load time with file:line:column instead of printing a blank cell.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "layout/font.hpp"
#include "layout/page_frame.hpp"
#include "render/fields.hpp"
#include "render/layout_use.hpp"

namespace sheetgen::render {

inline constexpr const char* kTemplateSchemaV1 = "sheetgen/template-v1";

// A label + value path (+ format) as written in the template.
struct FieldRef {
    std::string label;
    // `label_path`: the label is this text field's value (a heading that
    // follows the verdict); `label` when the value is empty.
    std::string label_path;
    std::string path;    // scalar path ("person.name") or, in tables, a column name ("model")
    std::string format;  // "" = default for the value type
    bool wide = false;   // fields: spans the whole row
    double width = 0;    // table columns: fraction of the table width (0 = share the rest)
    SourceLocation at;
};

// One section; which members are used depends on `kind` (sections.cpp).
struct SectionSpec {
    std::string kind;
    std::string title;
    SourceLocation at;
    bool page_break = false;  // start on a new page
    // fields, and the side block of map
    std::vector<FieldRef> fields;
    int columns = 1;
    double label_width = 0.3;  // fraction of one label+value pair
    // help card: start this section on the back panel
    bool back_panel = false;
    // table
    std::string rows;
    std::vector<std::pair<std::string, std::vector<std::string>>> where;  // column -> accepted machine values
    std::vector<FieldRef> table_columns;
    std::string empty_text = "（登録なし）";  // the template's `empty`, or "none" in its language
    // checklist
    std::vector<FieldRef> items;
    // signatures (ventilator plan): captions of boxes to sign or date by hand
    std::vector<std::string> boxes;
    // text
    FieldRef text;
    double min_height_mm = 0;
    // map
    double height_mm = 60;
    double map_width = 0.55;  // fraction of the content width
};

struct Template {
    std::string file;
    std::string title;
    std::string subtitle;
    // Printed instead of `subtitle` for a household without consent to share
    // (a subtitle saying "shared with supporters" would be untrue).
    std::string subtitle_without_consent;
    SourceLocation title_at, subtitle_at, subtitle_without_consent_at;
    double font_size = 8;
    // Page size, margin, and the frame's 取扱注意 mark and footer text
    // (page_size, orientation, margin_mm, header_mark, footer_text).
    PageSpec page;
    std::string page_size = "A4";
    bool landscape = false;
    // "flow": sections flow down pages (sheets, plans, lists); "card": the
    // help card, 91 x 55 mm folded in two, on an A4 page with cut marks.
    std::string layout = "flow";
    // The language of the document (`language: ja | en`): the field model's
    // words, the page frame, the map legend. Labels are the template's own.
    Lang lang = Lang::Ja;
    std::vector<SectionSpec> sections;
};

// Page sizes a template or document list may name: A3 A4 A5 B4 B5 (JIS) letter.
const std::vector<std::string>& page_size_names();
// Width and height in points, portrait; false for an unknown name.
bool page_size_points(const std::string& name, double& width, double& height);
// Sets tpl.page's width and height from a page size name and orientation.
void apply_page_size(Template& tpl, const std::string& name, bool landscape);

// The page header of a template for household `id`. `shared`: the household
// consented to share; without it the template's subtitle_without_consent
// (when given) replaces a subtitle that says the sheet is shared with supporters.
PageHeader layout_page_header(const FontFace& font, const Template& tpl, const std::string& id, bool shared = true);

// Throws InputError with file:line:column for bad YAML, unknown keys, unknown
// section kinds, unknown field paths (with "did you mean"), bad formats, and
// labels with characters the font cannot draw (when `drawable` is given).
Template load_template(const std::string& path, const FieldSchema& schema,
                       const std::function<bool(char32_t)>& drawable = {});
Template parse_template(const std::string& yaml_text, const std::string& file, const FieldSchema& schema,
                        const std::function<bool(char32_t)>& drawable = {});

}  // namespace sheetgen::render
