// The help card and the fridge sheet: content, the panels, and the rule that
// medical text is never cut off silently (shrink to 6 pt, continue on the
// back panel, or name the field on the card and in a warning).
#include <catch2/catch.hpp>

#include <regex>

#include "fixtures.hpp"
#include "render/card.hpp"
#include "render/card_fields.hpp"
#include "render/renderer.hpp"

using namespace sheetgen;
using namespace sheetgen::test;

namespace {

const Renderer& card() {
    static const Renderer r = Renderer::load(font_path(), source_path("templates/help-card.yaml"));
    return r;
}

RenderOptions opts() {
    RenderOptions o;
    o.document_date = Date{2026, 4, 10};
    return o;
}

std::string squash(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}

std::string text_of(const std::string& pdf) {
    TempDir dir;
    write_file(dir.file("c.pdf"), pdf);
    int st = 0;
    std::string text = capture("pdftotext -enc UTF-8 '" + dir.file("c.pdf") + "' - 2>/dev/null", &st);
    REQUIRE(st == 0);
    return squash(text);
}

// Every card field's full text as printed (format applied), by field path.
std::vector<std::pair<std::string, std::string>> card_values(const Profile& p, const Verdict& v) {
    render::FieldModel m = render::build_field_model(p, v, Date{2026, 4, 10});
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& s : card().sheet_template().sections)
        for (const auto& f : s.fields) {
            std::string t = render::format_value(m.scalars.at(f.path), f.format, Date{2026, 4, 10});
            if (!t.empty()) out.emplace_back(f.path, t);
        }
    return out;
}

bool warned_about(const RenderedDocument& doc, const std::string& field) {
    for (const auto& w : doc.warnings)
        if (w.message.find("help card: field '" + field + "'") != std::string::npos) return true;
    return false;
}

struct Word {
    double x0, y0, x1, y1;
    std::string text;
};

// Word boxes (points, top-left origin) as poppler reads them.
std::vector<Word> words_of(const std::string& pdf) {
    TempDir dir;
    write_file(dir.file("c.pdf"), pdf);
    const std::string html = capture("pdftotext -bbox -enc UTF-8 '" + dir.file("c.pdf") + "' - 2>/dev/null");
    static const std::regex re("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>");
    std::vector<Word> out;
    for (std::sregex_iterator it(html.begin(), html.end(), re), end; it != end; ++it)
        out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), std::stod((*it)[4]), (*it)[5]});
    return out;
}

// Every word printed on the card lies inside the card and inside one panel
// (nothing runs over the fold or off the bottom), and no two overlap.
void check_inside_panels(const std::string& pdf) {
    constexpr double mm = 72.0 / 25.4;
    const double W = render::kCardWidthMm * mm, P = render::kCardPanelMm * mm;
    // The card's place on the page: centred, 10 mm under the rule of a header
    // with one title and one subtitle line (content area top = 56 pt).
    const double x0 = (layout::kPageWidth - W) / 2, y0 = 56 + 10 * mm, fold = y0 + P, bottom = y0 + 2 * P;
    std::vector<Word> on_card;
    for (const auto& w : words_of(pdf))
        if (w.y1 > y0 && w.y0 < bottom && w.x1 > x0 && w.x0 < x0 + W) on_card.push_back(w);
    REQUIRE(on_card.size() > 10);
    for (const auto& w : on_card) {
        INFO(w.text << " at " << w.x0 << "," << w.y0 << " - " << w.x1 << "," << w.y1);
        CHECK(w.x0 >= x0 - 0.5);
        CHECK(w.x1 <= x0 + W + 0.5);
        CHECK(w.y0 >= y0 - 0.5);
        CHECK(w.y1 <= bottom + 0.5);
        CHECK_FALSE((w.y0 < fold - 0.5 && w.y1 > fold + 0.5));  // across the fold
    }
    for (size_t i = 0; i < on_card.size(); ++i)
        for (size_t j = i + 1; j < on_card.size(); ++j) {
            const Word &a = on_card[i], &b = on_card[j];
            const double ox = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), oy = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
            INFO(a.text << " / " << b.text);
            CHECK_FALSE((ox > 0.5 && oy > 0.5));
        }
}

Profile long_profile(int repeat) {
    Profile p = sample_profile();
    std::string notes;
    for (int i = 0; i < repeat; ++i) notes += "気管切開部からの吸引は1時間に2〜3回、夜間も必要。";
    p.person.communication = notes;
    for (int i = 0; i < repeat; ++i) p.person.allergies.push_back("薬剤アレルギー" + std::to_string(i + 1) + "号");
    for (int i = 0; i < repeat; ++i) p.person.medications.push_back({"カルボシステイン" + std::to_string(i), "250mg", "朝・昼・夕"});
    return p;
}

}  // namespace

