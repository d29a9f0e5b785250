#pragma once
// The fixed text of the `flag --html` page: markup, styles and the script
// that draws the map and the table from the JSON blocks html_map.cpp writes.
namespace sheetgen::html_page {

extern const char* const kHeadStart;     // <!DOCTYPE html> ... <head> meta/title
extern const char* const kStyle;         // screen + print (A4) styles
extern const char* const kErrorRecorder; // window.onerror / console.error -> DOM, before Leaflet runs
extern const char* const kBody;          // banner, controls, map, legend, table skeleton
extern const char* const kApp;           // the page's script

}  // namespace sheetgen::html_page
