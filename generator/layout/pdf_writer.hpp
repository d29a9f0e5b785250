#pragma once
// The only code that touches libharu. One PdfWriter = one HPDF_Doc (not
// shared between threads). libharu's error handler only records the error;
// every call is checked and a failure becomes an OutputError.
#include <memory>
#include <string>

#include "common/date.hpp"
#include "layout/draw_ops.hpp"

namespace sheetgen::layout {

struct PdfMeta {
    Date date;            // CreationDate / ModDate (never the clock: output is reproducible)
    std::string title;    // document title (no personal data)
    std::string creator = "sheetgen";
};

class PdfWriter {
public:
    // `font_bytes`: a TrueType font (normally a subset) handed to libharu
    // through an anonymous in-memory file, so nothing touches the disk.
    PdfWriter(const std::string& font_bytes, const PdfMeta& meta);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    void add_page(const PageOps& page);
    // Serialises the document; the writer is spent afterwards.
    std::string finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sheetgen::layout
