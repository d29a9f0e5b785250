#!/usr/bin/env bash
# CTest (tests/CMakeLists.txt): scripts/run-samples.sh, with its install, build
# and sheetgen steps stubbed out (a stub binary that only logs its arguments),
# in a copy of the script laid out as in a checkout. The closing "Done." lines
# name out/imported/ only when the ledger import ran, i.e. only when the Tama
# town points are beside the checkout (../shared/data/tama-towns/...).
#   run_samples_test.sh SOURCE_DIR      exit 0 pass, 1 fail
set -euo pipefail
src=$(cd "$1" && pwd)

fail() { echo "FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d /tmp/sheetgen-run-samples-test-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
repo=$tmp/checkout
mkdir -p "$repo/scripts" "$repo/build/generator/cli"
cp "$src/scripts/run-samples.sh" "$repo/scripts/"
printf '#!/bin/sh\nexit 0\n' >"$repo/scripts/install-deps.sh"
printf '#!/bin/sh\nexit 0\n' >"$repo/scripts/build.sh"
printf '#!/bin/sh\necho "$*" >>"%s/calls"\n' "$tmp" >"$repo/build/generator/cli/sheetgen"
chmod +x "$repo/build/generator/cli/sheetgen"

# The closing lines: everything after "Done.".
done_lines() { sed -n '/^Done\./,$p' "$1"; }

echo "== without the town points: the import is skipped and not named at the end"
BUILD_DIR=build bash "$repo/scripts/run-samples.sh" >"$tmp/out1" 2>&1 || { cat "$tmp/out1"; fail "run-samples.sh failed"; }
grep -q '^skipped: the Tama town points' "$tmp/out1" || { cat "$tmp/out1"; fail "no 'skipped' line"; }
! grep -q '^import ' "$tmp/calls" || fail "import ran without the town points"
done_lines "$tmp/out1" | grep -q 'out/rosters/' || { cat "$tmp/out1"; fail "closing lines lost out/rosters/"; }
! done_lines "$tmp/out1" | grep -q 'out/imported/' || { done_lines "$tmp/out1"; fail "closing lines name out/imported/ though the import was skipped"; }

echo "== out/ itself is private (0700), also when an earlier run left it open"
[[ $(stat -c %a "$repo/out") == 700 ]] || fail "out/ is $(stat -c %a "$repo/out"), not 700"
chmod 755 "$repo/out"

echo "== with the town points: the import runs and is named at the end"
mkdir -p "$tmp/shared/data/tama-towns"
: >"$tmp/shared/data/tama-towns/tama_13224_towns.geojson"
: >"$tmp/calls"
BUILD_DIR=build bash "$repo/scripts/run-samples.sh" >"$tmp/out2" 2>&1 || { cat "$tmp/out2"; fail "run-samples.sh failed"; }
grep -q '^import ' "$tmp/calls" || fail "import did not run with the town points present"
done_lines "$tmp/out2" | grep -q 'out/rosters/ (for supporters), out/imported/ (profiles drafted from the sample ledger)' ||
  { done_lines "$tmp/out2"; fail "closing lines do not name out/imported/ after the import"; }
done_lines "$tmp/out2"
[[ $(stat -c %a "$repo/out") == 700 ]] || fail "out/ left at $(stat -c %a "$repo/out") by an earlier run"
echo "PASS"
