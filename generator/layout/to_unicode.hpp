#pragma once
// Repairs the /ToUnicode map libharu 2.3.0 writes for a UTF-8 TrueType font.
#include <string>

namespace sheetgen::layout {

// libharu 2.3.0 writes the UTF-8 font's /ToUnicode as a CID CMap
// (begincidrange), which is not a valid ToUnicode map: extraction then rests
// on viewer guesswork (poppler warns). In this mode CIDs are the Unicode code
// points, so an identity map is exact. The first /ToUnicode object is replaced
// in place by a Flate-compressed identity map and the xref offsets after it
// and startxref are shifted; on any unexpected layout (no /ToUnicode, the
// object missing or not a /Type /CMap, no classic xref table starting at
// object 0, entries past startxref) the PDF is returned unchanged.
std::string fix_to_unicode(std::string pdf);

}  // namespace sheetgen::layout
