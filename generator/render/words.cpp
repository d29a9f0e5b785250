#include "render/words.hpp"

#include <cctype>
#include <stdexcept>

#include "common/utf8.hpp"
#include "layout/layout.hpp"

namespace sheetgen::render {

namespace {

struct WordRow {
    Word word;
    const char* ja;
    const char* en;
};

// One row per word, in the order of the enum (checked by the tests). The
// Japanese column is what the Japanese documents have always printed.
const WordRow kWords[] = {
    {Word::Yes, "はい", "Yes"},
    {Word::No, "いいえ", "No"},
    {Word::Present, "あり", "Yes"},
    {Word::Absent, "なし", "No"},
    {Word::ListSeparator, "、", ", "},
    {Word::Bullet, "・", "• "},
    {Word::Age, "{n}歳", "age {n}"},
    {Word::DateWithAge, "{date}（{n}歳）", "{date} (age {n})"},
    {Word::Hours, "{n}時間", "{n} h"},
    {Word::Watts, "{n}W", "{n} W"},
    {Word::WattHours, "{n}Wh", "{n} Wh"},
    {Word::Kilograms, "{n}kg", "{n} kg"},
    {Word::Metres, "{n}m", "{n} m"},
    {Word::Kilometres, "{n}km", "{n} km"},
    {Word::Floor, "{n}階", "{n}F"},

    {Word::Bracketed, "（{x}）", " ({x})"},
    {Word::ExternalBatteries, "{count}個×{hours}時間", "{count} × {hours} h"},
    {Word::OutsideFloodZones, "浸水想定区域外", "Outside the flood zones"},
    {Word::FloodDepthUnknown, "浸水想定区域内（深さ不明）", "Inside a flood zone (depth unknown)"},
    // Beside a storm-surge or tsunami zone, the river flood's part is named.
    {Word::RiverFlood, "洪水", "River flood"},
    {Word::RiverFloodOutside, "洪水は浸水想定区域外", "river floods: outside the zones"},
    {Word::ScenarioOutside, "区域外", "outside its zones"},
    {Word::ScenarioDepthUnknown, "区域内・深さ不明", "in a zone, depth unknown"},
    {Word::DurationUnknown, "区域内（時間不明）", "In the zone (duration unknown)"},
    {Word::NoneDash, "—", "—"},
    {Word::ExtraSeparator, "・", ", "},
    {Word::PowerAvailable, "電源あり", "power available"},
    // The heading of the action row: a home in a tsunami zone also leaves on
    // the tsunami warning, which comes with an earthquake, not with rain.
    {Word::ActionHeading, "大雨のときの行動", "In heavy rain"},
    {Word::ActionHeadingTsunami, "津波・大雨のとき", "On a tsunami warning or in heavy rain"},
    {Word::StartAtLevel, "警戒レベル{n}（高齢者等避難）で出発", "Leave at Alert Level {n} (Evacuate elderly etc.)"},
    {Word::StartOnTsunami, "津波警報・大津波警報が出たらただちに高い所へ",
     "Leave immediately on a tsunami warning: go to high ground"},
    {Word::StartOnTsunamiAndLevel,
     "津波警報・大津波警報が出たらただちに高い所へ／洪水等は警戒レベル{n}（高齢者等避難）で出発",
     "Leave immediately on a tsunami warning: go to high ground; for floods etc., leave at Alert Level {n} "
     "(Evacuate elderly etc.)"},
    {Word::StartStayHome, "—（自宅にとどまる）", "— (stay home)"},
    {Word::SafeFloor, "{n}階以上", "{n}F and above"},
    {Word::SafeFloorAssumed, "（深さ不明のため5mと仮定）", " (depth unknown: 5 m assumed)"},
    {Word::SafeFloorNotInBuilding, "：この建物にはない", ": this building has none"},
    {Word::NoSafeFloor, "目安なし（深い浸水）", "None (deep flooding)"},
    {Word::NoStayDestination, "未定：市・主治医と受入れ先を調整",
     "Not decided yet: the city and the doctor are arranging a place that will take the person"},
    {Word::Building, "{type} {n}階建", "{n}-storey {type}"},
    {Word::WithElevator, "（エレベーターあり）", " (with lift)"},
    {Word::WithoutElevator, "（エレベーターなし）", " (no lift)"},
    {Word::LivingFloor, "居室 {n}階", "Lives on {n}F"},
    {Word::SleepingFloor, "・就寝 {n}階", ", sleeps on {n}F"},
    {Word::MemberAge, "（{n}歳）", " (age {n})"},
    {Word::ZoneInside, "該当", "Inside"},
    {Word::ZoneOutside, "該当なし", "Not inside"},
    {Word::FloodFlow, "（氾濫流）", " (flood flow)"},
    {Word::BankErosion, "（河岸侵食）", " (bank erosion)"},
    {Word::PlannedAccepted, "{name}（{status}）", "{name} ({status})"},
    {Word::PlannedNotAccepted, "{status}：このシートの避難先ではない", "{status}: not one of the places on this sheet"},

    {Word::Continued, "（続き）", " (continued)"},
    {Word::Draft, "（下書き）", " (draft)"},
    {Word::NoEntries, "（登録なし）", "(none)"},
    {Word::Photo, "写真", "Photo"},
    {Word::PhotoHint, "（本人の顔写真を貼る）", "(stick the person's photo here)"},
    {Word::HeaderMark, "取扱注意（個人情報）", "Confidential: personal data"},
    {Word::Prepared, "作成日", "Prepared"},

    {Word::NoMap, "地図なし", "No map"},
    {Word::LegendDepthUnknown, "浸水想定区域（深さ不明）", "Flood zone (depth unknown)"},
    {Word::LegendDepth, "浸水{depth}", "Flood {depth}"},
    // A storm-surge or tsunami zone: {kind} from the kind table (label_ja / label_en).
    {Word::LegendKindOutline, "{kind}（破線・色は浸水深）", "{kind} (dashed outline, colour = depth)"},
    {Word::LegendHouseCollapse, "家屋倒壊等氾濫想定区域", "House-collapse flood zone"},
    {Word::LegendLandslide, "土砂災害警戒区域", "Landslide hazard zone"},
    {Word::LegendRoute, "避難経路（直線）", "Route (straight line)"},
    {Word::LegendHome, "自宅", "Home"},
    {Word::LegendUsable, "{type}（{when}使用可）", "{type} (usable in {when})"},
    {Word::LegendNotUsable, "{type}（{when}使用不可）", "{type} (not usable in {when})"},
    {Word::InAFlood, "洪水時", "a flood"},
    {Word::InALandslide, "土砂災害時", "a landslide"},
    // English names only the places the verdict accepted: the turned-down
    // planned site is marked on the map without its name.
    {Word::PlannedNotUsedLabel, "{name}（計画・使わない）", "Planned site: not used"},
};

static_assert(sizeof kWords / sizeof kWords[0] == static_cast<size_t>(Word::Count), "one row per Word");

// The Japanese the alerts are broadcast in, each as the Japanese sheet
// words it at the same place (so both sheets name the same broadcast).
struct BroadcastTerm {
    const char* name;  // {name} in the sheet forms below
    const char* ja;
};
const BroadcastTerm kBroadcastTerms[] = {
    {"level3", "警戒レベル3 高齢者等避難"},
    {"level4", "警戒レベル4 避難指示"},
    {"tsunami", "津波警報"},                              // the action: 「津波警報でただちに立退き避難」
    {"tsunamis", "津波警報・大津波警報"},                 // the start: 「津波警報・大津波警報が出たら」
    {"tsunami_alerts", "大津波警報・津波警報・津波注意報"},  // the reason leave_now_tsunami
};

// The English sentences that say when to leave, as the CSV, GeoJSON and map
// page print them (action_label, the start words above, the reason
// catalogue), and the English sheet's form of each: the same words with the
// broadcast term beside every alert. Whole sentences, so nothing else is
// touched; a test (tests/render/english_sheet_test.cpp) checks that every
// sentence the tool prints to say when to leave has its form here.
struct SheetForm {
    const char* shared;
    const char* sheet;
};
const SheetForm kSheetForms[] = {
    // action_label and Word::StartAtLevel (level 3, the level the rules give)
    {"Leave at Alert Level 3 (Evacuate elderly etc.)", "Leave at Alert Level 3 (Evacuate elderly etc.: {level3})"},
    // action_label, a tsunami zone
    {"Leave immediately on a tsunami warning", "Leave immediately on a tsunami warning ({tsunami})"},
    {"Leave immediately on a tsunami warning (floods etc.: at Alert Level 3)",
     "Leave immediately on a tsunami warning ({tsunami}); floods etc.: at Alert Level 3 (Evacuate elderly etc.: "
     "{level3})"},
    // Word::StartOnTsunami, Word::StartOnTsunamiAndLevel
    {"Leave immediately on a tsunami warning: go to high ground",
     "Leave immediately on a tsunami warning ({tsunamis}): go to high ground"},
    {"Leave immediately on a tsunami warning: go to high ground; for floods etc., leave at Alert Level 3 "
     "(Evacuate elderly etc.)",
     "Leave immediately on a tsunami warning ({tsunamis}): go to high ground; for floods etc., leave at Alert Level "
     "3 (Evacuate elderly etc.: {level3})"},
    // the reasons leave_early and leave_now_tsunami
    {"Leave when Alert Level 3 (Evacuate elderly etc.) is issued: moving takes time and helpers, so do not wait for "
     "Level 4",
     "Leave when Alert Level 3 (Evacuate elderly etc.: {level3}) is issued: moving takes time and helpers, so do "
     "not wait for Level 4 (Evacuation order: {level4})"},
    {"Leave at once for high ground outside the zone when a tsunami warning or advisory is issued, without waiting "
     "for an alert level: a tsunami can arrive minutes after the warning",
     "Leave at once for high ground outside the zone when a tsunami warning or advisory ({tsunami_alerts}) is "
     "issued, without waiting for an alert level: a tsunami can arrive minutes after the warning"},
};

struct Strings {
    std::string ja, en;
};

// The rows as strings, indexed by the enum (the order is checked once).
const std::vector<Strings>& table() {
    static const std::vector<Strings> t = [] {
        std::vector<Strings> out;
        for (size_t i = 0; i < static_cast<size_t>(Word::Count); ++i) {
            if (kWords[i].word != static_cast<Word>(i)) throw std::logic_error("render words: row out of order");
            out.push_back({kWords[i].ja, kWords[i].en});
        }
        return out;
    }();
    return t;
}

// `tmpl` with each {name} replaced by its value; a {name} without one is a
// programming error.
std::string fill(const std::string& tmpl, const std::vector<std::pair<std::string, std::string>>& values) {
    std::string out;
    size_t i = 0;
    while (i < tmpl.size()) {
        const size_t open = tmpl.find('{', i);
        if (open == std::string::npos) break;
        const size_t close = tmpl.find('}', open);
        if (close == std::string::npos) break;
        out.append(tmpl, i, open - i);
        const std::string name = tmpl.substr(open + 1, close - open - 1);
        bool found = false;
        for (const auto& [k, v] : values)
            if (k == name) {
                out += v;
                found = true;
                break;
            }
        if (!found) throw std::logic_error("render words: no value for {" + name + "} in '" + tmpl + "'");
        i = close + 1;
    }
    out.append(tmpl, i, std::string::npos);
    return out;
}

// A term as printed: its words glued with word joiners, so a line never
// breaks inside 警戒レベル3 or 高齢者等避難 (only at its space or after a ・).
std::string kept_whole(const std::string& term) {
    const std::vector<char32_t> cps = decode_utf8(term);
    auto separator = [](char32_t c) { return c == U' ' || c == U'・'; };
    std::string out;
    for (size_t i = 0; i < cps.size(); ++i) {
        out += encode_utf8(cps[i]);
        if (i + 1 < cps.size() && !separator(cps[i]) && !separator(cps[i + 1])) out += encode_utf8(layout::kWordJoiner);
    }
    return out;
}

// The sheet forms with their terms filled in, by shared sentence.
const std::vector<std::pair<std::string, std::string>>& sheet_forms() {
    static const std::vector<std::pair<std::string, std::string>> forms = [] {
        std::vector<std::pair<std::string, std::string>> terms, out;
        for (const auto& t : kBroadcastTerms) terms.emplace_back(t.name, kept_whole(t.ja));
        for (const auto& f : kSheetForms) out.emplace_back(f.shared, fill(f.sheet, terms));
        return out;
    }();
    return forms;
}

}  // namespace

const std::vector<std::string>& broadcast_terms() {
    static const std::vector<std::string> terms = [] {
        std::vector<std::string> out;
        for (const auto& t : kBroadcastTerms) out.push_back(t.ja);
        return out;
    }();
    return terms;
}

std::string with_broadcast_terms(const std::string& sentence, Lang lang) {
    if (lang != Lang::En) return sentence;
    for (const auto& [shared, sheet] : sheet_forms())
        if (sentence == shared) return sheet;
    return sentence;
}

const std::string& word(Word w, Lang lang) {
    const Strings& s = table().at(static_cast<size_t>(w));
    return lang == Lang::En ? s.en : s.ja;
}

std::string phrase(Word w, Lang lang, const std::vector<std::pair<std::string, std::string>>& values) {
    return fill(word(w, lang), values);
}

std::string kind_name(LayerKind kind, Lang lang) {
    if (lang == Lang::Ja) return label_ja(kind);
    std::string name = kind_info(kind).label_en;  // "tsunami inundation zone": capitalised as a heading
    if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
}

}  // namespace sheetgen::render
