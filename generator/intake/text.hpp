#pragma once
// Text as offices type it: full-width digits and letters, odd hyphens,
// ideographic spaces. Everything here works on UTF-8 strings.
#include <string>
#include <string_view>

namespace sheetgen::intake {

// Leading and trailing ASCII whitespace and U+3000 removed; inner spaces kept
// (names keep the full-width space between family and given name).
std::string trim(std::string_view s);

// Full-width ASCII (U+FF01..U+FF5E) to ASCII, U+3000 to ' ', and every
// hyphen-like character (－ ‐ ‑ – — ― − ｰ, and ー after a digit) to '-'.
std::string to_half_width(std::string_view s);

// A kanji numeral for 1..99 (四, 十二, 二十): how 位置参照情報 writes 丁目.
std::string kanji_number(int n);
// The value of a kanji numeral (一..九十九, also 〇 digits such as 二〇); -1 if not one.
int parse_kanji_number(std::u32string_view s);

}  // namespace sheetgen::intake
