#!/usr/bin/env bash
# Builds geodata/tama-sample.gpkg: SYNTHETIC hazard zones around Tama City
# (多摩川, 大栗川, 乞田川) drawn by hand for sheetgen's samples and tests, plus
# shelters (real GSI sites with their published coordinates, and three
# synthetic ones marked 合成データ). Zones are NOT real hazard data.
#
# Layers are written in different CRSs on purpose, to exercise reprojection:
#   flood_depth_l2   EPSG:6668 (JGD2011 geographic)    A31a_205 depth rank
#   flood_duration   EPSG:6677 (JGD2011 / 平面直角 IX)  A31a_305 duration rank
#   house_collapse   EPSG:4612 (JGD2000 geographic)    bank erosion (河岸侵食)
#   landslide        EPSG:6668                          土砂災害警戒区域
#   inland_koda      EPSG:4326 (WGS84)                  no depth field at all
#   shelters         EPSG:6668 points
# Needs gdal-bin (ogr2ogr). Output is deterministic (OGR_CURRENT_DATE fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
out=geodata/tama-sample.gpkg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f "$out"

# All shapes are written as lon/lat (JGD2011) WKT and then reprojected.
cat >"$tmp/depth.csv" <<'CSV'
WKT,A31a_201,A31a_202,A31a_205
"POLYGON((139.4398 35.6551,139.4700 35.6551,139.4700 35.6575,139.4600 35.6590,139.4398 35.6590,139.4398 35.6551))",8303010001,多摩川,3
"POLYGON((139.4300 35.6520,139.4398 35.6520,139.4398 35.6590,139.4300 35.6585,139.4300 35.6520))",8303010001,多摩川,1
"POLYGON((139.4398 35.6480,139.4520 35.6480,139.4640 35.6495,139.4700 35.6510,139.4700 35.6551,139.4398 35.6551,139.4398 35.6480))",8303010001,多摩川,2
"POLYGON((139.4380 35.6380,139.4440 35.6380,139.4440 35.6480,139.4380 35.6480,139.4380 35.6380))",8303010057,大栗川,1
CSV
printf '"String","String","String","Integer"\n' >"$tmp/depth.csvt"

cat >"$tmp/duration.csv" <<'CSV'
WKT,A31a_301,A31a_302,A31a_305
"POLYGON((139.4398 35.6551,139.4700 35.6551,139.4700 35.6575,139.4600 35.6590,139.4398 35.6590,139.4398 35.6551))",8303010001,多摩川,4
"POLYGON((139.4405 35.6510,139.4452 35.6510,139.4452 35.6538,139.4405 35.6538,139.4405 35.6510))",8303010001,多摩川,3
"POLYGON((139.4300 35.6520,139.4398 35.6520,139.4398 35.6480,139.4520 35.6480,139.4640 35.6495,139.4700 35.6510,139.4700 35.6551,139.4398 35.6551,139.4398 35.6590,139.4300 35.6585,139.4300 35.6520),(139.4405 35.6510,139.4405 35.6538,139.4452 35.6538,139.4452 35.6510,139.4405 35.6510))",8303010001,多摩川,2
"POLYGON((139.4380 35.6380,139.4440 35.6380,139.4440 35.6480,139.4380 35.6480,139.4380 35.6380))",8303010057,大栗川,1
CSV
printf '"String","String","String","Integer"\n' >"$tmp/duration.csvt"

cat >"$tmp/collapse.csv" <<'CSV'
WKT,A31a_401,A31a_402
"POLYGON((139.4520 35.6477,139.4580 35.6494,139.4640 35.6511,139.4640 35.6517,139.4580 35.6500,139.4520 35.6483,139.4520 35.6477))",8303010057,大栗川
CSV
printf '"String","String","String"\n' >"$tmp/collapse.csvt"

