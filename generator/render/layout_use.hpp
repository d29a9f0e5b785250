#pragma once
// Document content is built on the layout engine (generator/layout): its
// names (FontFace, Flow, Cell, PageOps ...) are used unqualified in render/.
namespace sheetgen::layout {}
namespace sheetgen::render {
using namespace sheetgen::layout;
}  // namespace sheetgen::render
