// The document list: the installed one names the five documents; a bad one
// fails with every problem located (file:line:column).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "render/document_list.hpp"

using namespace sheetgen;
using namespace sheetgen::render;

TEST_CASE("document list: the installed list names sheet, plan, card, kit and sheet-en with their files",
          "[render][documents]") {
    const DocumentList list = load_document_list(test::source_path("templates/documents.yaml"));
    REQUIRE(list.names() == std::vector<std::string>{"sheet", "plan", "card", "kit", "sheet-en"});
    for (const auto& d : list.documents) {
        INFO(d.name);
        CHECK(test::file_exists(d.template_path));  // resolved beside the list
        CHECK(d.page_size == "A4");
    }
    CHECK(list.find("plan")->audience == DocumentFor::VentilatorUsers);
    CHECK(document_file_name(list.find("sheet")->file_pattern, "tama-001") == "tama-001.pdf");
    CHECK(document_file_name(list.find("plan")->file_pattern, "tama-001") == "tama-001-ventilator-plan.pdf");
    CHECK(document_file_name(list.find("card")->file_pattern, "tama-001") == "tama-001-help-card.pdf");
    // The English sheet: only for households whose profile asks for English.
    CHECK(list.find("sheet-en")->audience == DocumentFor::EnglishReaders);
    CHECK(std::string(to_string(DocumentFor::EnglishReaders)) == "english_readers");
    CHECK(document_file_name(list.find("sheet-en")->file_pattern, "tama-001") == "tama-001-en.pdf");
    CHECK(list.find("nothing") == nullptr);
}

TEST_CASE("document list: every problem is reported at file:line:column", "[render][documents]") {
    const std::string yaml =
        "schema: sheetgen/documents-v1\n"
        "documents:\n"
        "  - {name: sheet, template: a.yaml, file: \"{id}.pdf\"}\n"
        "  - {name: sheet, template: b.yaml, file: \"{id}-b.pdf\"}\n"            // 4: duplicate name
        "  - {name: c, tempalte: c.yaml, file: \"c.pdf\"}\n"                      // 5: typo, no {id}, no template
        "  - {name: d, template: d.yaml, file: \"../{id}.pdf\", for: ventilator}\n"  // 6: path, audience
        "  - {name: e, template: e.yaml, file: \"{id}-e.pdf\", page_size: A9}\n";    // 7: page size
    try {
        parse_document_list(yaml, "docs.yaml");
        FAIL("no error");
    } catch (const InputError& e) {
        const std::string m = e.what();
        INFO(m);
        CHECK(m.find("docs.yaml:4:") != std::string::npos);
        CHECK(m.find("'sheet' is listed twice") != std::string::npos);
        CHECK(m.find("docs.yaml:5:") != std::string::npos);
        CHECK(m.find("did you mean 'template'") != std::string::npos);
        CHECK(m.find("must contain {id} exactly once") != std::string::npos);
        CHECK(m.find("missing required key 'template'") != std::string::npos);
        CHECK(m.find("docs.yaml:6:") != std::string::npos);
        CHECK(m.find("may hold only letters") != std::string::npos);
        CHECK(m.find("ventilator_users") != std::string::npos);  // suggestion for 'ventilator'
        CHECK(m.find("docs.yaml:7:") != std::string::npos);
        CHECK(m.find("A9") != std::string::npos);
    }
}

TEST_CASE("document list: two documents may not share a file pattern", "[render][documents]") {
    const std::string yaml = "schema: sheetgen/documents-v1\ndocuments:\n"
                             "  - {name: a, template: a.yaml, file: \"{id}.pdf\"}\n"
                             "  - {name: b, template: b.yaml, file: \"{id}.pdf\"}\n";
    CHECK_THROWS_WITH(parse_document_list(yaml, "d.yaml"), Catch::Contains("d.yaml:4:") && Catch::Contains("used by another document"));
}

TEST_CASE("document list: 'for: english_readers' is an audience, a typo is located with did-you-mean",
          "[render][documents][english]") {
    const std::string ok = "schema: sheetgen/documents-v1\ndocuments:\n"
                           "  - {name: en, template: e.yaml, for: english_readers, file: \"{id}-en.pdf\"}\n";
    CHECK(parse_document_list(ok, "d.yaml").documents.at(0).audience == DocumentFor::EnglishReaders);
    const std::string typo = "schema: sheetgen/documents-v1\ndocuments:\n"
                             "  - {name: en, template: e.yaml, for: english_reader, file: \"{id}-en.pdf\"}\n";
    CHECK_THROWS_WITH(parse_document_list(typo, "d.yaml"),
                      Catch::Contains("d.yaml:3:") && Catch::Contains("did you mean 'english_readers'"));
}
