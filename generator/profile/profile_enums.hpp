#pragma once
// The one table per profile enum: its YAML name and its Japanese label. The
// parser (profile/read_*.cpp), to_string and label_ja (profile.cpp) all read
// these, so a name is written once. Order = the order of "allowed: ..." lists.
#include "common/enum_table.hpp"
#include "profile/profile.hpp"

namespace sheetgen {

inline constexpr EnumName<Sex> kSexNames[] = {{"male", Sex::Male, "男"},
                                              {"female", Sex::Female, "女"},
                                              {"other", Sex::Other, "その他"},
                                              {"unknown", Sex::Unknown, "不明"}};

inline constexpr EnumName<CareNeed> kCareNeedNames[] = {
    {"ventilator", CareNeed::Ventilator, "人工呼吸器"},
    {"tracheostomy", CareNeed::Tracheostomy, "気管切開"},
    {"suction", CareNeed::Suction, "吸引"},
    {"oxygen", CareNeed::Oxygen, "酸素療法"},
    {"tube_feeding", CareNeed::TubeFeeding, "経管栄養"},
    {"iv", CareNeed::Iv, "中心静脈栄養・点滴"},
    {"dialysis", CareNeed::Dialysis, "透析"},
    {"catheterisation", CareNeed::Catheterisation, "導尿"},
    {"ostomy", CareNeed::Ostomy, "ストーマ"},
    {"blood_glucose", CareNeed::BloodGlucose, "血糖測定・インスリン"},
    {"nebuliser", CareNeed::Nebuliser, "吸入"},
    {"other", CareNeed::Other, "その他"}};

inline constexpr EnumName<DeviceKind> kDeviceKindNames[] = {
    {"ventilator", DeviceKind::Ventilator, "人工呼吸器"},
    {"suction", DeviceKind::Suction, "吸引器"},
    {"oxygen_concentrator", DeviceKind::OxygenConcentrator, "酸素濃縮装置"},
    {"oxygen_cylinder", DeviceKind::OxygenCylinder, "酸素ボンベ"},
    {"feeding_pump", DeviceKind::FeedingPump, "経腸栄養ポンプ"},
    {"humidifier", DeviceKind::Humidifier, "加温加湿器"},
    {"pulse_oximeter", DeviceKind::PulseOximeter, "パルスオキシメーター"},
    {"infusion_pump", DeviceKind::InfusionPump, "輸液ポンプ"},
    {"cough_assist", DeviceKind::CoughAssist, "排痰補助装置"},
    {"bed", DeviceKind::Bed, "電動ベッド"},
    {"air_mattress", DeviceKind::AirMattress, "エアマットレス"},
    {"other", DeviceKind::Other, "その他の機器"}};

inline constexpr EnumName<BackupKind> kBackupKindNames[] = {
    {"power_station", BackupKind::PowerStation, "ポータブル電源"},
    {"generator", BackupKind::Generator, "発電機"},
    {"car_inverter", BackupKind::CarInverter, "自動車（インバーター）"},
    {"other", BackupKind::Other, "その他の電源"}};

inline constexpr EnumName<BatteryOrder> kBatteryOrderNames[] = {{"external_first", BatteryOrder::ExternalFirst},
                                                               {"internal_first", BatteryOrder::InternalFirst}};

inline constexpr EnumName<DestinationType> kDestinationTypeNames[] = {
    {"welfare_shelter", DestinationType::WelfareShelter, "福祉避難所"},
    {"hospital", DestinationType::Hospital, "病院（入院・レスパイト）"},
    {"relatives", DestinationType::Relatives, "親族・知人宅"},
    {"evacuation_shelter", DestinationType::EvacuationShelter, "指定避難所"},
    {"other", DestinationType::Other, "その他"}};

inline constexpr EnumName<ContactRole> kContactRoleNames[] = {
    {"doctor", ContactRole::Doctor, "主治医"},
    {"hospital", ContactRole::Hospital, "病院"},
    {"visiting_nurse", ContactRole::VisitingNurse, "訪問看護ステーション"},
    {"device_vendor", ContactRole::DeviceVendor, "医療機器業者"},
    {"consultation_specialist", ContactRole::ConsultationSpecialist, "相談支援専門員"},
    {"care_coordinator", ContactRole::CareCoordinator, "医療的ケア児等コーディネーター"},
    {"power_company", ContactRole::PowerCompany, "電力会社"},
    {"relative", ContactRole::Relative, "親族"},
    {"neighbour_supporter", ContactRole::NeighbourSupporter, "近隣の支援者"},
    {"municipality", ContactRole::Municipality, "市役所・保健所"},
    {"other", ContactRole::Other, "その他"}};

inline constexpr EnumName<BuildingType> kBuildingTypeNames[] = {{"detached", BuildingType::Detached, "戸建て"},
                                                               {"apartment", BuildingType::Apartment, "集合住宅"},
                                                               {"other", BuildingType::Other, "その他"}};

}  // namespace sheetgen
