#pragma once
// The field model: what a template can print, as a tree of named values built
// from Profile + Verdict (+ the document date for computed ages). The schema
// (every valid path and its type) comes from the same builders, so template
// validation and rendering cannot drift apart.
#include <map>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "profile/profile.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::render {

enum class ValueType { Text, Number, Date, Bool, List, Enum };
const char* to_string(ValueType t);

struct FieldValue {
    ValueType type = ValueType::Text;
    bool present = false;            // false: absent/empty (printed blank)
    std::string text;                // Text; Enum: Japanese label
    std::string key;                 // Enum: machine value (e.g. "doctor") for `where`
    double number = 0;
    Date date;
    bool flag = false;
    std::vector<std::string> list;
};

// Constructors shared by the field-model builders (fields.cpp, plan_fields.cpp).
namespace value {
FieldValue text(const std::string& s);
FieldValue number(double d, bool present = true);  // NaN/inf count as absent
FieldValue date(const Date& d);
FieldValue boolean(bool b);
FieldValue list(std::vector<std::string> items);  // empty strings dropped
}  // namespace value

// Joins the non-empty parts with `sep` (for list-like field text).
std::string join(const std::vector<std::string>& parts, const std::string& sep);

using Record = std::map<std::string, FieldValue>;

struct FieldModel {
    Record scalars;                                  // "person.name" -> value
    std::map<std::string, std::vector<Record>> tables;  // "contacts" -> rows; row keys are column names
};

FieldModel build_field_model(const Profile& profile, const Verdict& verdict, const Date& document_date);

// What changed since the household's last plan (render --changes), for the
// `changes` section: lines already in the family's words (from the change
// codes, diff/change_codes.hpp). When the site the plan named can no longer
// be used, the document stops naming it (withdraw_planned_site below).
struct ChangeBox {
    std::vector<std::string> lines;
    bool planned_site_withdrawn = false;
};

// The site the plan named can no longer be used (a hazard-map revision):
// the model stops naming it. 計画の避難場所 and the profile's shelter say so
// instead, and its name in quotes (「name」) leaves every text and table cell
// (the reasons that explain why it cannot be used). The places the family may
// go come from the verdict's accepted destinations and are kept.
void withdraw_planned_site(FieldModel& model, const Profile& profile, const Verdict& verdict);

struct FieldInfo {
    ValueType type = ValueType::Text;
    std::vector<std::string> enum_values;  // Enum: allowed machine values
    std::vector<std::string> enum_labels;  // Enum: their printed (Japanese) labels, same order
};

struct FieldSchema {
    std::map<std::string, FieldInfo> scalars;
    std::map<std::string, std::map<std::string, FieldInfo>> tables;
};

FieldSchema build_field_schema();

// Formats: "" (default for the type), text, date_ja, date_iso, age, date_ja_age,
// yes_no, ari_nashi, check (vector box + はい/いいえ), hours, watts, wh, kg, metres, distance, number, list, lines.
bool format_known(const std::string& format);
bool format_applies(const std::string& format, ValueType type);
const std::vector<std::string>& known_formats();
std::vector<std::string> formats_for(ValueType type);
// Display text ("" when the value is absent).
std::string format_value(const FieldValue& v, const std::string& format, const Date& document_date);


}  // namespace sheetgen::render
