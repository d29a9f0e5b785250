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
umask 077   # the outputs hold personal medical data: out/ too (0700), not only its files
mkdir -p out
chmod 700 out  # an out/ left open by an earlier run

echo "== validate samples/"
"$sheetgen" validate samples/

echo "== flag against $hazards"
"$sheetgen" flag --hazards "$hazards" samples/ -o out/at-risk.csv --geojson out/at-risk.geojson \
  --html out/at-risk.html --pdf-dir out/sheets

echo "== render support sheets, ventilator plans, help cards, fridge sheets and English sheets (for families who asked)"
"$sheetgen" render --hazards "$hazards" samples/ --out out/sheets --bundle out/all-sheets.pdf \
  --documents sheet,plan,card,kit,sheet-en

echo "== import the fictional sample ledger (Shift_JIS CSV), geocoded offline from the address"
gazetteer=../shared/data/tama-towns/tama_13224_towns.geojson
imported=""   # the closing lines name out/imported/ only when the import ran
if [ -f "$gazetteer" ]; then
  # The sample ledger imports cleanly: an exit 1 (rows refused, each reported
  # at ledger:row) stops this job, so a broken sample cannot pass unnoticed.
  "$sheetgen" import samples/ledger/ledger-sjis.csv --mapping samples/ledger/mapping.yaml \
    --gazetteer "$gazetteer" --out out/imported
  "$sheetgen" validate -q out/imported
  imported=", out/imported/ (profiles drafted from the sample ledger)"
else
  echo "skipped: the Tama town points ($gazetteer) are not beside the checkout"
fi

echo "== rosters for supporters (consenting households only) and the review list"
"$sheetgen" roster --hazards "$hazards" samples/ --by district --out out/rosters
"$sheetgen" review samples/ -o out/review.csv

echo
echo "Done. Open out/at-risk.html (map page, any browser), out/at-risk.csv (Excel), out/at-risk.geojson (QGIS),"
echo "out/sheets/*.pdf (sheets, plans, help cards, fridge sheets, English sheets), out/all-sheets.pdf (for printing),"
echo "out/rosters/ (for supporters)$imported"
echo "and out/review.csv (reviews and consents due)."
