#pragma once
// `flag --html`: one self-contained HTML page (Leaflet inlined, no external
// references) with every household, its verdict, the hazard zones and the
// shelters, plus a sortable, filterable table. Streamed like the GeoJSON:
// head, household rows separated by ",\n", tail (sentences, field list).
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "hazard/exposure.hpp"
#include "profile/profile.hpp"
#include "report/flag_report.hpp"
#include "risk/verdict.hpp"

namespace sheetgen {

// Where Debian's libjs-leaflet (1.7.1) puts Leaflet.
inline constexpr const char* kLeafletDir = "/usr/share/javascript/leaflet";
// Zones are simplified for the screen to this tolerance (metres): invisible
// at street zoom, and it keeps the 10,000-household page small.
inline constexpr double kHtmlZoneToleranceM = 3.0;

struct HtmlMapOptions {
    std::optional<std::string> tiles_url;  // --html-tiles: a base map, named on the page
    bool no_names = false;                 // --html-no-names: no names anywhere in the file
    std::string as_of;                     // the run's date (YYYY-MM-DD), shown on the page
    std::string hazards_name;              // the hazard configuration's name
    // `diff --html`: each household carries its change codes and sentences,
    // and the page adds a 変化 column, filter and details section.
    bool changes = false;
    size_t removed_households = 0;         // in the earlier data only: not on today's map
    FlagColumns columns;                   // the config's own properties (flag_report.hpp)
    // Credit lines of the shelter layers (HazardSet::shelter_attributions);
    // the zones bring their own. The page lists them under the legend.
    std::vector<std::string> shelter_attributions;
};

// Leaflet's script and stylesheet, made self-contained (see inline_leaflet_*).
struct LeafletAssets {
    std::string js;
    std::string css;
};
// Reads leaflet.min.js (else leaflet.js) and leaflet.css from `dir`. Throws
// InputError naming the missing file and the Debian package that provides it.
LeafletAssets load_leaflet_assets(const std::string& dir = kLeafletDir);
// The attribution link to leafletjs.com becomes plain text, the source-map
// comment goes, "</script" cannot end the inline script early.
std::string inline_leaflet_js(std::string js);
// Every url(...) (marker and layer-control images, VML behaviour) becomes
// `none`: the page draws its own markers and needs no image files.
std::string inline_leaflet_css(std::string css);

// Relative links to a household's PDFs, empty when the file is absent.
struct HtmlPdfLinks {
    std::string sheet;  // <id>.pdf
    std::string plan;   // <id>-ventilator-plan.pdf
};
// Looks for <pdf_dir>/<id>.pdf and <id>-ventilator-plan.pdf; `href_prefix` is
// pdf_dir as seen from the HTML file's directory ("" or ending in '/').
HtmlPdfLinks find_pdf_links(const std::string& pdf_dir, const std::string& href_prefix, const std::string& id);
// pdf_dir relative to the directory of html_path, ending in '/' ("" when the same).
std::string relative_href_prefix(const std::string& html_path, const std::string& pdf_dir);

// One household: household_properties() (without `name` under no_names, and
// without the joined `reasons` / `reasons_en`), its location, device kinds
// and PDF links, plus its sentences. On the page a household is a row of
// values whose positions the tail's field list names: 10,000 records with
// their property names repeated were 8.5 of a 9.6 MiB page, and the browser's
// parser, not the script, was most of the time to open it. Every text value
// (district, depth, shelter names, the reason codes, ...) and every sentence
// repeats across households, so the page holds each once (HtmlSentences) and
// the rows hold its number.
struct HtmlRecord {
    struct Field {
        std::string name;
        std::string json;                 // a JSON literal: number, true/false, null, array
        std::optional<std::string> text;  // or a text value, stored in the sentence table
    };
    std::vector<Field> fields;
    std::string pdf, plan_pdf;  // relative links, empty when there is no such PDF
    std::vector<std::string> reasons_ja, reasons_en;
    std::vector<std::string> change_codes, changes_ja, changes_en;  // diff --html only
    // The action and when to set out as the CSV and the sheets word them
    // (action_label_ja / start_label_ja: a tsunami zone leaves at once), ja and en.
    std::string action_ja, action_en, start_ja, start_en;
};
HtmlRecord html_household_record(const Profile& profile, const Verdict& verdict, const HtmlMapOptions& options,
                                 const HtmlPdfLinks& pdf = {});

// The page's sentence table and field list, filled in household order by one
// thread (the output sink): numbers follow first appearance, so the page is
// the same whatever the number of worker threads.
class HtmlSentences {
public:
    // The record as a row: [value, ...] in the order of fields_json(), a text
    // value as its sentence number, then rj, re (reason sentences, ja / en),
    // al, sl ([ja, en] of the action and when to set out), pdf, plan_pdf, and
    // cc (change codes), cj, ce (their sentences) for diff --html. Trailing
    // nulls are left out. Throws std::logic_error if a record's fields differ
    // from the first record's (every row must follow one field list).
    std::string close(const HtmlRecord& record);
    std::string json() const;         // ["sentence", ...]
    std::string fields_json() const;  // {"names":[...],"text":[positions of text fields]}
private:
    size_t number(const std::string& sentence);
    std::string numbers(const std::vector<std::string>& list);  // [n,...]
    void check_fields(const std::vector<std::string>& names, const std::vector<size_t>& text);
    std::unordered_map<std::string, size_t> index_;
    std::vector<std::string> sentences_;
    std::vector<std::string> field_names_;
    std::vector<size_t> text_fields_;
    bool fields_known_ = false;
};

// Everything before the household records: page, styles, Leaflet, zones
// (lon/lat rings from HazardSet::zone_polygons_lonlat) and shelters.
std::string html_map_head(const LeafletAssets& leaflet, const std::vector<MapPolygon>& zones_lonlat,
                          const std::vector<Shelter>& shelters, const HtmlMapOptions& options);
// Everything after them: the sentence table, the field list and the page's own script.
std::string html_map_tail(const HtmlMapOptions& options, const HtmlSentences& sentences);

// A JSON string literal safe inside an HTML <script> element (<, >, & escaped).
std::string html_json_string(const std::string& value);

}  // namespace sheetgen
