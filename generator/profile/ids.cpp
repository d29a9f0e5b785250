// Profile ids (they become file names) and the district (町名) of an address.
#include <cctype>
#include <string>

#include "common/did_you_mean.hpp"
#include "profile/parse.hpp"

namespace sheetgen {

bool id_has_reserved_suffix(const std::string& id) {
    const std::string suffix = kPlanFileSuffix;
    std::string l = lower_ascii(id);
    return l.size() >= suffix.size() && l.compare(l.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_valid_profile_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    // Document names must be unique over a run by construction: <id>.pdf may
    // never equal another household's <id>-ventilator-plan.pdf.
    if (id_has_reserved_suffix(id)) return false;
    for (char ch : id)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_') return false;
    std::string u = lower_ascii(id);
    if (u == "con" || u == "prn" || u == "aux" || u == "nul") return false;
    if (u.size() == 4 && (u.rfind("com", 0) == 0 || u.rfind("lpt", 0) == 0) && u[3] >= '1' && u[3] <= '9')
        return false;
    return true;
}

std::string district_from_address(const std::string& address) {
    std::string rest;
    auto after = [&](const std::string& marker) -> bool {
        size_t p = address.find(marker);
        if (p == std::string::npos) return false;
        rest = address.substr(p + marker.size());
        return true;
    };
    if (!after("多摩市") && !after("市") && !after("区") && !after("町") && !after("村")) {
        // No city in the address (some open data omits it): drop a prefecture prefix.
        if (!after("都") && !after("道") && !after("府") && !after("県")) rest = address;
    }
    size_t end = rest.size();
    for (size_t i = 0; i < rest.size(); ++i) {
        unsigned char ch = static_cast<unsigned char>(rest[i]);
        if (std::isdigit(ch) || rest.compare(i, 6, "丁目") == 0 ||
            (ch == 0xEF && i + 2 < rest.size() && static_cast<unsigned char>(rest[i + 1]) == 0xBC &&
             static_cast<unsigned char>(rest[i + 2]) >= 0x90 && static_cast<unsigned char>(rest[i + 2]) <= 0x99)) {
            end = i;  // ASCII digit, 丁目 or a full-width digit (U+FF10..FF19)
            break;
        }
    }
    std::string d = rest.substr(0, end);
    if (rest.compare(end, 6, "丁目") == 0) {
        // 関戸一丁目: drop the kanji numeral before 丁目.
        static const char* const kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
        bool stripped = true;
        while (stripped && d.size() >= 3) {
            stripped = false;
            for (const char* n : kNumerals)
                if (d.compare(d.size() - 3, 3, n) == 0) {
                    d.resize(d.size() - 3);
                    stripped = true;
                    break;
                }
        }
    }
    // Trim spaces (ASCII and the ideographic space U+3000).
    while (!d.empty() && d.back() == ' ') d.pop_back();
    while (d.size() >= 3 && d.compare(d.size() - 3, 3, "\xE3\x80\x80") == 0) d.resize(d.size() - 3);
    while (!d.empty() && d.front() == ' ') d.erase(0, 1);
    return d;
}

std::optional<Diagnostic> IdRegistry::add(const std::string& id, const SourceLocation& id_at) {
    if (id.empty()) return std::nullopt;
    std::string key = lower_ascii(id);
    auto [it, inserted] = seen_.emplace(key, id_at);
    if (inserted) return std::nullopt;
    std::string msg = "duplicate id '" + id + "': already used by " + format_location(it->second) +
                      " (ids must be unique: they name the output files";
    msg += key == id ? ")" : "; upper and lower case count as the same)";
    return Diagnostic{id_at, msg};
}

std::optional<Diagnostic> IdRegistry::add(const ProfileResult& r) {
    if (!r.profile) return std::nullopt;
    return add(r.profile->id, r.id_at);
}

}  // namespace sheetgen
