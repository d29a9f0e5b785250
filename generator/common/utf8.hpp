#pragma once
// UTF-8 checks and decoding: Japanese offices still save Shift_JIS files, and
// libharu 2.3.0 cannot draw code points above U+FFFF.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sheetgen {

struct Utf8Error {
    size_t offset = 0;  // byte offset of the first bad byte
    int line = 1;       // 1-based
    int column = 1;     // 1-based, in bytes
};

// nullopt when the text is valid UTF-8 (overlongs and surrogates rejected).
std::optional<Utf8Error> find_invalid_utf8(std::string_view text);

// Decodes valid UTF-8 into code points (invalid bytes become U+FFFD).
std::vector<char32_t> decode_utf8(std::string_view text);
std::string encode_utf8(char32_t cp);

// A guess at the encoding of text that is not UTF-8, for the error message:
// "UTF-16 (byte-order mark)", "Shift_JIS", or "unknown".
std::string guess_encoding(std::string_view text);

}  // namespace sheetgen
