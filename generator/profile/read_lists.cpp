// The profile's lists (devices, power_backup, contacts, evacuation with its
// destinations, supporters and charge locations) and the optional supplies.
#include "profile/profile_enums.hpp"
#include "profile/read_profile.hpp"

namespace sheetgen::profile_detail {

namespace {

using Map = SchemaChecker::Map;

const std::vector<std::string> kDeviceKeys = {
    "kind",         "name",   "model",       "hours_per_day", "watts",   "internal_battery_h", "external_batteries",
    "manual_fallback", "maintenance_contact", "vendor_phone_24h", "power_dependent", "critical", "settings",
    "circuit",      "humidifier", "battery_order"};
const std::vector<std::string> kExternalBatteryKeys = {"count", "hours_each"};
const std::vector<std::string> kSettingsKeys = {"mode", "rate", "tidal_volume", "inspiratory_pressure", "peep",
                                                "oxygen", "other"};
const std::vector<std::string> kBackupKeys = {"kind",   "model", "capacity_wh", "efficiency", "output_w",
                                              "fuel",   "fuel_hours", "kept_outside_flood_zone"};
const std::vector<std::string> kContactKeys = {"role", "name", "organisation", "phone", "notes"};
const std::vector<std::string> kDestinationKeys = {"type", "name", "address", "phone", "agreed", "power", "notes"};
const std::vector<std::string> kEvacuationKeys = {"shelter",  "welfare_shelter", "alternative",
                                                  "destinations", "transport", "helpers_needed",
                                                  "supporters",   "charge_locations", "notes"};
const std::vector<std::string> kSupporterKeys = {"name", "relation", "phone"};
const std::vector<std::string> kChargeLocationKeys = {"name", "address", "notes"};
const std::vector<std::string> kSuppliesKeys = {"suction_per_day", "suction_catheters", "spare_circuits",
                                                "medication_days", "stock_days"};

// Magnitudes no device has (1e-200 W, 4.9e-324 h a day) are typing slips; in
// the power model they underflow to 0 or make infinite runtimes, so they are
// refused where they were written.
void refuse_tiny(SchemaChecker& c, const Map& m, const std::string& where, const char* key, double v,
                 double smallest, const char* what) {
    if (v > 0 && v < smallest)
        c.error(*m.get(key), where + "." + key + " is above 0 but below " + what +
                                 ", which no device has: write 0 (unknown / not used) or the real value");
}

void read_power_fields(SchemaChecker& c, const Map& m, const std::string& where, Device& d) {
    if (auto v = c.number(m.get("hours_per_day"), where + ".hours_per_day", 0, 24)) {
        d.hours_per_day = *v;
        refuse_tiny(c, m, where, "hours_per_day", *v, 0.01, "0.01 h (36 seconds a day)");
    }
    if (auto v = c.number(m.get("watts"), where + ".watts", 0, 10000)) {
        d.watts = *v;
        refuse_tiny(c, m, where, "watts", *v, 0.01, "0.01 W");
    }
    if (auto v = c.number(m.get("internal_battery_h"), where + ".internal_battery_h", 0, 1000))
        d.internal_battery_h = *v;
    Map eb = c.map(m.get("external_batteries"), where + ".external_batteries", kExternalBatteryKeys);
    if (eb) {
        if (auto v = c.integer(eb.get("count"), where + ".external_batteries.count", 0, 100))
            d.external_battery_count = static_cast<int>(*v);
        if (auto v = c.number(eb.get("hours_each"), where + ".external_batteries.hours_each", 0, 1000))
            d.external_battery_h = *v;
    }
}

// Ventilator settings: free text each, kept as the clinic writes them.
void read_settings(SchemaChecker& c, const Map& m, const std::string& where, Device& d) {
    Map s = c.map(m.get("settings"), where + ".settings", kSettingsKeys);
    if (!s) return;
    VentilatorSettings vs;
    std::string VentilatorSettings::*fields[] = {&VentilatorSettings::mode, &VentilatorSettings::rate,
                                                 &VentilatorSettings::tidal_volume,
                                                 &VentilatorSettings::inspiratory_pressure,
                                                 &VentilatorSettings::peep, &VentilatorSettings::oxygen,
                                                 &VentilatorSettings::other};
    for (size_t i = 0; i < kSettingsKeys.size(); ++i)
        vs.*fields[i] = c.text(s.get(kSettingsKeys[i]), where + ".settings." + kSettingsKeys[i]);
    d.settings = std::move(vs);
}

void read_device(SchemaChecker& c, const YNode& item, const std::string& where, const Map& m, Profile& p) {
    Device d;
    const YNode* kind = c.require(m, "kind", item);
    if (auto k = c.enumeration(kind, "device kind", EnumTable<DeviceKind>(kDeviceKindNames))) d.kind = *k;
    d.name = c.text(m.get("name"), where + ".name");
    if (kind && d.kind == DeviceKind::Other && d.name.empty() && kind->value == "other")
        c.error(*kind, where + ": kind: other needs a name (what the device is)");
    d.model = c.text(m.get("model"), where + ".model");
    read_power_fields(c, m, where, d);
    d.manual_fallback = c.text(m.get("manual_fallback"), where + ".manual_fallback");
    d.maintenance_contact = c.text(m.get("maintenance_contact"), where + ".maintenance_contact");
    d.vendor_phone_24h = c.text(m.get("vendor_phone_24h"), where + ".vendor_phone_24h");
    d.power_dependent = default_power_dependent(d.kind);
    d.critical = default_critical(d.kind);
    if (auto v = c.boolean(m.get("power_dependent"), where + ".power_dependent")) d.power_dependent = *v;
    if (auto v = c.boolean(m.get("critical"), where + ".critical")) d.critical = *v;
    read_settings(c, m, where, d);
    d.circuit = c.text(m.get("circuit"), where + ".circuit");
    d.humidifier = c.text(m.get("humidifier"), where + ".humidifier");
    if (auto o = c.enumeration(m.get("battery_order"), "battery order", EnumTable<BatteryOrder>(kBatteryOrderNames)))
        d.battery_order = *o;
    p.devices.push_back(std::move(d));
}

// evacuation.destinations: places arranged in advance to go and stay.
void read_destination(SchemaChecker& c, const YNode& item, const std::string& where, const Map& m, Evacuation& e) {
    ArrangedDestination d;
    d.at = c.at(item);
    if (auto t = c.enumeration(c.require(m, "type", item), "destination type",
                               EnumTable<DestinationType>(kDestinationTypeNames)))
        d.type = *t;
    d.name = c.text(m.get("name"), where + ".name");
    if (d.name.empty()) c.error(item, where + " needs a name (the place, e.g. 都立神経病院)");
    d.address = c.text(m.get("address"), where + ".address");
    d.phone = c.text(m.get("phone"), where + ".phone");
    d.notes = c.text(m.get("notes"), where + ".notes");
    // Welfare shelters and hospitals receive only people they agreed to take.
    d.agreed = d.type == DestinationType::Relatives || d.type == DestinationType::Other ||
               d.type == DestinationType::EvacuationShelter;
    if (auto v = c.boolean(m.get("agreed"), where + ".agreed")) d.agreed = *v;
    if (d.type == DestinationType::Hospital) d.power = true;
    if (auto v = c.boolean(m.get("power"), where + ".power")) d.power = *v;
    e.destinations.push_back(std::move(d));
}

}  // namespace

void read_devices(SchemaChecker& c, const Map& top, Profile& p) {
    c.each_map(top.get("devices"), "devices", kDeviceKeys, true,
               [&](const YNode& item, const std::string& where, const Map& m) { read_device(c, item, where, m, p); });
}

void read_power_backup(SchemaChecker& c, const Map& top, Profile& p) {
    c.each_map(top.get("power_backup"), "power_backup", kBackupKeys, true,
               [&](const YNode& item, const std::string& where, const Map& m) {
                   PowerBackup b;
                   if (auto k = c.enumeration(c.require(m, "kind", item), "power_backup kind",
                                              EnumTable<BackupKind>(kBackupKindNames)))
                       b.kind = *k;
                   b.model = c.text(m.get("model"), where + ".model");
                   if (auto v = c.number(m.get("capacity_wh"), where + ".capacity_wh", 0, 1000000)) b.capacity_wh = *v;
                   if (auto v = c.number(m.get("efficiency"), where + ".efficiency", 0, 1, true)) b.efficiency = *v;
                   if (auto v = c.number(m.get("output_w"), where + ".output_w", 0, 100000)) b.output_w = *v;
                   b.fuel = c.text(m.get("fuel"), where + ".fuel");
                   if (auto v = c.number(m.get("fuel_hours"), where + ".fuel_hours", 0, 10000)) b.fuel_hours = *v;
                   if (auto v = c.boolean(m.get("kept_outside_flood_zone"), where + ".kept_outside_flood_zone"))
                       b.kept_outside_flood_zone = *v;
                   p.power_backup.push_back(std::move(b));
               });
}

void read_contacts(SchemaChecker& c, const Map& top, Profile& p) {
    c.each_map(top.get("contacts"), "contacts", kContactKeys, true,
               [&](const YNode& item, const std::string& where, const Map& m) {
                   Contact ct;
                   if (auto r = c.enumeration(c.require(m, "role", item), "contact role",
                                              EnumTable<ContactRole>(kContactRoleNames)))
                       ct.role = *r;
                   ct.name = c.text(m.get("name"), where + ".name");
                   ct.organisation = c.text(m.get("organisation"), where + ".organisation");
                   ct.phone = c.text(m.get("phone"), where + ".phone");
                   ct.notes = c.text(m.get("notes"), where + ".notes");
                   if (ct.name.empty() && ct.organisation.empty())
                       c.error(item, where + " needs a name or an organisation");
                   p.contacts.push_back(std::move(ct));
               });
}

void read_evacuation(SchemaChecker& c, const Map& top, Profile& p) {
    Map m = c.map(top.get("evacuation"), "evacuation", kEvacuationKeys);
    if (!m) return;
    Evacuation& e = p.evacuation;
    e.shelter = c.text(m.get("shelter"), "evacuation.shelter");
    e.welfare_shelter = c.text(m.get("welfare_shelter"), "evacuation.welfare_shelter");
    e.alternative = c.text(m.get("alternative"), "evacuation.alternative");
    e.transport = c.text(m.get("transport"), "evacuation.transport");
    if (auto v = c.integer(m.get("helpers_needed"), "evacuation.helpers_needed", 0, 100))
        e.helpers_needed = static_cast<int>(*v);
    c.each_map(m.get("supporters"), "evacuation.supporters", kSupporterKeys, false,
               [&](const YNode&, const std::string& where, const Map& mm) {
                   Supporter s;
                   s.name = c.text(mm.get("name"), where + ".name");
                   s.relation = c.text(mm.get("relation"), where + ".relation");
                   s.phone = c.text(mm.get("phone"), where + ".phone");
                   e.supporters.push_back(std::move(s));
               });
    c.each_map(m.get("charge_locations"), "evacuation.charge_locations", kChargeLocationKeys, false,
               [&](const YNode&, const std::string& where, const Map& mm) {
                   ChargeLocation cl;
                   cl.name = c.text(mm.get("name"), where + ".name");
                   cl.address = c.text(mm.get("address"), where + ".address");
                   cl.notes = c.text(mm.get("notes"), where + ".notes");
                   e.charge_locations.push_back(std::move(cl));
               });
    e.notes = c.text(m.get("notes"), "evacuation.notes");
    c.each_map(m.get("destinations"), "evacuation.destinations", kDestinationKeys, true,
               [&](const YNode& item, const std::string& where, const Map& mm) {
                   read_destination(c, item, where, mm, e);
               });
}

// Optional stock and per-day use for the ventilator plan's checklist.
void read_supplies(SchemaChecker& c, const Map& top, Profile& p) {
    Map m = c.map(top.get("supplies"), "supplies", kSuppliesKeys);
    if (!m) return;
    auto whole = [&](const char* key, long max) -> std::optional<int> {
        if (auto v = c.integer(m.get(key), std::string("supplies.") + key, 0, max)) return static_cast<int>(*v);
        return std::nullopt;
    };
    SupplyStock& s = p.supplies;
    s.suction_per_day = whole("suction_per_day", 500);
    s.suction_catheters = whole("suction_catheters", 100000);
    s.spare_circuits = whole("spare_circuits", 100);
    s.medication_days = whole("medication_days", 365);
    s.stock_days = whole("stock_days", 365);
}

}  // namespace sheetgen::profile_detail
