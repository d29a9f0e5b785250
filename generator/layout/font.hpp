#pragma once
// The document font, loaded once per run: file bytes, a HarfBuzz face for
// subsetting and a width table for layout. Immutable after load, so concurrent
// renders may share it.
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace sheetgen::layout {

class FontFace {
public:
    // Throws InputError when the file is missing, unreadable, not a TrueType
    // (glyf-outline) font, or has no Japanese glyphs.
    static std::shared_ptr<const FontFace> load(const std::string& path);
    ~FontFace();
    FontFace(const FontFace&) = delete;
    FontFace& operator=(const FontFace&) = delete;

    const std::string& path() const { return path_; }
    const std::string& bytes() const { return bytes_; }
    // Only BMP code points can be drawn by libharu 2.3.0; astral ones report false.
    bool has_glyph(char32_t cp) const;
    // Advance width in em units (1.0 = font size); 0 for a missing glyph.
    double advance(char32_t cp) const;
    // Width of UTF-8 text at `size` points.
    double text_width(const std::string& utf8, double size) const;
    double ascent() const { return ascent_; }    // em units, positive
    double descent() const { return descent_; }  // em units, positive

    // A TrueType subset holding just `codepoints` (plus .notdef), in a form
    // libharu 2.3.0 loads. Throws OutputError if HarfBuzz fails.
    std::string subset(const std::set<char32_t>& codepoints) const;

private:
    FontFace() = default;
    struct Hb;
    std::string path_;
    std::string bytes_;
    std::unique_ptr<Hb> hb_;
    std::vector<unsigned short> advance_;  // per BMP code point, font units; 0xFFFF = no glyph
    double upem_ = 1000;
    double ascent_ = 0.88, descent_ = 0.12;
};

}  // namespace sheetgen::layout
