#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "report/pdf_bundle.hpp"
#include "report/pdf_encrypt.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {
// A minimal, correct one-page PDF with a line of Latin text, built by hand so
// these tests do not depend on the renderer.
std::string tiny_pdf(const std::string& text) {
    std::vector<std::string> objs = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    std::string stream = "BT /F1 12 Tf 72 720 Td (" + text + ") Tj ET";
    objs.push_back("<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream");
    std::string pdf = "%PDF-1.4\n";
    std::vector<size_t> offsets;
    for (size_t i = 0; i < objs.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objs[i] + "\nendobj\n";
    }
    size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
    for (size_t off : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

int sh(const std::string& cmd) { return std::system(cmd.c_str()); }
}  // namespace

TEST_CASE("Bundles keep every page of every part, in order, deterministically", "[report][pdf]") {
    std::vector<std::string> parts = {tiny_pdf("first"), tiny_pdf("second"), tiny_pdf("third")};
    BundleResult b = bundle_pdfs(parts);
    CHECK(b.page_count == 3);
    CHECK(pdf_page_count(b.pdf) == 3);
    CHECK(bundle_pdfs(parts).pdf == b.pdf);  // same input, same bytes

    TempDir dir;
    write_file(dir.file("b.pdf"), b.pdf);
    REQUIRE(sh("qpdf --check '" + dir.file("b.pdf") + "' >/dev/null 2>&1") == 0);
    REQUIRE(sh("pdftotext '" + dir.file("b.pdf") + "' '" + dir.file("b.txt") + "'") == 0);
    std::string text = read_file(dir.file("b.txt"));
    auto p1 = text.find("first"), p2 = text.find("second"), p3 = text.find("third");
    REQUIRE(p1 != std::string::npos);
    REQUIRE(p2 != std::string::npos);
    REQUIRE(p3 != std::string::npos);
    CHECK(p1 < p2);
    CHECK(p2 < p3);
    CHECK_THROWS(bundle_pdfs({"not a pdf"}));
}

TEST_CASE("Encrypted PDFs are AES-256 and open only with the password", "[report][pdf][privacy]") {
    TempDir dir;
    std::string enc = encrypt_pdf(tiny_pdf("secret-sheet"), PdfProtection{"s3cret-pw", "", true, false});
    write_file(dir.file("e.pdf"), enc);
    CHECK(enc.find("secret-sheet") == std::string::npos);  // the text is not in the clear
    // Without the password poppler refuses; with it the text comes back.
    CHECK(sh("pdftotext '" + dir.file("e.pdf") + "' - >/dev/null 2>&1") != 0);
    CHECK(sh("pdftotext -upw wrong '" + dir.file("e.pdf") + "' - >/dev/null 2>&1") != 0);
    REQUIRE(sh("pdftotext -upw s3cret-pw '" + dir.file("e.pdf") + "' '" + dir.file("e.txt") + "'") == 0);
    CHECK(read_file(dir.file("e.txt")).find("secret-sheet") != std::string::npos);
    REQUIRE(sh("qpdf --password=s3cret-pw --show-encryption '" + dir.file("e.pdf") + "' > '" + dir.file("info") +
               "' 2>&1") == 0);
    std::string info = read_file(dir.file("info"));
    CHECK(info.find("AESv3") != std::string::npos);  // qpdf's name for AES-256 (R6)
    CHECK(sh("qpdf --password=s3cret-pw --check '" + dir.file("e.pdf") + "' >/dev/null 2>&1") == 0);
    CHECK_THROWS(encrypt_pdf(tiny_pdf("x"), PdfProtection{"", "", true, false}));
}

TEST_CASE("Passwords come from a file or the environment, never empty", "[report][privacy]") {
    TempDir dir;
    write_file(dir.file("pw"), "horse-battery\r\nignored second line\n");
    CHECK(read_password_file(dir.file("pw")) == "horse-battery");
    write_file(dir.file("empty"), "\n");
    CHECK_THROWS(read_password_file(dir.file("empty")));
    CHECK_THROWS(read_password_file(dir.file("missing")));
    ::setenv("SHEETGEN_TEST_PW", "from-env", 1);
    CHECK(read_password_env("SHEETGEN_TEST_PW") == "from-env");
    ::unsetenv("SHEETGEN_TEST_PW");
    CHECK_THROWS(read_password_env("SHEETGEN_TEST_PW"));
}
