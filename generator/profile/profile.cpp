#include "profile/profile.hpp"

#include "profile/profile_enums.hpp"

namespace sheetgen {

bool Profile::uses_ventilator() const {
    for (const auto& d : devices)
        if (d.kind == DeviceKind::Ventilator) return true;
    for (auto n : person.care_needs)
        if (n == CareNeed::Ventilator) return true;
    return false;
}

bool Profile::has_power_dependent_device() const {
    for (const auto& d : devices)
        if (d.power_dependent) return true;
    return false;
}

// Every name and label comes from the one table of its enum (profile_enums.hpp).
const char* to_string(Sex v) { return EnumTable<Sex>(kSexNames).name(v); }
const char* to_string(CareNeed v) { return EnumTable<CareNeed>(kCareNeedNames).name(v); }
const char* to_string(DeviceKind v) { return EnumTable<DeviceKind>(kDeviceKindNames).name(v); }
const char* to_string(BackupKind v) { return EnumTable<BackupKind>(kBackupKindNames).name(v); }
const char* to_string(ContactRole v) { return EnumTable<ContactRole>(kContactRoleNames).name(v); }
const char* to_string(BuildingType v) { return EnumTable<BuildingType>(kBuildingTypeNames).name(v); }
const char* to_string(BatteryOrder v) { return EnumTable<BatteryOrder>(kBatteryOrderNames).name(v); }
const char* to_string(DestinationType v) { return EnumTable<DestinationType>(kDestinationTypeNames).name(v); }

const char* label_ja(Sex v) { return EnumTable<Sex>(kSexNames).label(v); }
const char* label_ja(CareNeed v) { return EnumTable<CareNeed>(kCareNeedNames).label(v); }
const char* label_ja(DeviceKind v) { return EnumTable<DeviceKind>(kDeviceKindNames).label(v); }
const char* label_ja(BackupKind v) { return EnumTable<BackupKind>(kBackupKindNames).label(v); }
const char* label_ja(ContactRole v) { return EnumTable<ContactRole>(kContactRoleNames).label(v); }
const char* label_ja(BuildingType v) { return EnumTable<BuildingType>(kBuildingTypeNames).label(v); }
const char* label_ja(DestinationType v) { return EnumTable<DestinationType>(kDestinationTypeNames).label(v); }

const char* label(Sex v, Lang l) { return EnumTable<Sex>(kSexNames).label(v, l); }
const char* label(CareNeed v, Lang l) { return EnumTable<CareNeed>(kCareNeedNames).label(v, l); }
const char* label(DeviceKind v, Lang l) { return EnumTable<DeviceKind>(kDeviceKindNames).label(v, l); }
const char* label(BackupKind v, Lang l) { return EnumTable<BackupKind>(kBackupKindNames).label(v, l); }
const char* label(ContactRole v, Lang l) { return EnumTable<ContactRole>(kContactRoleNames).label(v, l); }
const char* label(BuildingType v, Lang l) { return EnumTable<BuildingType>(kBuildingTypeNames).label(v, l); }
const char* label(DestinationType v, Lang l) { return EnumTable<DestinationType>(kDestinationTypeNames).label(v, l); }
const char* to_string(Lang v) { return EnumTable<Lang>(kLangNames).name(v); }

bool default_power_dependent(DeviceKind k) {
    // Everything but an oxygen cylinder (and unspecified "other") runs on mains or battery.
    return k != DeviceKind::OxygenCylinder && k != DeviceKind::Other;
}

bool default_critical(DeviceKind k) {
    // Stopping these for minutes endangers life; the rest can pause or fall back to manual care.
    return k == DeviceKind::Ventilator || k == DeviceKind::OxygenConcentrator;
}

std::vector<std::string> draft_missing_fields(const Profile& p) {
    std::vector<std::string> missing;
    if (p.person.care_needs.empty()) missing.push_back("person.care_needs");
    if (p.devices.empty()) missing.push_back("devices");
    bool doctor = false;
    for (const auto& ct : p.contacts) doctor = doctor || ct.role == ContactRole::Doctor;
    if (!doctor) missing.push_back("contacts (doctor)");
    if (p.evacuation.destinations.empty() && p.evacuation.shelter.empty())
        missing.push_back("evacuation.destinations or evacuation.shelter");
    if (p.evacuation.supporters.empty()) missing.push_back("evacuation.supporters");
    if (!p.consent.date) missing.push_back("consent.date");
    return missing;
}

}  // namespace sheetgen
