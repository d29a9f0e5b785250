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
