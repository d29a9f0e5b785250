#!/usr/bin/env python3
"""Deterministic synthetic household profiles (schema sheetgen/profile-v1) for benchmarks.

    python3 bench/gen_profiles.py --count N --seed 42 --out DIR [--files-per-dir 10000] [--jobs J]

Writes DIR/shard-0000/bench-0000001.yaml ... with at most --files-per-dir files
per shard directory, plus DIR/generator.json describing the set. Profile i is a
pure function of (seed, i): the first 10,000 profiles of a 100,000 set are the
10,000 set, and the output is byte-identical for the same seed whatever --jobs is.

Standard library only. All people are invented; phone numbers use a 0000
middle block so they do not look like anyone's real number.
"""

import argparse
import datetime
import json
import os
import random
import shutil
import sys
from multiprocessing import Pool

GENERATOR_VERSION = 1
SCHEMA = "sheetgen/profile-v1"

# Flood-zone extent of the Tokyo A31 layer (lon/lat degrees).
LON_MIN, LON_MAX = 139.32, 139.92
LAT_MIN, LAT_MAX = 35.53, 35.82

FAMILY = [("佐藤", "さとう"), ("鈴木", "すずき"), ("高橋", "たかはし"), ("田中", "たなか"),
          ("伊藤", "いとう"), ("渡辺", "わたなべ"), ("山本", "やまもと"), ("中村", "なかむら"),
          ("小林", "こばやし"), ("加藤", "かとう"), ("吉田", "よしだ"), ("山田", "やまだ"),
          ("佐々木", "ささき"), ("山口", "やまぐち"), ("松本", "まつもと"), ("井上", "いのうえ"),
          ("木村", "きむら"), ("林", "はやし"), ("斎藤", "さいとう"), ("清水", "しみず")]
GIVEN_MALE = [("陽翔", "はると"), ("蓮", "れん"), ("湊", "みなと"), ("大和", "やまと"),
              ("悠真", "ゆうま"), ("翔太", "しょうた"), ("健一", "けんいち"), ("誠", "まこと"),
              ("大輔", "だいすけ"), ("拓海", "たくみ"), ("浩", "ひろし"), ("隆", "たかし")]
GIVEN_FEMALE = [("陽葵", "ひまり"), ("結菜", "ゆいな"), ("芽依", "めい"), ("美咲", "みさき"),
                ("葵", "あおい"), ("凛", "りん"), ("さくら", "さくら"), ("由美", "ゆみ"),
                ("恵子", "けいこ"), ("花子", "はなこ"), ("真由美", "まゆみ"), ("久美子", "くみこ")]

