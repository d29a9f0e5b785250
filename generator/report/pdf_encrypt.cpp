#include "report/pdf_encrypt.hpp"

#include "common/error.hpp"

#define POINTERHOLDER_TRANSITION 4  // use std::shared_ptr, no deprecated PointerHolder
#include <cstdlib>
#include <fstream>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>
#include <sstream>
#include <stdexcept>

#include "common/utf8.hpp"

namespace sheetgen {

std::string encrypt_pdf(std::string_view pdf, const PdfProtection& protection) {
    if (protection.user_password.empty()) throw std::runtime_error("PDF encryption needs a non-empty password");
    // The owner password must differ from the user password, or anyone who can
    // open the file could also lift the restrictions.
    std::string owner = protection.owner_password;
    if (owner.empty() || owner == protection.user_password) {
        // Derived, and within the 127-byte limit like the user password.
        owner = protection.user_password.substr(0, kMaxPdfPasswordBytes - 6) + "#owner";
        if (owner == protection.user_password) owner = protection.user_password.substr(0, kMaxPdfPasswordBytes - 6) + "%owner";
    }
    try {
        QPDF in;
        in.setSuppressWarnings(true);
        in.processMemoryFile("sheet.pdf", pdf.data(), pdf.size());
        QPDFWriter w(in);
        w.setOutputMemory();
        w.setR6EncryptionParameters(protection.user_password.c_str(), owner.c_str(),
                                    /*allow_accessibility=*/true,
                                    /*allow_extract=*/protection.allow_copy,
                                    /*allow_assemble=*/false,
                                    /*allow_annotate_and_form=*/false,
                                    /*allow_form_filling=*/false,
                                    /*allow_modify_other=*/false,
                                    protection.allow_print ? qpdf_r3p_full : qpdf_r3p_none,
                                    /*encrypt_metadata_aes=*/true);
        w.write();
        auto buf = w.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
    } catch (const std::exception& e) {
        throw RenderError(std::string("PDF encryption failed (libqpdf): ") + e.what());
    }
}

namespace {
std::string first_line(std::string text) {
    auto nl = text.find('\n');
    if (nl != std::string::npos) text.resize(nl);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}

// Characters SASLprep (RFC 4013, required by PDF 2.0 for AES-256 passwords)
// would map, remove or normalise (NFKC): a reader that applies it would
// compute another key than libqpdf, which does not, so the file could not be
// opened. Refused rather than silently transformed.
bool saslprep_sensitive(char32_t c) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F)) return true;             // control characters
    if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || c == 0x202F || c == 0x205F || c == 0x3000)
        return true;                                                                   // non-ASCII spaces, zero-width
    if (c == 0xAD || c == 0x34F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || c == 0x2060 || c == 0xFEFF ||
        (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF))
        return true;                                                                   // mapped to nothing
    if ((c >= 0x300 && c <= 0x36F) || c == 0x3099 || c == 0x309A) return true;       // combining marks
    if ((c >= 0xFF00 && c <= 0xFFEF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F) ||
        (c >= 0x3200 && c <= 0x33FF) || (c >= 0x2150 && c <= 0x218F) || (c >= 0x2460 && c <= 0x24FF) ||
        (c >= 0xFB00 && c <= 0xFB4F))
        return true;                                                                   // NFKC compatibility forms
    if ((c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000) return true;                   // private use
    return false;
}
}  // namespace

std::string check_pdf_password(std::string pw, const std::string& source) {
    if (pw.size() >= 3 && pw.compare(0, 3, "\xEF\xBB\xBF") == 0) pw.erase(0, 3);  // a BOM is not part of it
    if (pw.empty()) throw std::runtime_error(source + " is empty");
    if (pw.find('\0') != std::string::npos)
        throw std::runtime_error(source + " contains a NUL byte: the password would be cut there; remove it");
    if (find_invalid_utf8(pw))
        throw std::runtime_error(source + " is not UTF-8 text (Shift_JIS?): save the password as UTF-8");
    const auto cps = decode_utf8(pw);
    for (size_t i = 0; i < cps.size(); ++i)
        if (saslprep_sensitive(cps[i]))
            throw std::runtime_error(
                source + ": character " + std::to_string(i + 1) +
                " of the password is a control character, a special space, a combining mark or a full-width / "
                "half-width / compatibility form that PDF 2.0 readers normalise (SASLprep), so the file might not "
                "open with the password as typed; use ASCII or ordinary kana and kanji");
    if (pw.size() > kMaxPdfPasswordBytes)
        throw std::runtime_error(source + ": the password is " + std::to_string(pw.size()) +
                                 " bytes in UTF-8; PDF 2.0 (AES-256) uses at most " +
                                 std::to_string(kMaxPdfPasswordBytes) +
                                 " bytes (a Japanese character takes 3: at most 42 of them), so readers would not "
                                 "accept it; choose a shorter password");
    return pw;
}

std::string read_password_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read password file " + path);
    // Bounded read: a wrong path (/dev/zero, a disk image) must not eat memory.
    constexpr size_t kMaxPasswordFile = 4096;
    std::string text(kMaxPasswordFile + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxPasswordFile && text.find('\n') == std::string::npos)
        throw std::runtime_error("password file " + path + " has no line break in its first 4 KiB");
    return check_pdf_password(first_line(text), "password file " + path);
}

std::string read_password_env(const std::string& variable) {
    const char* v = std::getenv(variable.c_str());
    if (!v || !*v) throw std::runtime_error("environment variable " + variable + " is not set or empty");
    return check_pdf_password(first_line(v), "environment variable " + variable);
}

}  // namespace sheetgen
