#pragma once
// Japanese addresses as ledgers write them, reduced to what a gazetteer
// holds: the city, the town (大字・町丁目 without its 丁目), the 丁目 number
// and the block (街区) number.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sheetgen::intake {

// Spelling variants folded before any comparison: full-width → half-width,
// hyphens → '-', spaces removed, ヶ/ケ/が/ガ/ｹ → ケ, の/之 → ノ, 大字/字 dropped.
std::string fold_place_name(std::string_view s);

// A gazetteer name split into its town and 丁目: 関戸四丁目 → {関戸, 4}, 和田 → {和田, 0}.
struct TownName {
    std::string base;  // folded
    int chome = 0;     // 0: the town has no 丁目 in this name
};
TownName split_town_name(std::string_view gazetteer_name);

// The address with prefecture and city removed (both folded). `known_cities`
// (folded) are tried first; otherwise the city is the text up to the first
// 市 or 区 (郡…町/村 too).
struct AddressParts {
    std::string city;  // folded, "" when the address names none
    std::string rest;  // folded, starts with the town
};
AddressParts split_address(std::string_view address, const std::vector<std::string>& known_cities);

// After the town's base name: 丁目 and block, read from "四丁目10番2号",
// "4丁目10-2", "4-10-2", "10番地" ... `chome` is set only when written as
// 丁目 or as the first of two or more dash-separated numbers; `number` is the
// first number (番地 / 街区 candidate) when no 丁目 was written.
struct AfterTown {
    std::optional<int> chome;      // 丁目 written explicitly (N丁目)
    std::optional<int> dash_first; // first number of "N-M..." (丁目 when the town has 丁目)
    std::optional<int> block_if_chome;  // the next number when dash_first is the 丁目, or after N丁目
    std::optional<int> number;     // the first number when it is not a 丁目
};
AfterTown parse_after_town(std::string_view rest_after_base);

}  // namespace sheetgen::intake
