#include "layout/pdf_writer.hpp"

#include <stdexcept>

#include <hpdf.h>
#include <sys/mman.h>
#include <unistd.h>


#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

#include "common/error.hpp"
#include "layout/to_unicode.hpp"

namespace sheetgen::layout {

namespace {

struct ErrorState {
    HPDF_STATUS code = 0;
    HPDF_STATUS detail = 0;
};

// libharu calls this instead of longjmp/abort; we only record and let the
// failing call return its error code.
void record_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user_data) {
    auto* st = static_cast<ErrorState*>(user_data);
    if (st->code == 0) {
        st->code = error_no;
        st->detail = detail_no;
    }
}

// An anonymous in-memory file; libharu can only load TrueType from a path,
// so it gets /proc/self/fd/N. Unique per writer, so renders can run in parallel.
class MemFile {
public:
    explicit MemFile(const std::string& bytes) {
        fd_ = memfd_create("sheetgen-font", MFD_CLOEXEC);
        if (fd_ < 0) throw RenderError(std::string("memfd_create: ") + std::strerror(errno));
        size_t off = 0;
        while (off < bytes.size()) {
            ssize_t n = ::write(fd_, bytes.data() + off, bytes.size() - off);
            if (n < 0) {
                if (errno == EINTR) continue;
                int e = errno;
                ::close(fd_);
                throw RenderError(std::string("writing font to memory file: ") + std::strerror(e));
            }
            off += static_cast<size_t>(n);
        }
        path_ = "/proc/self/fd/" + std::to_string(fd_);
    }
    ~MemFile() {
        if (fd_ >= 0) ::close(fd_);
    }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return path_; }

private:
    int fd_ = -1;
    std::string path_;
};


}  // namespace

struct PdfWriter::Impl {
    ErrorState err;
    HPDF_Doc doc = nullptr;
    HPDF_Font font = nullptr;
    std::unique_ptr<MemFile> font_file;
    bool finished = false;
    double page_h = kPageHeight;  // of the page being drawn: PDF y grows upwards

    double flip(double y) const { return page_h - y; }

    ~Impl() {
        if (doc) HPDF_Free(doc);
    }

    void check(HPDF_STATUS st, const char* what) {
        if (st != HPDF_OK || err.code != 0) fail(what);
    }
    template <typename T>
    T need(T v, const char* what) {
        if (!v || err.code != 0) fail(what);
        return v;
    }
    [[noreturn]] void fail(const char* what) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "PDF writer (libharu) failed in %s: error 0x%04X, detail %u", what,
                      static_cast<unsigned>(err.code), static_cast<unsigned>(err.detail));
        throw RenderError(buf);
    }

    void set_fill(HPDF_Page p, const Color& c) { check(HPDF_Page_SetRGBFill(p, c.r, c.g, c.b), "SetRGBFill"); }
    void set_stroke(HPDF_Page p, const Color& c) { check(HPDF_Page_SetRGBStroke(p, c.r, c.g, c.b), "SetRGBStroke"); }
    void set_dash(HPDF_Page p, bool dashed) {
        static const HPDF_UINT16 pattern[] = {3, 2};
        if (dashed)
            check(HPDF_Page_SetDash(p, pattern, 2, 0), "SetDash");
        else
            check(HPDF_Page_SetDash(p, nullptr, 0, 0), "SetDash");
    }
    void paint(HPDF_Page p, bool fill, bool stroke, bool even_odd) {
        if (fill && stroke)
            check(even_odd ? HPDF_Page_EofillStroke(p) : HPDF_Page_FillStroke(p), "FillStroke");
        else if (fill)
            check(even_odd ? HPDF_Page_Eofill(p) : HPDF_Page_Fill(p), "Fill");
        else if (stroke)
            check(HPDF_Page_Stroke(p), "Stroke");
        else
            check(HPDF_Page_EndPath(p), "EndPath");
    }

    // One graphics-state object per fill opacity used in the document.
    std::map<double, HPDF_ExtGState> alphas;
    HPDF_ExtGState fill_alpha(double opacity) {
        opacity = std::max(0.0, std::min(1.0, opacity));
        auto it = alphas.find(opacity);
        if (it != alphas.end()) return it->second;
        HPDF_ExtGState gs = need(HPDF_CreateExtGState(doc), "CreateExtGState");
        check(HPDF_ExtGState_SetAlphaFill(gs, static_cast<HPDF_REAL>(opacity)), "ExtGState_SetAlphaFill");
        alphas.emplace(opacity, gs);
        return gs;
    }

    void draw(HPDF_Page p, const DrawOp& op) {
        if (auto* t = std::get_if<TextOp>(&op)) {
            if (t->text.empty()) return;
            set_fill(p, t->color);
            check(HPDF_Page_BeginText(p), "BeginText");
            check(HPDF_Page_SetFontAndSize(p, font, t->size), "SetFontAndSize");
            check(HPDF_Page_TextOut(p, t->x, flip(t->y), t->text.c_str()), "TextOut");
            check(HPDF_Page_EndText(p), "EndText");
        } else if (auto* r = std::get_if<RectOp>(&op)) {
            if (!r->fill && !r->stroke) return;
            if (r->fill) set_fill(p, *r->fill);
            if (r->stroke) set_stroke(p, *r->stroke);
            check(HPDF_Page_SetLineWidth(p, r->line_width), "SetLineWidth");
            set_dash(p, false);
            check(HPDF_Page_Rectangle(p, r->x, flip(r->y + r->h), r->w, r->h), "Rectangle");
            paint(p, r->fill.has_value(), r->stroke.has_value(), false);
        } else if (auto* l = std::get_if<LineOp>(&op)) {
            set_stroke(p, l->color);
            check(HPDF_Page_SetLineWidth(p, l->width), "SetLineWidth");
            set_dash(p, l->dashed);
            check(HPDF_Page_MoveTo(p, l->x1, flip(l->y1)), "MoveTo");
            check(HPDF_Page_LineTo(p, l->x2, flip(l->y2)), "LineTo");
            check(HPDF_Page_Stroke(p), "Stroke");
        } else if (auto* pa = std::get_if<PathOp>(&op)) {
            if (pa->fill && pa->fill_opacity < 1) {
                // A graphics state of its own, so the opacity ends with the path.
                check(HPDF_Page_GSave(p), "GSave");
                check(HPDF_Page_SetExtGState(p, fill_alpha(pa->fill_opacity)), "SetExtGState");
                PathOp opaque = *pa;
                opaque.fill_opacity = 1;
                draw(p, opaque);
                check(HPDF_Page_GRestore(p), "GRestore");
                return;
            }
            if (pa->fill) set_fill(p, *pa->fill);
            if (pa->stroke) set_stroke(p, *pa->stroke);
            check(HPDF_Page_SetLineWidth(p, pa->line_width), "SetLineWidth");
            set_dash(p, pa->dashed);
            bool any = false;
            for (const auto& sp : pa->subpaths) {
                if (sp.size() < 2) continue;
                check(HPDF_Page_MoveTo(p, sp[0].first, flip(sp[0].second)), "MoveTo");
                for (size_t i = 1; i < sp.size(); ++i)
                    check(HPDF_Page_LineTo(p, sp[i].first, flip(sp[i].second)), "LineTo");
                if (pa->closed) check(HPDF_Page_ClosePath(p), "ClosePath");
                any = true;
            }
            if (any) paint(p, pa->fill.has_value() && pa->closed, pa->stroke.has_value(), pa->even_odd);
        } else if (auto* c = std::get_if<ClipBegin>(&op)) {
            check(HPDF_Page_GSave(p), "GSave");
            check(HPDF_Page_Rectangle(p, c->x, flip(c->y + c->h), c->w, c->h), "Rectangle");
            check(HPDF_Page_Clip(p), "Clip");
            check(HPDF_Page_EndPath(p), "EndPath");
        } else if (std::get_if<ClipEnd>(&op)) {
            check(HPDF_Page_GRestore(p), "GRestore");
        }
    }
};

