#!/usr/bin/env bash
# Benchmarks sheetgen against the analyst-script peers (GeoPandas, ReportLab).
#
#   bash bench/run.sh [--sizes 10000,100000] [--render 1000] [--runs 3] [--smoke]
#                     [--seed 42] [--jobs 2] [--results FILE] [--no-peers] [--no-build]
#                     [--safe-large-runs R] [--overlay] [--scale N] [--render-big N]
#                     [--wait-quiet HH:MM]
#
# Builds sheetgen (Release) into $BENCH_BUILD_DIR (default build-bench), makes the
# profile sets (cached in bench/work/), runs every command under /usr/bin/time -v
# --runs times (interleaved), and prints medians. See bench/README.md.
set -euo pipefail

orig_args="$*"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work="$here/work"

sizes=10000,100000
render=1000
runs=3
seed=42
jobs=2
smoke=0
peers=1
build=1
results=""
safe_large_runs=""   # runs of the pure-Python peer at N >= 100,000 (default --runs, interleaved; fewer run last)
overlay=0            # also run bench_overlay on the Tokyo layer
scale=0              # also one sheetgen flag run on a generated set of this size (deleted afterwards)
render_big=0         # also one sheetgen render run of this many sheets (peak RSS)
wait_quiet=""        # HH:MM (UTC): wait for a 1-min load average below 1.0, at most until then
peer_python=${PEER_PYTHON:-/usr/bin/python3}
build_dir=${BENCH_BUILD_DIR:-$root/build-bench}

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --sizes) sizes=$2; shift 2 ;;
    --render) render=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --no-peers) peers=0; shift ;;
    --no-build) build=0; shift ;;
    --safe-large-runs) safe_large_runs=$2; shift 2 ;;
    --overlay) overlay=1; shift ;;
    --scale) scale=$2; shift 2 ;;
    --render-big) render_big=$2; shift 2 ;;
    --wait-quiet) wait_quiet=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
if ((smoke)); then
  sizes=200; render=20; runs=1
  results=${results:-$work/smoke-results.md}
