#include "profile/profile.hpp"

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

const char* to_string(Sex v) {
    switch (v) {
        case Sex::Unknown: return "unknown";
        case Sex::Male: return "male";
        case Sex::Female: return "female";
        case Sex::Other: return "other";
    }
    return "unknown";
}

const char* label_ja(Sex v) {
    switch (v) {
        case Sex::Unknown: return "不明";
        case Sex::Male: return "男";
        case Sex::Female: return "女";
        case Sex::Other: return "その他";
    }
    return "不明";
}

const char* to_string(CareNeed v) {
    switch (v) {
        case CareNeed::Ventilator: return "ventilator";
        case CareNeed::Tracheostomy: return "tracheostomy";
        case CareNeed::Suction: return "suction";
        case CareNeed::Oxygen: return "oxygen";
        case CareNeed::TubeFeeding: return "tube_feeding";
        case CareNeed::Iv: return "iv";
        case CareNeed::Dialysis: return "dialysis";
        case CareNeed::Catheterisation: return "catheterisation";
        case CareNeed::Ostomy: return "ostomy";
        case CareNeed::BloodGlucose: return "blood_glucose";
        case CareNeed::Nebuliser: return "nebuliser";
        case CareNeed::Other: return "other";
    }
    return "other";
}

const char* label_ja(CareNeed v) {
    switch (v) {
        case CareNeed::Ventilator: return "人工呼吸器";
        case CareNeed::Tracheostomy: return "気管切開";
        case CareNeed::Suction: return "吸引";
        case CareNeed::Oxygen: return "酸素療法";
        case CareNeed::TubeFeeding: return "経管栄養";
        case CareNeed::Iv: return "中心静脈栄養・点滴";
        case CareNeed::Dialysis: return "透析";
        case CareNeed::Catheterisation: return "導尿";
        case CareNeed::Ostomy: return "ストーマ";
        case CareNeed::BloodGlucose: return "血糖測定・インスリン";
        case CareNeed::Nebuliser: return "吸入";
        case CareNeed::Other: return "その他";
    }
    return "その他";
}

const char* to_string(DeviceKind v) {
    switch (v) {
        case DeviceKind::Ventilator: return "ventilator";
        case DeviceKind::Suction: return "suction";
        case DeviceKind::OxygenConcentrator: return "oxygen_concentrator";
        case DeviceKind::OxygenCylinder: return "oxygen_cylinder";
        case DeviceKind::FeedingPump: return "feeding_pump";
        case DeviceKind::Humidifier: return "humidifier";
        case DeviceKind::PulseOximeter: return "pulse_oximeter";
        case DeviceKind::InfusionPump: return "infusion_pump";
        case DeviceKind::CoughAssist: return "cough_assist";
        case DeviceKind::Bed: return "bed";
        case DeviceKind::AirMattress: return "air_mattress";
        case DeviceKind::Other: return "other";
    }
    return "other";
}

const char* label_ja(DeviceKind v) {
    switch (v) {
        case DeviceKind::Ventilator: return "人工呼吸器";
        case DeviceKind::Suction: return "吸引器";
        case DeviceKind::OxygenConcentrator: return "酸素濃縮装置";
        case DeviceKind::OxygenCylinder: return "酸素ボンベ";
        case DeviceKind::FeedingPump: return "経腸栄養ポンプ";
        case DeviceKind::Humidifier: return "加温加湿器";
        case DeviceKind::PulseOximeter: return "パルスオキシメーター";
        case DeviceKind::InfusionPump: return "輸液ポンプ";
        case DeviceKind::CoughAssist: return "排痰補助装置";
        case DeviceKind::Bed: return "電動ベッド";
        case DeviceKind::AirMattress: return "エアマットレス";
        case DeviceKind::Other: return "その他の機器";
    }
    return "その他の機器";
}

