#include "hazard/shelter_names.hpp"

#include <vector>

#include "common/utf8.hpp"

namespace sheetgen {

namespace {

// Digit value of ASCII, full-width or kanji numerals; -1 otherwise.
int digit(char32_t c) {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
    static const char32_t kanji[] = {U'〇', U'一', U'二', U'三', U'四', U'五', U'六', U'七', U'八', U'九'};
    for (int i = 0; i < 10; ++i)
        if (c == kanji[i]) return i;
    return -1;
}

bool contains(const std::vector<char32_t>& s, const std::u32string& needle) {
    if (needle.size() > s.size()) return false;
    for (size_t i = 0; i + needle.size() <= s.size(); ++i)
        if (std::equal(needle.begin(), needle.end(), s.begin() + static_cast<long>(i))) return true;
    return false;
}

}  // namespace

bool shelter_name_is_vertical(const std::string& name) {
    std::vector<char32_t> s = decode_utf8(name);
    if (contains(s, U"屋上") || contains(s, U"最上階") || contains(s, U"上層階")) return true;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != U'階') continue;
        // Read the floor number written just before 階; 十 (as in 十二階) means at least ten.
        size_t j = i;
        long value = 0, scale = 1;
        bool any = false;
        while (j > 0) {
            char32_t c = s[j - 1];
            int d = digit(c);
            if (d >= 0) {
                if (scale < 1000000) value += d * scale;
                scale *= 10;
            } else if (c == U'十') {
                value += 10;
            } else {
                break;
            }
            any = true;
            --j;
        }
        if (!any) continue;
        bool basement = j >= 2 && s[j - 2] == U'地' && s[j - 1] == U'下';
        if (j >= 1 && (s[j - 1] == U'B' || s[j - 1] == U'Ｂ')) basement = true;
        if (!basement && value >= 2) return true;
    }
    return false;
}

std::string shelter_lookup_key(const std::string& name) {
    std::string out;
    bool space = false;
    for (char32_t c : decode_utf8(name)) {
        if (c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r' || c == U'\n') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += encode_utf8(c);
    }
    return out;
}

const Shelter* find_shelter(const std::vector<Shelter>& shelters, const std::string& id_or_name) {
    std::string key = shelter_lookup_key(id_or_name);
    if (key.empty()) return nullptr;
    for (const Shelter& s : shelters)
        if (shelter_lookup_key(s.id) == key) return &s;
    for (const Shelter& s : shelters)
        if (shelter_lookup_key(s.name) == key) return &s;
    return nullptr;
}

}  // namespace sheetgen