fi
results=${results:-$here/RESULTS.md}
[[ $sizes =~ ^[0-9]+(,[0-9]+)*$ ]] || { echo "run.sh: --sizes wants N[,N...]" >&2; exit 2; }
[[ $render =~ ^[0-9]+$ && $runs =~ ^[1-9][0-9]*$ && $jobs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --render/--runs/--jobs want integers" >&2; exit 2; }
safe_large_runs=${safe_large_runs:-$runs}
[[ $safe_large_runs =~ ^[0-9]+$ && $scale =~ ^[0-9]+$ && $render_big =~ ^[0-9]+$ ]] || { echo "run.sh: --safe-large-runs/--scale/--render-big want integers" >&2; exit 2; }
[[ -z $wait_quiet || $wait_quiet =~ ^[0-2][0-9]:[0-5][0-9]$ ]] || { echo "run.sh: --wait-quiet wants HH:MM (UTC)" >&2; exit 2; }

note() { printf '== %s\n' "$*" >&2; }
warn() { printf 'run.sh: warning: %s\n' "$*" >&2; }

# --- tools
if [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]]; then
    note "installing GNU time (needed for peak RSS)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  else
    echo "run.sh: /usr/bin/time missing: sudo apt-get install time" >&2; exit 3
  fi
fi
if ((peers)) && ! "$peer_python" -c 'import yaml, geopandas, reportlab' 2>/dev/null; then
  echo "run.sh: $peer_python lacks PyYAML/GeoPandas/ReportLab:" >&2
  echo "        sudo apt-get install -y python3-geopandas python3-yaml python3-reportlab" >&2
  echo "        (or set PEER_PYTHON, or pass --no-peers)" >&2
  exit 3
fi

# --- sheetgen (Release). A failed build is not fatal: the peers still run and
# the sheetgen rows say why they are missing.
sheetgen="$build_dir/generator/cli/sheetgen"
if ((build)); then
  note "building sheetgen (Release) in $build_dir"
  mkdir -p "$work"
  : >"$work/build.log"
  if [[ ! -f $build_dir/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DSHEETGEN_TESTS=OFF >>"$work/build.log" 2>&1 || true
  fi
  targets=(sheetgen); ((overlay)) && targets+=(bench_overlay)
  if ! cmake --build "$build_dir" --target "${targets[@]}" -j"$jobs" >>"$work/build.log" 2>&1; then
    warn "sheetgen did not build (see bench/work/build.log); sheetgen rows will be empty"
  fi
fi
mkdir -p "$work"
if [[ -f $build_dir/CMakeCache.txt ]] && ! grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build_dir/CMakeCache.txt"; then
  warn "$build_dir is not a Release build: figures will be pessimistic"
fi
have_sheetgen=0
[[ -x $sheetgen ]] && have_sheetgen=1

# Uses an option only if the command's --help mentions it (the lead adds --timings).
has_option() {  # command option
  ((have_sheetgen)) && "$sheetgen" "$1" --help 2>&1 | grep -q -- "$2"
}

# --- hazard configs: (a) the real Tokyo layer, (b) the synthetic Tama sample.
tokyo_shp=${TOKYO_ZONES:-/work/shared/data/tokyo/A31-12_13.shp}
[[ -f $tokyo_shp ]] || tokyo_shp="$root/../shared/data/tokyo/A31-12_13.shp"
configs=()
if [[ -f $root/geodata/tokyo-real.yaml ]]; then configs+=("tokyo-real=$root/geodata/tokyo-real.yaml")
elif [[ -f $here/tokyo-zones.yaml ]]; then configs+=("tokyo-real=$here/tokyo-zones.yaml")
else warn "no Tokyo hazard config (geodata/tokyo-real.yaml or bench/tokyo-zones.yaml)"; fi
if [[ -f $root/geodata/tama-sample.yaml ]]; then configs+=("tama-sample=$root/geodata/tama-sample.yaml")
else warn "no geodata/tama-sample.yaml"; fi
render_config=""
((${#configs[@]})) && render_config=${configs[0]#*=}

# --- profile sets, cached: profile i depends only on (seed, i), so a set is
# reused while gen_profiles.py is unchanged.
profile_set() {  # N -> prints the set directory
  local n=$1 dir="$work/profiles-$1-s$seed"
  if [[ ! -f $dir/generator.json || $here/gen_profiles.py -nt $dir/generator.json ]]; then
    note "generating $n profiles (seed $seed) into ${dir#$root/}"
    python3 "$here/gen_profiles.py" --count "$n" --seed "$seed" --out "$dir" --force --jobs "$jobs" >&2
  fi
  printf '%s\n' "$dir"
}
shard_dirs() { find "$1" -mindepth 1 -maxdepth 1 -type d -name 'shard-*' | sort; }

stamp=$(date -u +%Y%m%dT%H%M%SZ)
out="$work/runs-$stamp"
mkdir -p "$out"
: >"$out/runs.tsv"
cut -d' ' -f1-3 /proc/loadavg >"$out/loadavg-start" 2>/dev/null || true

# measure KIND TOOL CONFIG N RUN OUTPUT -- command...: one timed run, recorded in runs.tsv.
measure() {
  local kind=$1 tool=$2 config=$3 n=$4 run=$5 output=$6; shift 7
  local d="$out/$kind-$tool-$config-$n-$run"
  mkdir -p "$d"
  rm -rf "$output"
  local rc=0 load0 load1
  load0=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -v -o "$d/time.txt" "$@" >"$d/stdout.txt" 2>"$d/stderr.txt" || rc=$?
  load1=$(cut -d' ' -f1 /proc/loadavg)
  # Bytes and files written, measured now: the next run replaces the output.
  local bytes=0 files=0
  if [[ -e $output ]]; then
    read -r files bytes < <(find "$output" -type f -printf '%s\n' | awk '{n++; b+=$1} END {print n+0, b+0}')
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$tool" "$config" "$n" "$run" "$rc" "$d" "$files" "$bytes" \
    "$load0" "$load1" >>"$out/runs.tsv"
  if ((rc != 0 && rc != 1)); then
    warn "$tool $kind ($config, N=$n) exited $rc: $(tail -n 2 "$d/stderr.txt" | tr '\n' ' ')"
  fi
  printf '   %-10s %-22s %-12s N=%-8s run %s  %s  load %s -> %s\n' "$kind" "$tool" "$config" "$n" "$run" \
    "$(awk -F': ' '/Elapsed/ {print $2" s wall"}' "$d/time.txt")" "$load0" "$load1" >&2
}

# Wall-time figures mean little while other jobs share the cores: wait (polling every
# 30 s) for a 1-minute load average below 1.0, but not past --wait-quiet's deadline.
wait_for_quiet() {
  [[ -n $wait_quiet ]] || return 0
  local deadline now
  deadline=$(date -u -d "$wait_quiet" +%s)
  while :; do
    local l1; l1=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$l1" 'BEGIN {exit !(l < 1.0)}'; then note "load average $l1: starting"; break; fi
    now=$(date -u +%s)
    if ((now >= deadline)); then warn "still busy at $wait_quiet UTC (load average $l1): measuring anyway"; break; fi
    note "load average $l1: waiting for < 1.0 (until $wait_quiet UTC)"
    sleep 30
  done
}

# Profile bytes on disk (sum of file sizes) of a set, for parse MB/s.
set_bytes() {  # dir -> "files bytes"
  find "$1" -name '*.yaml' -type f -printf '%s\n' | awk '{n++; b+=$1} END {print n+0, b+0}'
}
block() {  # name: marks the start of a block in blocks.tsv (UTC time, load averages)
  printf '%s\t%s\t%s\n' "$1" "$(date -u +%H:%M:%S)" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/blocks.tsv"
}

IFS=, read -r -a size_list <<<"$sizes"
declare -A set_dir
for n in "${size_list[@]}"; do set_dir[$n]=$(profile_set "$n"); done
((render > 0)) && set_dir[r$render]=$(profile_set "$render")
((render_big > 0)) && set_dir[r$render_big]=$(profile_set "$render_big")
: >"$out/sets.tsv"
for n in "${size_list[@]}"; do printf '%s\t%s\n' "$n" "$(set_bytes "${set_dir[$n]}" | tr ' ' '\t')" >>"$out/sets.tsv"; done
{ echo "nproc $(nproc)"; grep -m1 'model name' /proc/cpuinfo; } >"$out/machine.txt"

wait_for_quiet
cut -d' ' -f1-3 /proc/loadavg >"$out/loadavg-start"
: >"$out/blocks.tsv"

# Point-in-zone throughput on the real Tokyo layer (per core, thread CPU time).
if ((overlay)) && ((have_sheetgen)); then
  block overlay
  note "overlay benchmark"
  bench_overlay="$build_dir/bench/bench_overlay"
  if [[ -x $bench_overlay ]]; then
    measure overlay bench_overlay tokyo-real 2000000 1 "$out/none" -- "$bench_overlay" "${configs[0]#*=}" 2000000
    cat "$out/overlay-bench_overlay-tokyo-real-2000000-1/stdout.txt" >&2
  else
    warn "bench_overlay did not build"
  fi
fi

flag_extra=(); has_option flag --timings && flag_extra+=(--timings)
has_option flag --jobs && flag_extra+=(--jobs "$jobs")
render_extra=(); has_option render --timings && render_extra+=(--timings)
# One support sheet per household, as the peer draws (no extra ventilator plans).
has_option render "--plans" && render_extra+=(--plans none)

block "main (--runs $runs)"
for ((run = 1; run <= runs; run++)); do
  note "run $run of $runs"
  for n in "${size_list[@]}"; do
    mapfile -t dirs < <(shard_dirs "${set_dir[$n]}")
    if ((peers)); then
      # (a) as an analyst writes it: yaml.safe_load (pure Python). At N >= 100,000 it
      # takes minutes: with --safe-large-runs below --runs those runs come last.
      if ((n < 100000 || safe_large_runs == runs)); then
        measure flag peer-geopandas-safe tokyo-real "$n" "$run" "$out/peer-safe-$n.csv" -- \
          "$peer_python" "$here/peer_flag_geopandas.py" "${dirs[@]}" --zones "$tokyo_shp" --loader safe -o "$out/peer-safe-$n.csv"
      fi
      # (b) tuned: libyaml's CSafeLoader.
      measure flag peer-geopandas-csafe tokyo-real "$n" "$run" "$out/peer-csafe-$n.csv" -- \
        "$peer_python" "$here/peer_flag_geopandas.py" "${dirs[@]}" --zones "$tokyo_shp" --loader csafe -o "$out/peer-csafe-$n.csv"
    fi
    if ((have_sheetgen)); then
      for c in "${configs[@]}"; do
        measure flag sheetgen "${c%%=*}" "$n" "$run" "$out/sheetgen-${c%%=*}-$n.csv" -- \
          "$sheetgen" flag --hazards "${c#*=}" "${dirs[@]}" -o "$out/sheetgen-${c%%=*}-$n.csv" "${flag_extra[@]}"
      done
    fi
  done
  if ((render > 0)); then
    mapfile -t dirs < <(shard_dirs "${set_dir[r$render]}")
    if ((peers)); then
      measure render peer-reportlab none "$render" "$run" "$out/peer-sheets" -- \
        "$peer_python" "$here/peer_render_reportlab.py" "${set_dir[r$render]}" --count "$render" \
        --out "$out/peer-sheets" --jobs "$jobs"
    fi
    if ((have_sheetgen)) && [[ -n $render_config ]]; then
      measure render sheetgen "${configs[0]%%=*}" "$render" "$run" "$out/sheetgen-sheets" -- \
        "$sheetgen" render --hazards "$render_config" "${dirs[@]}" --out "$out/sheetgen-sheets" \
        --jobs "$jobs" "${render_extra[@]}"
    fi
  fi
done

# One flag run on a large generated set: peak RSS and wall time. The set is deleted
# afterwards (about 4 KB on disk per profile), in the background at the very end.
scale_dir=""
if ((scale > 0)) && ((have_sheetgen)); then
  block "scale generate $scale"
  scale_dir=$(profile_set "$scale")
  printf '%s\t%s\n' "$scale" "$(set_bytes "$scale_dir" | tr ' ' '\t')" >>"$out/sets.tsv"
  block "scale flag $scale"
  mapfile -t dirs < <(shard_dirs "$scale_dir")
  measure flag sheetgen "${configs[0]%%=*}" "$scale" 1 "$out/sheetgen-${configs[0]%%=*}-$scale.csv" -- \
    "$sheetgen" flag --hazards "${configs[0]#*=}" "${dirs[@]}" -o "$out/sheetgen-${configs[0]%%=*}-$scale.csv" "${flag_extra[@]}"
fi

# One large render run for peak RSS (no --bundle: a bundle holds its pages in memory by design).
if ((render_big > 0)) && ((have_sheetgen)) && [[ -n $render_config ]]; then
  block "render-big $render_big"
  mapfile -t dirs < <(shard_dirs "${set_dir[r$render_big]}")
  measure render-big sheetgen "${configs[0]%%=*}" "$render_big" 1 "$out/sheetgen-big-sheets" -- \
    "$sheetgen" render --hazards "$render_config" "${dirs[@]}" --out "$out/sheetgen-big-sheets" \
    --jobs "$jobs" "${render_extra[@]}"
  python3 "$here/summarize.py" --count-pages "$out/sheetgen-big-sheets" >"$out/render-big-pages.txt" || true
  rm -rf "$out/sheetgen-big-sheets"
fi

# The pure-Python peer's remaining large runs (slow: ~5 ms per profile).
if ((peers && safe_large_runs != runs)); then
  for ((run = 1; run <= safe_large_runs; run++)); do
    for n in "${size_list[@]}"; do
      ((n >= 100000)) || continue
      block "peer safe $n run $run"
      mapfile -t dirs < <(shard_dirs "${set_dir[$n]}")
      measure flag peer-geopandas-safe tokyo-real "$n" "$run" "$out/peer-safe-$n.csv" -- \
        "$peer_python" "$here/peer_flag_geopandas.py" "${dirs[@]}" --zones "$tokyo_shp" --loader safe -o "$out/peer-safe-$n.csv"
    done
  done
fi
block end
if [[ -n $scale_dir ]]; then
  note "deleting the $scale-profile set in the background (slow on a discard-mounted disk)"
  nohup rm -rf "$scale_dir" >/dev/null 2>&1 &
fi

note "summary"
python3 "$here/summarize.py" "$out/runs.tsv" --sheetgen "$sheetgen" --peer-python "$peer_python" \
  --command "bash bench/run.sh $orig_args" --root "$root" --sizes "$sizes" --render "$render" --runs "$runs" --jobs "$jobs" \
  --out "$results"
note "raw runs: ${out#$root/}; summary written to ${results#$root/}"
