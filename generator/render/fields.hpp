#pragma once
// The field model: what a template can print, as a tree of named values built
// from Profile + Verdict (+ the document date for computed ages), in one
// language: Japanese, or English for families who read it better. The words
// the model adds come from the word table (words.hpp) and the enum tables;
// text typed in the profile and names from the hazard data are kept as
// written. The schema (every valid path, its type, and whether the English
// model has it) comes from the same builders, so template validation and
// rendering cannot drift apart.
#include <map>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/lang.hpp"
#include "profile/profile.hpp"
#include "risk/verdict.hpp"

namespace sheetgen::render {

enum class ValueType { Text, Number, Date, Bool, List, Enum };
const char* to_string(ValueType t);

struct FieldValue {
    ValueType type = ValueType::Text;
    bool present = false;            // false: absent/empty (printed blank)
    std::string text;                // Text; Enum: label in the model's language
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

// Lang::En builds the support sheet's fields in English: the same values from
// the same verdict, only the words differ. It names only the places the
// verdict accepted, so it has no field that prints another place (the raw
// planned shelter, the welfare shelter staff still have to arrange); and the
// help card's and the ventilator plan's fields are Japanese only.
FieldModel build_field_model(const Profile& profile, const Verdict& verdict, const Date& document_date,
                             Lang lang = Lang::Ja);

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
    std::vector<std::string> enum_labels;     // Enum: their printed Japanese labels, same order
    std::vector<std::string> enum_labels_en;  // Enum: their printed English labels, same order
    bool english = false;                     // the English field model has it (language: en templates)
};

struct FieldSchema {
    std::map<std::string, FieldInfo> scalars;
    std::map<std::string, std::map<std::string, FieldInfo>> tables;
};

FieldSchema build_field_schema();

// Formats: "" (default for the type), text, date_ja, date_iso, age, date_ja_age,
// yes_no, ari_nashi, check (vector box + はい/いいえ), hours, watts, wh, kg, metres, distance, number, list, lines.
// Units, yes/no, dates and list separators print in `lang` (date_ja prints
// "1 April 2026" in English).
bool format_known(const std::string& format);
bool format_applies(const std::string& format, ValueType type);
const std::vector<std::string>& known_formats();
std::vector<std::string> formats_for(ValueType type);
// Display text ("" when the value is absent).
std::string format_value(const FieldValue& v, const std::string& format, const Date& document_date,
                         Lang lang = Lang::Ja);


}  // namespace sheetgen::render
