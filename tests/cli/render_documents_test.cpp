// `render --documents` and the document list: the help card and fridge sheet
// for every sample, a new document type added by a template and one list
// line alone, and the errors for unknown names and bad lists.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <regex>

#include "cli/cli_fixtures.hpp"

using namespace sheetgen::test;

namespace {

std::string squash(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\n' && c != '\f') out += c;
    return out;
}

// The name and the doctor's phone as written in a sample profile.
std::pair<std::string, std::string> name_and_doctor_phone(const std::string& id) {
    const std::string yaml = read_file(source_path("samples/" + id + ".yaml"));
    std::smatch name, phone;
    REQUIRE(std::regex_search(yaml, name, std::regex("\\n  name: ([^\\n]+)")));
    REQUIRE(std::regex_search(yaml, phone, std::regex("role: doctor[^\\n]*phone: ([0-9-]+)")));
    return {squash(name[1]), phone[1]};
}

const char* kSamples[] = {"tama-001", "tama-002", "tama-003", "tama-004", "tama-005", "tama-006",
                          "tama-007", "tama-008", "tama-009", "tama-010", "tama-011", "tama-012"};
const char* kVentilatorUsers[] = {"tama-001", "tama-002", "tama-005", "tama-008", "tama-012"};

bool ventilator_user(const std::string& id) {
    for (const char* v : kVentilatorUsers)
        if (id == v) return true;
    return false;
}

}  // namespace

TEST_CASE("render --documents card,kit: every sample gets a readable help card and fridge sheet", "[cli][render][card]") {
    TempDir dir;
    const std::string out = dir.file("docs");
    auto r = run_sheetgen("render --hazards " + q(sample_hazards()) + " " + q(source_path("samples")) + " --out " +
                          q(out) + " --documents card,kit --date 2026-11-24 --jobs 2");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("help card: field") == std::string::npos);  // every sample's card fits
    for (const char* id : kSamples) {
        INFO(id);
        CHECK_FALSE(file_exists(out + "/" + id + ".pdf"));  // only what --documents chose
        const auto [name, phone] = name_and_doctor_phone(id);
        for (const std::string suffix : {"-help-card.pdf", "-emergency-kit.pdf"}) {
            INFO(suffix);
            const std::string pdf = out + "/" + id + suffix;
            REQUIRE(file_exists(pdf));
            CHECK(std::system(("qpdf --check " + q(pdf) + " >/dev/null 2>&1").c_str()) == 0);
            int st = 0;
            const std::string text = squash(capture("pdftotext -enc UTF-8 " + q(pdf) + " - 2>/dev/null", &st));
            REQUIRE(st == 0);
            CHECK(text.find(name) != std::string::npos);
            CHECK(text.find(phone) != std::string::npos);
            if (ventilator_user(id)) CHECK(text.find("人工呼吸器") != std::string::npos);
        }
    }
}

TEST_CASE("render: a new document type is a template plus one document-list line", "[cli][render]") {
    TempDir dir;
    write_file(dir.file("memo.yaml"),
               "schema: sheetgen/template-v1\ntitle: 停電時連絡メモ\npage_size: A5\nfooter_text: 多摩市障害福祉課\n"
               "sections:\n  - title: 連絡先\n    kind: fields\n    fields:\n"
               "      - {label: 氏名, path: person.name}\n      - {label: 電源, path: power.backup}\n");
    write_file(dir.file("documents.yaml"),
               "schema: sheetgen/documents-v1\ndocuments:\n"
               "  - {name: memo, template: memo.yaml, for: power_dependent, file: \"{id}-memo.pdf\"}\n");
    const std::string out = dir.file("out");
    auto r = run_sheetgen("render --hazards " + q(sample_hazards()) + " " + q(source_path("samples/tama-001.yaml")) + " " +
                          q(source_path("samples/tama-003.yaml")) + " --out " + q(out) + " --document-list " +
                          q(dir.file("documents.yaml")) + " --documents memo --date 2026-11-24");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string memo = out + "/tama-001-memo.pdf";  // tama-001 depends on powered devices
    REQUIRE(file_exists(memo));
    CHECK_FALSE(file_exists(out + "/tama-001.pdf"));
    const std::string text = squash(capture("pdftotext -enc UTF-8 " + q(memo) + " - 2>/dev/null"));
    CHECK(text.find("停電時連絡メモ") != std::string::npos);
    CHECK(text.find("多摩市障害福祉課") != std::string::npos);
    CHECK(capture("pdfinfo " + q(memo) + " 2>/dev/null").find("419.528 x 595.276 pts") != std::string::npos);  // A5
}

