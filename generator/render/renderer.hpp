#pragma once
// Support-sheet rendering: template + font loaded once per run; render() lays
// out one or many households and writes ONE PDF (the bundle).
#include <memory>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "render/map.hpp"
#include "render/fields.hpp"
#include "render/template.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::layout {
class FontFace;
}

namespace sheetgen {

using render::MapRequest;

using render::ChangeBox;

struct SheetInput {
    const Profile* profile = nullptr;
    const Verdict* verdict = nullptr;
    const MapExtract* map = nullptr;  // null: the map box says 地図なし
    const ChangeBox* changes = nullptr;  // null or no lines: no 「前回からの変更」 box
};

struct RenderOptions {
    Date document_date;        // PDF CreationDate/ModDate and 作成日 — never the clock
    bool subset_font = true;   // false embeds the whole font (slow, large; for comparison)
};

struct RenderedDocument {
    std::string pdf;
    int page_count = 0;
    std::vector<Diagnostic> warnings;  // characters replaced by 〓 (household id, field path, code point)
};

class Renderer {
public:
    // Throws InputError: bad template (file:line:column), missing or non-TrueType font.
    // `page_size` (a name of page_size_names()) replaces the template's when given.
    static Renderer load(const std::string& font_path, const std::string& template_path,
                         const std::string& page_size = "");

    // Frame that fits the home and the planned/suggested shelter, 300 m .. 2 km
    // half-size, with the template's map box aspect ratio.
    MapRequest map_request(const Profile& profile, const Verdict& verdict) const;

    // Thread-safe: each call owns its own libharu document. Each household
    // starts on a new page; page numbers count per household ("1 / 2").
    // Throws OutputError if the PDF cannot be produced.
    RenderedDocument render(const std::vector<SheetInput>& sheets, const RenderOptions& options) const;

    const render::Template& sheet_template() const { return template_; }

private:
    Renderer() = default;
    std::shared_ptr<const layout::FontFace> font_;
    render::Template template_;
};

}  // namespace sheetgen
