#pragma once
// Ledger cell values as welfare offices write them: dates in the Western or
// Japanese calendar (和暦), consent words, 男/女, floors.
#include <optional>
#include <string>
#include <string_view>

#include "common/date.hpp"

namespace sheetgen::intake {

// A cell that could not be read: `message` names the kind of problem and
// never repeats the cell (it may hold personal data).
struct ValueError {
    std::string message;
};

template <class T>
struct Parsed {
    std::optional<T> value;       // nullopt with no error: the cell is empty
    std::optional<ValueError> error;
};

// 2016/4/12, 2016-04-12, 2016.4.12, 2016年4月12日, 平成29年7月3日, H27.2.14,
// S60.3.12, 令和2年9月9日, 令和元年5月1日 (full-width digits too; a time after
// the date, as spreadsheets export it, is ignored). A day that does not exist
// (2014/2/30) or a date outside its era (平成32年) is an error.
Parsed<Date> parse_ledger_date(std::string_view cell);

// 有/無, 済/未, はい/いいえ, ○/×, 同意する/しない and the like.
Parsed<bool> parse_consent(std::string_view cell);

// 男/女 (男性, 女性, M, F): "male" / "female".
Parsed<std::string> parse_sex(std::string_view cell);

// 2, ２階, 2F: the floor number (1..300).
Parsed<int> parse_floor(std::string_view cell);

// A coordinate in decimal degrees.
Parsed<double> parse_degrees(std::string_view cell);

}  // namespace sheetgen::intake