TEST_CASE("help card: a ventilator user's card says what to do first and who to call", "[render][card]") {
    Profile p = sample_profile();
    Verdict v = sample_verdict();
    RenderedDocument doc = card().render({SheetInput{&p, &v, nullptr}}, opts());
    CHECK(doc.page_count == 1);
    CHECK(doc.warnings.empty());
    const std::string t = text_of(doc.pdf);
    CHECK(t.find("ヘルプカード") != std::string::npos);
    CHECK(t.find("山田陽翔") != std::string::npos);
    CHECK(t.find("人工呼吸器を使用しています。電源と吸引が必要です。") != std::string::npos);
    CHECK(t.find("アンビューバッグ") != std::string::npos);  // the manual fallback
    CHECK(t.find(squash(p.contacts.front().phone)) != std::string::npos);
    CHECK(t.find("裏面につづく") == std::string::npos);
    CHECK(t.find("入りきらない") == std::string::npos);
    check_inside_panels(doc.pdf);
    for (const auto& [path, value] : card_values(p, v)) {
        INFO(path);
        CHECK(t.find(squash(value)) != std::string::npos);
    }
}

TEST_CASE("help card: the first-action sentence comes from devices and care needs", "[render][card]") {
    Profile p = sample_profile();
    CHECK(render::first_action_sentence(p) == "人工呼吸器を使用しています。電源と吸引が必要です。");
    Profile o;
    o.person.care_needs = {CareNeed::Oxygen};
    o.devices.push_back(Device{});
    o.devices.back().kind = DeviceKind::OxygenCylinder;
    CHECK(render::first_action_sentence(o) == "酸素療法を受けています。酸素が必要です。");
    Profile t;
    t.person.care_needs = {CareNeed::TubeFeeding};
    CHECK(render::first_action_sentence(t) == "医療的ケア（経管栄養）が必要です。");
    CHECK(render::first_action_sentence(Profile{}).empty());
}

TEST_CASE("help card: long medical fields shrink, continue on the back, or are named, never cut silently",
          "[render][card]") {
    Verdict v = sample_verdict();
    for (int repeat : {4, 10, 40}) {
        INFO("repeat " << repeat);
        Profile p = long_profile(repeat);
        RenderedDocument doc = card().render({SheetInput{&p, &v, nullptr}}, opts());
        const std::string t = text_of(doc.pdf);
        size_t missing = 0;
        for (const auto& [path, value] : card_values(p, v)) {
            INFO(path);
            const bool whole = t.find(squash(value)) != std::string::npos;
            // Either the whole value is printed, or the card and a warning name the field.
            CHECK((whole || warned_about(doc, path)));
            if (!whole) {
                ++missing;
                CHECK(t.find("入りきらない項目") != std::string::npos);
            }
        }
        for (const auto& w : doc.warnings) CHECK(w.message.find("薬剤") == std::string::npos);  // no personal text
        check_inside_panels(doc.pdf);
        if (repeat == 4) {  // the front overflows onto the back; everything is still printed
            CHECK(t.find("裏面につづく") != std::string::npos);
            CHECK(missing == 0);
            CHECK(doc.warnings.empty());
        }
        if (repeat == 40) CHECK(missing > 0);  // far too much: named, not cut
    }
}

TEST_CASE("fridge sheet: doctors, medication, allergies, devices, blood type and a photo box", "[render][card]") {
    static const Renderer kit = Renderer::load(font_path(), source_path("templates/emergency-kit.yaml"));
    Profile p = sample_profile();
    Verdict v = sample_verdict();
    RenderedDocument doc = kit.render({SheetInput{&p, &v, nullptr}}, opts());
    CHECK(doc.warnings.empty());
    const std::string t = text_of(doc.pdf);
    CHECK(t.find("救急医療情報") != std::string::npos);
    CHECK(t.find("山田陽翔") != std::string::npos);
    CHECK(t.find("写真") != std::string::npos);
    CHECK(t.find(squash(p.person.blood_type)) != std::string::npos);
    CHECK(t.find(squash(p.contacts.front().phone)) != std::string::npos);
    for (const auto& m : p.person.medications) CHECK(t.find(squash(m.name)) != std::string::npos);
    for (const auto& a : p.person.allergies) CHECK(t.find(squash(a)) != std::string::npos);
    CHECK(t.find("人工呼吸器") != std::string::npos);
}
