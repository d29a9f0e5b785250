#include <catch2/catch.hpp>

#include <sstream>

#include "cli/cli_fixtures.hpp"
#include "commands/render_lib.hpp"
#include "common/error.hpp"
#include "profile/parse.hpp"

using namespace sheetgen;
using namespace sheetgen::commands;
using sheetgen::test::TempDir;

namespace {
RenderDocumentsOptions options_for(const TempDir& dir, std::vector<std::string> profiles) {
    RenderDocumentsOptions o;
    o.hazards_config = test::sample_hazards();
    o.profile_paths = std::move(profiles);
    o.out_dir = dir.file("out");
    o.font = SHEETGEN_DEFAULT_FONT;
    o.documents = {{"sheet", test::source_path("templates/support-sheet.yaml"), render::DocumentFor::Everyone, "{id}.pdf", ""},
                   {"plan", test::source_path("templates/ventilator-plan.yaml"), render::DocumentFor::VentilatorUsers,
                    std::string("{id}") + kPlanFileSuffix + ".pdf", ""}};
    o.as_of = Date{2026, 11, 28};
    o.document_date = o.as_of;
    o.run.jobs = 2;
    return o;
}
}  // namespace

TEST_CASE("render_documents: each document job goes to the households it is for", "[commands][render]") {
    TempDir dir;
    std::ostringstream out, err;
    // tama-001 uses a ventilator, tama-003 does not.
    RenderDocumentsOptions o =
        options_for(dir, {test::source_path("samples/tama-001.yaml"), test::source_path("samples/tama-003.yaml")});
    const RenderDocumentsResult r = render_documents(o, Streams{out, err, false});
    CHECK(r.households == 2);
    CHECK(r.documents == 3);
    CHECK(r.skipped == 0);
    CHECK(test::file_exists(dir.file("out/tama-001.pdf")));
    CHECK(test::file_exists(dir.file("out/tama-001-ventilator-plan.pdf")));
    CHECK(test::file_exists(dir.file("out/tama-003.pdf")));
    CHECK_FALSE(test::file_exists(dir.file("out/tama-003-ventilator-plan.pdf")));

    SECTION("without the plan job, only sheets") {
        TempDir dir2;
        RenderDocumentsOptions sheets = options_for(dir2, {test::source_path("samples/tama-001.yaml")});
        sheets.documents.pop_back();
        const RenderDocumentsResult r2 = render_documents(sheets, Streams{out, err, false});
        CHECK(r2.documents == 1);
        CHECK_FALSE(test::file_exists(dir2.file("out/tama-001-ventilator-plan.pdf")));
    }
}

TEST_CASE("render_documents: the same inputs give byte-identical PDFs", "[commands][render]") {
    TempDir a, b;
    std::ostringstream out, err;
    render_documents(options_for(a, {test::source_path("samples/tama-002.yaml")}), Streams{out, err, false});
    render_documents(options_for(b, {test::source_path("samples/tama-002.yaml")}), Streams{out, err, false});
    CHECK(test::read_file(a.file("out/tama-002.pdf")) == test::read_file(b.file("out/tama-002.pdf")));
}

TEST_CASE("render_documents: typed errors for options and inputs", "[commands][render]") {
    TempDir dir;
    std::ostringstream out, err;
    Streams io{out, err, false};
    RenderDocumentsOptions o = options_for(dir, {test::source_path("samples/tama-001.yaml")});
    SECTION("a bad template is an InputError") {
        test::write_file(dir.file("t.yaml"), "page: [\n");
        o.documents[0].template_path = dir.file("t.yaml");
        CHECK_THROWS_AS(render_documents(o, io), InputError);
    }
    SECTION("no document chosen") {
        o.documents.clear();
        CHECK_THROWS_AS(render_documents(o, io), UsageError);
    }
    SECTION("a bundle over a profile") {
        o.bundle = test::source_path("samples/tama-001.yaml");
        CHECK_THROWS_AS(render_documents(o, io), UsageError);
    }
    CHECK_FALSE(test::file_exists(dir.file("out/tama-001.pdf")));
}

TEST_CASE("render_documents: an imported draft says 下書き on its sheet", "[commands][render]") {
    if (test::capture("command -v pdftotext").empty()) SHEETGEN_SKIP("pdftotext (poppler-utils) not installed");
    TempDir dir;
    test::write_file(dir.file("d.yaml"), test::minimal_profile("draft-1") + "draft: true\n");
    test::write_file(dir.file("f.yaml"), test::minimal_profile("final-1"));
    std::ostringstream out, err;
    RenderDocumentsOptions o = options_for(dir, {dir.file("d.yaml"), dir.file("f.yaml")});
    o.documents.pop_back();
    const RenderDocumentsResult r = render_documents(o, Streams{out, err, false});
    REQUIRE(r.documents == 2);
    CHECK(test::capture("pdftotext " + test::q(dir.file("out/draft-1.pdf")) + " - ").find("下書き") != std::string::npos);
    CHECK(test::capture("pdftotext " + test::q(dir.file("out/final-1.pdf")) + " - ").find("下書き") == std::string::npos);
}
