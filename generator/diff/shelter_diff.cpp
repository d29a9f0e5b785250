#include "diff/shelter_diff.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "report/flag_report.hpp"

namespace sheetgen {

namespace {

struct Flag {
    bool Shelter::*member;
    const char* ja;
    const char* en;
};
const Flag kFlags[] = {
    {&Shelter::flood, "洪水", "flood"},
    {&Shelter::landslide, "土砂災害", "landslide"},
    {&Shelter::earthquake, "地震", "earthquake"},
    {&Shelter::inland_flood, "内水氾濫", "inland flooding"},
    {&Shelter::welfare, "福祉避難所", "welfare shelter"},
};

const char* const kOrder[] = {"shelter_removed", "designation_lost", "site_now_in_zone",
                              "designation_gained", "shelter_added", "site_left_zone"};
size_t order_of(const std::string& code) {
    return static_cast<size_t>(std::find(std::begin(kOrder), std::end(kOrder), code) - std::begin(kOrder));
}

std::string list(const Shelter& s, bool ja, bool Shelter::*only = nullptr) {
    std::string r;
    for (const Flag& f : kFlags)
        if (s.*(f.member) && (!only || only == f.member)) r += (r.empty() ? "" : (ja ? "・" : ", ")) + std::string(ja ? f.ja : f.en);
    return r;
}

// Which of `a`'s designations `b` lacks.
std::pair<std::string, std::string> missing(const Shelter& a, const Shelter& b) {
    std::string ja, en;
    for (const Flag& f : kFlags)
        if (a.*(f.member) && !(b.*(f.member))) {
            ja += (ja.empty() ? "" : "・") + std::string(f.ja);
            en += (en.empty() ? "" : ", ") + std::string(f.en);
        }
    return {ja, en};
}

bool same_site(const Shelter& a, const Shelter& b) {
    if (!a.id.empty() && !b.id.empty()) return a.id == b.id;
    return a.name == b.name && distance_m(a.location, b.location) <= kSameSiteMetres;
}

}  // namespace

std::string designations_ja(const Shelter& s) { return list(s, true); }
std::string designations_en(const Shelter& s) { return list(s, false); }

std::vector<ShelterChange> diff_shelters(const std::vector<Shelter>& before, const std::vector<Shelter>& after) {
    std::vector<ShelterChange> out;
    std::vector<bool> matched(after.size(), false);
    // By id first (exact, one pass through a map); then name + position for sites without ids.
    std::map<std::string, size_t> after_by_id;
    for (size_t i = 0; i < after.size(); ++i)
        if (!after[i].id.empty()) after_by_id.emplace(after[i].id, i);
    for (const Shelter& b : before) {
        const Shelter* a = nullptr;
        if (!b.id.empty()) {
            auto it = after_by_id.find(b.id);
            if (it != after_by_id.end() && !matched[it->second]) {
                a = &after[it->second];
                matched[it->second] = true;
            }
        }
        if (!a)
            for (size_t i = 0; i < after.size() && !a; ++i)
                if (!matched[i] && (b.id.empty() || after[i].id.empty()) && same_site(b, after[i])) {
                    a = &after[i];
                    matched[i] = true;
                }
        if (!a) {
            out.push_back({"shelter_removed", &b, nullptr, designations_ja(b), designations_en(b)});
            continue;
        }
        auto lost = missing(b, *a), gained = missing(*a, b);
        if (!lost.first.empty()) out.push_back({"designation_lost", &b, a, lost.first, lost.second});
        if (!gained.first.empty()) out.push_back({"designation_gained", &b, a, gained.first, gained.second});
        if (!b.exposure.in_flood_zone && a->exposure.in_flood_zone)
            out.push_back({"site_now_in_zone", &b, a, a->exposure.depth ? a->exposure.depth->label_ja() : "深さ不明",
                           a->exposure.depth ? a->exposure.depth->label_en() : "depth unknown"});
        if (b.exposure.in_flood_zone && !a->exposure.in_flood_zone) out.push_back({"site_left_zone", &b, a, "", ""});
    }
    for (size_t i = 0; i < after.size(); ++i)
        if (!matched[i]) out.push_back({"shelter_added", nullptr, &after[i], designations_ja(after[i]), designations_en(after[i])});
    auto key = [](const ShelterChange& c) {
        const Shelter& s = c.after ? *c.after : *c.before;
        return std::make_tuple(order_of(c.code), s.id, s.name);
    };
    std::stable_sort(out.begin(), out.end(), [&](const ShelterChange& x, const ShelterChange& y) { return key(x) < key(y); });
    return out;
}

std::string shelter_changes_csv_header() {
    return "\xEF\xBB\xBF"
           "change,共通ID,施設・場所名,住所,緯度,経度,指定（変更前）,指定（変更後）,浸水想定区域（変更前）,"
           "浸水想定区域（変更後）,変化の内容,change (en)\r\n";
}

std::string shelter_changes_csv_row(const ShelterChange& c) {
    const Shelter& s = c.after ? *c.after : *c.before;
    auto zone = [](const Shelter* x) { return !x ? std::string() : x->exposure.in_flood_zone ? "1" : "0"; };
    std::string ja, en;
    if (c.code == "shelter_added") ja = "新しく載った避難場所（指定：" + c.detail_ja + "）", en = "New site (designated for: " + c.detail_en + ")";
    else if (c.code == "shelter_removed") ja = "避難場所の一覧から外れました：この場所を計画に書いた世帯を確かめます", en = "Site removed from the list: check every plan that names it";
    else if (c.code == "designation_lost") ja = c.detail_ja + "の指定がなくなりました", en = "No longer designated for " + c.detail_en;
    else if (c.code == "designation_gained") ja = c.detail_ja + "の指定が加わりました", en = "Now designated for " + c.detail_en;
    else if (c.code == "site_now_in_zone") ja = "浸水想定区域内になりました（" + c.detail_ja + "）", en = "Now inside a flood zone (" + c.detail_en + ")";
    else ja = "浸水想定区域の外になりました", en = "Now outside every flood zone";
    std::vector<std::string> cells = {
        c.code, csv_field(s.id), csv_field(s.name), csv_field(s.address), format_fixed(s.location.lat, 6),
        format_fixed(s.location.lon, 6), csv_field(c.before ? designations_ja(*c.before) : ""),
        csv_field(c.after ? designations_ja(*c.after) : ""), zone(c.before), zone(c.after), csv_field(ja), csv_field(en)};
    std::string r;
    for (size_t i = 0; i < cells.size(); ++i) r += (i ? "," : "") + cells[i];
    return r + "\r\n";
}

}  // namespace sheetgen