PdfWriter::PdfWriter(const std::string& font_bytes, const PdfMeta& meta) : impl_(std::make_unique<Impl>()) {
    Impl& m = *impl_;
    m.doc = HPDF_New(record_error, &m.err);
    if (!m.doc) throw RenderError("PDF writer (libharu): cannot create document");
    m.check(HPDF_SetCompressionMode(m.doc, HPDF_COMP_ALL), "SetCompressionMode");
    m.check(HPDF_UseUTFEncodings(m.doc), "UseUTFEncodings");
    m.check(HPDF_SetCurrentEncoder(m.doc, "UTF-8"), "SetCurrentEncoder");
    m.font_file = std::make_unique<MemFile>(font_bytes);
    const char* name = m.need(HPDF_LoadTTFontFromFile(m.doc, m.font_file->path().c_str(), HPDF_TRUE), "LoadTTFontFromFile");
    m.font = m.need(HPDF_GetFont(m.doc, name, "UTF-8"), "GetFont");

    HPDF_Date d{};
    d.year = meta.date.year;
    d.month = meta.date.month;
    d.day = meta.date.day;
    d.ind = 'Z';
    m.check(HPDF_SetInfoDateAttr(m.doc, HPDF_INFO_CREATION_DATE, d), "SetInfoDateAttr");
    m.check(HPDF_SetInfoDateAttr(m.doc, HPDF_INFO_MOD_DATE, d), "SetInfoDateAttr");
    if (!meta.title.empty()) m.check(HPDF_SetInfoAttr(m.doc, HPDF_INFO_TITLE, meta.title.c_str()), "SetInfoAttr");
    m.check(HPDF_SetInfoAttr(m.doc, HPDF_INFO_CREATOR, meta.creator.c_str()), "SetInfoAttr");
}

PdfWriter::~PdfWriter() = default;

void PdfWriter::add_page(const PageOps& page) {
    Impl& m = *impl_;
    if (m.finished) throw std::logic_error("PDF writer: document already finished");
    HPDF_Page p = m.need(HPDF_AddPage(m.doc), "AddPage");
    m.check(HPDF_Page_SetWidth(p, static_cast<HPDF_REAL>(page.width)), "SetWidth");
    m.check(HPDF_Page_SetHeight(p, static_cast<HPDF_REAL>(page.height)), "SetHeight");
    m.page_h = page.height;
    for (const auto& op : page.ops) m.draw(p, op);
}

std::string PdfWriter::finish() {
    Impl& m = *impl_;
    if (m.finished) throw std::logic_error("PDF writer: document already finished");
    m.finished = true;
    m.check(HPDF_SaveToStream(m.doc), "SaveToStream");
    HPDF_UINT32 size = HPDF_GetStreamSize(m.doc);
    std::string out(size, '\0');
    HPDF_UINT32 got = size;
    HPDF_STATUS st = HPDF_ReadFromStream(m.doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &got);
    // Reading exactly to the end may report HPDF_STREAM_EOF: that is success.
    if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != size) m.fail("ReadFromStream");
    return fix_to_unicode(std::move(out));
}

}  // namespace sheetgen::layout