# Municipalities in and around the extent with rough centroids (lat, lon), so
# an address names the place the point is near.
PLACES = [
    ("東京都", "千代田区", 35.694, 139.754), ("東京都", "中央区", 35.671, 139.772),
    ("東京都", "港区", 35.658, 139.751), ("東京都", "新宿区", 35.694, 139.703),
    ("東京都", "文京区", 35.708, 139.752), ("東京都", "台東区", 35.713, 139.780),
    ("東京都", "墨田区", 35.711, 139.801), ("東京都", "江東区", 35.673, 139.817),
    ("東京都", "品川区", 35.609, 139.730), ("東京都", "目黒区", 35.641, 139.698),
    ("東京都", "大田区", 35.561, 139.716), ("東京都", "世田谷区", 35.646, 139.653),
    ("東京都", "渋谷区", 35.664, 139.698), ("東京都", "中野区", 35.708, 139.664),
    ("東京都", "杉並区", 35.699, 139.636), ("東京都", "豊島区", 35.726, 139.716),
    ("東京都", "北区", 35.753, 139.734), ("東京都", "荒川区", 35.736, 139.783),
    ("東京都", "板橋区", 35.751, 139.709), ("東京都", "練馬区", 35.736, 139.652),
    ("東京都", "足立区", 35.775, 139.804), ("東京都", "葛飾区", 35.743, 139.847),
    ("東京都", "江戸川区", 35.707, 139.868), ("東京都", "八王子市", 35.666, 139.316),
    ("東京都", "立川市", 35.694, 139.408), ("東京都", "武蔵野市", 35.718, 139.566),
    ("東京都", "三鷹市", 35.683, 139.560), ("東京都", "府中市", 35.669, 139.478),
    ("東京都", "昭島市", 35.706, 139.354), ("東京都", "調布市", 35.652, 139.541),
    ("東京都", "町田市", 35.548, 139.446), ("東京都", "小金井市", 35.700, 139.503),
    ("東京都", "小平市", 35.729, 139.478), ("東京都", "日野市", 35.671, 139.395),
    ("東京都", "東村山市", 35.755, 139.469), ("東京都", "国分寺市", 35.711, 139.462),
    ("東京都", "国立市", 35.684, 139.441), ("東京都", "西東京市", 35.726, 139.538),
    ("東京都", "狛江市", 35.635, 139.579), ("東京都", "東大和市", 35.745, 139.427),
    ("東京都", "清瀬市", 35.786, 139.526), ("東京都", "東久留米市", 35.758, 139.530),
    ("東京都", "稲城市", 35.638, 139.505), ("東京都", "多摩市", 35.637, 139.446),
    ("東京都", "武蔵村山市", 35.755, 139.387), ("神奈川県", "川崎市中原区", 35.576, 139.659),
    ("神奈川県", "川崎市麻生区", 35.604, 139.507), ("神奈川県", "横浜市港北区", 35.519, 139.633),
    ("神奈川県", "相模原市緑区", 35.594, 139.339), ("埼玉県", "和光市", 35.781, 139.606),
    ("埼玉県", "戸田市", 35.818, 139.678), ("埼玉県", "川口市", 35.808, 139.724),
    ("埼玉県", "草加市", 35.825, 139.805), ("埼玉県", "三郷市", 35.830, 139.872),
    ("埼玉県", "新座市", 35.793, 139.565), ("埼玉県", "所沢市", 35.799, 139.469),
    ("千葉県", "浦安市", 35.653, 139.902), ("千葉県", "市川市", 35.722, 139.931),
]
TOWNS = ["本町", "中町", "東町", "西町", "南町", "北町", "緑町", "栄町", "旭町", "幸町",
         "若葉町", "桜台", "富士見町", "宮前", "新町", "元町", "川岸", "堤通", "中島", "緑ヶ丘"]

DIAGNOSES = {
    "ventilator": ["脊髄性筋萎縮症 I型", "低酸素性虚血性脳症", "デュシェンヌ型筋ジストロフィー",
                   "筋萎縮性側索硬化症", "18トリソミー", "先天性ミオパチー"],
    "suction": ["脳性麻痺", "重症心身障害", "気管軟化症", "滑脳症", "ミトコンドリア病"],
    "oxygen": ["慢性肺疾患", "先天性心疾患", "慢性閉塞性肺疾患", "間質性肺炎", "肺高血圧症"],
    "feeding": ["脳性麻痺", "短腸症候群", "重症心身障害", "嚥下障害", "ダウン症候群"],
    "none": ["二分脊椎", "1型糖尿病", "水頭症", "てんかん", "神経因性膀胱"],
}
MEDICATIONS = [("バルプロ酸ナトリウム", "200mg", "朝・夕"), ("レベチラセタム", "250mg", "朝・夕"),
               ("カルボシステイン", "250mg", "毎食後"), ("酸化マグネシウム", "330mg", "就寝前"),
               ("ランソプラゾール", "15mg", "朝"), ("フェノバルビタール", "30mg", "夕"),
               ("ジアゼパム", "2mg", "頓用"), ("バクロフェン", "5mg", "朝・昼・夕"),
               ("フロセミド", "10mg", "朝"), ("インスリン グラルギン", "8単位", "就寝前"),
               ("エリスロマイシン", "100mg", "朝・夕"), ("ツロブテロール", "1mg", "貼付 1日1回")]
ALLERGIES = ["ラテックス", "卵", "小麦", "セフェム系抗菌薬", "テープかぶれ", "そば"]
MOBILITY = ["寝たきり（バギーで移動）", "車椅子（介助）", "車椅子（自走）", "歩行可（見守り）", "ストレッチャー"]
COMMUNICATION = ["瞬きで意思表示", "表情で快・不快を伝える", "会話可", "文字盤を使用", "発語なし、声かけには反応あり"]
CARE_NOTES = ["吸引は1時間に2〜3回", "夜間は2時間ごとに体位交換", "注入は1日4回",
              "酸素は常時1L/分、入浴時は2L/分", "発作時はジアゼパム坐薬を使用", "定期的な導尿（1日5回）"]
