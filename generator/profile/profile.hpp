#pragma once
// The household profile (schema sheetgen/profile-v1) as plain data.
// Parsing and validation live in parse.hpp; nothing here knows YAML.
#include <optional>
#include <string>
#include <vector>

#include "common/date.hpp"
#include "common/error.hpp"
#include "common/geo.hpp"
#include "common/lang.hpp"

namespace sheetgen {

inline constexpr const char* kProfileSchemaV1 = "sheetgen/profile-v1";

enum class Sex { Unknown, Male, Female, Other };

// Care needs (医療的ケア). Text form in YAML is the snake_case name.
enum class CareNeed {
    Ventilator,         // 人工呼吸器
    Tracheostomy,       // 気管切開
    Suction,            // 吸引
    Oxygen,             // 酸素療法
    TubeFeeding,        // 経管栄養 (胃ろう・経鼻)
    Iv,                 // 中心静脈栄養・点滴
    Dialysis,           // 透析
    Catheterisation,    // 導尿
    Ostomy,             // ストーマ
    BloodGlucose,       // 血糖測定・インスリン
    Nebuliser,          // 吸入
    Other,
};

enum class DeviceKind {
    Ventilator,           // 人工呼吸器
    Suction,              // 吸引器
    OxygenConcentrator,   // 酸素濃縮装置
    OxygenCylinder,       // 酸素ボンベ (no mains power needed)
    FeedingPump,          // 経腸栄養ポンプ
    Humidifier,           // 加温加湿器
    PulseOximeter,        // パルスオキシメーター
    InfusionPump,         // 輸液ポンプ
    CoughAssist,          // 排痰補助装置
    Bed,                  // 電動ベッド
    AirMattress,          // エアマットレス
    Other,
};

enum class BackupKind { Generator, PowerStation, CarInverter, Other };

enum class ContactRole {
    Doctor,                  // 主治医
    Hospital,                // 病院
    VisitingNurse,           // 訪問看護
    DeviceVendor,            // 医療機器業者
    ConsultationSpecialist,  // 相談支援専門員
    CareCoordinator,         // 医療的ケア児等コーディネーター
    PowerCompany,            // 電力会社
    Relative,                // 親族
    NeighbourSupporter,      // 近隣の支援者
    Municipality,            // 市役所・保健所
    Other,
};

enum class BuildingType { Detached, Apartment, Other };

// Which battery a device draws on first in a blackout. Common home
// ventilators (Trilogy, Astral) run on a connected external battery first and
// families are taught to keep the internal one for moving and emergencies
// (NCCHD manual), so that is the default.
enum class BatteryOrder { ExternalFirst, InternalFirst };

// A place arranged in advance where the person can go and stay
// (evacuation.destinations). 福祉避難所 take only people they agreed to receive
// (福祉避難所の確保・運営ガイドライン, 2021), hospitals only arranged admissions.
enum class DestinationType { WelfareShelter, Hospital, Relatives, EvacuationShelter, Other };

struct Medication {
    std::string name;
    std::string dose;
    std::string timing;  // e.g. 朝・夕
};

struct Person {
    std::string name;   // 氏名
    std::string kana;   // ふりがな
    Date birthdate;
    Sex sex = Sex::Unknown;
    std::string blood_type;  // "A", "O Rh-" ...
    std::optional<double> weight_kg;
    std::vector<std::string> diagnoses;
    std::vector<CareNeed> care_needs;
    std::string care_notes;       // free text about care (e.g. suction frequency)
    std::string mobility;         // e.g. 車椅子, 寝たきり
    std::string communication;    // communication notes
    std::vector<std::string> allergies;
    std::vector<Medication> medications;
    std::string notes;            // free text
};

struct HouseholdMember {
    std::string relation;  // 母, 父, 兄 ...
    std::string name;
    std::optional<int> age;
    std::string notes;     // e.g. 日中は不在
};

// How household.location was found (sheetgen import): from the ledger's
// coordinates, or from the address at a gazetteer's block or town point.
struct LocationSource {
    std::string method;     // ledger, gazetteer, or what staff write (e.g. survey)
    std::string level;      // block, town ("" when exact)
    std::string gazetteer;  // gazetteer file name
    std::optional<Date> date;
};

struct Household {
    std::string address;
    std::string district;  // 関戸, 永山 ... (derived from the address when absent)
    LatLon location;
    SourceLocation location_at;  // where `location` is in the file
    std::optional<LocationSource> location_source;
    BuildingType building_type = BuildingType::Detached;
    int storeys = 1;
    int living_floor = 1;    // floor the person lives on
    int sleeping_floor = 1;  // floor the person sleeps on (defaults to living_floor)
    bool elevator = false;
    std::vector<HouseholdMember> members;
    // The language the family reads best (household.language): documents
    // listed `for: english_readers` are made for households with Lang::En.
    Lang language = Lang::Ja;
};

// Ventilator settings (issue: ventilator plan). All optional free text so a
// clinic's own notation (e.g. "SIMV", "PEEP 5 cmH2O") is kept as written.
struct VentilatorSettings {
    std::string mode;
    std::string rate;           // 換気回数
    std::string tidal_volume;   // 一回換気量
    std::string inspiratory_pressure;
    std::string peep;
    std::string oxygen;         // 酸素流量 / FiO2
    std::string other;
};

struct Device {
    DeviceKind kind = DeviceKind::Other;
    std::string name;             // display name if kind is Other or to override
    std::string model;            // 機種
    double hours_per_day = 0;     // hours of use per day
    double watts = 0;             // power draw
    double internal_battery_h = 0;
    int external_battery_count = 0;
    double external_battery_h = 0;  // hours per external battery
    std::string manual_fallback;  // e.g. アンビューバッグ, 足踏み式吸引器
    std::string maintenance_contact;  // free text or phone
    // true when the device needs electricity to keep the person safe; default
    // from kind (ventilator, suction, oxygen concentrator, feeding pump ...).
    bool power_dependent = false;
    bool critical = false;        // life-sustaining: must run all the time
    std::optional<VentilatorSettings> settings;
    std::string circuit;          // 回路 (type, spare count)
    std::string humidifier;       // 加湿器
    std::string vendor_phone_24h; // メーカー24時間連絡先
    BatteryOrder battery_order = BatteryOrder::ExternalFirst;
};

struct PowerBackup {
    BackupKind kind = BackupKind::Other;
    std::string model;
    double capacity_wh = 0;     // power station capacity or per-tank energy for a generator
    double efficiency = 0.85;   // inverter/conversion efficiency, 0 < e <= 1
    double output_w = 0;        // rated output (0 = unknown)
    std::string fuel;           // e.g. カセットボンベ 6本
    double fuel_hours = 0;      // generator: running hours from the stored fuel
    // A car (or generator) kept outside the flood zone still works when the
    // home floods; one parked at a flooding home does not.
    bool kept_outside_flood_zone = false;
};

struct Contact {
    ContactRole role = ContactRole::Other;
    std::string name;
    std::string organisation;
    std::string phone;
    std::string notes;
};

struct Supporter {
    std::string name;
    std::string relation;  // e.g. 近所の方, 民生委員
    std::string phone;
};

struct ChargeLocation {
    std::string name;     // e.g. 隣家 (鈴木さん宅), 多摩市役所 充電スポット
    std::string address;
    std::string notes;
};

struct ArrangedDestination {
    DestinationType type = DestinationType::Other;
    std::string name;
    std::string address;
    std::string phone;
    std::string notes;
    // The place agreed to receive the person (welfare shelters and hospitals
    // need it; relatives and other places default to true).
    bool agreed = false;
    // Electricity for the medical devices there; hospitals default to true,
    // the others are unknown unless stated (or read from the shelter layer).
    std::optional<bool> power;
    SourceLocation at;  // where the entry is in the profile
};

struct Evacuation {
    std::string shelter;          // planned shelter: ID or name
    std::string welfare_shelter;  // 福祉避難所 named without an agreement (legacy, see destinations)
    std::string alternative;      // free-text note; never printed as a place to go
    std::vector<ArrangedDestination> destinations;  // places to go and stay, in order of preference
    std::string transport;        // 自家用車, 福祉タクシー ...
    int helpers_needed = 0;
    std::vector<Supporter> supporters;
    std::vector<ChargeLocation> charge_locations;
    std::string notes;
};

// What the family keeps at home (optional `supplies`), for the ventilator
// plan's checklist: per-day use that overrides the plan's assumptions, and
// stock to compare with what the plan says is needed.
struct SupplyStock {
    std::optional<int> suction_per_day;    // suctions (= catheters) a day
    std::optional<int> suction_catheters;  // catheters in stock
    std::optional<int> spare_circuits;     // spare ventilator circuits in stock
    std::optional<int> medication_days;    // days of medicines on hand
    // Days the household's stock lasts at home: water, food, medicines and
    // medical consumables. Staying upstairs in a flood zone needs stock for
    // the whole outage, so an unknown stock is not taken as enough.
    std::optional<int> stock_days;
};

struct Consent {
    bool share_with_supporters = false;
    std::optional<Date> date;
};

struct Profile {
    std::string source_file;
    std::string id;
    Date updated;
    Person person;
    Household household;
    std::vector<Device> devices;
    std::vector<PowerBackup> power_backup;
    std::vector<Contact> contacts;
    Evacuation evacuation;
    Consent consent;
    SupplyStock supplies;  // optional (ventilator plan)
    bool draft = false;    // 下書き: imported, not yet completed at a home visit (draft_missing_fields)

