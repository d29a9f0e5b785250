#include <catch2/catch.hpp>
#include <cstring>

#include "profile/profile.hpp"

using namespace sheetgen;

TEST_CASE("enum names are the YAML snake_case names", "[profile][model]") {
    CHECK(std::strcmp(to_string(DeviceKind::OxygenConcentrator), "oxygen_concentrator") == 0);
    CHECK(std::strcmp(to_string(CareNeed::TubeFeeding), "tube_feeding") == 0);
    CHECK(std::strcmp(to_string(BackupKind::PowerStation), "power_station") == 0);
    CHECK(std::strcmp(to_string(ContactRole::ConsultationSpecialist), "consultation_specialist") == 0);
    CHECK(std::strcmp(to_string(BuildingType::Apartment), "apartment") == 0);
    CHECK(std::strcmp(to_string(Sex::Female), "female") == 0);
}

TEST_CASE("Japanese labels", "[profile][model]") {
    CHECK(std::strcmp(label_ja(DeviceKind::Ventilator), "人工呼吸器") == 0);
    CHECK(std::strcmp(label_ja(DeviceKind::Suction), "吸引器") == 0);
    CHECK(std::strcmp(label_ja(DeviceKind::OxygenConcentrator), "酸素濃縮装置") == 0);
    CHECK(std::strcmp(label_ja(ContactRole::Doctor), "主治医") == 0);
    CHECK(std::strcmp(label_ja(ContactRole::VisitingNurse), "訪問看護ステーション") == 0);
    CHECK(std::strcmp(label_ja(ContactRole::DeviceVendor), "医療機器業者") == 0);
    CHECK(std::strcmp(label_ja(ContactRole::ConsultationSpecialist), "相談支援専門員") == 0);
    CHECK(std::strcmp(label_ja(ContactRole::CareCoordinator), "医療的ケア児等コーディネーター") == 0);
    CHECK(std::strcmp(label_ja(ContactRole::PowerCompany), "電力会社") == 0);
    CHECK(std::strcmp(label_ja(BackupKind::PowerStation), "ポータブル電源") == 0);
}

TEST_CASE("device defaults by kind", "[profile][model]") {
    CHECK(default_power_dependent(DeviceKind::Ventilator));
    CHECK(default_power_dependent(DeviceKind::FeedingPump));
    CHECK_FALSE(default_power_dependent(DeviceKind::OxygenCylinder));
    CHECK(default_critical(DeviceKind::Ventilator));
    CHECK(default_critical(DeviceKind::OxygenConcentrator));
    CHECK_FALSE(default_critical(DeviceKind::Suction));
}

TEST_CASE("uses_ventilator and has_power_dependent_device", "[profile][model]") {
    Profile p;
    CHECK_FALSE(p.uses_ventilator());
    CHECK_FALSE(p.has_power_dependent_device());
    Device cyl;
    cyl.kind = DeviceKind::OxygenCylinder;
    cyl.power_dependent = false;
    p.devices.push_back(cyl);
    CHECK_FALSE(p.has_power_dependent_device());
    Device v;
    v.kind = DeviceKind::Ventilator;
    v.power_dependent = true;
    p.devices.push_back(v);
    CHECK(p.uses_ventilator());
    CHECK(p.has_power_dependent_device());
}
