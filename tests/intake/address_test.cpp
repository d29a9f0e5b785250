#include <catch2/catch.hpp>

#include "intake/address.hpp"
#include "intake/text.hpp"

using namespace sheetgen::intake;

TEST_CASE("place names fold spelling variants", "[intake]") {
    CHECK(fold_place_name("桜ヶ丘") == fold_place_name("桜ケ丘"));
    CHECK(fold_place_name("桜が丘") == fold_place_name("桜ケ丘"));
    CHECK(fold_place_name("一の宮") == fold_place_name("一ノ宮"));
    CHECK(fold_place_name("関戸４－１０－２") == "関戸4-10-2");
    CHECK(fold_place_name("関戸4ー10‐2") == "関戸4-10-2");
    CHECK(to_half_width("サンライズ") == "サンライズ");  // the long-vowel mark stays in katakana
    CHECK(fold_place_name("大字和田") == "和田");
}

TEST_CASE("gazetteer names split into town and 丁目", "[intake]") {
    CHECK(split_town_name("関戸四丁目").base == "関戸");
    CHECK(split_town_name("関戸四丁目").chome == 4);
    CHECK(split_town_name("永山十二丁目").chome == 12);
    CHECK(split_town_name("和田").chome == 0);
    CHECK(split_town_name("一ノ宮二丁目").base == "一ノ宮");
    CHECK(kanji_number(4) == "四");
    CHECK(kanji_number(12) == "十二");
    CHECK(kanji_number(20) == "二十");
}

TEST_CASE("addresses lose prefecture and city", "[intake]") {
    auto p = split_address("東京都多摩市関戸4-10-2", {});
    CHECK(p.city == "多摩市");
    CHECK(p.rest == "関戸4-10-2");
    p = split_address("多摩市 関戸４丁目", {"多摩市"});
    CHECK(p.city == "多摩市");
    CHECK(p.rest == "関戸4丁目");
    p = split_address("関戸4-10-2", {});
    CHECK(p.city.empty());
    p = split_address("東京都八王子市堀之内100", {});
    CHECK(p.city == "八王子市");
}

TEST_CASE("what follows the town: 丁目, dashes, 番地", "[intake]") {
    auto a = parse_after_town("四丁目10番2号");
    CHECK(a.chome == std::optional<int>(4));
    CHECK(a.block_if_chome == std::optional<int>(10));
    a = parse_after_town("4丁目10-2");
    CHECK(a.chome == std::optional<int>(4));
    a = parse_after_town("4-10-2サンライズ関戸101");
    CHECK(!a.chome);
    CHECK(a.dash_first == std::optional<int>(4));
    CHECK(a.block_if_chome == std::optional<int>(10));
    a = parse_after_town("1234番地");
    CHECK(a.number == std::optional<int>(1234));
    CHECK(!a.dash_first);
}
