#pragma once
// Finds external references in an HTML page: every src=, href=, srcset=,
// action=, poster= value and every CSS url(...) / @import, anywhere in the
// file (markup, inline CSS and inline scripts alike). A value is external
// when it starts with "//" or a URL scheme other than data:. Shared by the
// report and cli tests.
#include <cctype>
#include <string>
#include <vector>

namespace sheetgen::test {

struct HtmlRef {
    std::string kind;   // "src", "href", "url(" ...
    std::string value;  // as written, quotes removed
};

inline std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Every reference-like value in the page.
inline std::vector<HtmlRef> html_refs(const std::string& page) {
    std::vector<HtmlRef> out;
    const std::string low = lower(page);
    auto value_at = [&](size_t i, const char* stops) {
        while (i < page.size() && (page[i] == ' ' || page[i] == '\t' || page[i] == '\n')) ++i;
        if (i < page.size() && (page[i] == '"' || page[i] == '\'' || page[i] == '`')) {
            const char q = page[i];
            size_t end = page.find(q, i + 1);
            return page.substr(i + 1, end == std::string::npos ? std::string::npos : end - i - 1);
        }
        size_t end = page.find_first_of(stops, i);
        return page.substr(i, end == std::string::npos ? std::string::npos : end - i);
    };
    for (const char* attr : {"src", "href", "srcset", "action", "poster", "xlink:href"}) {
        const std::string key = std::string(attr) + "=";
        for (size_t at = low.find(key); at != std::string::npos; at = low.find(key, at + 1)) {
            // Whole attribute names only (not "data-src=", "hrefs=").
            if (at > 0 && (std::isalnum(static_cast<unsigned char>(low[at - 1])) || low[at - 1] == '-' || low[at - 1] == '_'))
                continue;
            out.push_back({attr, value_at(at + key.size(), " \t\n>,;)}")});
        }
    }
    for (size_t at = low.find("url("); at != std::string::npos; at = low.find("url(", at + 1))
        out.push_back({"url(", value_at(at + 4, ") \t\n")});
    for (size_t at = low.find("@import"); at != std::string::npos; at = low.find("@import", at + 1))
        out.push_back({"@import", value_at(at + 7, "; \t\n")});
    return out;
}

inline bool is_external(const std::string& value) {
    std::string v = lower(value);
    size_t b = v.find_first_not_of(" \t\n");
    if (b == std::string::npos) return false;
    v = v.substr(b);
    if (v.rfind("//", 0) == 0 || v.rfind("\\/\\/", 0) == 0) return true;
    // scheme:  (letters, digits, + - . then ':')
    size_t i = 0;
    if (!std::isalpha(static_cast<unsigned char>(v[0]))) return false;
    while (i < v.size() && (std::isalnum(static_cast<unsigned char>(v[i])) || v[i] == '+' || v[i] == '-' || v[i] == '.')) ++i;
    if (i < v.size() && v[i] == ':') return v.compare(0, i, "data") != 0;
    return false;
}

// The external references, as "kind value" lines (empty: self-contained).
inline std::vector<std::string> external_refs(const std::string& page) {
    std::vector<std::string> bad;
    for (const auto& r : html_refs(page))
        if (is_external(r.value)) bad.push_back(r.kind + " " + r.value);
    // Any absolute URL at all, outside the SVG/XLink namespace names Leaflet passes to createElementNS.
    for (size_t at = page.find("://"); at != std::string::npos; at = page.find("://", at + 1)) {
        size_t b = at;
        while (b > 0 && std::isalpha(static_cast<unsigned char>(page[b - 1]))) --b;
        const std::string url = page.substr(b, page.find_first_of("\"' )<>", at) - b);
        if (url != "http://www.w3.org/2000/svg" && url != "http://www.w3.org/1999/xlink") bad.push_back("text " + url);
    }
    return bad;
}

}  // namespace sheetgen::test