const char* to_string(BackupKind v) {
    switch (v) {
        case BackupKind::Generator: return "generator";
        case BackupKind::PowerStation: return "power_station";
        case BackupKind::CarInverter: return "car_inverter";
        case BackupKind::Other: return "other";
    }
    return "other";
}

const char* label_ja(BackupKind v) {
    switch (v) {
        case BackupKind::Generator: return "発電機";
        case BackupKind::PowerStation: return "ポータブル電源";
        case BackupKind::CarInverter: return "自動車（インバーター）";
        case BackupKind::Other: return "その他の電源";
    }
    return "その他の電源";
}

const char* to_string(ContactRole v) {
    switch (v) {
        case ContactRole::Doctor: return "doctor";
        case ContactRole::Hospital: return "hospital";
        case ContactRole::VisitingNurse: return "visiting_nurse";
        case ContactRole::DeviceVendor: return "device_vendor";
        case ContactRole::ConsultationSpecialist: return "consultation_specialist";
        case ContactRole::CareCoordinator: return "care_coordinator";
        case ContactRole::PowerCompany: return "power_company";
        case ContactRole::Relative: return "relative";
        case ContactRole::NeighbourSupporter: return "neighbour_supporter";
        case ContactRole::Municipality: return "municipality";
        case ContactRole::Other: return "other";
    }
    return "other";
}

const char* label_ja(ContactRole v) {
    switch (v) {
        case ContactRole::Doctor: return "主治医";
        case ContactRole::Hospital: return "病院";
        case ContactRole::VisitingNurse: return "訪問看護ステーション";
        case ContactRole::DeviceVendor: return "医療機器業者";
        case ContactRole::ConsultationSpecialist: return "相談支援専門員";
        case ContactRole::CareCoordinator: return "医療的ケア児等コーディネーター";
        case ContactRole::PowerCompany: return "電力会社";
        case ContactRole::Relative: return "親族";
        case ContactRole::NeighbourSupporter: return "近隣の支援者";
        case ContactRole::Municipality: return "市役所・保健所";
        case ContactRole::Other: return "その他";
    }
    return "その他";
}

const char* to_string(BuildingType v) {
    switch (v) {
        case BuildingType::Detached: return "detached";
        case BuildingType::Apartment: return "apartment";
        case BuildingType::Other: return "other";
    }
    return "other";
}

const char* label_ja(BuildingType v) {
    switch (v) {
        case BuildingType::Detached: return "戸建て";
        case BuildingType::Apartment: return "集合住宅";
        case BuildingType::Other: return "その他";
    }
    return "その他";
}

const char* to_string(BatteryOrder v) {
    return v == BatteryOrder::InternalFirst ? "internal_first" : "external_first";
}

const char* to_string(DestinationType v) {
    switch (v) {
        case DestinationType::WelfareShelter: return "welfare_shelter";
        case DestinationType::Hospital: return "hospital";
        case DestinationType::Relatives: return "relatives";
        case DestinationType::EvacuationShelter: return "evacuation_shelter";
        case DestinationType::Other: return "other";
    }
    return "other";
}

const char* label_ja(DestinationType v) {
    switch (v) {
        case DestinationType::WelfareShelter: return "福祉避難所";
        case DestinationType::Hospital: return "病院（入院・レスパイト）";
        case DestinationType::Relatives: return "親族・知人宅";
        case DestinationType::EvacuationShelter: return "指定避難所";
        case DestinationType::Other: return "その他";
    }
    return "その他";
}

bool default_power_dependent(DeviceKind k) {
    // Everything but an oxygen cylinder (and unspecified "other") runs on mains or battery.
    return k != DeviceKind::OxygenCylinder && k != DeviceKind::Other;
}

bool default_critical(DeviceKind k) {
    // Stopping these for minutes endangers life; the rest can pause or fall back to manual care.
    return k == DeviceKind::Ventilator || k == DeviceKind::OxygenConcentrator;
}

}  // namespace sheetgen
