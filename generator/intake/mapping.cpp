#include "intake/mapping.hpp"

#include <string_view>

#include <yaml-cpp/yaml.h>

#include "common/error.hpp"
#include "common/read_file.hpp"
#include "intake/text.hpp"

namespace sheetgen::intake {

namespace {

struct FieldName {
    Field field;
    const char* name;
};
const FieldName kNames[] = {
    {Field::Id, "id"},           {Field::Name, "name"},       {Field::Kana, "kana"},
    {Field::Birthdate, "birthdate"}, {Field::Sex, "sex"},     {Field::Address, "address"},
    {Field::Phone, "phone"},     {Field::Lat, "lat"},         {Field::Lon, "lon"},
    {Field::Floor, "floor"},     {Field::Consent, "consent"}, {Field::Reason, "reason"},
    {Field::EmergencyContact, "emergency_contact"},           {Field::Supporter, "supporter"},
};

// The default headers of a 名簿 export, in order of preference per field.
const std::map<Field, std::vector<std::string>>& default_headers() {
    static const std::map<Field, std::vector<std::string>> k = {
        {Field::Id, {"管理番号", "番号", "ID", "id"}},
        {Field::Name, {"氏名"}},
        {Field::Kana, {"ふりがな", "フリガナ", "カナ氏名", "氏名カナ", "氏名(カナ)", "氏名(フリガナ)"}},
        {Field::Birthdate, {"生年月日"}},
        {Field::Sex, {"性別"}},
        {Field::Address, {"住所"}},
        {Field::Phone, {"電話番号", "電話"}},
        {Field::Lat, {"緯度"}},
        {Field::Lon, {"経度"}},
        {Field::Floor, {"居住階", "階"}},
        {Field::Consent, {"情報提供の同意", "同意"}},
        {Field::Reason, {"避難支援等を必要とする事由"}},
        {Field::EmergencyContact, {"緊急連絡先"}},
        {Field::Supporter, {"避難支援者", "避難支援等実施者"}},
    };
    return k;
}

std::string fold_header(const std::string& h) {
    std::string s = to_half_width(trim(h)), out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

// The file's text, for columns in characters (yaml-cpp counts bytes) as editors show them.
thread_local std::string_view g_text;

int char_column(int line0, int byte_col0) {
    size_t pos = 0;
    for (int l = 0; l < line0 && pos != std::string_view::npos; ++l) {
        pos = g_text.find('\n', pos);
        if (pos != std::string_view::npos) ++pos;
    }
    if (pos == std::string_view::npos) return byte_col0 + 1;
    int chars = 0;
    for (size_t i = pos; i < pos + byte_col0 && i < g_text.size(); ++i)
        if ((static_cast<unsigned char>(g_text[i]) & 0xC0) != 0x80) ++chars;
    return chars + 1;
}

InputError error_at(const std::string& path, const YAML::Node& n, const std::string& msg) {
    return InputError({path, n.Mark().line + 1, char_column(n.Mark().line, n.Mark().column)}, msg);
}

Field field_of(const std::string& path, const YAML::Node& n) {
    auto f = n.IsScalar() ? field_from_string(n.Scalar()) : std::nullopt;
    if (!f) {
        std::string list;
        for (const auto& x : kNames) list += std::string(list.empty() ? "" : ", ") + x.name;
        throw error_at(path, n, "unknown field; fields are: " + list);
    }
    return *f;
}

}  // namespace

const char* to_string(Field f) {
    for (const auto& x : kNames)
        if (x.field == f) return x.name;
    return "?";
}

std::optional<Field> field_from_string(const std::string& s) {
    for (const auto& x : kNames)
        if (s == x.name) return x.field;
    return std::nullopt;
}

const std::vector<Field>& all_fields() {
    static const std::vector<Field> k = [] {
        std::vector<Field> v;
        for (const auto& x : kNames) v.push_back(x.field);
        return v;
    }();
    return k;
}

Mapping load_mapping(const std::string& path) {
    std::string text = read_file_limited(path, 1 << 20, "mapping file");
    g_text = text;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw InputError({path, e.mark.line + 1, char_column(e.mark.line, e.mark.column)}, "not valid YAML: " + e.msg);
    }
    Mapping m;
    if (root.IsNull()) return m;
    if (!root.IsMap()) throw error_at(path, root, "a mapping file is a map with columns, fixed, codes, id_prefix, city");
    for (auto it = root.begin(); it != root.end(); ++it) {
        std::string key = it->first.Scalar();
        const YAML::Node v = it->second;  // a copy: it-> is a temporary proxy
        if (key == "columns") {
            if (!v.IsMap()) throw error_at(path, v, "columns: write 'ledger header: field' lines");
            for (auto c = v.begin(); c != v.end(); ++c) m.columns[fold_header(c->first.Scalar())] = field_of(path, c->second);
        } else if (key == "fixed") {
            if (!v.IsMap()) throw error_at(path, v, "fixed: write 'field: value' lines");
            for (auto c = v.begin(); c != v.end(); ++c) {
                if (!c->second.IsScalar()) throw error_at(path, c->second, "a fixed value must be text");
                m.fixed[field_of(path, c->first)] = c->second.Scalar();
            }
        } else if (key == "codes") {
            if (!v.IsMap()) throw error_at(path, v, "codes: write 'field: {code: value}'");
            for (auto c = v.begin(); c != v.end(); ++c) {
                Field f = field_of(path, c->first);
                if (!c->second.IsMap()) throw error_at(path, c->second, "codes of a field: write {code: value, ...}");
                for (auto e = c->second.begin(); e != c->second.end(); ++e) {
                    if (!e->second.IsScalar()) throw error_at(path, e->second, "a code's value must be text");
                    m.codes[f][trim(to_half_width(e->first.Scalar()))] = e->second.Scalar();
                }
            }
        } else if (key == "id_prefix") {
            if (!v.IsScalar()) throw error_at(path, v, "id_prefix must be text");
            m.id_prefix = v.Scalar();
        } else if (key == "city") {
            if (v.IsScalar()) m.cities.push_back(v.Scalar());
            else if (v.IsSequence())
                for (const auto& c : v) m.cities.push_back(c.Scalar());
            else throw error_at(path, v, "city: a city name or a list of them");
        } else {
            throw error_at(path, it->first, "unknown key '" + key + "'; keys are columns, fixed, codes, id_prefix, city");
        }
    }
    return m;
}

ColumnPlan plan_columns(const Mapping& m, const std::vector<std::string>& headers) {
    ColumnPlan p;
    std::vector<std::string> folded;
    for (const auto& h : headers) folded.push_back(fold_header(h));
    std::vector<bool> used(headers.size(), false);
    for (size_t i = 0; i < folded.size(); ++i) {
        auto it = m.columns.find(folded[i]);
        if (it != m.columns.end() && !p.column.count(it->second)) {
            p.column[it->second] = static_cast<int>(i);
            used[i] = true;
        }
    }
    for (const auto& [field, names] : default_headers()) {
        if (p.column.count(field)) continue;
        for (const auto& n : names) {
            bool found = false;
            for (size_t i = 0; i < folded.size() && !found; ++i)
                if (!used[i] && folded[i] == fold_header(n) && !m.columns.count(folded[i])) {
                    p.column[field] = static_cast<int>(i);
                    used[i] = found = true;
                }
            if (found) break;
        }
    }
    for (size_t i = 0; i < headers.size(); ++i)
        if (!used[i]) p.unmapped.push_back(headers[i]);
    return p;
}

}  // namespace sheetgen::intake