    bool uses_ventilator() const;
    bool has_power_dependent_device() const;
};

// Names as written in YAML (snake_case) and Japanese labels for documents.
const char* to_string(Sex v);
const char* to_string(CareNeed v);
const char* to_string(DeviceKind v);
const char* to_string(BackupKind v);
const char* to_string(ContactRole v);
const char* to_string(BuildingType v);
const char* to_string(BatteryOrder v);
const char* to_string(DestinationType v);
const char* label_ja(DestinationType v);
const char* label_ja(Sex v);
const char* label_ja(CareNeed v);
const char* label_ja(DeviceKind v);
const char* label_ja(BackupKind v);
const char* label_ja(ContactRole v);
const char* label_ja(BuildingType v);
// The label in a document's language (label_ja for Lang::Ja).
const char* label(DestinationType v, Lang lang);
const char* label(Sex v, Lang lang);
const char* label(CareNeed v, Lang lang);
const char* label(DeviceKind v, Lang lang);
const char* label(BackupKind v, Lang lang);
const char* label(ContactRole v, Lang lang);
const char* label(BuildingType v, Lang lang);
const char* to_string(Lang v);  // "ja" / "en"

// Default power_dependent / critical for a device kind.
bool default_power_dependent(DeviceKind k);
bool default_critical(DeviceKind k);

// What a complete plan still needs that the profile lacks (for drafts:
// the validate warning and the review list name the same fields).
std::vector<std::string> draft_missing_fields(const Profile& p);

}  // namespace sheetgen
