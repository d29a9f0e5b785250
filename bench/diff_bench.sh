#!/usr/bin/env bash
# `sheetgen diff` against a single `sheetgen flag` on the same N generated
# households (issue 13: diff must take at most 1.3x flag's wall time, since
# each profile is parsed once and only the overlay and the verdict run twice).
#
#   bash bench/diff_bench.sh [--count 100000] [--runs 3] [--jobs 2] [--results FILE]
#
# Per run, interleaved: flag with the new config (geodata/tama-maxscale.yaml),
# flag with the old one (geodata/tokyo-real.yaml), then diff --before old
# --after new. Wall time and peak RSS from /usr/bin/time; medians. The section
# between the diff-bench markers in RESULTS.md is replaced.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
count=100000 runs=3 jobs=2 results="$here/RESULTS.md"
bin="${SHEETGEN_BIN:-$root/build/generator/cli/sheetgen}"
while (($#)); do
  case $1 in
    --count) count=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --results) results=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time missing: apt-get install time" >&2; exit 77; }
before="$root/geodata/tokyo-real.yaml" after="$root/geodata/tama-maxscale.yaml"
set_dir="$here/work/profiles-$count-s42"   # the same cache as run.sh
work="$here/work/diff-$count"
mkdir -p "$work"
if [[ ! -f $set_dir/generator.json || $here/gen_profiles.py -nt $set_dir/generator.json ]]; then
  python3 "$here/gen_profiles.py" --count "$count" --seed 42 --out "$set_dir" --force --jobs "$jobs" >&2
fi
mapfile -t shards < <(find "$set_dir" -mindepth 1 -maxdepth 1 -type d -name 'shard-*' | sort)

# One timed command: appends "name wall_s rss_kib" to $work/times.
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/$name.stdout" 2>"$work/$name.stderr" || [[ $? == 1 ]]
  echo "$name $(cat "$work/time.txt")" >>"$work/times"
}
: >"$work/times"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for ((r = 1; r <= runs; r++)); do
  echo "run $r/$runs" >&2
  timed flag-new "$bin" flag --hazards "$after" "${shards[@]}" -q --jobs "$jobs" --date 2026-11-24 -o "$work/flag-new.csv"
  timed flag-old "$bin" flag --hazards "$before" "${shards[@]}" -q --jobs "$jobs" --date 2026-11-24 -o "$work/flag-old.csv"
  timed diff "$bin" diff --before "$before" --after "$after" "${shards[@]}" -q --jobs "$jobs" --date 2026-11-24 \
    -o "$work/changes.csv"
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work/times" "$results" "$count" "$runs" "$jobs" "$load_start" "$load_end" "$(git -C "$root" rev-parse --short HEAD)" "$bin" "$work/diff.stdout" <<'PY'
import re, statistics, sys, datetime
times, results, count, runs, jobs, l0, l1, commit, binary, diff_out = sys.argv[1:]
rows = {}
for line in open(times):
    name, wall, rss = line.split()
    rows.setdefault(name, []).append((float(wall), int(rss) / 1024))
med = {k: (statistics.median(w for w, _ in v), max(r for _, r in v), [w for w, _ in v]) for k, v in rows.items()}
ratio = med["diff"][0] / med["flag-new"][0]
summary = open(diff_out).read().split("\n")[0]
out = [f"<!-- diff-bench:start -->",
       f"## diff vs flag ({int(count):,} households)",
       "",
       f"`bench/diff_bench.sh --count {count} --runs {runs} --jobs {jobs}`, {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, "
       f"commit {commit}, binary `{binary.replace(sys.argv[0], '')}`; load average (1/5/15 min) {l0} at the start, {l1} at the end "
       "(the machine is shared: other engineers' builds ran at the same time).",
       "",
       "| command | wall s (median) | runs (s) | peak RSS MiB |",
       "|---|---|---|---|"]
labels = {"flag-new": "flag --hazards tama-maxscale.yaml", "flag-old": "flag --hazards tokyo-real.yaml",
          "diff": "diff --before tokyo-real.yaml --after tama-maxscale.yaml"}
for k in ("flag-new", "flag-old", "diff"):
    m, rss, ws = med[k]
    out.append(f"| `{labels[k]}` | {m:.2f} | {', '.join(f'{w:.2f}' for w in ws)} | {rss:.0f} |")
out += ["", f"diff / flag (new config) = **{ratio:.2f}×** (target ≤ 1.3×); "
        f"diff / (flag old + flag new) = {med['diff'][0] / (med['flag-new'][0] + med['flag-old'][0]):.2f}. diff said: `{summary}`.",
        "<!-- diff-bench:end -->"]
text = open(results).read()
block = "\n".join(out) + "\n"
if "<!-- diff-bench:start -->" in text:
    text = re.sub(r"<!-- diff-bench:start -->.*?<!-- diff-bench:end -->\n", lambda _: block, text, flags=re.S)
else:
    text += "\n" + block
open(results, "w").write(text)
print(block)
PY
