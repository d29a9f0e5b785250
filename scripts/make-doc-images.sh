#!/usr/bin/env bash
# Regenerates the README pictures from the samples (needs a build: scripts/build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
sheetgen=${BUILD_DIR:-build}/generator/cli/sheetgen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$sheetgen" render --hazards geodata/tama-sample.yaml samples/tama-009.yaml samples/tama-002.yaml \
  --out "$tmp" --date 2026-11-24 --quiet >/dev/null
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/tama-009.pdf" docs/support-sheet-sample
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/tama-002-ventilator-plan.pdf" docs/ventilator-plan-sample
echo "wrote docs/support-sheet-sample.png and docs/ventilator-plan-sample.png"
# The help card and the fridge sheet of a ventilator user.
"$sheetgen" render --hazards geodata/tama-sample.yaml samples/tama-001.yaml --documents card,kit \
  --out "$tmp/kit" --date 2026-11-24 --quiet >/dev/null
pdftoppm -png -r 80 -singlefile "$tmp/kit/tama-001-help-card.pdf" docs/help-card-sample
pdftoppm -png -r 80 -singlefile "$tmp/kit/tama-001-emergency-kit.pdf" docs/emergency-kit-sample
echo "wrote docs/help-card-sample.png and docs/emergency-kit-sample.png"
# The English support sheet of tama-001 (household.language: en): page 2, what to do and where to go.
"$sheetgen" render --hazards geodata/tama-sample.yaml samples/tama-001.yaml --documents sheet-en \
  --out "$tmp/en" --date 2026-11-24 --quiet >/dev/null
pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$tmp/en/tama-001-en.pdf" docs/support-sheet-en-sample
echo "wrote docs/support-sheet-en-sample.png"
# The map inset with a base map (stations, town names, the city boundary) and
# its credit lines, from the real data beside the checkout (geodata/tokyo-real.yaml).
if [ -d ../shared/data/tama-stations ]; then
  "$sheetgen" render --hazards geodata/tokyo-real.yaml samples/tama-003.yaml --documents sheet \
    --out "$tmp/real" --date 2026-11-24 --quiet >/dev/null 2>&1
  # The inset's corners from its north arrow (top right) and scale bar (bottom left), in points.
  read -r x y w h < <(pdftotext -bbox -f 1 -l 1 "$tmp/real/tama-003.pdf" - | awk -F'"' '
    />N</ { nx = $6; ny = $4 } />[0-9]+k?m</ { sy = $8 }
    END { printf "%d %d %d %d\n", (nx + 16 - 306) * 150 / 72, (ny - 24) * 150 / 72, 306 * 150 / 72, (sy + 56 - ny + 24) * 150 / 72 }')
  pdftoppm -png -r 150 -f 1 -l 1 -x "$x" -y "$y" -W "$w" -H "$h" -singlefile "$tmp/real/tama-003.pdf" docs/map-basemap-sample
  echo "wrote docs/map-basemap-sample.png"
else
  echo "skipped docs/map-basemap-sample.png: ../shared/data is not beside the checkout"
fi
# The map page (flag --html) in headless Chromium (Debian's chromium, libjs-leaflet).
"$sheetgen" flag --hazards geodata/tama-sample.yaml samples -q -o "$tmp/at-risk.csv" --html "$tmp/at-risk.html" \
  --date 2026-11-24 >/dev/null
chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/chromium" \
  --virtual-time-budget=5000 --run-all-compositor-stages-before-draw --window-size=1280,900 \
  --screenshot="$PWD/docs/map-page-sample.png" "file://$tmp/at-risk.html" 2>/dev/null
echo "wrote docs/map-page-sample.png"
