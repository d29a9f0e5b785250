#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "layout/font.hpp"
#include "layout/layout.hpp"

using namespace sheetgen;
using namespace sheetgen::layout;

namespace {

std::string font_path() {
    const char* env = std::getenv("SHEETGEN_FONT");
    return env && *env ? env : SHEETGEN_DEFAULT_FONT;
}

// Every character 10 pt wide: widths become character counts.
double ten(char32_t) { return 10; }

std::vector<std::u32string> wrap(const std::u32string& s, double width) { return wrap_lines(s, width, ten); }

const FontFace& font() {
    static const auto f = FontFace::load(font_path());
    return *f;
}

}  // namespace

TEST_CASE("layout: CJK breaks anywhere at the width", "[layout]") {
    auto lines = wrap(U"あいうえおかきくけこ", 40);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == U"あいうえ");
    CHECK(lines[1] == U"おかきく");
    CHECK(lines[2] == U"けこ");
}

TEST_CASE("layout: kinsoku — no forbidden character starts a line", "[layout]") {
    // Each forbidden character placed exactly where a line would start.
    std::u32string starts = U"、。，．・：；？！ー）」』】〕〉》ゝゞ々ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
    for (char32_t c : starts) {
        std::u32string text = U"あいう";
        text += c;
        text += U"かき";
        auto lines = wrap(text, 30);
        INFO("character U+" << std::hex << static_cast<unsigned>(c));
        for (const auto& l : lines) {
            REQUIRE_FALSE(l.empty());
            CHECK_FALSE(forbidden_at_line_start(l.front()));
        }
        // The character is pushed out together with the one before it.
        CHECK(lines[0] == U"あい");
    }
}

TEST_CASE("layout: kinsoku — no opening bracket ends a line", "[layout]") {
    for (char32_t c : std::u32string(U"（「『【〔〈《")) {
        std::u32string text = U"あい";
        text += c;
        text += U"うえお";
        auto lines = wrap(text, 30);
        INFO("character U+" << std::hex << static_cast<unsigned>(c));
        for (const auto& l : lines) CHECK_FALSE(forbidden_at_line_end(l.back()));
        CHECK(lines[0] == U"あい");
        CHECK(lines[1].front() == c);
    }
}

TEST_CASE("layout: Latin words and numbers are not split mid-word", "[layout]") {
    auto lines = wrap(U"電話 042-000-0000 まで", 130);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1] == U"042-000-0000");
    for (const auto& l : lines) CHECK((l.find(U"042") == std::u32string::npos || l.find(U"042-000-0000") != std::u32string::npos));
    auto words = wrap(U"model Trilogy100plus ok", 100);
    REQUIRE(words.size() == 3);
    CHECK(words[0] == U"model");
    CHECK(words[1] == U"Trilogy100");  // longer than the line: split
    CHECK(words[2] == U"plus ok");
    auto mixed = wrap(U"使用時間は24時間です", 60);
    CHECK(mixed[0] == U"使用時間は");  // "24" stays together on the next line
    CHECK(mixed[1] == U"24時間です");
}

TEST_CASE("layout: English with accented letters and apostrophes wraps at spaces only", "[layout][english]") {
    // Before: only ASCII counted as a word, so "Müller’s" could break after the M.
    auto lines = wrap(U"see José Müller’s note", 100);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == U"see José");
    CHECK(lines[1] == U"Müller’s");
    CHECK(lines[2] == U"note");
    CHECK(wrap(U"Ōtsuka café “Level 3”", 90) == std::vector<std::u32string>{U"Ōtsuka", U"café", U"“Level 3”"});
    // A word longer than the line is still split rather than run off it.
    auto long_word = wrap(U"Müllerstraße", 60);
    REQUIRE(long_word.size() == 2);
    CHECK(long_word[0] == U"Müller");
}

TEST_CASE("layout: real font — an English sentence breaks only at its spaces, at every width", "[layout][english]") {
    const std::string text =
        "Leave at Alert Level 3 (Evacuate elderly etc.): José’s café, Müller’s clinic and the Ōtsuka "
        "welfare shelter are about 1.2 km away; take the ventilator’s external batteries.";
    // Only a word wider than the whole line may be split: start at the widest word.
    double widest = 0;
    for (size_t b = 0, e; b < text.size(); b = e + 1) {
        e = std::min(text.find(' ', b), text.size());
        widest = std::max(widest, font().text_width(text.substr(b, e - b), 8));
    }
    int widths = 0;
    for (double width = std::ceil(widest); width <= 400; width += 1, ++widths) {
        INFO("width " << width);
        auto lines = wrap_text(font(), text, 8, width);
        REQUIRE(lines.size() >= 1);
        std::string joined;
        for (const auto& l : lines) {
            joined += (joined.empty() ? "" : " ") + l;
            CHECK(font().text_width(l, 8) <= width + 1e-6);
        }
        CHECK(joined == text);  // every break fell on a space (dropped) and nowhere else
    }
    CHECK(widths > 300);
}

TEST_CASE("layout: explicit newlines are kept, spaces at breaks dropped", "[layout]") {
    auto lines = wrap(U"一行目\n\n三行目", 100);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].empty());
    auto sp = wrap(U"ab cd ef", 50);
    REQUIRE(sp.size() == 2);
    CHECK(sp[0] == U"ab cd");
    CHECK(sp[1] == U"ef");
}

