#include "intake/text.hpp"

#include "common/utf8.hpp"

namespace sheetgen::intake {

namespace {
bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000; }
bool is_hyphen(char32_t c) {
    return c == 0xFF0D || c == 0x2010 || c == 0x2011 || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015 ||
           c == 0x2212 || c == 0xFF70 || c == 0x30FC;
}
}  // namespace

std::string trim(std::string_view s) {
    auto cps = decode_utf8(s);
    size_t b = 0, e = cps.size();
    while (b < e && is_space(cps[b])) ++b;
    while (e > b && is_space(cps[e - 1])) --e;
    std::string out;
    for (size_t i = b; i < e; ++i) out += encode_utf8(cps[i]);
    return out;
}

std::string to_half_width(std::string_view s) {
    auto cps = decode_utf8(s);
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        char32_t c = cps[i];
        if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;
        else if (c == 0x3000) c = U' ';
        if (c == 0x30FC) {
            // The long-vowel mark is a hyphen only between digits (関戸4ー10); in
            // katakana (サンライズ) it stays.
            bool after_digit = !out.empty() && out.back() >= '0' && out.back() <= '9';
            if (after_digit) c = U'-';
        } else if (is_hyphen(c)) {
            c = U'-';
        }
        out += encode_utf8(c);
    }
    return out;
}

std::string kanji_number(int n) {
    static const char* const kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n <= 0 || n > 99) return std::to_string(n);
    std::string s;
    int tens = n / 10, ones = n % 10;
    if (tens > 1) s += kDigits[tens];
    if (tens > 0) s += "十";
    s += kDigits[ones];
    return s;
}

int parse_kanji_number(std::u32string_view s) {
    auto digit = [](char32_t c) -> int {
        switch (c) {
            case U'〇': return 0;
            case U'一': return 1;
            case U'二': return 2;
            case U'三': return 3;
            case U'四': return 4;
            case U'五': return 5;
            case U'六': return 6;
            case U'七': return 7;
            case U'八': return 8;
            case U'九': return 9;
            default: return -1;
        }
    };
    if (s.empty()) return -1;
    int value = 0, current = 0;
    bool any = false;
    for (char32_t c : s) {
        if (c == U'十') {
            value += (current == 0 ? 1 : current) * 10;
            current = 0;
            any = true;
        } else {
            int d = digit(c);
            if (d < 0) return -1;
            current = current * 10 + d;  // 二〇 reads as 20
            any = true;
        }
    }
    return any ? value + current : -1;
}

}  // namespace sheetgen::intake
