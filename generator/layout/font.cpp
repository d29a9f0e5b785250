#include "layout/font.hpp"

#include "common/read_file.hpp"

#include <hb-subset.h>
#include <hb.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "common/utf8.hpp"

namespace sheetgen::layout {

namespace {
constexpr unsigned short kNoGlyph = 0xFFFF;

struct BlobDeleter { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct FaceDeleter { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct FontDeleter { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };
struct InputDeleter { void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); } };
using BlobPtr = std::unique_ptr<hb_blob_t, BlobDeleter>;
using FacePtr = std::unique_ptr<hb_face_t, FaceDeleter>;
using FontPtr = std::unique_ptr<hb_font_t, FontDeleter>;
using InputPtr = std::unique_ptr<hb_subset_input_t, InputDeleter>;

uint32_t be32(const std::string& s, size_t at) {
    return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) |
           (uint32_t(uint8_t(s[at + 2])) << 8) | uint32_t(uint8_t(s[at + 3]));
}
}  // namespace

struct FontFace::Hb {
    BlobPtr blob;
    FacePtr face;
};

FontFace::~FontFace() = default;

std::shared_ptr<const FontFace> FontFace::load(const std::string& path) {
    SourceLocation where{path, 0, 0};
    std::shared_ptr<FontFace> f(new FontFace());
    f->path_ = path;
    // IPAexGothic is 4 MB; CJK TrueType fonts stay well under 64 MiB.
    f->bytes_ = read_file_limited(path, 64u * 1024 * 1024,
                                  "font file (need a TrueType font such as IPAexGothic ipaexg.ttf)");
    const std::string& b = f->bytes_;
    if (b.size() < 12) throw InputError(where, "not a font file (too short)");
    uint32_t tag = be32(b, 0);
    if (tag == 0x4F54544Fu)  // 'OTTO'
        throw InputError(where, "font has PostScript (CFF) outlines; libharu needs a TrueType font (.ttf with glyf outlines)");
    if (tag == 0x74746366u)  // 'ttcf'
        throw InputError(where, "font collections (.ttc) are not supported; pass a single TrueType font (.ttf)");
    if (tag != 0x00010000u && tag != 0x74727565u)  // 1.0 or 'true'
        throw InputError(where, "not a TrueType font file");

    f->hb_ = std::make_unique<Hb>();
    // The blob references bytes_, which lives (unchanged) as long as the face.
    f->hb_->blob.reset(hb_blob_create(b.data(), static_cast<unsigned>(b.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
    f->hb_->face.reset(hb_face_create(f->hb_->blob.get(), 0));
    hb_face_t* face = f->hb_->face.get();
    if (hb_face_get_glyph_count(face) == 0) throw InputError(where, "font has no glyphs");
    hb_blob_t* glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
    unsigned glyf_len = hb_blob_get_length(glyf);
    hb_blob_destroy(glyf);
    if (glyf_len == 0) throw InputError(where, "font has no TrueType glyf table");
    hb_face_make_immutable(face);

    FontPtr font(hb_font_create(face));
    f->upem_ = hb_face_get_upem(face);
    // Widths in font units, unscaled: layout scales them by the font size.
    hb_font_set_scale(font.get(), static_cast<int>(f->upem_), static_cast<int>(f->upem_));
    f->advance_.assign(0x10000, kNoGlyph);
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        hb_codepoint_t gid;
        if (!hb_font_get_nominal_glyph(font.get(), cp, &gid)) continue;
        hb_position_t adv = hb_font_get_glyph_h_advance(font.get(), gid);
        f->advance_[cp] = static_cast<unsigned short>(std::min<hb_position_t>(std::max<hb_position_t>(adv, 0), 0xFFFE));
    }
    if (f->advance_[U'あ'] == kNoGlyph || f->advance_[U'漢'] == kNoGlyph)
        throw InputError(where, "font has no Japanese glyphs (use IPAexGothic or another Japanese TrueType font)");
    hb_font_extents_t ext;
    if (hb_font_get_h_extents(font.get(), &ext) && ext.ascender > 0) {
        f->ascent_ = ext.ascender / f->upem_;
        f->descent_ = -ext.descender / f->upem_;
    }
    return f;
}

bool FontFace::has_glyph(char32_t cp) const { return cp < 0x10000 && advance_[cp] != kNoGlyph; }

double FontFace::advance(char32_t cp) const {
    if (!has_glyph(cp)) return 0;
    return advance_[cp] / upem_;
}

double FontFace::text_width(const std::string& utf8, double size) const {
    double w = 0;
    for (char32_t cp : decode_utf8(utf8)) w += advance(cp);
    return w * size;
}

std::string FontFace::subset(const std::set<char32_t>& codepoints) const {
    InputPtr input(hb_subset_input_create_or_fail());
    if (!input) throw RenderError("font subset (HarfBuzz): out of memory");
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : codepoints)
        if (has_glyph(cp)) hb_set_add(unicodes, cp);
    // Hinting is useless for print and large; legacy name records keep the
    // Mac/Windows names libharu reads the font name from.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NAME_LEGACY);
    // libharu embeds only cmap glyf loca head hhea hmtx maxp name post OS/2
    // (+ hinting tables): drop the rest, so no time or glyphs go into GSUB
    // closure (vertical forms, alternates) that the PDF never uses.
    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const char* t : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "vhea", "vmtx", "VORG", "kern", "DSIG", "gasp"})
        hb_set_add(drop, HB_TAG(t[0], t[1], t[2], t[3]));
    FacePtr sub(hb_subset_or_fail(hb_->face.get(), input.get()));
    if (!sub) throw RenderError("font subset failed (HarfBuzz)");
    BlobPtr blob(hb_face_reference_blob(sub.get()));
    unsigned len = 0;
    const char* data = hb_blob_get_data(blob.get(), &len);
    if (!data || len == 0) throw RenderError("font subset failed (HarfBuzz returned an empty font)");
    return std::string(data, len);
}

}  // namespace sheetgen::layout
