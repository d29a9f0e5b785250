#include <catch2/catch.hpp>

#include <cpl_conv.h>
#include <cpl_string.h>

#include "intake/ledger.hpp"
#include "test_support.hpp"

using namespace sheetgen;
using namespace sheetgen::intake;

namespace {
std::string to_cp932(const std::string& utf8) {
    char* s = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "CP932");
    std::string r = s;
    CPLFree(s);
    return r;
}
const std::string kCsv =
    "管理番号,氏名,電話番号,生年月日\r\n"
    "00123,山田　花子,042-000-0001,平成29年7月3日\r\n"
    ",,,\r\n"
    "0456,\"鈴木 一郎\",0120,2016/4/12\r\n";
}  // namespace

TEST_CASE("CSV ledgers: UTF-8, UTF-8 with BOM and Shift_JIS read the same, all text", "[intake]") {
    test::TempDir dir;
    test::write_file(dir.file("u.csv"), kCsv);
    test::write_file(dir.file("b.csv"), "\xEF\xBB\xBF" + kCsv);
    test::write_file(dir.file("s.csv"), to_cp932(kCsv));
    struct Case {
        const char* file;
        TextEncoding enc;
    } cases[] = {{"u.csv", TextEncoding::Utf8}, {"b.csv", TextEncoding::Utf8Bom}, {"s.csv", TextEncoding::Cp932}};
    for (const auto& c : cases) {
        INFO(c.file);
        Ledger l = read_ledger(dir.file(c.file));
        CHECK(l.format == "CSV");
        REQUIRE(l.encoding);
        CHECK(*l.encoding == c.enc);
        REQUIRE(l.headers.size() == 4);
        CHECK(l.headers[0] == "管理番号");
        REQUIRE(l.rows.size() == 2);
        CHECK(l.rows[0].row == 2);
        CHECK(l.rows[0].cells[0] == "00123");  // leading zeros kept
        CHECK(l.rows[0].cells[1] == "山田　花子");
        CHECK(l.rows[0].cells[2] == "042-000-0001");
        CHECK(l.rows[1].row == 4);  // the blank row 3 still counts, as Excel shows it
        CHECK(l.rows[1].cells[0] == "0456");
        CHECK(l.rows[1].cells[2] == "0120");
    }
}

TEST_CASE("a CSV in neither UTF-8 nor CP932 is refused with its file name", "[intake]") {
    test::TempDir dir;
    test::write_file(dir.file("x.csv"), std::string("id,name\r\n1,\xFF\xFE\xFF\r\n"));
    try {
        read_ledger(dir.file("x.csv"));
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.where().file == dir.file("x.csv"));
        CHECK(std::string(e.what()).find("Shift_JIS") != std::string::npos);
    }
}

TEST_CASE("XLSX ledgers: sheets chosen with --sheet, cells as text", "[intake]") {
    test::TempDir dir;
    test::write_file(dir.file("a.csv"), kCsv);
    std::string xlsx = dir.file("l.xlsx");
    int status = 0;
    test::capture("ogr2ogr -q -f XLSX " + xlsx + " " + dir.file("a.csv") + " -nln 名簿 2>&1", &status);
    REQUIRE(status == 0);
    test::capture("ogr2ogr -q -update -f XLSX " + xlsx + " " + dir.file("a.csv") + " -nln 予備 2>&1", &status);
    REQUIRE(status == 0);
    Ledger l = read_ledger(xlsx);
    CHECK(l.format == "XLSX");
    CHECK(l.sheets.size() == 2);
    CHECK(l.sheet == "名簿");
    Ledger second = read_ledger(xlsx, std::string("予備"));
    CHECK(second.sheet == "予備");
    REQUIRE(l.rows.size() == 2);
    CHECK(l.rows[0].cells[0] == "00123");
    CHECK(l.rows[0].cells[1] == "山田　花子");
    CHECK_THROWS_AS(read_ledger(xlsx, std::string("nosuch")), InputError);
}
