#pragma once
// Section kinds in one place: each kind names the template keys it accepts
// and how it lays itself out. To add a kind (e.g. a ventilator power plan),
// add an entry to section_kinds() in sections.cpp, any new keys to
// SectionSpec + template.cpp, and document it in docs/template-format.md.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "render/fields.hpp"
#include "layout/layout.hpp"
#include "render/layout_use.hpp"
#include "render/template.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::render {

// Everything a section needs while one household's sheet is laid out.
struct SheetContext {
    Flow& flow;
    const FieldModel& model;
    const Profile& profile;
    const Verdict& verdict;
    const MapExtract* map;  // may be null
    Date date;
    const Template& tpl;
    std::vector<Diagnostic>& warnings;
    std::set<std::pair<std::string, char32_t>> warned;  // one warning per field and character
    const ChangeBox* changes = nullptr;                 // the `changes` box; null: none

    // Formatted, drawable text of a scalar path, or of a column of `row` in
    // table `table`. Characters the font cannot draw become 〓 with a warning
    // naming the household, the field path and the code point (never the text).
    std::string value(const std::string& path, const std::string& format);
    std::string cell(const std::string& table, size_t index, const Record& row, const std::string& column,
                     const std::string& format);
    bool flag(const std::string& path) const;
    std::string drawable(const std::string& text, const std::string& field_path);
    // A field's label: the value of its label_path when it has one and it is
    // not empty, else the template's label.
    std::string label(const FieldRef& f);
};

struct SectionKind {
    std::string name;
    std::vector<std::string> keys;      // accepted keys besides kind/title/page_break
    std::vector<std::string> required;  // keys that must be present
    void (*layout)(const SectionSpec&, SheetContext&);
};

const std::vector<SectionKind>& section_kinds();
const SectionKind* find_section_kind(const std::string& name);

// Lays out a whole sheet (all sections) into `flow`.
void layout_sheet(SheetContext& ctx);

// A ruled table from s.rows (filtered by s.where), header repeated on each
// page; with tick_boxes the first column gets an empty box to tick by hand.
void layout_ruled_table(const SectionSpec& s, SheetContext& ctx, bool tick_boxes);

// Widths in points of a table's columns at table width `width` (as drawn).
std::vector<double> table_column_widths(const SectionSpec& s, double width);

// Width of the block of fields beside a map (0 or less: no room).
double map_side_width(const SectionSpec& s, double content_width);

// Width/height in points of the first map box in the template (for MapRequest).
std::pair<double, double> map_box_size(const Template& tpl, double content_width);

}  // namespace sheetgen::render