TEST_CASE("render --documents: unknown names, a bad list and contradicting options are refused", "[cli][render]") {
    TempDir dir;
    const std::string base = "render --hazards " + q(sample_hazards()) + " " + q(source_path("samples/tama-001.yaml")) +
                             " --out " + q(dir.file("out"));
    auto r = run_sheetgen(base + " --documents sheet,cards");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("unknown document type 'cards'") != std::string::npos);
    CHECK(r.err.find("sheet, plan, card, kit") != std::string::npos);
    CHECK(run_sheetgen(base + " --documents sheet,sheet").exit_code == 2);
    CHECK(run_sheetgen(base + " --documents card --plan-template x.yaml").exit_code == 2);
    CHECK(run_sheetgen(base + " --documents plan --plans none").exit_code == 2);  // nothing left

    write_file(dir.file("bad.yaml"), "schema: sheetgen/documents-v1\ndocuments:\n  - {name: x, template: t.yaml, fille: a}\n");
    r = run_sheetgen(base + " --document-list " + q(dir.file("bad.yaml")));
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("bad.yaml:3:") != std::string::npos);
    CHECK_FALSE(file_exists(dir.file("out")));
}

TEST_CASE("render --plans none still renders sheets only", "[cli][render]") {
    TempDir dir;
    const std::string out = dir.file("out");
    auto r = run_sheetgen("render --hazards " + q(sample_hazards()) + " " + q(source_path("samples/tama-001.yaml")) +
                          " --out " + q(out) + " --plans none --date 2026-11-24");
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(file_exists(out + "/tama-001.pdf"));
    CHECK_FALSE(file_exists(out + "/tama-001-ventilator-plan.pdf"));
}

TEST_CASE("render: an id whose file would be another household's document is refused", "[cli][render]") {
    TempDir dir;
    std::string other = read_file(source_path("samples/tama-003.yaml"));
    other.replace(other.find("id: tama-003"), 12, "id: tama-001-help-card");
    write_file(dir.file("a.yaml"), read_file(source_path("samples/tama-001.yaml")));
    write_file(dir.file("b.yaml"), other);
    const std::string out = dir.file("out");
    for (int order = 0; order < 2; ++order) {  // whichever household comes first
        auto r = run_sheetgen("render --hazards " + q(sample_hazards()) + " " + q(dir.file(order ? "b.yaml" : "a.yaml")) +
                              " " + q(dir.file(order ? "a.yaml" : "b.yaml")) + " --out " + q(out) +
                              " --documents sheet,card --date 2026-11-24 --jobs 1");
        INFO(r.out << r.err);
        CHECK(r.exit_code == 1);
        CHECK(r.err.find("id 'tama-001-help-card' is not rendered") != std::string::npos);
        CHECK(r.err.find("b.yaml:") != std::string::npos);
        const std::string text = capture("pdftotext -enc UTF-8 " + q(out + "/tama-001-help-card.pdf") + " - 2>/dev/null");
        CHECK(text.find("ヘルプカード") != std::string::npos);  // tama-001's card, not the other's sheet
        CHECK(text.find("災害時個別支援シート") == std::string::npos);
    }
}