VENT_MODELS = ["トリロジー100plus", "アストラル150", "クリーンエア VELIA", "ニップネーザルV", "Vivo 50"]
SUCTION_MODELS = ["パワースマイル KS-700", "ミニック W-II", "スマイルケア KS-500", "セパ DC-II"]
O2_MODELS = ["ハイサンソ 5S", "クリーンサンソ FH-310", "オキシウェル 5C", "ライトテック 3"]
PUMP_MODELS = ["カンガルーOMNI", "アプリックススマート", "ニプロ フィーディングポンプ FP-01"]
VENDORS = ["フィリップス・ジャパン", "フクダ電子", "帝人ファーマ", "チェスト", "小池メディカル", "レスメド"]
HOSPITALS = ["総合医療センター 小児科", "大学病院 神経内科", "こども病院 在宅診療科", "市民病院 呼吸器内科",
             "在宅クリニック"]
TRANSPORT = ["自家用車（車椅子対応）", "福祉タクシー（車椅子対応）", "救急搬送を要請", "家族の車", "徒歩（バギー）"]
ALTERNATIVE = ["祖父母宅（八王子市）", "親族宅（川崎市）", "かかりつけ病院へレスパイト入院", "知人宅（高台）", ""]
MEMBER_NOTES = ["主たる介護者", "日中は不在", "夜間の介護を担当", "", "", ""]
CONTACT_ROLES = ["hospital", "visiting_nurse", "device_vendor", "consultation_specialist",
                 "care_coordinator", "power_company", "relative", "neighbour_supporter", "municipality"]
VENT_MODES = [("PCV", "18cmH2O"), ("SIMV", "16cmH2O"), ("PSV", "12cmH2O"), ("CPAP", ""), ("BiPAP S/T", "14cmH2O")]

EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def iso_date(days_since_epoch):
    return datetime.date.fromordinal(EPOCH_ORDINAL + days_since_epoch).isoformat()


def days(y, m, d):
    return datetime.date(y, m, d).toordinal() - EPOCH_ORDINAL


# Fixed dates, never the clock: ~1 in 5 profiles is past a 12-month review in late 2026.
UPDATED_FIRST, UPDATED_LAST = days(2024, 10, 1), days(2026, 10, 31)


def phone(r, mobile=False):
    if mobile:
        return "%s-0000-%04d" % (r.choice(("090", "080", "070")), r.randrange(10000))
    return "%s-0000-%04d" % (r.choice(("03", "042", "044", "048")), r.randrange(10000))


def person_name(r, family, sex):
    given = r.choice(GIVEN_MALE if sex == "male" else GIVEN_FEMALE)
    return "%s %s" % (family[0], given[0]), "%s %s" % (family[1], given[1])


def nearest_place(lat, lon):
    best, best_d = PLACES[0], 1e9
    for p in PLACES:
        d = (p[2] - lat) ** 2 + ((p[3] - lon) * 0.81) ** 2  # cos(35.7°) ≈ 0.81
        if d < best_d:
            best, best_d = p, d
    return best


def num(x):
    """Shortest decimal for a float that is exactly representable to 1 d.p."""
    s = "%.1f" % x
    return s[:-2] if s.endswith(".0") else s


