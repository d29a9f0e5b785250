// Library failures are RenderError (exit 6 in the CLI), not OutputError
// ("could not write", exit 4): a broken font given to libharu is neither a
// full disk nor a permission problem.
#include <catch2/catch.hpp>

#include "common/error.hpp"
#include "layout/pdf_writer.hpp"

using namespace sheetgen;
using namespace sheetgen::layout;

TEST_CASE("a font libharu cannot load is a RenderError, not an OutputError", "[layout][errors]") {
    bool render_error = false, output_error = false;
    try {
        PdfWriter w(std::string(512, 'x'), PdfMeta{Date{2026, 1, 1}, "t", "sheetgen"});
        PageOps page;
        page.ops.push_back(TextOp{10, 10, 8, "あ", Color{}});
        w.add_page(page);
        w.finish();
    } catch (const RenderError&) {
        render_error = true;
    } catch (const OutputError&) {
        output_error = true;
    }
    CHECK(render_error);
    CHECK_FALSE(output_error);
}
