// The profile's top level, person, household and consent.
#include "profile/read_profile.hpp"

#include <algorithm>

#include "profile/parse.hpp"
#include "profile/profile_enums.hpp"

namespace sheetgen::profile_detail {

namespace {

using Map = SchemaChecker::Map;

const std::vector<std::string> kTopKeys = {"schema",       "id",       "updated",    "draft",   "person",
                                           "household",    "devices",  "power_backup", "contacts", "evacuation",
                                           "consent",      "supplies"};
const std::vector<std::string> kPersonKeys = {"name",       "kana",       "birthdate",   "sex",      "blood_type",
                                              "weight_kg",  "diagnoses",  "care_needs",  "care_notes", "mobility",
                                              "communication", "allergies", "medications", "notes"};
const std::vector<std::string> kMedicationKeys = {"name", "dose", "timing"};
const std::vector<std::string> kHouseholdKeys = {"address",  "district",     "location",       "location_source",
                                                 "building", "living_floor", "sleeping_floor", "members",
                                                 "language"};
const std::vector<std::string> kLocationSourceKeys = {"method", "level", "gazetteer", "date"};
const std::vector<std::string> kLocationKeys = {"lat", "lon"};
const std::vector<std::string> kBuildingKeys = {"type", "storeys", "elevator"};
const std::vector<std::string> kMemberKeys = {"relation", "name", "age", "notes"};
const std::vector<std::string> kConsentKeys = {"share_with_supporters", "date"};

// The schema line: ASCII is shown exactly (a stray space matters), visibly
// quoted; anything else is described.
std::string shown_schema(const std::string& v) {
    const bool ascii = v.size() <= 60 && std::all_of(v.begin(), v.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u >= 0x20 && u < 0x7F;
    });
    if (ascii) return "'" + v + "'";
    return "a value that is not repeated here (it may be personal data)";
}

bool valid_blood_type(const std::string& s) {
    static const char* const kGroups[] = {"A", "B", "O", "AB"};
    for (const char* g : kGroups) {
        std::string base = g;
        if (s == base || s == base + " Rh+" || s == base + " Rh-") return true;
    }
    return false;
}

void read_medications(SchemaChecker& c, const Map& m, Person& pe) {
    c.each_map(m.get("medications"), "person.medications", kMedicationKeys, true,
               [&](const YNode& item, const std::string& where, const Map& mm) {
                   Medication med;
                   med.name = c.text(c.require(mm, "name", item), where + ".name");
                   med.dose = c.text(mm.get("dose"), where + ".dose");
                   med.timing = c.text(mm.get("timing"), where + ".timing");
                   pe.medications.push_back(std::move(med));
               });
}

void read_person(SchemaChecker& c, const YNode& root, const Map& top, Profile& p) {
    const YNode* node = c.require(top, "person", root);
    Map m = c.map(node, "person", kPersonKeys);
    if (!m) return;
    Person& pe = p.person;
    pe.name = c.text(c.require(m, "name", *node), "person.name");
    pe.kana = c.text(m.get("kana"), "person.kana");
    if (auto d = c.date(c.require(m, "birthdate", *node), "person.birthdate", true)) pe.birthdate = *d;
    if (auto s = c.enumeration(m.get("sex"), "person.sex", EnumTable<Sex>(kSexNames))) pe.sex = *s;
    if (const YNode* b = m.get("blood_type")) {
        std::string bt = c.text(b, "person.blood_type");
        if (!bt.empty() && !valid_blood_type(bt))
            c.error(*b, "person.blood_type must be A, B, O or AB, optionally followed by ' Rh+' or ' Rh-' (e.g. \"A Rh+\")");
        else
            pe.blood_type = bt;
    }
    if (auto w = c.number(m.get("weight_kg"), "person.weight_kg", 0, 300, true)) pe.weight_kg = *w;
    pe.diagnoses = c.text_list(m.get("diagnoses"), "person.diagnoses");
    if (auto* items = c.list(m.get("care_needs"), "person.care_needs"))
        for (const auto& it : *items)
            if (auto v = c.enumeration(&it, "care need", EnumTable<CareNeed>(kCareNeedNames))) pe.care_needs.push_back(*v);
    pe.care_notes = c.text(m.get("care_notes"), "person.care_notes");
    pe.mobility = c.text(m.get("mobility"), "person.mobility");
    pe.communication = c.text(m.get("communication"), "person.communication");
    pe.allergies = c.text_list(m.get("allergies"), "person.allergies");
    read_medications(c, m, pe);
    pe.notes = c.text(m.get("notes"), "person.notes");
}

void read_location(SchemaChecker& c, const YNode* node, Household& h) {
    Map m = c.map(node, "household.location", kLocationKeys);
    if (!m) return;
    h.location_at.line = node->line;
    h.location_at.column = node->column;
    // Wide bounds here: the Japan check below gives the better message (and the swap hint).
    auto lat = c.number(c.require(m, "lat", *node), "household.location.lat", -1000, 1000);
    auto lon = c.number(c.require(m, "lon", *node), "household.location.lon", -1000, 1000);
    if (!lat || !lon) return;
    LatLon ll{*lat, *lon};
    if (!inside_japan_extent(ll)) {
        if (inside_japan_extent(LatLon{*lon, *lat}))
            c.error(*node, "household.location is outside Japan, and lat and lon look swapped: lat is the north-south "
                           "value (about 35.6 in Tama City), lon the east-west one (about 139.4)");
        else
            c.error(*node, "household.location is outside Japan (lat must be 20 to 46, lon 122 to 154); check the "
                           "coordinates (WGS84/JGD2011 degrees)");
        return;
    }
    h.location = ll;
}

// Returns whether `storeys` was written (a bad value counts: it is already
// reported, and the floors are then not checked against it).
bool read_building(SchemaChecker& c, const Map& m, Household& h) {
    Map b = c.map(m.get("building"), "household.building", kBuildingKeys);
    if (!b) return false;
    bool storeys_given = false;
    if (auto t = c.enumeration(b.get("type"), "building type", EnumTable<BuildingType>(kBuildingTypeNames)))
        h.building_type = *t;
    if (auto s = c.integer(b.get("storeys"), "household.building.storeys", 1, 300)) {
        h.storeys = static_cast<int>(*s);
        storeys_given = true;
    } else if (b.get("storeys")) {
        storeys_given = true;
        h.storeys = 300;
    }
    if (auto e = c.boolean(b.get("elevator"), "household.building.elevator")) h.elevator = *e;
    return storeys_given;
}

bool read_floor(SchemaChecker& c, const Map& m, const char* key, bool storeys_given, Household& h, int& out) {
    const YNode* f = m.get(key);
    auto v = c.integer(f, std::string("household.") + key, 1, 300);
    if (!v) return false;
    if (*v > h.storeys) {
        c.error(*f, std::string("household.") + key + " (" + std::to_string(*v) + ") is above the building's " +
                        (storeys_given ? "storeys (" + std::to_string(h.storeys) + ")"
                                       : "storeys (1: household.building.storeys is not given)"));
        return false;
    }
    out = static_cast<int>(*v);
    return true;
}

// How the location was found (sheetgen import): method, block/town level, gazetteer and its date.
void read_location_source(SchemaChecker& c, const YNode* node, Household& h) {
    Map m = c.map(node, "household.location_source", kLocationSourceKeys);
    if (!m) return;
    LocationSource src;
    src.method = c.text(c.require(m, "method", *node), "household.location_source.method");
    src.level = c.text(m.get("level"), "household.location_source.level");
    if (!src.level.empty() && src.level != "block" && src.level != "town")
        c.error(*m.get("level"), "household.location_source.level must be block or town");
    src.gazetteer = c.text(m.get("gazetteer"), "household.location_source.gazetteer");
    src.date = c.date(m.get("date"), "household.location_source.date", false);
    h.location_source = src;
}

void read_household(SchemaChecker& c, const YNode& root, const Map& top, Profile& p) {
    const YNode* node = c.require(top, "household", root);
    Map m = c.map(node, "household", kHouseholdKeys);
    if (!m) return;
    Household& h = p.household;
    h.location_at.file = p.source_file;
    h.address = c.text(m.get("address"), "household.address");
    h.district = c.text(m.get("district"), "household.district");
    if (h.district.empty()) h.district = district_from_address(h.address);
    read_location(c, c.require(m, "location", *node), h);
    read_location_source(c, m.get("location_source"), h);
    const bool storeys_given = read_building(c, m, h);
    read_floor(c, m, "living_floor", storeys_given, h, h.living_floor);
    if (!read_floor(c, m, "sleeping_floor", storeys_given, h, h.sleeping_floor)) h.sleeping_floor = h.living_floor;
    if (auto l = c.enumeration(m.get("language"), "household language", EnumTable<Lang>(kLangNames))) h.language = *l;
    c.each_map(m.get("members"), "household.members", kMemberKeys, false,
               [&](const YNode&, const std::string& where, const Map& mm) {
                   HouseholdMember hm;
                   hm.relation = c.text(mm.get("relation"), where + ".relation");
                   hm.name = c.text(mm.get("name"), where + ".name");
                   if (auto a = c.integer(mm.get("age"), where + ".age", 0, 130)) hm.age = static_cast<int>(*a);
                   hm.notes = c.text(mm.get("notes"), where + ".notes");
                   h.members.push_back(std::move(hm));
               });
}

void read_schema_line(SchemaChecker& c, const YNode& root, const Map& top) {
    const YNode* s = c.require(top, "schema", root);
    if (!s) return;
    std::string schema = c.text(s, "schema");
    if (s->kind == YNode::Kind::Scalar && schema != kProfileSchemaV1)
        // The schema line is never personal data: show it exactly (a stray space matters).
        c.error(*s, "schema must be exactly '" + std::string(kProfileSchemaV1) + "', got " + shown_schema(schema));
}

void read_id(SchemaChecker& c, const YNode& root, const Map& top, Profile& p, SourceLocation& id_at) {
    const YNode* idn = c.require(top, "id", root);
    if (!idn) return;
    std::string id = c.text(idn, "id");
    if (idn->kind != YNode::Kind::Scalar) return;
    if (id_has_reserved_suffix(id))
        c.error(*idn, "id " + c.shown(id) + " is not allowed: it ends in '" + std::string(kPlanFileSuffix) +
                          "', which names another household's evacuation plan file (<id>" +
                          std::string(kPlanFileSuffix) + ".pdf); choose an id without that ending");
    else if (!is_valid_profile_id(id))
        c.error(*idn, "id " + c.shown(id) +
                          " is not allowed: use 1 to 64 letters A-Z a-z, digits, '-' or '_' (it becomes a file "
                          "name), and not a Windows device name such as CON, PRN, AUX, NUL, COM1 or LPT1");
    else
        p.id = id;
    id_at = SourceLocation{p.source_file, idn->line, idn->column};
}

// A birthdate after the profile's own date is a typing slip in one of them.
void check_birthdate_order(SchemaChecker& c, const Map& top, const Profile& p, const Date& updated) {
    const YNode* person = top.get("person");
    if (!person || person->kind != YNode::Kind::Map) return;
    for (size_t i = 0; i < person->map_size(); ++i)
        if (person->key(i).value == "birthdate" && p.person.birthdate.year != 0 && updated < p.person.birthdate)
            c.error(person->val(i), "person.birthdate is after the profile's 'updated' date (" + updated.iso() +
                                        "): check both dates");
}

void read_consent(SchemaChecker& c, const YNode& root, const Map& top, Profile& p) {
    const YNode* cn = c.require(top, "consent", root);
    Map cm = c.map(cn, "consent", kConsentKeys);
    if (!cm) return;
    if (auto v = c.boolean(c.require(cm, "share_with_supporters", *cn), "consent.share_with_supporters"))
        p.consent.share_with_supporters = *v;
    p.consent.date = c.date(cm.get("date"), "consent.date", false);
}

// A draft (imported) profile is valid; the warning says what a complete plan still needs.
void read_draft(SchemaChecker& c, const Map& top, Profile& p) {
    const YNode* d = top.get("draft");
    if (auto v = c.boolean(d, "draft")) p.draft = *v;
    if (!p.draft) return;
    const std::vector<std::string> missing = draft_missing_fields(p);
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    c.warning(*d, "draft (下書き): imported from a ledger; a complete plan still needs " +
                      (list.empty() ? std::string("a check at a home visit, then remove 'draft'") : list));
}

}  // namespace

void read_profile(SchemaChecker& c, const YNode& root, Profile& p, SourceLocation& id_at) {
    Map top = c.map(&root, "the profile", kTopKeys);
    if (!top) return;
    read_schema_line(c, root, top);
    read_id(c, root, top, p, id_at);
    auto updated = c.date(c.require(top, "updated", root), "updated", false);
    if (updated) p.updated = *updated;
    read_person(c, root, top, p);
    if (updated) check_birthdate_order(c, top, p, *updated);
    read_household(c, root, top, p);
    read_devices(c, top, p);
    read_power_backup(c, top, p);
    read_contacts(c, top, p);
    read_evacuation(c, top, p);
    read_supplies(c, top, p);
    read_consent(c, root, top, p);
    read_draft(c, top, p);
}

}  // namespace sheetgen::profile_detail
