#include "intake/values.hpp"

#include <cstdlib>
#include <regex>

#include "intake/text.hpp"

namespace sheetgen::intake {

namespace {

// Eras from their first day; the year of an era date is start_year + n - 1.
struct Era {
    const char* kanji;
    char letter;
    Date first;  // first day of the era
};
const Era kEras[] = {
    {"明治", 'M', {1868, 1, 25}},  // 明治元年 (Gregorian, 1873 onwards is what matters)
    {"大正", 'T', {1912, 7, 30}},
    {"昭和", 'S', {1926, 12, 25}},
    {"平成", 'H', {1989, 1, 8}},
    {"令和", 'R', {2019, 5, 1}},
};

std::optional<Date> make_date(int y, int m, int d) {
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
    return Date{y, m, d};
}

// Compact spelling: half-width, no spaces, "元" → 1, time of day dropped.
std::string canonical(std::string_view cell) {
    std::string s = to_half_width(trim(cell));
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

}  // namespace

Parsed<Date> parse_ledger_date(std::string_view cell) {
    Parsed<Date> r;
    // Spreadsheets export "2016/04/12 00:00:00": the time of day is dropped.
    static const std::regex kTimeTail(R"([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$)");
    std::string s = canonical(std::regex_replace(to_half_width(trim(cell)), kTimeTail, ""));
    if (s.empty()) return r;
    std::smatch m;
    static const std::regex kWestern(R"(^(\d{4})(?:/|-|\.|年)(\d{1,2})(?:/|-|\.|月)(\d{1,2})(?:日)?$)");
    static const std::regex kEraRe(R"(^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(\d{1,2}|元)(?:/|-|\.|年)(\d{1,2})(?:/|-|\.|月)(\d{1,2})(?:日)?$)");
    if (std::regex_match(s, m, kWestern)) {
        if (auto d = make_date(std::atoi(m[1].str().c_str()), std::atoi(m[2].str().c_str()),
                               std::atoi(m[3].str().c_str()))) {
            r.value = d;
        } else {
            r.error = ValueError{"impossible date (no such day)"};
        }
        return r;
    }
    if (std::regex_match(s, m, kEraRe)) {
        std::string era = m[1].str();
        const Era* e = nullptr;
        for (const Era& x : kEras)
            if (era == x.kanji || (era.size() == 1 && (era[0] == x.letter || era[0] == x.letter + 32))) e = &x;
        int n = m[2].str() == "元" ? 1 : std::atoi(m[2].str().c_str());
        if (!e || n < 1) {
            r.error = ValueError{"impossible date (no such era year)"};
            return r;
        }
        auto d = make_date(e->first.year + n - 1, std::atoi(m[3].str().c_str()), std::atoi(m[4].str().c_str()));
        if (!d) {
            r.error = ValueError{"impossible date (no such day)"};
            return r;
        }
        // The date must fall inside its era: 平成 ends where 令和 begins.
        const Era* next = e + 1 < std::end(kEras) ? e + 1 : nullptr;
        if (*d < e->first || (next && !(*d < next->first))) {
            r.error = ValueError{"impossible date (outside its era " + std::string(e->kanji) + ")"};
            return r;
        }
        r.value = d;
        return r;
    }
    r.error = ValueError{"not a date (expected e.g. 2016/4/12 or 平成29年7月3日)"};
    return r;
}

Parsed<bool> parse_consent(std::string_view cell) {
    Parsed<bool> r;
    std::string s = canonical(cell);
    if (s.empty()) return r;
    static const char* const kYes[] = {"有", "有り", "あり", "済", "済み", "はい", "○", "〇", "◯", "同意する", "同意",
                                       "同意済", "同意済み", "yes", "Yes", "YES", "y", "Y", "true", "1"};
    static const char* const kNo[] = {"無", "無し", "なし", "未", "未了", "いいえ", "×", "✕", "x", "X", "同意しない",
                                      "しない", "不同意", "未同意", "no", "No", "NO", "n", "N", "false", "0"};
    for (const char* y : kYes)
        if (s == y) r.value = true;
    for (const char* n : kNo)
        if (s == n) r.value = false;
    if (!r.value) r.error = ValueError{"consent must be e.g. 有/無, 済/未, はい/いいえ, ○/×, 同意する/しない"};
    return r;
}

Parsed<std::string> parse_sex(std::string_view cell) {
    Parsed<std::string> r;
    std::string s = canonical(cell);
    if (s.empty()) return r;
    if (s == "男" || s == "男性" || s == "M" || s == "m" || s == "male") r.value = "male";
    else if (s == "女" || s == "女性" || s == "F" || s == "f" || s == "female") r.value = "female";
    else r.error = ValueError{"sex must be 男 or 女"};
    return r;
}

Parsed<int> parse_floor(std::string_view cell) {
    Parsed<int> r;
    std::string s = canonical(cell);
    if (s.empty()) return r;
    static const std::regex kFloor(R"(^(\d{1,3})(?:階|F|f)?$)");
    std::smatch m;
    if (std::regex_match(s, m, kFloor)) {
        int v = std::atoi(m[1].str().c_str());
        if (v >= 1 && v <= 300) {
            r.value = v;
            return r;
        }
    }
    r.error = ValueError{"floor must be a number from 1 to 300 (e.g. 2 or 2階)"};
    return r;
}

Parsed<double> parse_degrees(std::string_view cell) {
    Parsed<double> r;
    std::string s = canonical(cell);
    if (s.empty()) return r;
    static const std::regex kNum(R"(^-?\d{1,3}(\.\d+)?$)");
    if (!std::regex_match(s, kNum)) {
        r.error = ValueError{"coordinate must be decimal degrees (e.g. 35.6530)"};
        return r;
    }
    r.value = std::strtod(s.c_str(), nullptr);
    return r;
}

}  // namespace sheetgen::intake
