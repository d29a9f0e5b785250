#include "intake/address.hpp"

#include <cstdlib>

#include "common/utf8.hpp"
#include "intake/text.hpp"

namespace sheetgen::intake {

namespace {

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) out += encode_utf8(c);
    return out;
}
std::u32string decode(std::string_view s) {
    auto v = decode_utf8(s);
    return std::u32string(v.begin(), v.end());
}
bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_kanji_digit(char32_t c) {
    return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' || c == U'七' ||
           c == U'八' || c == U'九' || c == U'十' || c == U'〇';
}

const char* const kPrefectures[] = {
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
    "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
    "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
    "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::string fold_place_name(std::string_view s) {
    std::u32string in = decode(to_half_width(s)), out;
    for (size_t i = 0; i < in.size(); ++i) {
        char32_t c = in[i];
        if (c == U' ' || c == U'\t') continue;
        // 桜ヶ丘 / 桜ケ丘 / 桜が丘 / 桜ガ丘 / 桜ｹ丘 are one place; so are 一ノ宮 / 一の宮.
        if (c == U'ヶ' || c == U'が' || c == U'ガ' || c == U'ｹ' || c == U'ゖ') c = U'ケ';
        if (c == U'の' || c == U'之') c = U'ノ';
        out += c;
    }
    std::string r = encode(out);
    // 大字 / 字 before a town name are not part of it in gazetteers.
    for (std::string_view p : {"大字", "字"})
        if (starts_with(r, p)) r.erase(0, p.size());
    return r;
}

TownName split_town_name(std::string_view gazetteer_name) {
    std::u32string s = decode(fold_place_name(gazetteer_name));
    static const std::u32string kChome = U"丁目";
    TownName t;
    if (s.size() > kChome.size() && s.compare(s.size() - kChome.size(), kChome.size(), kChome) == 0) {
        size_t end = s.size() - kChome.size(), b = end;
        while (b > 0 && (is_kanji_digit(s[b - 1]) || is_digit(s[b - 1]))) --b;
        if (b < end && b > 0) {
            std::u32string num = s.substr(b, end - b);
            int n = is_digit(num[0]) ? std::atoi(encode(num).c_str()) : parse_kanji_number(num);
            if (n > 0) {
                t.base = encode(s.substr(0, b));
                t.chome = n;
                return t;
            }
        }
    }
    t.base = encode(s);
    return t;
}

AddressParts split_address(std::string_view address, const std::vector<std::string>& known_cities) {
    std::string s = fold_place_name(address);
    for (const char* p : kPrefectures)
        if (starts_with(s, p)) {
            s.erase(0, std::string_view(p).size());
            break;
        }
    AddressParts parts;
    for (const auto& c : known_cities)
        if (!c.empty() && starts_with(s, c)) {
            parts.city = c;
            parts.rest = s.substr(c.size());
            return parts;
        }
    // Unknown city: up to the first 市 or 区 (not the first character: 市川市),
    // or 郡 … 町/村.
    std::u32string u = decode(s);
    for (size_t i = 1; i < u.size(); ++i) {
        if (u[i] == U'市' || u[i] == U'区') {
            parts.city = encode(u.substr(0, i + 1));
            parts.rest = encode(u.substr(i + 1));
            return parts;
        }
        if (u[i] == U'郡') {
            for (size_t j = i + 2; j < u.size(); ++j)
                if (u[j] == U'町' || u[j] == U'村') {
                    parts.city = encode(u.substr(0, j + 1));
                    parts.rest = encode(u.substr(j + 1));
                    return parts;
                }
        }
        if (is_digit(u[i])) break;  // into the town's numbers: no city written
    }
    parts.rest = s;
    return parts;
}

AfterTown parse_after_town(std::string_view rest_after_base) {
    std::u32string s = decode(rest_after_base);
    AfterTown a;
    size_t i = 0;
    auto read_number = [&](size_t& k) -> std::optional<int> {
        size_t b = k;
        while (k < s.size() && is_digit(s[k])) ++k;
        if (k == b || k - b > 6) return std::nullopt;
        return std::atoi(encode(s.substr(b, k - b)).c_str());
    };
    // N丁目 in kanji or digits.
    size_t k = i;
    while (k < s.size() && (is_kanji_digit(s[k]) || is_digit(s[k]))) ++k;
    if (k > i && s.compare(k, 2, U"丁目") == 0) {
        std::u32string num = s.substr(i, k - i);
        int n = is_digit(num[0]) ? std::atoi(encode(num).c_str()) : parse_kanji_number(num);
        if (n > 0) a.chome = n;
        size_t j = k + 2;
        if (auto b = read_number(j)) a.block_if_chome = b;
        return a;
    }
    size_t j = i;
    auto first = read_number(j);
    if (!first) return a;
    bool dash = j < s.size() && s[j] == U'-';
    a.number = first;
    if (dash) {
        ++j;
        if (auto second = read_number(j)) {
            a.dash_first = first;
            a.block_if_chome = second;
        }
    }
    return a;
}

}  // namespace sheetgen::intake
