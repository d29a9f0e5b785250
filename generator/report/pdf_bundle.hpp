#pragma once
// Joins finished PDFs into one printing bundle, page for page, so each sheet
// is rendered once and the bundle's page count is exactly the sum of its parts.
#include <string>
#include <vector>

namespace sheetgen {

struct BundleResult {
    std::string pdf;
    int page_count = 0;
};

// Deterministic output (/ID derived from content). Throws std::runtime_error
// when a part cannot be read.
BundleResult bundle_pdfs(const std::vector<std::string>& parts);

// Pages of a PDF held in memory (throws std::runtime_error if unreadable).
int pdf_page_count(const std::string& pdf);

}  // namespace sheetgen
