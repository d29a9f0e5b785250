#include "report/pdf_encrypt.hpp"

#define POINTERHOLDER_TRANSITION 4  // use std::shared_ptr, no deprecated PointerHolder
#include <cstdlib>
#include <fstream>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>
#include <sstream>
#include <stdexcept>

namespace sheetgen {

std::string encrypt_pdf(std::string_view pdf, const PdfProtection& protection) {
    if (protection.user_password.empty()) throw std::runtime_error("PDF encryption needs a non-empty password");
    // The owner password must differ from the user password, or anyone who can
    // open the file could also lift the restrictions.
    std::string owner = protection.owner_password;
    if (owner.empty() || owner == protection.user_password) owner = protection.user_password + "#owner";
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
        throw std::runtime_error(std::string("PDF encryption failed: ") + e.what());
    }
}

namespace {
std::string first_line(std::string text) {
    auto nl = text.find('\n');
    if (nl != std::string::npos) text.resize(nl);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    return text;
}
}  // namespace

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
    std::string pw = first_line(text);
    if (pw.empty()) throw std::runtime_error("password file " + path + " is empty");
    return pw;
}

std::string read_password_env(const std::string& variable) {
    const char* v = std::getenv(variable.c_str());
    if (!v || !*v) throw std::runtime_error("environment variable " + variable + " is not set or empty");
    return first_line(v);
}

}  // namespace sheetgen