cat >"$tmp/landslide.csv" <<'CSV'
WKT,区域区分,現象の種類,所在地
"POLYGON((139.4585 35.6405,139.4620 35.6405,139.4625 35.6440,139.4588 35.6442,139.4585 35.6405))",土砂災害警戒区域,急傾斜地の崩壊,多摩市連光寺（合成データ）
CSV
printf '"String","String","String","String"\n' >"$tmp/landslide.csvt"

cat >"$tmp/inland.csv" <<'CSV'
WKT,名称
"POLYGON((139.4370 35.6320,139.4430 35.6320,139.4430 35.6370,139.4370 35.6370,139.4370 35.6320))",乞田川 内水浸水想定区域（合成データ）
CSV
printf '"String","String"\n' >"$tmp/inland.csvt"

# Real sites keep the GSI file's coordinates and flags; 福祉避難所/電源 columns are added here.
cat >"$tmp/shelters.csv" <<'CSV'
WKT,共通ID,施設・場所名,住所,洪水,崖崩れ、土石流及び地滑り,地震,内水氾濫,福祉避難所,電源
"POINT(139.4579193 35.65028961)",E1322400016201,多摩第一小学校校庭,東京都多摩市関戸3-2-23,,,1,,0,
"POINT(139.447325782836 35.6525870826341)",E1322400014201,京王聖蹟桜ヶ丘　ショッピングセンターせいせき立体駐車場３階から最上階,東京都多摩市関戸1-7-1,1,,,1,0,
"POINT(139.4572705 35.64131475)",E1322400047201,連光寺小学校校庭,東京都多摩市連光寺3-64-1,1,1,1,1,0,
"POINT(139.4454943 35.62705277)",E1322400004201,永山小学校校庭,東京都多摩市永山2-8-1,1,1,1,1,0,
"POINT(139.450741 35.62957669)",E1322400022201,北諏訪小学校校庭,東京都多摩市諏訪1-60-1,1,1,1,1,0,
"POINT(139.4305226 35.64117643)",E1322400051201,和田中学校校庭,東京都多摩市和田234,,,1,,0,
"POINT(139.4602952 35.6281669)",E1322400031201,聖ヶ丘小学校校庭,東京都多摩市聖ヶ丘3-66,1,1,1,1,0,
"POINT(139.412717 35.612574)",E1322400072201,多摩市総合福祉センター,東京都多摩市南野3-15-1,1,1,,1,1,1
"POINT(139.4385 35.6552)",SYN-0001,一ノ宮公園（合成データ）,東京都多摩市一ノ宮（合成データ）,1,,,,0,
"POINT(139.4500 35.6440)",SYN-0002,福祉避難所（合成データ）関戸,東京都多摩市関戸（合成データ）,1,,,,1,0
"POINT(139.4530 35.6455)",SYN-0003,福祉避難所（合成データ）東寺方,東京都多摩市東寺方（合成データ）,1,,,,1,1
CSV
printf '"String","String","String","String","Integer","Integer","Integer","Integer","Integer","Integer"\n' >"$tmp/shelters.csvt"

add() {  # add <csv> <layer name> <target EPSG> <geometry type>
    local mode=()
    [[ -f "$out" ]] && mode=(-update)
    ogr2ogr --config OGR_CURRENT_DATE 2026-01-01T00:00:00Z "${mode[@]}" -f GPKG "$out" "$tmp/$1" \
        -oo GEOM_POSSIBLE_NAMES=WKT -oo KEEP_GEOM_COLUMNS=NO \
        -s_srs EPSG:6668 -t_srs "EPSG:$3" -nln "$2" -nlt "$4" -lco SPATIAL_INDEX=NO
}
add depth.csv flood_depth_l2 6668 POLYGON
add duration.csv flood_duration 6677 POLYGON
add collapse.csv house_collapse 4612 POLYGON
add landslide.csv landslide 6668 POLYGON
add inland.csv inland_koda 4326 POLYGON
add shelters.csv shelters 6668 POINT
ogrinfo -q "$out" >/dev/null
echo "wrote $out"
