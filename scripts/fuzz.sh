#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (libraries instrumented too) into
# build-fuzz/ (or $FUZZ_BUILD_DIR) and runs each for SECONDS_PER_TARGET
# (default 60). Seeds come from samples/, geodata/ and templates/ and are
# copied into build-fuzz/corpus-<target> (grown by the runs, not committed);
# tests/fuzz/regressions/<target>/ are added as seeds too. Crash, leak and
# timeout inputs are kept in build-fuzz/artifacts-<target>/.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   FUZZ_JOBS=2 scripts/fuzz.sh 600      # two targets at a time
#
# The equivalent manual configure:
#   CC=clang CXX=clang++ cmake -S . -B build-fuzz -DSHEETGEN_FUZZ=ON -DSHEETGEN_TESTS=OFF \
#     -DCMAKE_BUILD_TYPE=RelWithDebInfo \
#     -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
#     -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" \
#     -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined"
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_profile fuzz_hazard_config fuzz_template fuzz_hazard_layer)
build=${FUZZ_BUILD_DIR:-$root/build-fuzz}
jobs=${FUZZ_JOBS:-1}

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
san="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DSHEETGEN_FUZZ=ON -DSHEETGEN_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS="$san" -DCMAKE_CXX_FLAGS="$san" \
  -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
cmake --build "$build" --target "${targets[@]}" -j2

seed() {  # seed TARGET FILES...
  local dir=$build/corpus-$1
  shift
  mkdir -p "$dir"
  for f in "$@"; do [ -f "$f" ] && cp -f "$f" "$dir/seed-$(basename "$f")"; done
  return 0
}
seed fuzz_profile samples/*.yaml samples/invalid/*.yaml tests/fuzz/regressions/fuzz_profile/*
seed fuzz_hazard_config geodata/*.yaml tests/fuzz/regressions/fuzz_hazard_config/*
seed fuzz_template templates/*.yaml tests/fuzz/regressions/fuzz_template/*
# Hostile shapes the mutator takes long to reach from small seeds: deep flow
# and block nesting, an alias bomb (10^30 nodes if expanded), a long number.
hostile=$build/corpus-hostile
mkdir -p "$hostile"
python3 - "$hostile" <<'PY'
import os, sys
d = sys.argv[1]
def w(name, text):
    with open(os.path.join(d, name), "w") as f:
        f.write(text)
w("deep-flow.yaml", "layers: " + "[" * 5000 + "]" * 5000 + "\n")
w("deep-block.yaml", "".join(" " * (i % 100) + "k%d:\n" % i for i in range(1000)))
bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
for i in range(1, 30):
    bomb += "a%d: &a%d [" % (i, i) + ", ".join(["*a%d" % (i - 1)] * 10) + "]\n"
w("alias-bomb.yaml", bomb + "layers: *a29\nsections: *a29\n")
w("long-number.yaml", "watts: " + "9" * 4000 + "\nlat: 1e-400\n")
PY
for t in fuzz_profile fuzz_hazard_config fuzz_template; do seed "$t" "$hostile"/*; done
# Hazard layers: the sample GeoPackage's layers as GeoJSON, and damaged shapes.
layers=$build/corpus-layers
mkdir -p "$layers"
for l in flood_depth_l2 flood_duration house_collapse landslide inland_koda shelters; do
  [ -f "$layers/$l.geojson" ] || ogr2ogr -f GeoJSON "$layers/$l.geojson" geodata/tama-sample.gpkg "$l" 2>/dev/null || true
done
sq='[[139.44,35.62],[139.46,35.62],[139.46,35.64],[139.44,35.64],[139.44,35.62]]'
echo '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[139.44,35.62],[139.46,35.64],[139.46,35.62],[139.44,35.64],[139.44,35.62]]]}}]}' >"$layers/bowtie.geojson"
echo '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[139.5,35.7],[NaN,35.7],[139.51,Infinity],[139.5,35.7]]]}}]}' >"$layers/nan.geojson"
echo '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[['"$sq"'],[[139.445,35.625],[139.455,35.625],[139.455,35.635],[139.445,35.625]]]]}},{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[139.45,35.63]}]}},{"type":"Feature","properties":{},"geometry":null}]}' >"$layers/mixed.geojson"
seed fuzz_hazard_layer "$layers"/* tests/fuzz/regressions/fuzz_hazard_layer/*

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run() {
  local t=$1 rc
  mkdir -p "$build/artifacts-$t"
  echo "== $t: ${seconds}s" >&2
  "$build/tests/fuzz/$t" "$build/corpus-$t" \
    -dict="$root/tests/fuzz/yaml.dict" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
    -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$build/artifacts-$t/" >"$build/$t.log" 2>&1 && rc=0 || rc=$?
  grep -E '^#[0-9]+.*DONE|^stat::|^==[0-9]+==ERROR|^SUMMARY' "$build/$t.log" | tail -n 8 >&2 || true
  echo "== $t: exit $rc, log $build/$t.log, artefacts $build/artifacts-$t/" >&2
  return $rc
}
status=0
pids=()
for t in "${targets[@]}"; do
  if [ "$jobs" -gt 1 ]; then
    run "$t" & pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then wait "${pids[0]}" || status=1; pids=("${pids[@]:1}"); fi
  else
    run "$t" || status=1
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
