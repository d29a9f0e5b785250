#include "common/utf8.hpp"

namespace sheetgen {

namespace {
// Returns the sequence length at i, or 0 if the bytes there are not valid UTF-8.
size_t valid_sequence(std::string_view s, size_t i, char32_t* out) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    if (c < 0x80) {
        *out = c;
        return 1;
    }
    size_t len;
    char32_t cp;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    *out = cp;
    return len;
}
}  // namespace

std::optional<Utf8Error> find_invalid_utf8(std::string_view s) {
    int line = 1, col = 1;
    for (size_t i = 0; i < s.size();) {
        char32_t cp;
        size_t n = valid_sequence(s, i, &cp);
        if (n == 0) return Utf8Error{i, line, col};
        if (cp == '\n') {
            ++line;
            col = 1;
        } else {
            col += static_cast<int>(n);
        }
        i += n;
    }
    return std::nullopt;
}

std::vector<char32_t> decode_utf8(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        char32_t cp;
        size_t n = valid_sequence(s, i, &cp);
        if (n == 0) {
            out.push_back(0xFFFD);
            ++i;
        } else {
            out.push_back(cp);
            i += n;
        }
    }
    return out;
}

std::string encode_utf8(char32_t cp) {
    std::string r;
    if (cp < 0x80) {
        r += static_cast<char>(cp);
    } else if (cp < 0x800) {
        r += static_cast<char>(0xC0 | (cp >> 6));
        r += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        r += static_cast<char>(0xE0 | (cp >> 12));
        r += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        r += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        r += static_cast<char>(0xF0 | (cp >> 18));
        r += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        r += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        r += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return r;
}

std::string guess_encoding(std::string_view s) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    if (s.size() >= 2 && ((b(0) == 0xFF && b(1) == 0xFE) || (b(0) == 0xFE && b(1) == 0xFF)))
        return "UTF-16 (byte-order mark)";
    // UTF-16 without BOM: many NUL bytes in alternating positions.
    size_t nul = 0;
    for (size_t i = 0; i < s.size() && i < 4096; ++i) nul += s[i] == '\0';
    if (nul > 0 && nul * 4 >= std::min<size_t>(s.size(), 4096)) return "UTF-16";
    if (nul > 0) return "binary data (NUL bytes)";
    // Shift_JIS: lead bytes 0x81-0x9F/0xE0-0xFC followed by 0x40-0xFC (not 0x7F).
    size_t pairs = 0, bad = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = b(i);
        if (c < 0x80 || (c >= 0xA1 && c <= 0xDF)) continue;  // ASCII or half-width kana
        if (((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC)) && i + 1 < s.size()) {
            unsigned char t = b(i + 1);
            if (t >= 0x40 && t <= 0xFC && t != 0x7F) {
                ++pairs;
                ++i;
                continue;
            }
        }
        ++bad;
    }
    if (pairs > 0 && bad == 0) return "Shift_JIS";
    return "unknown";
}

}  // namespace sheetgen
