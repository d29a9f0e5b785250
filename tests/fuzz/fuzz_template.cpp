// libFuzzer: the sheet template loader, checked against the real field schema
// and the real font's glyph coverage (both loaded once, as a run does).
// InputError is the expected answer to bad input; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "fuzz_input.hpp"
#include "layout/font.hpp"
#include "render/template.hpp"

namespace {

struct Context {
    sheetgen::render::FieldSchema schema = sheetgen::render::build_field_schema();
    std::shared_ptr<const sheetgen::render::FontFace> font;
    std::function<bool(char32_t)> drawable;
};

const Context& context() {
    static const Context* ctx = [] {
        auto* c = new Context;
        const char* env = std::getenv("SHEETGEN_FONT");
        c->font = sheetgen::render::FontFace::load(env && *env ? env : SHEETGEN_DEFAULT_FONT_PATH);
        auto font = c->font;
        c->drawable = [font](char32_t cp) { return font->has_glyph(cp); };
        return c;
    }();
    return *ctx;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const Context& ctx = context();
    sheetgen::fuzz::MemFile file(data, size);
    try {
        sheetgen::render::Template t = sheetgen::render::load_template(file.path(), ctx.schema, ctx.drawable);
        volatile size_t n = t.sections.size() + t.title.size();
        (void)n;
    } catch (const sheetgen::InputError& e) {
        // Every collected problem, so a half-built diagnostic would be read by ASan.
        volatile size_t n = sheetgen::format_location(e.where()).size();
        for (const auto& d : e.diagnostics()) n = n + sheetgen::format_diagnostic(d).size();
        (void)n;
    }
    return 0;
}
