#include "render/renderer.hpp"

#include <set>

#include "common/utf8.hpp"
#include "render/fields.hpp"
#include "render/font.hpp"
#include "render/layout.hpp"
#include "render/page_frame.hpp"
#include "render/pdf_writer.hpp"
#include "render/sections.hpp"
#include "render/template_fit.hpp"

namespace sheetgen {

using namespace render;


Renderer Renderer::load(const std::string& font_path, const std::string& template_path) {
    Renderer r;
    r.font_ = FontFace::load(font_path);
    auto font = r.font_;
    FieldSchema schema = build_field_schema();
    r.template_ = load_template(template_path, schema, [font](char32_t c) { return font->has_glyph(c); });
    // Labels fit their columns, no column is too narrow to print in, titles fit the header.
    check_template_fit(r.template_, schema, *font, sheet_style(r.template_));
    // Fail now, not on the first household, if libharu rejects the font subset.
    try {
        PdfWriter probe(r.font_->subset({U'あ'}), PdfMeta{Date{2000, 1, 1}, "", "sheetgen"});
        PageOps page;
        page.ops.push_back(TextOp{10, 10, 8, "あ", Color{}});
        probe.add_page(page);
        probe.finish();
    } catch (const OutputError& e) {
        throw InputError({font_path, 0, 0}, std::string("the PDF library cannot use this font: ") + e.what());
    }
    return r;
}

MapRequest Renderer::map_request(const Profile& profile, const Verdict& verdict) const {
    auto [w, h] = map_box_size(template_, standard_content_area().w);
    return make_map_request(profile, verdict, w, h);
}

RenderedDocument Renderer::render(const std::vector<SheetInput>& sheets, const RenderOptions& options) const {
    RenderedDocument out;
    if (!parse_iso_date(options.document_date.iso()))
        throw OutputError("render: RenderOptions.document_date is not a valid date");
    Style style = sheet_style(template_);
    std::vector<PageOps> pages;
    // Pass 1: layout (and the set of characters drawn).
    for (const auto& in : sheets) {
        if (!in.profile || !in.verdict) throw OutputError("render: sheet without profile or verdict");
        FieldModel model = build_field_model(*in.profile, *in.verdict, options.document_date);
        // The header grows when the title or subtitle wraps (beside a long ID).
        PageHeader header = layout_page_header(*font_, template_, in.profile->id, in.profile->consent.share_with_supporters);
        Flow flow(*font_, style, content_area(header));
        SheetContext ctx{flow, model, *in.profile, *in.verdict, in.map, options.document_date, template_, out.warnings, {}};
        layout_sheet(ctx);
        std::vector<PageOps> mine = flow.take_pages();
        header.id_text = "ID: " + ctx.drawable(in.profile->id, "id");
        for (size_t i = 0; i < mine.size(); ++i)
            draw_page_frame(mine[i], *font_, header, options.document_date, static_cast<int>(i + 1),
                            static_cast<int>(mine.size()));
        for (auto& p : mine) pages.push_back(std::move(p));
    }
    if (pages.empty()) throw OutputError("render: no sheets to render");
    std::set<char32_t> used;
    for (const auto& p : pages)
        for (const auto& op : p.ops)
            if (auto* t = std::get_if<TextOp>(&op))
                for (char32_t c : decode_utf8(t->text)) used.insert(c);
    // Pass 2: draw with a font subset of exactly those characters.
    auto draw = [&](const std::string& font_bytes) {
        PdfWriter writer(font_bytes, PdfMeta{options.document_date, template_.title, "sheetgen"});
        for (const auto& p : pages) writer.add_page(p);
        return writer.finish();
    };
    if (!options.subset_font) {
        out.pdf = draw(font_->bytes());
    } else {
        try {
            out.pdf = draw(font_->subset(used));
        } catch (const OutputError&) {
            // libharu 2.3.0 fails at save time (HPDF_INVALID_OBJECT) on a small
            // share of subsets (7 of 10,000 generated households); which ones
            // depends only on the glyph set. A subset with one more glyph has
            // always saved; the whole font is the last resort. Deterministic:
            // the same document takes the same path every time.
            std::set<char32_t> padded = used;
            padded.insert(U'\u3013');  // 〓, the customary substitute mark
            try {
                out.pdf = draw(font_->subset(padded));
            } catch (const OutputError&) {
                out.pdf = draw(font_->bytes());
                out.warnings.push_back(Diagnostic{{sheets.front().profile->id, 0, 0},
                                                  "the font subset could not be saved by libharu; the whole font was "
                                                  "embedded instead (larger file, same content)",
                                                  Severity::Warning});
            }
        }
    }
    out.page_count = static_cast<int>(pages.size());
    return out;
}

}  // namespace sheetgen
