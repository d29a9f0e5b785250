// End to end: `render --documents sheet,plan,sheet-en` gives the English
// support sheet to the households that asked for it (household.language: en)
// and to no one else; the sheet reads in English, carries no Japanese but the
// profile's own free text, the names of the places the verdict accepted and
// the fixed Japanese broadcast terms beside the alerts (render/words.hpp),
// and names no place the verdict turned down.
#include <catch2/catch.hpp>

#include <set>

#include "cli/cli_fixtures.hpp"
#include "commands/household.hpp"
#include "common/utf8.hpp"
#include "hazard/hazard_set.hpp"
#include "render/words.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

const char* kSamples[] = {"tama-001", "tama-002", "tama-003", "tama-004", "tama-005", "tama-006",
                          "tama-007", "tama-008", "tama-009", "tama-010", "tama-011", "tama-012"};

bool japanese(char32_t c) {
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x31F0 && c <= 0x31FF);
}

// The runs of Japanese characters in a text (pdftotext may cut a run where a
// cell wraps, so each run is a piece of something printed).
std::vector<std::string> japanese_runs(const std::string& text) {
    std::vector<std::string> runs;
    std::string cur;
    for (char32_t c : decode_utf8(text)) {
        if (japanese(c)) {
            cur += encode_utf8(c);
        } else if (!cur.empty()) {
            runs.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) runs.push_back(cur);
    return runs;
}

// What the family typed: every free-text field of the profile, except the
// places it names for the evacuation (those are printed only when the
// verdict accepted them).
std::vector<std::string> free_text(const Profile& p) {
    const Person& per = p.person;
    std::vector<std::string> t = {per.name, per.kana, per.blood_type, per.care_notes, per.mobility,
                                  per.communication, per.notes, p.household.address, p.household.district,
                                  p.evacuation.transport, p.evacuation.notes};
    for (const auto& d : per.diagnoses) t.push_back(d);
    for (const auto& a : per.allergies) t.push_back(a);
    for (const auto& m : per.medications) t.insert(t.end(), {m.name, m.dose, m.timing});
    for (const auto& m : p.household.members) t.insert(t.end(), {m.relation, m.name, m.notes});
    for (const auto& d : p.devices) {
        t.insert(t.end(), {d.name, d.model, d.manual_fallback, d.maintenance_contact, d.vendor_phone_24h, d.circuit,
                           d.humidifier});
        if (d.settings) t.push_back(d.settings->oxygen);
    }
    for (const auto& b : p.power_backup) t.insert(t.end(), {b.model, b.fuel});
    for (const auto& c : p.contacts) t.insert(t.end(), {c.name, c.organisation, c.phone, c.notes});
    for (const auto& s : p.evacuation.supporters) t.insert(t.end(), {s.name, s.relation, s.phone});
    for (const auto& c : p.evacuation.charge_locations) t.insert(t.end(), {c.name, c.address, c.notes});
    return t;
}

std::string flat(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool space = c == ' ' || c == '\n' || c == '\f';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

// tama-001's English sheet, rendered, as pdftotext reads it.
std::string tama_001_english_text(const TempDir& dir) {
    const std::string out = dir.file("docs");
    auto r = run_sheetgen("render --hazards " + q(sample_hazards()) + " " + q(source_path("samples/tama-001.yaml")) +
                          " --out " + q(out) + " --documents sheet-en --date 2026-11-24");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    int st = 0;
    const std::string text = capture("pdftotext -enc UTF-8 " + q(out + "/tama-001-en.pdf") + " - 2>/dev/null", &st);
    REQUIRE(st == 0);
    return text;
}

}  // namespace

TEST_CASE("render --documents sheet,plan,sheet-en: the English sheet only for households that asked for it",
          "[cli][render][english]") {
    TempDir dir;
    const std::string out = dir.file("docs");
    auto r = run_sheetgen("render --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) + " --out " +
                          q(out) + " --documents sheet,plan,sheet-en --date 2026-11-24 --jobs 2");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    for (const char* id : kSamples) {
        INFO(id);
        const Profile p = *load_profile_file(source_path(std::string("samples/") + id + ".yaml")).profile;
        CHECK(file_exists(out + "/" + id + ".pdf"));  // the Japanese sheet stays, for staff
        CHECK(file_exists(out + "/" + id + "-en.pdf") == (p.household.language == Lang::En));
    }
    CHECK(file_exists(out + "/tama-001-en.pdf"));  // the sample that asks for English
    CHECK_FALSE(file_exists(out + "/tama-009-en.pdf"));
}

TEST_CASE("the English sheet of tama-001 reads in English and carries no Japanese but the family's own text",
          "[cli][render][english]") {
    TempDir dir;
    const std::string profile_path = source_path("samples/tama-001.yaml");
    const std::string text = tama_001_english_text(dir);
    const std::string f = flat(text);
    for (const char* phrase :
         {"Disaster Support Sheet", "Confidential: personal data", "Person", "Date of birth", "1 May 2018 (age 8)",
          "Medical devices and power", "Home and hazards", "Verdict", "What to do and where to go", "In heavy rain",
          "Leave at Alert Level 3 (Evacuate elderly etc.:", "Where to go and stay", "If it is too late",
          "Welfare shelter", "Designated emergency evacuation site", "Emergency contacts", "Medical care coordinator",
          "Consent to share", "Prepared 24 November 2026", "Yes", "A: Top priority"}) {
        INFO(phrase);
        CHECK(f.find(phrase) != std::string::npos);
    }
    // The verdict, for the allowed names: the places it accepted.
    const HazardSet hazards = HazardSet::load_file(sample_hazards());
    RiskOptions risk;
    risk.as_of = Date{2026, 11, 24};
    const commands::EvaluatedHousehold h = commands::evaluate_household(profile_path, hazards, risk);
    REQUIRE(h.ok());
    std::vector<std::string> allowed = free_text(h.profile());
    // The Japanese broadcast terms beside the alerts: exactly the fixed list, no other Japanese of the tool's own.
    allowed.insert(allowed.end(), render::broadcast_terms().begin(), render::broadcast_terms().end());
    std::set<std::string> accepted, turned_down;
    for (const auto& d : h.verdict().destinations)  // (the own building's floors are the tool's words, not a name)
        if (d.role == DestinationRole::Stay || d.role == DestinationRole::FleeWhenLate) accepted.insert(d.name);
    allowed.insert(allowed.end(), accepted.begin(), accepted.end());
    REQUIRE(accepted.size() >= 2);  // a welfare shelter to stay, a site for when it is too late
    // Places the verdict turned down: the planned site, the relatives' home without power.
    if (h.verdict().planned_shelter) turned_down.insert(h.verdict().planned_shelter->name);
    for (const auto& a : h.profile().evacuation.destinations)
        if (!accepted.count(a.name)) turned_down.insert(a.name);
    REQUIRE(turned_down.size() >= 2);
    for (const auto& d : h.verdict().destinations)
        if (d.role == DestinationRole::ToArrange) turned_down.insert(d.name);

    size_t runs = 0;
    for (const std::string& run : japanese_runs(text)) {
        bool found = false;
        for (const auto& a : allowed) found = found || a.find(run) != std::string::npos;
        INFO("Japanese on the English sheet that the family did not type: " << run);
        CHECK(found);
        ++runs;
    }
    CHECK(runs > 20);  // names, notes, contacts: the family's text is printed as typed
    std::string squashed;
    for (char c : text)
        if (c != ' ' && c != '\n' && c != '\f') squashed += c;
    for (const auto& name : turned_down) {
        INFO("turned down, named: " << name);
        CHECK(squashed.find(name) == std::string::npos);
    }
}

// Families who read English still hear the alerts in Japanese (TV, radio,
// 防災行政無線, Area Mail): where the sheet says when to leave, the Japanese
// broadcast term stands beside the alert, each term whole on one line.
TEST_CASE("the English sheet of tama-001 names the alerts as they are broadcast, in Japanese",
          "[cli][render][english]") {
    TempDir dir;
    const std::string text = tama_001_english_text(dir);
    const std::string f = flat(text);
    for (const char* phrase :
         {"In heavy rain Leave at Alert Level 3 (Evacuate elderly etc.: 警戒レベル3 高齢者等避難)",
          "Leave when Alert Level 3 (Evacuate elderly etc.: 警戒レベル3 高齢者等避難) is issued",
          "do not wait for Level 4 (Evacuation order: 警戒レベル4 避難指示)"}) {
        INFO(phrase);
        CHECK(f.find(phrase) != std::string::npos);
    }
    // Not split across lines: each term is on one line as pdftotext reads it.
    for (const char* term : {"警戒レベル3 高齢者等避難", "警戒レベル4 避難指示"}) {
        INFO(term);
        CHECK(text.find(term) != std::string::npos);
    }
}
