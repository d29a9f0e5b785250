// fix_to_unicode: replaces libharu's invalid CID-style /ToUnicode CMap with an
// identity map and shifts the xref, or leaves a PDF it does not understand alone.
#include <catch2/catch.hpp>

#include <zlib.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "layout/to_unicode.hpp"

using namespace sheetgen::layout;

namespace {

// A small classic-xref PDF: object 3 is the CMap libharu writes, object 4
// comes after it so its offset must move.
std::string make_pdf(const std::string& cmap_dict = "<< /Type /CMap /Length 20 >>",
                     const std::string& font_ref = "/ToUnicode 3 0 R") {
    std::vector<std::string> objs = {
        "<< /Type /Catalog /Pages 5 0 R >>",
        "<< /Type /Font /Subtype /Type0 " + font_ref + " >>",
        cmap_dict + "\nstream\r\n1 begincidrange\r\nend\r\nendstream",
        "<< /Producer (test) >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objs.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    const size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f\r\n";
    for (size_t off : offsets) {
        char entry[32];
        std::snprintf(entry, sizeof entry, "%010zu 00000 n\r\n", off);
        pdf += entry;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

// Object number -> offset from the xref table, checked against the layout.
std::map<int, size_t> xref_offsets(const std::string& pdf) {
    std::map<int, size_t> out;
    const size_t sx = pdf.rfind("startxref\n");
    REQUIRE(sx != std::string::npos);
    const size_t xref = std::stoul(pdf.substr(sx + 10));
    REQUIRE(pdf.compare(xref, 5, "xref\n") == 0);
    size_t p = pdf.find('\n', xref + 5) + 1;  // after "0 N"
    for (int obj = 0; pdf.compare(p, 7, "trailer") != 0; ++obj, p += 20) {
        REQUIRE(pdf.compare(p + 18, 2, "\r\n") == 0);
        if (pdf[p + 17] == 'n') out[obj] = std::stoul(pdf.substr(p, 10));
    }
    return out;
}

std::string inflate(const std::string& data) {
    std::string out(1 << 20, '\0');
    uLongf len = out.size();
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &len, reinterpret_cast<const Bytef*>(data.data()),
                       data.size()) == Z_OK);
    out.resize(len);
    return out;
}

}  // namespace

TEST_CASE("fix_to_unicode replaces the CMap with an identity map and keeps the xref right", "[render][pdf]") {
    const std::string before = make_pdf();
    const std::string after = fix_to_unicode(before);
    REQUIRE(after != before);
    // Every object is where the xref says, and startxref finds the table (xref_offsets REQUIREs it).
    const auto offsets = xref_offsets(after);
    REQUIRE(offsets.size() == 5);
    for (const auto& [obj, off] : offsets) {
        INFO(obj);
        CHECK(after.compare(off, std::to_string(obj).size() + 6, std::to_string(obj) + " 0 obj") == 0);
    }
    // Objects before the CMap did not move.
    CHECK(offsets.at(1) == xref_offsets(before).at(1));
    CHECK(offsets.at(3) == xref_offsets(before).at(3));
    // Object 3 is now a Flate stream holding an identity bfrange map without surrogates.
    const size_t o3 = offsets.at(3);
    const std::string head = after.substr(o3, after.find("stream\r\n", o3) - o3);
    CHECK(head.find("/Filter /FlateDecode") != std::string::npos);
    CHECK(head.find("/Type /CMap") == std::string::npos);
    const size_t len = std::stoul(head.substr(head.find("/Length ") + 8));
    const size_t data = after.find("stream\r\n", o3) + 8;
    CHECK(after.compare(data + len, 11, "\r\nendstream") == 0);
    const std::string cmap = inflate(after.substr(data, len));
    CHECK(cmap.find("beginbfrange") != std::string::npos);
    CHECK(cmap.find("begincidrange") == std::string::npos);
    CHECK(cmap.find("<3000> <30FF> <3000>") != std::string::npos);  // hiragana / katakana
    CHECK(cmap.find("<4E00> <4EFF> <4E00>") != std::string::npos);  // kanji
    CHECK(cmap.find("<D800>") == std::string::npos);                // no surrogates
    // Applying it again changes nothing: the object is no longer a /Type /CMap.
    CHECK(fix_to_unicode(after) == after);
}

TEST_CASE("fix_to_unicode leaves a PDF it does not understand unchanged", "[render][pdf]") {
    SECTION("no /ToUnicode at all") {
        const std::string pdf = make_pdf("<< /Type /CMap /Length 20 >>", "/Encoding /Identity-H");
        CHECK(fix_to_unicode(pdf) == pdf);
    }
    SECTION("the referenced object is not a CMap") {
        const std::string pdf = make_pdf("<< /Length 20 >>");
        CHECK(fix_to_unicode(pdf) == pdf);
    }
    SECTION("the referenced object does not exist") {
        const std::string pdf = make_pdf("<< /Type /CMap /Length 20 >>", "/ToUnicode 9 0 R");
        CHECK(fix_to_unicode(pdf) == pdf);
    }
    SECTION("a malformed reference") {
        const std::string pdf = make_pdf("<< /Type /CMap /Length 20 >>", "/ToUnicode 0 0 R");
        CHECK(fix_to_unicode(pdf) == pdf);
    }
    SECTION("no classic xref table (e.g. an xref stream)") {
        std::string pdf = make_pdf();
        pdf.replace(pdf.rfind("\nxref\n"), 6, "\nXREF\n");
        CHECK(fix_to_unicode(pdf) == pdf);
    }
    SECTION("an xref table that claims more entries than it holds") {
        std::string pdf = make_pdf();
        const size_t p = pdf.rfind("\nxref\n0 6\n");
        REQUIRE(p != std::string::npos);
        pdf.replace(p, 10, "\nxref\n0 60\n");
        CHECK(fix_to_unicode(pdf) == pdf);
    }
    SECTION("empty and truncated input") {
        CHECK(fix_to_unicode("").empty());
        const std::string pdf = make_pdf();
        const std::string cut = pdf.substr(0, pdf.find("3 0 obj") + 20);
        CHECK(fix_to_unicode(cut) == cut);
    }
}
