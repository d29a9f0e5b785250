#include "common/did_you_mean.hpp"

#include <algorithm>

namespace sheetgen {

std::string lower_ascii(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.size()][b.size()];
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    if (word.empty()) return "";
    const std::string w = lower_ascii(word);
    std::string best;
    for (size_t i = 0, best_d = std::string::npos; i < candidates.size(); ++i) {
        const size_t d = edit_distance(w, lower_ascii(candidates[i]));
        // Short words allow one edit: "o2" is not a typo of "iv".
        const size_t limit = std::max<size_t>(1, std::min(w.size(), candidates[i].size()) / 3);
        const bool close = d <= limit || (d <= 2 && w.size() >= 5);
        if (close && d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    return best;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
    return s;
}

}  // namespace sheetgen
