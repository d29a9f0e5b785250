#include "render/renderer.hpp"

#include <map>
#include <set>

#include "common/utf8.hpp"
#include "render/card.hpp"
#include "render/fields.hpp"
#include "layout/font.hpp"
#include "layout/layout.hpp"
#include "layout/page_frame.hpp"
#include "layout/pdf_writer.hpp"
#include "render/sections.hpp"
#include "render/template_fit.hpp"
#include "render/words.hpp"

namespace sheetgen {

using namespace render;

namespace {

// Variation selectors: ideographic (U+E0100..E01EF, the family-register
// glyph variants of 葛 or 辻) and standard (U+FE00..FE0F). libharu cannot
// draw them and the font has none, so each printed 〓 after its base
// character. Dropping them prints the base character, which is what the
// register's variant is a form of. Returns how many were dropped.
bool variation_selector(char32_t c) { return (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF); }

size_t drop_variation_selectors(std::string& s) {
    // Fast path: both ranges are encoded with a lead byte EF or F3.
    if (s.find_first_of("\xEF\xF3") == std::string::npos) return 0;
    size_t dropped = 0;
    std::string out;
    for (char32_t c : decode_utf8(s)) {
        if (variation_selector(c)) {
            ++dropped;
            continue;
        }
        out += encode_utf8(c);
    }
    if (dropped) s = std::move(out);
    return dropped;
}

size_t drop_variation_selectors(FieldValue& v) {
    size_t n = drop_variation_selectors(v.text);
    for (auto& item : v.list) n += drop_variation_selectors(item);
    return n;
}

// Drops the selectors from every text of the model; one warning per field,
// as a count (the characters themselves would rebuild a name in the log).
void drop_variation_selectors(FieldModel& model, const Profile& profile, std::vector<Diagnostic>& warnings) {
    auto warn = [&](const std::string& field, size_t n) {
        warnings.push_back(Diagnostic{SourceLocation{profile.source_file, 0, 0},
                                      "household " + profile.id + ": " + field + ": " + std::to_string(n) +
                                          (n == 1 ? " variation selector" : " variation selectors") +
                                          " (戸籍の異体字) dropped; the base character is printed",
                                      Severity::Warning});
    };
    for (auto& [path, v] : model.scalars)
        if (size_t n = drop_variation_selectors(v)) warn(path, n);
    for (auto& [table, rows] : model.tables)
        for (size_t i = 0; i < rows.size(); ++i)
            for (auto& [column, v] : rows[i])
                if (size_t n = drop_variation_selectors(v)) warn(table + "[" + std::to_string(i) + "]." + column, n);
}

// The layout warns once per field and character it cannot print, with the
// character's code point: all the code points of one field rebuild a
// person's name in the log. Replaces those warnings (the ones added from
// `first` on) with one count per field.
void summarise_unprintable(const SheetContext& ctx, size_t first, std::vector<Diagnostic>& warnings) {
    if (ctx.warned.empty()) return;
    std::map<std::string, std::pair<size_t, bool>> per_field;  // field -> (distinct characters, any beyond U+FFFF)
    for (const auto& [field, c] : ctx.warned) {
        auto& e = per_field[field];
        ++e.first;
        e.second = e.second || c > 0xFFFF;
    }
    std::vector<Diagnostic> kept(warnings.begin(), warnings.begin() + static_cast<std::ptrdiff_t>(first));
    for (size_t i = first; i < warnings.size(); ++i)
        if (warnings[i].message.find(" cannot be printed (") == std::string::npos ||
            warnings[i].message.find(": character U+") == std::string::npos)
            kept.push_back(std::move(warnings[i]));
    for (const auto& [field, e] : per_field)
        kept.push_back(Diagnostic{SourceLocation{ctx.profile.source_file, 0, 0},
                                  "household " + ctx.profile.id + ": " + field + ": " + std::to_string(e.first) +
                                      (e.first == 1 ? " character" : " different characters") +
                                      " cannot be printed (not in the font" +
                                      (e.second ? ", or outside the Basic Multilingual Plane that libharu 2.3.0 draws"
                                                : "") +
                                      "); printed as 〓",
                                  Severity::Warning});
    warnings = std::move(kept);
}

}  // namespace

Renderer Renderer::load(const std::string& font_path, const std::string& template_path, const std::string& page_size) {
    Renderer r;
    r.font_ = FontFace::load(font_path);
    auto font = r.font_;
    FieldSchema schema = build_field_schema();
    r.template_ = load_template(template_path, schema, [font](char32_t c) { return font->has_glyph(c); });
    if (!page_size.empty()) apply_page_size(r.template_, page_size, r.template_.landscape);  // the document list's
    // Labels fit their columns, no column is too narrow to print in, titles fit the header.
    check_template_fit(r.template_, schema, *font, sheet_style(r.template_));
    // Fail now, not on the first household, if libharu rejects the font subset.
    try {
        PdfWriter probe(r.font_->subset({U'あ'}), PdfMeta{Date{2000, 1, 1}, "", "sheetgen"});
        PageOps page;
        page.ops.push_back(TextOp{10, 10, 8, "あ", Color{}});
        probe.add_page(page);
        probe.finish();
    } catch (const RenderError& e) {
        throw InputError({font_path, 0, 0}, std::string("the PDF library cannot use this font: ") + e.what());
    }
    return r;
}

MapRequest Renderer::map_request(const Profile& profile, const Verdict& verdict) const {
    auto [w, h] = map_box_size(template_, standard_content_area(template_.page).w);
    return make_map_request(profile, verdict, w, h);
}

RenderedDocument Renderer::render(const std::vector<SheetInput>& sheets, const RenderOptions& options) const {
    RenderedDocument out;
    if (!parse_iso_date(options.document_date.iso()))
        throw std::invalid_argument("render: RenderOptions.document_date is not a valid date");
    Style style = sheet_style(template_);
    std::vector<PageOps> pages;
    // Pass 1: layout (and the set of characters drawn).
    for (const auto& in : sheets) {
        if (!in.profile || !in.verdict) throw std::invalid_argument("render: sheet without profile or verdict");
        FieldModel model = build_field_model(*in.profile, *in.verdict, options.document_date, template_.lang);
        // Before the selectors go: the withdrawn site's name is matched as the profile and the data wrote it.
        if (in.changes && in.changes->planned_site_withdrawn) withdraw_planned_site(model, *in.profile, *in.verdict);
        drop_variation_selectors(model, *in.profile, out.warnings);
        // The header grows when the title or subtitle wraps (beside a long ID).
        // An imported profile not yet completed at a home visit says so on every page.
        const std::string draft_mark = in.profile->draft ? word(Word::Draft, template_.lang) : "";
        PageHeader header = layout_page_header(*font_, template_, in.profile->id + draft_mark,
                                               in.profile->consent.share_with_supporters);
        Flow flow(*font_, style, content_area(header));
        const size_t warnings_before = out.warnings.size();
        SheetContext ctx{flow,      model,         *in.profile, *in.verdict, in.map, options.document_date,
                         template_, out.warnings, {},          in.changes};
        if (template_.layout == "card")
            layout_card(ctx, content_area(header), flow.page());  // one page: the card with its cut marks
        else
            layout_sheet(ctx);
        std::vector<PageOps> mine = flow.take_pages();
        header.id_text = "ID: " + ctx.drawable(in.profile->id, "id") + draft_mark;
        summarise_unprintable(ctx, warnings_before, out.warnings);
        for (size_t i = 0; i < mine.size(); ++i)
            draw_page_frame(mine[i], *font_, header, options.document_date, static_cast<int>(i + 1),
                            static_cast<int>(mine.size()));
        for (auto& p : mine) pages.push_back(std::move(p));
    }
    if (pages.empty()) throw std::invalid_argument("render: no sheets to render");
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
        } catch (const RenderError&) {
            // libharu 2.3.0 fails at save time (HPDF_INVALID_OBJECT) on a small
            // share of subsets (7 of 10,000 generated households); which ones
            // depends only on the glyph set. A subset with one more glyph has
            // always saved; the whole font is the last resort. Deterministic:
            // the same document takes the same path every time.
            std::set<char32_t> padded = used;
            padded.insert(U'\u3013');  // 〓, the customary substitute mark
            try {
                out.pdf = draw(font_->subset(padded));
            } catch (const RenderError&) {
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