TEST_CASE("layout: real font widths — wrapped lines fit the box", "[layout]") {
    std::string text = "停電時は母がアンビューバッグで換気を補助できる。訪問看護は月・水・金の午前（9:00〜12:00）。";
    for (double width : {60.0, 100.0, 173.5, 400.0}) {
        auto lines = wrap_text(font(), text, 8, width);
        std::string joined;
        for (const auto& l : lines) {
            CHECK(font().text_width(l, 8) <= width + 1e-6);
            joined += l;
        }
        CHECK(joined == text);  // nothing lost (no spaces in this text)
    }
    CHECK(font().advance(U'あ') == Approx(1.0));
    CHECK(font().advance(U'a') < 0.7);
}

TEST_CASE("layout: rows never leave the content area, long text splits across pages", "[layout]") {
    Rect content{28, 56, 200, 750};  // narrow: the note needs more than a page
    Flow flow(font(), Style{}, content);
    std::string note;
    for (int i = 0; i < 200; ++i) note += "夜間の吸引と体位交換。";  // 2,000 characters
    flow.heading("特記事項", 30);
    flow.row({text_cell(content.w, note)});
    for (int i = 0; i < 60; ++i) flow.row({text_cell(content.w * 0.3, "ラベル"), text_cell(content.w * 0.7, "値 " + std::to_string(i))});
    auto pages = flow.take_pages();
    CHECK(pages.size() >= 2);
    std::string all;
    for (const auto& p : pages)
        for (const auto& op : p.ops) {
            if (auto* r = std::get_if<RectOp>(&op)) {
                CHECK(r->x >= content.x - 1e-6);
                CHECK(r->y >= content.y - 1e-6);
                CHECK(r->x + r->w <= content.x + content.w + 1e-6);
                CHECK(r->y + r->h <= content.bottom() + 1e-6);
            }
            if (auto* t = std::get_if<TextOp>(&op)) {
                CHECK(t->y <= content.bottom());
                CHECK(t->y - t->size >= content.y - 1e-6);
                CHECK(t->x + font().text_width(t->text, t->size) <= content.x + content.w + 1e-6);
                all += t->text;
            }
        }
    // The note itself continues from page 1 onto page 2.
    auto has_note = [](const PageOps& p) {
        for (const auto& op : p.ops)
            if (auto* t = std::get_if<TextOp>(&op); t && t->text.find("体位交換") != std::string::npos) return true;
        return false;
    };
    CHECK(has_note(pages[0]));
    CHECK(has_note(pages[1]));
    size_t count = 0;
    for (size_t at = all.find("夜間の吸引と体位交換。"); at != std::string::npos; at = all.find("夜間の吸引と体位交換。", at + 1)) ++count;
    CHECK(count == 200);
}

TEST_CASE("layout: a repeated table header is drawn after every page break", "[layout]") {
    Rect content{28, 56, 539, 200};
    Flow flow(font(), Style{}, content);
    std::vector<Cell> header{text_cell(100, "区分"), text_cell(439, "氏名")};
    flow.row(header);
    flow.set_on_new_page([&] { flow.row(header); });
    for (int i = 0; i < 40; ++i) flow.row({text_cell(100, "主治医"), text_cell(439, "佐藤 " + std::to_string(i))});
    flow.set_on_new_page({});
    auto pages = flow.take_pages();
    REQUIRE(pages.size() >= 3);
    for (const auto& p : pages) {
        // The first text on each page is the header.
        const TextOp* first = nullptr;
        for (const auto& op : p.ops)
            if ((first = std::get_if<TextOp>(&op))) break;
        REQUIRE(first);
        CHECK(first->text == "区分");
    }
}


// U+2060 WORD JOINER glues the characters on either side: no line break
// there, no width, and it is not in the lines (it has no glyph to print). The
// English sheet glues the Japanese broadcast terms with it so that
// 警戒レベル3 never splits across lines.
TEST_CASE("layout: a word joiner keeps CJK characters together, has no width and is not printed", "[layout][english]") {
    // Without joiners, CJK breaks anywhere: 5 characters of 10 pt at 30 pt.
    CHECK(wrap(U"ab 警戒レベル", 50) == std::vector<std::u32string>{U"ab 警戒", U"レベル"});
    // Joined, the word moves whole to the next line; the joiners are dropped
    // and not measured (5 characters + 4 joiners fit 50 pt).
    CHECK(wrap(U"ab 警\u2060戒\u2060レ\u2060ベ\u2060ル", 50) == std::vector<std::u32string>{U"ab", U"警戒レベル"});
    // A joined word longer than the line is still split rather than run off it.
    CHECK(wrap(U"警\u2060戒\u2060レ\u2060ベ\u2060ル", 30) == std::vector<std::u32string>{U"警戒レ", U"ベル"});
    // Real font: the joiner has no glyph and adds no width.
    CHECK(font().text_width("警\u2060戒", 8) == Approx(font().text_width("警戒", 8)));
    for (const auto& line : wrap_text(font(), "Leave at Alert Level 3 (Evacuate elderly etc.: 警\u2060戒\u2060レ\u2060ベ\u2060ル\u20603 "
                                              "高\u2060齢\u2060者\u2060等\u2060避\u2060難)",
                                      8, 160))
        CHECK(line.find("\u2060") == std::string::npos);
}
