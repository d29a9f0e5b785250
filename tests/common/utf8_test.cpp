#include <catch2/catch.hpp>

#include "common/utf8.hpp"

using namespace sheetgen;

TEST_CASE("UTF-8 validation finds the first bad byte with line and column", "[common][utf8]") {
    CHECK_FALSE(find_invalid_utf8("名前: 山田\n"));
    std::string sjis = "id: a\nname: \x8e\x52\x93\x63\n";  // 山田 in Shift_JIS
    auto e = find_invalid_utf8(sjis);
    REQUIRE(e);
    CHECK(e->line == 2);
    CHECK(e->column == 7);
    CHECK(guess_encoding(sjis) == "Shift_JIS");
    CHECK(guess_encoding(std::string("\xFF\xFEi\0d\0", 6)) == "UTF-16 (byte-order mark)");
    CHECK(find_invalid_utf8("\xED\xA0\x80"));  // surrogate
    CHECK(find_invalid_utf8("\xC0\xAF"));      // overlong
    auto cps = decode_utf8("a𠮷");
    REQUIRE(cps.size() == 2);
    CHECK(cps[1] == 0x20BB7);
    CHECK(encode_utf8(0x20BB7) == "𠮷");
}
