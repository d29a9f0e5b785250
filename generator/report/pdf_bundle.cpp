#include "report/pdf_bundle.hpp"

#define POINTERHOLDER_TRANSITION 4  // use std::shared_ptr, no deprecated PointerHolder
#include <memory>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <stdexcept>

namespace sheetgen {

BundleResult bundle_pdfs(const std::vector<std::string>& parts) {
    try {
        QPDF out;
        out.emptyPDF();
        QPDFPageDocumentHelper out_pages(out);
        // Sources must outlive the write: pages are copied lazily from them.
        std::vector<std::unique_ptr<QPDF>> sources;
        int pages = 0;
        for (size_t i = 0; i < parts.size(); ++i) {
            auto in = std::make_unique<QPDF>();
            in->setSuppressWarnings(true);
            std::string name = "part-" + std::to_string(i) + ".pdf";
            in->processMemoryFile(name.c_str(), parts[i].data(), parts[i].size());
            for (auto& page : QPDFPageDocumentHelper(*in).getAllPages()) {
                out_pages.addPage(page, false);
                ++pages;
            }
            sources.push_back(std::move(in));
        }
        QPDFWriter w(out);
        w.setOutputMemory();
        w.setDeterministicID(true);
        w.write();
        auto buf = w.getBufferSharedPointer();
        return BundleResult{std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize()), pages};
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("cannot build the bundle PDF: ") + e.what());
    }
}

int pdf_page_count(const std::string& pdf) {
    try {
        QPDF in;
        in.setSuppressWarnings(true);
        in.processMemoryFile("part.pdf", pdf.data(), pdf.size());
        return static_cast<int>(QPDFPageDocumentHelper(in).getAllPages().size());
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("cannot read PDF: ") + e.what());
    }
}

}  // namespace sheetgen