def profile_yaml(seed, index):
    """The YAML text of profile `index` (1-based)."""
    # A private generator per profile: any profile can be made alone, in any order.
    r = random.Random(seed * 10_000_019 + index)
    out = []
    w = out.append
    pid = "bench-%07d" % index

    # Care category: 15 % ventilator, 20 % suction, 15 % oxygen, 20 % tube feeding, 30 % none.
    u = r.random()
    cat = ("ventilator" if u < 0.15 else "suction" if u < 0.35 else "oxygen" if u < 0.50
           else "feeding" if u < 0.70 else "none")

    sex = r.choice(("male", "female"))
    family = r.choice(FAMILY)
    name, kana = person_name(r, family, sex)
    adult = r.random() < 0.35 or cat == "oxygen" and r.random() < 0.6
    age = r.randrange(18, 80) if adult else r.randrange(0, 18)
    updated = r.randrange(UPDATED_FIRST, UPDATED_LAST + 1)
    birth = updated - age * 365 - r.randrange(365) - 1  # age as of the review: born before it

    w("schema: %s\n" % SCHEMA)
    w("id: %s\n" % pid)
    w("updated: %s\n" % iso_date(updated))

    # --- person
    if cat == "ventilator":
        needs = ["ventilator", "tracheostomy", "suction"] + (["tube_feeding"] if r.random() < 0.7 else [])
    elif cat == "suction":
        needs = ["suction"] + (["tracheostomy"] if r.random() < 0.4 else []) + \
                (["nebuliser"] if r.random() < 0.3 else [])
    elif cat == "oxygen":
        needs = ["oxygen"] + (["suction"] if r.random() < 0.2 else [])
    elif cat == "feeding":
        needs = ["tube_feeding"] + (["suction"] if r.random() < 0.3 else [])
    else:
        needs = [r.choice(("catheterisation", "ostomy", "blood_glucose", "other"))]
    w("person:\n")
    w("  name: %s\n" % name)
    w("  kana: %s\n" % kana)
    w("  birthdate: %s\n" % iso_date(birth))
    w("  sex: %s\n" % sex)
    if r.random() < 0.8:
        w("  blood_type: \"%s Rh%s\"\n" % (r.choice(("A", "A", "O", "O", "B", "AB")), "+" if r.random() < 0.99 else "-"))
    # Children with medical care are often small for their age.
    weight = r.randrange(300, 750) if adult else 30 + age * r.randrange(15, 30) + r.randrange(0, 20)
    w("  weight_kg: %s\n" % num(weight / 10))
    w("  diagnoses: [%s]\n" % ", ".join(r.sample(DIAGNOSES[cat], r.randrange(1, 3))))
    w("  care_needs: [%s]\n" % ", ".join(needs))
    w("  care_notes: %s\n" % r.choice(CARE_NOTES))
    w("  mobility: %s\n" % r.choice(MOBILITY))
    w("  communication: %s\n" % r.choice(COMMUNICATION))
    if r.random() < 0.3:
        w("  allergies: [%s]\n" % ", ".join(r.sample(ALLERGIES, r.randrange(1, 3))))
    meds = r.sample(MEDICATIONS, r.randrange(0, 5))
    if meds:
        w("  medications:\n")
        for m in meds:
            w("    - {name: %s, dose: %s, timing: %s}\n" % m)

    # --- household
    lat = LAT_MIN + (LAT_MAX - LAT_MIN) * r.random()
    lon = LON_MIN + (LON_MAX - LON_MIN) * r.random()
    pref, city, _, _ = nearest_place(lat, lon)
    town = r.choice(TOWNS)
    if r.random() < 0.5:
        btype, storeys = "detached", r.choice((1, 2, 2, 2, 3))
    else:
        btype, storeys = "apartment", r.randrange(2, 16)
    floor = r.randrange(1, storeys + 1)
    elevator = btype == "apartment" and (storeys >= 6 or r.random() < 0.4)
    w("household:\n")
    w("  address: %s%s%s%d丁目%d-%d\n" % (pref, city, town, r.randrange(1, 6), r.randrange(1, 30), r.randrange(1, 20)))
    w("  district: %s\n" % town)
    w("  location: {lat: %.6f, lon: %.6f}\n" % (lat, lon))
    w("  building: {type: %s, storeys: %d, elevator: %s}\n" % (btype, storeys, "true" if elevator else "false"))
    w("  living_floor: %d\n" % floor)
    if r.random() < 0.15 and storeys > 1:
        w("  sleeping_floor: %d\n" % r.randrange(1, storeys + 1))
    w("  members:\n")
    if adult:
        members = [("配偶者" if age < 70 else "子", r.randrange(max(age - 5, 20), age + 6) if age < 70 else age - 30)]
        if age >= 30 and r.random() < 0.4:
            members.append(("子", r.randrange(1, age - 20)))
    else:
        members = [("母", age + r.randrange(22, 42)), ("父", age + r.randrange(24, 45))]
        for _ in range(r.randrange(0, 3)):
            members.append((r.choice(("兄", "姉", "弟", "妹")), r.randrange(0, 20)))
    for rel, mage in members:
        msex = "female" if rel in ("母", "姉", "妹") else "male" if rel in ("父", "兄", "弟") else r.choice(("male", "female"))
        mname, _ = person_name(r, family, msex)
        w("    - {relation: %s, name: %s, age: %d, notes: \"%s\"}\n" % (rel, mname, mage, r.choice(MEMBER_NOTES)))

    # --- devices
    devices = []
    vendor = r.choice(VENDORS)
    vendor_phone = "0120-000-%03d" % r.randrange(1000)
    if cat == "ventilator":
        mode, pressure = r.choice(VENT_MODES)
        d = ["  - kind: ventilator\n", "    name: 人工呼吸器\n",
             "    model: %s\n" % r.choice(VENT_MODELS),
             "    hours_per_day: %d\n" % r.choice((24, 24, 24, 12, 10, 8)),
             "    watts: %d\n" % r.randrange(40, 81),
             "    internal_battery_h: %d\n" % r.randrange(2, 9),
             "    external_batteries: {count: %d, hours_each: %d}\n" % (r.randrange(1, 4), r.randrange(4, 9)),
             "    manual_fallback: アンビューバッグ\n",
             "    maintenance_contact: %s\n" % vendor,
             "    vendor_phone_24h: %s\n" % vendor_phone,
             "    settings: {mode: %s, rate: %d回/分, tidal_volume: %dmL%s, peep: %dcmH2O, oxygen: %s}\n" % (
                 mode, r.randrange(12, 31), r.randrange(5, 50) * 10,
                 ", inspiratory_pressure: " + pressure if pressure else "", r.randrange(3, 9),
                 r.choice(("なし", "0.5L/分", "1L/分", "2L/分"))),
             "    circuit: 加温加湿回路（予備%d本）\n" % r.randrange(1, 4),
             "    humidifier: %s\n" % r.choice(("MR850", "HC-Ⅱ", "人工鼻"))]
        devices.append("".join(d))
        devices.append("  - kind: suction\n    model: %s\n    hours_per_day: 2\n    watts: %d\n"
                       "    internal_battery_h: 1\n    manual_fallback: 足踏み式吸引器\n" % (
                           r.choice(SUCTION_MODELS), r.randrange(30, 81)))
        if r.random() < 0.5:
            devices.append("  - kind: pulse_oximeter\n    hours_per_day: 24\n    watts: 2\n    internal_battery_h: 12\n")
    elif cat == "suction":
        devices.append("  - kind: suction\n    model: %s\n    hours_per_day: %d\n    watts: %d\n"
                       "    internal_battery_h: %s\n    manual_fallback: 足踏み式吸引器\n"
                       "    maintenance_contact: %s\n" % (
                           r.choice(SUCTION_MODELS), r.randrange(1, 4), r.randrange(30, 81),
                           r.choice(("0.5", "1", "1.5")), vendor))
        if "nebuliser" in needs:
            devices.append("  - kind: other\n    name: 吸入器（ネブライザー）\n    hours_per_day: 1\n    watts: 20\n")
    elif cat == "oxygen":
        devices.append("  - kind: oxygen_concentrator\n    model: %s\n    hours_per_day: %d\n    watts: %d\n"
                       "    internal_battery_h: 0\n    manual_fallback: 酸素ボンベに切替\n"
                       "    maintenance_contact: %s\n    vendor_phone_24h: %s\n" % (
                           r.choice(O2_MODELS), r.choice((24, 24, 12, 8)), r.randrange(100, 301), vendor, vendor_phone))
        devices.append("  - kind: oxygen_cylinder\n    name: 携帯用酸素ボンベ（%d本）\n    hours_per_day: 0\n" % r.randrange(1, 5))
    elif cat == "feeding":
        devices.append("  - kind: feeding_pump\n    model: %s\n    hours_per_day: %d\n    watts: %d\n"
                       "    internal_battery_h: %d\n    manual_fallback: 自然滴下で注入\n" % (
                           r.choice(PUMP_MODELS), r.randrange(4, 13), r.randrange(5, 16), r.randrange(8, 25)))
    if devices:
        w("devices:\n")
        out.extend(devices)

    # --- power backup
    backups = []
    p_station = 0.6 if cat == "ventilator" else 0.2 if cat != "none" else 0.0
    if r.random() < p_station:
        cap = r.choice((500, 700, 1000, 1500, 2000))
        backups.append("  - {kind: power_station, model: ポータブル電源 %dWh, capacity_wh: %d, efficiency: 0.85, output_w: %d}\n"
                       % (cap, cap, r.choice((300, 600, 1000, 1500))))
    if cat == "ventilator" and r.random() < 0.2:
        backups.append("  - {kind: generator, model: カセットガス発電機, output_w: 900, fuel: カセットボンベ %d本, fuel_hours: %d}\n"
                       % (r.randrange(4, 13), r.randrange(4, 13)))
    if backups:
        w("power_backup:\n")
        out.extend(backups)

    # --- contacts: the doctor first, then 2-7 others
    w("contacts:\n")
    doc, _ = person_name(r, r.choice(FAMILY), r.choice(("male", "female")))
    w("  - {role: doctor, name: %s, organisation: %s, phone: %s}\n" % (doc, r.choice(HOSPITALS), phone(r)))
    roles = CONTACT_ROLES if devices else [c for c in CONTACT_ROLES if c != "device_vendor"]
    for role in r.sample(roles, r.randrange(2, 8)):
        if role in ("relative", "neighbour_supporter"):
            cname, _ = person_name(r, r.choice(FAMILY), r.choice(("male", "female")))
            w("  - {role: %s, name: %s, phone: %s}\n" % (role, cname, phone(r, mobile=True)))
        elif role == "power_company":
            w("  - {role: power_company, name: 停電時窓口, organisation: 電力会社 カスタマーセンター, phone: 0120-000-%03d}\n"
              % r.randrange(1000))
        elif role == "device_vendor":
            w("  - {role: device_vendor, name: 24時間窓口, organisation: %s, phone: %s}\n" % (vendor, vendor_phone))
        elif role == "municipality":
            w("  - {role: municipality, name: 障害福祉課, organisation: %s役所, phone: %s}\n"
              % (city[:city.index("市") + 1] if "市" in city else city, phone(r)))
        else:
            cname, _ = person_name(r, r.choice(FAMILY), r.choice(("male", "female")))
            org = {"hospital": "地域医療支援病院", "visiting_nurse": "訪問看護ステーション",
                   "consultation_specialist": "相談支援事業所", "care_coordinator": "医療的ケア児等支援センター"}[role]
            w("  - {role: %s, name: %s, organisation: %s%s, phone: %s}\n" % (role, cname, town, org, phone(r)))

    # --- evacuation
    w("evacuation:\n")
    if r.random() < 0.8:
        w("  shelter: %s%s\n" % (town, r.choice(("小学校", "中学校", "地区センター", "高校"))))
    if r.random() < 0.6:
        w("  welfare_shelter: %s総合福祉センター\n" % city)
    alt = r.choice(ALTERNATIVE)
    if alt:
        w("  alternative: %s\n" % alt)
    w("  transport: %s\n" % r.choice(TRANSPORT))
    w("  helpers_needed: %d\n" % r.randrange(0, 4))
    nsup = r.randrange(0, 3)
    if nsup:
        w("  supporters:\n")
        for _ in range(nsup):
            sname, _ = person_name(r, r.choice(FAMILY), r.choice(("male", "female")))
            w("    - {name: %s, relation: %s, phone: %s}\n" % (sname, r.choice(("近隣住民", "民生委員", "友人")), phone(r, mobile=True)))
    if cat not in ("none", "feeding") and r.random() < 0.5:
        w("  charge_locations:\n")
        w("    - {name: %s%s, address: %s%s, notes: \"%s\"}\n" % (
            town, r.choice(("地区センター", "消防署", "コンビニ")), city, town,
            r.choice(("発電機あり", "非常用電源あり", ""))))

    # --- consent
    w("consent:\n")
    share = r.random() < 0.92
    w("  share_with_supporters: %s\n" % ("true" if share else "false"))
    if share:
        w("  date: %s\n" % iso_date(updated - r.randrange(0, 30)))
    return "".join(out)


