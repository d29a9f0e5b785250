#pragma once
// AES-256 (PDF 2.0 / R6) encryption of a finished PDF for sheets handed out of
// the office. libharu 2.3 only offers RC4, which is broken, so the finished
// document is re-written through libqpdf instead.
#include <string>
#include <string_view>

namespace sheetgen {

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
std::string read_password_file(const std::string& path);
std::string read_password_env(const std::string& variable);

}  // namespace sheetgen
