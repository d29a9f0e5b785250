#pragma once
// A list as a PDF: the page frame of the sheets (title, 取扱注意, page
// numbers, 作成日) around one table whose header row repeats on every page.
// For rosters and other lists of many households; knows nothing of them.
#include <memory>
#include <string>
#include <vector>

#include "common/date.hpp"

namespace sheetgen::layout {

class FontFace;

struct ListColumn {
    std::string title;
    double weight = 1;  // share of the page width
};

struct ListDocument {
    std::string title;                       // wraps onto two lines at most
    std::vector<std::string> subtitle;       // lines under the title
    std::string corner;                      // right of the subtitle (e.g. the group's name)
    std::vector<ListColumn> columns;
    std::vector<std::vector<std::string>> rows;  // one cell per column; cells wrap, rows split across pages
    std::string empty_text = "該当なし";     // printed when there are no rows
    Date date;                               // 作成日 and the PDF dates
};

// Characters the font lacks print as 〓 (counted in *replaced when given).
// Throws RenderError when libharu or HarfBuzz fail.
std::string render_list_pdf(const FontFace& font, const ListDocument& doc, size_t* replaced = nullptr);

}  // namespace sheetgen::layout