def shard_dir(out, shard):
    return os.path.join(out, "shard-%04d" % shard)


def write_shard(job):
    out, seed, first, last, per_dir, reuse = job
    d = shard_dir(out, (first - 1) // per_dir)
    os.makedirs(d, exist_ok=True)
    for i in range(first, last + 1):
        path = os.path.join(d, "bench-%07d.yaml" % i)
        data = profile_yaml(seed, i).encode("utf-8")
        if reuse:
            # Rewriting an identical file costs a truncate (and a discard on
            # some disks); reading it back is far cheaper.
            try:
                with open(path, "rb") as f:
                    if f.read() == data:
                        continue
            except OSError:
                pass
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, data)
        finally:
            os.close(fd)
    return last - first + 1


def remove_leftovers(out, count, per_dir, shards):
    """Deletes what an earlier, different set left in `out` (only after --force)."""
    for entry in os.scandir(out):
        if not entry.name.startswith("shard-"):
            continue
        try:
            shard = int(entry.name[6:])
        except ValueError:
            shard = -1
        if not (0 <= shard < shards and entry.name == "shard-%04d" % shard):
            shutil.rmtree(entry.path)
            continue
        lo, hi = shard * per_dir + 1, min((shard + 1) * per_dir, count)
        for f in os.scandir(entry.path):
            n = f.name
            if not (n.startswith("bench-") and n.endswith(".yaml") and n[6:-5].isdigit()
                    and lo <= int(n[6:-5]) <= hi and n == "bench-%07d.yaml" % int(n[6:-5])):
                if f.is_dir(follow_symlinks=False):
                    shutil.rmtree(f.path)
                else:
                    os.remove(f.path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, required=True, help="number of profiles (1..9,999,999)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", required=True, help="output directory (created; must be empty unless --force)")
    ap.add_argument("--files-per-dir", type=int, default=10000, help="profiles per shard directory (default 10000)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (output does not depend on it)")
    ap.add_argument("--force", action="store_true", help="replace an existing non-empty --out")
    a = ap.parse_args(argv)
    if not 1 <= a.count <= 9_999_999:
        ap.error("--count must be between 1 and 9999999")
    if a.files_per_dir < 1:
        ap.error("--files-per-dir must be positive")
    if a.seed < 0:
        ap.error("--seed must be >= 0")
    reuse = False
    if os.path.isdir(a.out) and os.listdir(a.out):
        reuse = True
        if not a.force:
            ap.error("%s is not empty (use --force to replace it)" % a.out)
        foreign = [e for e in os.listdir(a.out) if e != "generator.json" and not e.startswith("shard-")]
        if foreign:
            ap.error("--force only replaces a profile set made by this script; %s also holds %s"
                     % (a.out, ", ".join(sorted(foreign)[:3])))
        # Files are overwritten in place and only leftovers removed afterwards:
        # deleting 100,000 files first can take minutes on a discard-mounted disk.
        try:
            os.remove(os.path.join(a.out, "generator.json"))
        except FileNotFoundError:
            pass
    os.makedirs(a.out, exist_ok=True)

    jobs = []
    for first in range(1, a.count + 1, a.files_per_dir):
        jobs.append((a.out, a.seed, first, min(first + a.files_per_dir - 1, a.count), a.files_per_dir, reuse))
    # Each shard can be split further so 2 workers stay busy on small sets.
    if len(jobs) < 4 * max(a.jobs, 1):
        split = []
        for out, seed, first, last, per, reuse in jobs:
            step = max(1, (last - first + 1) // 4)
            for f in range(first, last + 1, step):
                split.append((out, seed, f, min(f + step - 1, last), per, reuse))
        jobs = split
    start = datetime.datetime.now()
    if a.jobs > 1:
        with Pool(a.jobs) as pool:
            written = sum(pool.imap_unordered(write_shard, jobs))
    else:
        written = sum(map(write_shard, jobs))
    secs = (datetime.datetime.now() - start).total_seconds()
    shards = (a.count + a.files_per_dir - 1) // a.files_per_dir
    remove_leftovers(a.out, a.count, a.files_per_dir, shards)
    meta = {"generator_version": GENERATOR_VERSION, "schema": SCHEMA, "count": a.count, "seed": a.seed,
            "files_per_dir": a.files_per_dir, "shards": ["shard-%04d" % s for s in range(shards)]}
    with open(os.path.join(a.out, "generator.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
    print("gen_profiles: made %d profiles in %d shard dir(s) under %s in %.1f s (%.0f profiles/s)"
          % (written, shards, a.out, secs, written / secs if secs > 0 else 0), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
