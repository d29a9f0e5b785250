#include <catch2/catch.hpp>

#include "report/flag_report.hpp"

using namespace sheetgen;

TEST_CASE("CSV fields are quoted per RFC 4180 and formulas are defused", "[report][csv]") {
    CHECK(csv_field("山田 太郎") == "山田 太郎");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("line1\nline2") == "\"line1\nline2\"");
    CHECK(csv_field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_field("+81") == "'+81");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(flag_csv_header().rfind("\xEF\xBB\xBF", 0) == 0);  // BOM for Excel
    CHECK(flag_csv_header().size() > 3);
    CHECK(flag_csv_header().substr(flag_csv_header().size() - 2) == "\r\n");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters", "[report][json]") {
    CHECK(json_string("関戸") == "\"関戸\"");
    CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(json_string(std::string("x\n\t\x01", 4)) == "\"x\\n\\t\\u0001\"");
    CHECK(format_fixed(23.0833, 1) == "23.1");
    CHECK(format_fixed(1.0 / 0.0, 1).empty());
}
