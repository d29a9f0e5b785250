#!/usr/bin/env bash
# The main job on the samples: installs what is missing, builds, validates the
# sample profiles, flags them against the sample hazard layers and renders the
# support sheets and ventilator plans into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
sheetgen=${BUILD_DIR:-build}/generator/cli/sheetgen
hazards=geodata/tama-sample.yaml
mkdir -p out
umask 077   # the outputs hold personal medical data

echo "== validate samples/"
"$sheetgen" validate samples/

echo "== flag against $hazards"
"$sheetgen" flag --hazards "$hazards" samples/ -o out/at-risk.csv --geojson out/at-risk.geojson \
  --html out/at-risk.html --pdf-dir out/sheets

echo "== render support sheets and ventilator plans"
"$sheetgen" render --hazards "$hazards" samples/ --out out/sheets --bundle out/all-sheets.pdf

echo "== rosters for supporters (consenting households only) and the review list"
"$sheetgen" roster --hazards "$hazards" samples/ --by district --out out/rosters
"$sheetgen" review samples/ -o out/review.csv

echo
echo "Done. Open out/at-risk.html (map page, any browser), out/at-risk.csv (Excel), out/at-risk.geojson (QGIS),"
echo "out/sheets/*.pdf (one per household), out/all-sheets.pdf (for printing), out/rosters/ (for supporters)"
echo "and out/review.csv (reviews and consents due)."
