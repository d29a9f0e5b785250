#!/usr/bin/env bash
# Time to open the `flag --html` map page of N generated households in
# headless Chromium, canvas markers (what sheetgen writes) beside the same page
# drawn with Leaflet's SVG renderer (#renderer=svg), measured in the same run.
#
#   bash bench/html_page_bench.sh [--count 10000] [--runs 3] [--hazards geodata/tokyo-real.yaml] [--results FILE]
#
# Three figures per run, through Chromium's DevTools protocol
# (bench/cdp_page_timing.py, over --remote-debugging-pipe, 1400x900 window):
# `ready` = performance.now() when the page's script has handed every marker
# to Leaflet, built the table and set data-ready; `painted` = two animation
# frames later, when the browser has painted the canvas (what a user sees:
# the number the 3-second target is about); `wall` = the whole browser run,
# start-up included (an empty page's wall time is given for comparison).
# The section between the html-page markers in RESULTS.md is replaced.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
count=10000 runs=3 hazards="$root/geodata/tokyo-real.yaml" results="$here/RESULTS.md"
bin="${SHEETGEN_BIN:-$root/build/generator/cli/sheetgen}"
while (($#)); do
  case $1 in
    --count) count=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --hazards) hazards=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v chromium >/dev/null || { echo "chromium not installed" >&2; exit 77; }
work="$here/work/html-$count"
mkdir -p "$work"
[[ -f "$work/profiles/generator.json" ]] || python3 "$here/gen_profiles.py" --count "$count" --seed 42 --out "$work/profiles" --force >/dev/null
"$bin" flag --hazards "$hazards" "$work/profiles"/shard-* -q -o "$work/at-risk.csv" --html "$work/at-risk.html" \
  --date 2026-11-24 --jobs 2 >/dev/null || [[ $? == 1 ]]
size=$(stat -c %s "$work/at-risk.html")

# One load: prints "wall_s ready_ms painted_ms markers errors main_thread_cpu_ms".
load() {
  local url=$1 t0 t1 js
  t0=$(date +%s.%N)
  js=$(timeout 300 python3 "$here/cdp_page_timing.py" "$url" 2>/dev/null || echo '{}')
  t1=$(date +%s.%N)
  python3 - "$(echo "$t1 - $t0" | bc)" "$js" <<'PY'
import json, sys
j = json.loads(sys.argv[2] or "{}")
print(sys.argv[1], *(j.get(k, "NA") for k in ("ready_ms", "painted_ms", "markers", "errors", "main_thread_cpu_ms")))
PY
}
median() { sort -g | awk '{a[NR]=$1} END {m = NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf (m >= 100 ? "%d" : "%.1f"), m}'; }

declare -A wall ready painted cpu
printf '<!DOCTYPE html><html data-ready="1" data-ready-ms="0"><body>empty</body></html>\n' >"$work/empty.html"
load "file://$work/empty.html" >/dev/null  # warm the page cache
for ((r = 1; r <= runs; r++)); do
  for variant in empty canvas svg; do
    case $variant in
      empty) url="file://$work/empty.html" ;;
      canvas) url="file://$work/at-risk.html" ;;
      svg) url="file://$work/at-risk.html#renderer=svg" ;;
    esac
    read -r w rd p m e c < <(load "$url")
    echo "run $r $variant: wall ${w}s ready ${rd}ms painted ${p}ms markers $m errors $e main-thread CPU ${c}ms" >&2
    cpu[$variant]+="$c "
    wall[$variant]+="$w "
    ready[$variant]+="$rd "
    painted[$variant]+="$p "
    [[ $variant == empty ]] || markers_seen="$m" errors_seen="$e"
  done
done
med() { tr ' ' '\n' <<<"$1" | grep -v '^$' | median; }
load_avg=$(cut -d' ' -f1-3 /proc/loadavg)
section=$(cat <<MD
<!-- html-page:begin (bench/html_page_bench.sh; replaced by each run) -->
## html map page: open $count households in headless Chromium

\`sheetgen flag --html\` on $count generated households (\`gen_profiles.py --seed 42\`) with
\`$(basename "$hazards")\`: page $(awk -v s="$size" 'BEGIN{printf "%.1f", s/1048576}') MiB ($size bytes).
Chromium $(chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1) headless through its DevTools protocol (\`bench/cdp_page_timing.py\`, 1400×900), $runs runs, medians;
$(date -u +%Y-%m-%d) on $(nproc) cores, load $load_avg at the end. Every run drew $markers_seen markers with $errors_seen errors.

| page | ready (ms, navigation → script done) | painted (ms, navigation → map and table on screen) | main-thread CPU (ms) | wall (s, whole browser run) |
|---|---:|---:|---:|---:|
| canvas markers (what sheetgen writes) | $(med "${ready[canvas]}") | $(med "${painted[canvas]}") | $(med "${cpu[canvas]}") | $(med "${wall[canvas]}") |
| peer: same page, Leaflet SVG renderer (\`#renderer=svg\`) | $(med "${ready[svg]}") | $(med "${painted[svg]}") | $(med "${cpu[svg]}") | $(med "${wall[svg]}") |
| empty page (browser start-up alone) | – | $(med "${painted[empty]}") | $(med "${cpu[empty]}") | $(med "${wall[empty]}") |

Single runs (ready / painted ms): canvas ${ready[canvas]}/ ${painted[canvas]}; SVG ${ready[svg]}/ ${painted[svg]}.
<!-- html-page:end -->
MD
)
python3 - "$results" "$section" <<'PY'
import re, sys
path, section = sys.argv[1], sys.argv[2]
try:
    text = open(path, encoding="utf-8").read()
except FileNotFoundError:
    text = ""
pat = re.compile(r"<!-- html-page:begin.*?<!-- html-page:end -->", re.S)
text = pat.sub(lambda m: section, text) if pat.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
echo "$section"
