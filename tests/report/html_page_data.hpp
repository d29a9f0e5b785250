#pragma once
// Reads the data of a `flag --html` / `diff --html` page the way the page's
// own script does: household rows named by the field list, text values and
// sentences resolved through the sentence table. Tests check what the page
// holds, not how it is spelt (rows, numbers, \uXXXX escapes). Shared by the
// report and cli tests.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/utf8.hpp"

namespace sheetgen::test {

using HtmlHousehold = std::map<std::string, YAML::Node>;

struct HtmlPageData {
    std::vector<std::string> sentences;
    std::vector<HtmlHousehold> households;  // in page order
};

// JSON text with every \uXXXX (surrogate pairs joined) turned into UTF-8:
// yaml-cpp, which reads the JSON, refuses escaped surrogates.
inline std::string unescape_json_unicode(const std::string& json) {
    std::string out;
    auto hex4 = [&json](size_t at) { return static_cast<uint32_t>(std::stoul(json.substr(at, 4), nullptr, 16)); };
    for (size_t i = 0; i < json.size(); ++i) {
        if (json[i] != '\\' || i + 1 >= json.size()) {
            out += json[i];
            continue;
        }
        if (json[i + 1] != 'u') {  // another escape: kept as it is, both characters
            out += json.substr(i, 2);
            ++i;
            continue;
        }
        uint32_t cp = hex4(i + 2);
        i += 5;
        if (cp >= 0xD800 && cp < 0xDC00 && json.compare(i + 1, 2, "\\u") == 0) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(i + 3) - 0xDC00);
            i += 6;
        }
        if (cp == '"' || cp == '\\') out += '\\';
        if (cp < 0x20) {  // a control character stays escaped
            out += json.substr(i - 5, 6);
            continue;
        }
        out += encode_utf8(static_cast<char32_t>(cp));
    }
    return out;
}

inline YAML::Node load_json(const std::string& json) { return YAML::Load(unescape_json_unicode(json)); }

// The text of <script ... id="ID">...</script>; throws when the page has none.
inline std::string script_text(const std::string& page, const std::string& id) {
    const std::string open = "id=\"" + id + "\">";
    const size_t at = page.find(open);
    if (at == std::string::npos) throw std::runtime_error("no script " + id + " in the page");
    const size_t from = at + open.size();
    return page.substr(from, page.find("</script>", from) - from);
}

// One row as the page reads it: names from the field list, a missing value
// null, a text field or a sentence list resolved through the table.
inline HtmlHousehold html_row(const YAML::Node& row, const YAML::Node& fields, const std::vector<std::string>& sentences) {
    static const std::set<std::string> kSentenceLists = {"rj", "re", "al", "sl", "cj", "ce"};
    std::set<size_t> text;
    for (const auto& i : fields["text"]) text.insert(i.as<size_t>());
    HtmlHousehold h;
    for (size_t i = 0; i < fields["names"].size(); ++i) {
        const std::string name = fields["names"][i].as<std::string>();
        YAML::Node v = i < row.size() ? row[i] : YAML::Node(YAML::NodeType::Null);
        if (text.count(i) && !v.IsNull()) {
            v = YAML::Node(sentences.at(v.as<size_t>()));
        } else if (kSentenceLists.count(name) && v.IsSequence()) {
            YAML::Node list(YAML::NodeType::Sequence);
            for (const auto& n : v) list.push_back(sentences.at(n.as<size_t>()));
            v = list;
        }
        h[name] = v;
    }
    return h;
}

inline std::vector<std::string> sentence_table(const std::string& sentences_json) {
    std::vector<std::string> out;
    for (const auto& s : load_json(sentences_json)) out.push_back(s.as<std::string>());
    return out;
}

// A row from HtmlSentences::close() with that object's field list and table.
inline HtmlHousehold html_row(const std::string& row, const std::string& fields_json, const std::string& sentences_json) {
    return html_row(load_json(row), load_json(fields_json), sentence_table(sentences_json));
}

inline HtmlPageData html_page_data(const std::string& page) {
    HtmlPageData d;
    d.sentences = sentence_table(script_text(page, "sentences"));
    const YAML::Node fields = load_json(script_text(page, "fields"));
    for (const auto& row : load_json(script_text(page, "households")))
        d.households.push_back(html_row(row, fields, d.sentences));
    return d;
}

inline std::string text_of(const HtmlHousehold& h, const std::string& name) {
    auto it = h.find(name);
    if (it == h.end() || it->second.IsNull()) return "<null>";
    return it->second.as<std::string>();
}

}  // namespace sheetgen::test
