#pragma once
// AES-256 (PDF 2.0 / R6) encryption of a finished PDF for sheets handed out of
// the office. libharu 2.3 only offers RC4, which is broken, so the finished
// document is re-written through libqpdf instead.
#include <string>
#include <string_view>

namespace sheetgen {

// PDF 2.0 (ISO 32000-2, 7.6.4.3.3): an AES-256 password is UTF-8, at most 127 bytes.
inline constexpr size_t kMaxPdfPasswordBytes = 127;

// Strips a UTF-8 byte-order mark and returns the password, or throws
// std::runtime_error (naming `source`, never repeating the password) when it
// is empty, has a NUL byte, is not UTF-8, is longer than 127 bytes, or holds
// a character SASLprep would change (controls, special spaces, combining
// marks, full-width / half-width / compatibility forms).
std::string check_pdf_password(std::string password, const std::string& source);

struct PdfProtection {
    std::string user_password;   // needed to open the document
    std::string owner_password;  // needed to change permissions; defaults to a derived value when empty
    bool allow_print = true;
    bool allow_copy = false;     // text extraction for anything but accessibility
};

// Returns the encrypted PDF. Throws std::runtime_error when the input is not a
// PDF qpdf can read or the password is empty.
std::string encrypt_pdf(std::string_view pdf, const PdfProtection& protection);

// Reads a password from a file (first line, trailing newline and CR removed)
// or from an environment variable — never from the command line, where other
// users can see it in the process list. Throws std::runtime_error.
// The password is checked against PDF 2.0's rules (check_pdf_password).
std::string read_password_file(const std::string& path);
std::string read_password_env(const std::string& variable);

}  // namespace sheetgen
