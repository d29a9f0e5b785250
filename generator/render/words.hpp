#pragma once
// The documents' own words in each language, declared once, one row per
// phrase (words.cpp): yes/no, units, the sentences the field model builds
// (when to leave, the safe floor, no accepted destination ...), the map
// legend, the page frame. Only these are translated: text typed in a profile
// or found in the hazard data is printed as written.
#include <string>
#include <utility>
#include <vector>

#include "common/lang.hpp"
#include "hazard/kinds.hpp"

namespace sheetgen::render {

enum class Word {
    // format_value: yes/no, lists, dates, units
    Yes, No, Present, Absent, ListSeparator, Bullet, Age, DateWithAge,
    Hours, Watts, WattHours, Kilograms, Metres, Kilometres, Floor,
    // the field model's sentences
    Bracketed, ExternalBatteries, OutsideFloodZones, FloodDepthUnknown, RiverFlood, RiverFloodOutside, ScenarioOutside, ScenarioDepthUnknown, DurationUnknown, NoneDash,
    ExtraSeparator, PowerAvailable, ActionHeading, ActionHeadingTsunami, StartAtLevel, StartOnTsunami, StartOnTsunamiAndLevel, StartStayHome,
    SafeFloor, SafeFloorAssumed, SafeFloorNotInBuilding, NoSafeFloor, NoStayDestination,
    Building, WithElevator, WithoutElevator, LivingFloor, SleepingFloor, MemberAge,
    ZoneInside, ZoneOutside, FloodFlow, BankErosion,
    PlannedAccepted, PlannedNotAccepted,
    // sections, renderer, page frame
    Continued, Draft, NoEntries, Photo, PhotoHint, HeaderMark, Prepared,
    // map
    NoMap, LegendDepthUnknown, LegendDepth, LegendKindOutline, LegendHouseCollapse, LegendLandslide, LegendRoute, LegendHome,
    LegendUsable, LegendNotUsable, InAFlood, InALandslide, PlannedNotUsedLabel,
    Count  // not a word: the number of rows
};

// The word or phrase in `lang`.
const std::string& word(Word w, Lang lang);

// The phrase with each {name} replaced by its value (every {name} of the
// phrase must be given: a missing one is a programming error and throws
// std::logic_error, so tests catch it rather than a family).
std::string phrase(Word w, Lang lang, const std::vector<std::pair<std::string, std::string>>& values);

// ---- the alerts as the family hears them -------------------------------------
// Families who read English still hear the alerts in Japanese (TV, radio,
// 防災行政無線, Area Mail). Where the English sheet says when to leave, it
// prints the Japanese broadcast term beside the alert: "Leave at Alert Level 3
// (Evacuate elderly etc.: 警戒レベル3 高齢者等避難)". These terms, a fixed list,
// are the only Japanese the English sheet prints in its own words (the rest
// is what the family typed and the names of the places the verdict accepted).
const std::vector<std::string>& broadcast_terms();

// `sentence` as the document prints it in `lang`: on the English sheet, a
// sentence that says when to leave (the action, the start, the reasons
// leave_early and leave_now_tsunami) becomes its form with the broadcast
// terms, their words glued with word joiners (U+2060, layout.hpp) so that no
// line breaks inside 警戒レベル3; any other sentence, and every Japanese one,
// is returned unchanged. The CSV, GeoJSON and map page keep the shared
// English sentence.
std::string with_broadcast_terms(const std::string& sentence, Lang lang);

// A hazard kind's name as a sheet heads it: 「津波浸水想定」, "Tsunami inundation zone".
std::string kind_name(LayerKind kind, Lang lang);

}  // namespace sheetgen::render
