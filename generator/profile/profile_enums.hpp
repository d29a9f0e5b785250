#pragma once
// The one table per profile enum: its YAML name and its Japanese and English labels. The
// parser (profile/read_*.cpp), to_string and label_ja (profile.cpp) all read
// these, so a name is written once. Order = the order of "allowed: ..." lists.
#include "common/enum_table.hpp"
#include "profile/profile.hpp"

namespace sheetgen {

inline constexpr EnumName<Sex> kSexNames[] = {{"male", Sex::Male, "男", "Male"},
                                              {"female", Sex::Female, "女", "Female"},
                                              {"other", Sex::Other, "その他", "Other"},
                                              {"unknown", Sex::Unknown, "不明", "Unknown"}};

inline constexpr EnumName<CareNeed> kCareNeedNames[] = {
    {"ventilator", CareNeed::Ventilator, "人工呼吸器", "Ventilator"},
    {"tracheostomy", CareNeed::Tracheostomy, "気管切開", "Tracheostomy"},
    {"suction", CareNeed::Suction, "吸引", "Suction"},
    {"oxygen", CareNeed::Oxygen, "酸素療法", "Oxygen therapy"},
    {"tube_feeding", CareNeed::TubeFeeding, "経管栄養", "Tube feeding"},
    {"iv", CareNeed::Iv, "中心静脈栄養・点滴", "Central venous nutrition / drip"},
    {"dialysis", CareNeed::Dialysis, "透析", "Dialysis"},
    {"catheterisation", CareNeed::Catheterisation, "導尿", "Catheterisation"},
    {"ostomy", CareNeed::Ostomy, "ストーマ", "Ostomy"},
    {"blood_glucose", CareNeed::BloodGlucose, "血糖測定・インスリン", "Blood glucose / insulin"},
    {"nebuliser", CareNeed::Nebuliser, "吸入", "Nebuliser"},
    {"other", CareNeed::Other, "その他", "Other"}};

inline constexpr EnumName<DeviceKind> kDeviceKindNames[] = {
    {"ventilator", DeviceKind::Ventilator, "人工呼吸器", "Ventilator"},
    {"suction", DeviceKind::Suction, "吸引器", "Suction unit"},
    {"oxygen_concentrator", DeviceKind::OxygenConcentrator, "酸素濃縮装置", "Oxygen concentrator"},
    {"oxygen_cylinder", DeviceKind::OxygenCylinder, "酸素ボンベ", "Oxygen cylinder"},
    {"feeding_pump", DeviceKind::FeedingPump, "経腸栄養ポンプ", "Feeding pump"},
    {"humidifier", DeviceKind::Humidifier, "加温加湿器", "Heated humidifier"},
    {"pulse_oximeter", DeviceKind::PulseOximeter, "パルスオキシメーター", "Pulse oximeter"},
    {"infusion_pump", DeviceKind::InfusionPump, "輸液ポンプ", "Infusion pump"},
    {"cough_assist", DeviceKind::CoughAssist, "排痰補助装置", "Cough assist device"},
    {"bed", DeviceKind::Bed, "電動ベッド", "Electric bed"},
    {"air_mattress", DeviceKind::AirMattress, "エアマットレス", "Air mattress"},
    {"other", DeviceKind::Other, "その他の機器", "Other device"}};

inline constexpr EnumName<BackupKind> kBackupKindNames[] = {
    {"power_station", BackupKind::PowerStation, "ポータブル電源", "Portable power station"},
    {"generator", BackupKind::Generator, "発電機", "Generator"},
    {"car_inverter", BackupKind::CarInverter, "自動車（インバーター）", "Car (inverter)"},
    {"other", BackupKind::Other, "その他の電源", "Other power source"}};

inline constexpr EnumName<BatteryOrder> kBatteryOrderNames[] = {{"external_first", BatteryOrder::ExternalFirst},
                                                               {"internal_first", BatteryOrder::InternalFirst}};

inline constexpr EnumName<DestinationType> kDestinationTypeNames[] = {
    {"welfare_shelter", DestinationType::WelfareShelter, "福祉避難所", "Welfare shelter"},
    {"hospital", DestinationType::Hospital, "病院（入院・レスパイト）", "Hospital (admission or respite)"},
    {"relatives", DestinationType::Relatives, "親族・知人宅", "Relatives' or friends' home"},
    {"evacuation_shelter", DestinationType::EvacuationShelter, "指定避難所", "Designated evacuation shelter"},
    {"other", DestinationType::Other, "その他", "Other"}};

inline constexpr EnumName<ContactRole> kContactRoleNames[] = {
    {"doctor", ContactRole::Doctor, "主治医", "Doctor"},
    {"hospital", ContactRole::Hospital, "病院", "Hospital"},
    {"visiting_nurse", ContactRole::VisitingNurse, "訪問看護ステーション", "Visiting nurse"},
    {"device_vendor", ContactRole::DeviceVendor, "医療機器業者", "Device supplier"},
    {"consultation_specialist", ContactRole::ConsultationSpecialist, "相談支援専門員", "Support planner"},
    {"care_coordinator", ContactRole::CareCoordinator, "医療的ケア児等コーディネーター", "Medical care coordinator"},
    {"power_company", ContactRole::PowerCompany, "電力会社", "Power company"},
    {"relative", ContactRole::Relative, "親族", "Relative"},
    {"neighbour_supporter", ContactRole::NeighbourSupporter, "近隣の支援者", "Neighbour supporter"},
    {"municipality", ContactRole::Municipality, "市役所・保健所", "City office / health centre"},
    {"other", ContactRole::Other, "その他", "Other"}};

inline constexpr EnumName<BuildingType> kBuildingTypeNames[] = {{"detached", BuildingType::Detached, "戸建て", "Detached house"},
                                                               {"apartment", BuildingType::Apartment, "集合住宅", "Apartment building"},
                                                               {"other", BuildingType::Other, "その他", "Other building"}};

// household.language: the language the family reads best (documents for
// `for: english_readers` go to households with `en`).
inline constexpr EnumName<Lang> kLangNames[] = {{"ja", Lang::Ja, "日本語", "Japanese"},
                                               {"en", Lang::En, "英語", "English"}};

}  // namespace sheetgen
