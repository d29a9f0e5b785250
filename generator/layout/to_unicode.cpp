#include "layout/to_unicode.hpp"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace sheetgen::layout {

namespace {

// A ToUnicode CMap mapping every BMP code (except surrogates) to itself,
// Flate-compressed once (deterministic: zlib at a fixed level).
const std::string& identity_to_unicode_stream() {
    static const std::string compressed = [] {
        std::string cmap =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
        std::vector<int> highs;
        for (int hi = 0; hi < 256; ++hi)
            if (hi < 0xD8 || hi > 0xDF) highs.push_back(hi);
        // A bfrange may only vary in its last byte, and a block holds at most 100.
        for (size_t i = 0; i < highs.size(); i += 100) {
            size_t n = std::min<size_t>(100, highs.size() - i);
            cmap += std::to_string(n) + " beginbfrange\n";
            for (size_t k = i; k < i + n; ++k) {
                char buf[40];
                std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", highs[k], highs[k], highs[k]);
                cmap += buf;
            }
            cmap += "endbfrange\n";
        }
        cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        uLongf len = compressBound(cmap.size());
        std::string out(len, '\0');
        if (compress2(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(cmap.data()), cmap.size(), 9) != Z_OK)
            return std::string();
        out.resize(len);
        return out;
    }();
    return compressed;
}

}  // namespace

std::string fix_to_unicode(std::string pdf) {
    const std::string& data = identity_to_unicode_stream();
    if (data.empty()) return pdf;
    size_t ref = pdf.find("/ToUnicode ");
    if (ref == std::string::npos) return pdf;
    char* end_num = nullptr;
    long obj = std::strtol(pdf.c_str() + ref + 11, &end_num, 10);
    if (obj <= 0 || std::strncmp(end_num, " 0 R", 4) != 0) return pdf;
    std::string head = "\n" + std::to_string(obj) + " 0 obj\n";
    size_t start = pdf.find(head);
    if (start == std::string::npos) return pdf;
    start += 1;
    size_t stop = pdf.find("endobj\n", start);
    if (stop == std::string::npos) return pdf;
    stop += 7;
    if (pdf.substr(start, stop - start).find("/Type /CMap") == std::string::npos) return pdf;
    std::string repl = std::to_string(obj) + " 0 obj\n<<\n/Length " + std::to_string(data.size()) +
                       "\n/Filter /FlateDecode\n>>\nstream\r\n" + data + "\r\nendstream\nendobj\n";
    long delta = static_cast<long>(repl.size()) - static_cast<long>(stop - start);

    size_t xref = pdf.rfind("\nxref\n");
    size_t sx = pdf.rfind("startxref\n");
    if (xref == std::string::npos || sx == std::string::npos || xref < stop) return pdf;
    size_t p = xref + 6;
    char* after = nullptr;
    long first = std::strtol(pdf.c_str() + p, &after, 10);
    long count = std::strtol(after, &after, 10);
    if (first != 0 || count <= 0 || *after != '\n') return pdf;
    p = static_cast<size_t>(after - pdf.c_str()) + 1;
    if (p + 20 * static_cast<size_t>(count) > sx) return pdf;
    for (long i = 0; i < count; ++i, p += 20) {
        if (pdf[p + 17] != 'n') continue;  // free entry
        long off = std::strtol(pdf.c_str() + p, nullptr, 10);
        if (off > static_cast<long>(start)) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "%010ld", off + delta);
            pdf.replace(p, 10, buf);
        }
    }
    long sx_val = std::strtol(pdf.c_str() + sx + 10, nullptr, 10);
    size_t sx_end = pdf.find('\n', sx + 10);
    if (sx_end == std::string::npos) return pdf;
    pdf.replace(sx + 10, sx_end - (sx + 10), std::to_string(sx_val + delta));
    pdf.replace(start, stop - start, repl);
    return pdf;
}

}  // namespace sheetgen::layout
