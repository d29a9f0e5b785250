#!/usr/bin/env python3
"""Turns bench/run.sh's runs.tsv files into the Markdown tables of bench/RESULTS.md.

Standard library only. Each runs.tsv row is one timed run:
kind, tool, config, n, run, exit code, run directory (time.txt, stderr.txt), files, bytes
[, 1-min load average before, after]. Several runs.tsv (blocks run separately) may be given.
`summarize.py --count-pages DIR` prints the PDFs, pages and PDFs per page count of DIR.
"""

import argparse
import csv
import datetime
import os
import platform
import re
import statistics
import subprocess
import sys
from collections import OrderedDict, defaultdict


def parse_time_v(path):
    """Wall seconds, peak RSS (kB), user+sys seconds from GNU time -v output."""
    wall = rss = cpu = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            key, _, val = line.strip().rpartition(": ")
            if key.startswith("Elapsed (wall clock) time"):
                secs = 0.0
                for part in val.split(":"):
                    secs = secs * 60 + float(part)
                wall = secs
            elif key == "Maximum resident set size (kbytes)":
                rss = int(val)
            elif key in ("User time (seconds)", "System time (seconds)"):
                cpu = (cpu or 0.0) + float(val)
    return wall, rss, cpu


# Peers print "phase NAME SECONDS". sheetgen --timings prints one line
# "timings: households=N jobs=J load_hazards_ms=12.3 parse_cpu_ms=... total_ms=..."
# (render: "... total_s=1.23 documents_per_s=..."): keys ending _ms / _s are phases.
KV_RE = re.compile(r"([A-Za-z_]+)=([0-9]+(?:\.[0-9]+)?)")


def parse_phases(path, sheetgen):
    phases = OrderedDict()
    try:
        f = open(path, encoding="utf-8", errors="replace")
    except OSError:
        return phases
    with f:
        for line in f:
            if line.startswith("phase "):
                parts = line.split()
                if len(parts) == 3:
                    try:
                        phases[parts[1]] = float(parts[2])
                    except ValueError:
                        pass
                continue
            if not (sheetgen and line.startswith("timings:")):
                continue
            for key, val in KV_RE.findall(line):
                if key.endswith("_per_s"):
                    continue
                if key.endswith("_ms"):
                    phases[key[:-3].replace("total", "total_own")] = float(val) / 1000.0
                elif key.endswith("_s"):
                    phases[key[:-2].replace("total", "total_own")] = float(val)
    return phases


PAGE_RE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_histogram(directory):
    """{pages: PDFs} over every PDF of a directory (page objects; neither tool uses object streams)."""
    hist = defaultdict(int)
    try:
        names = sorted(os.listdir(directory))
    except OSError:
        return None
    for n in names:
        if n.endswith(".pdf"):
            with open(os.path.join(directory, n), "rb") as f:
                hist[len(PAGE_RE.findall(f.read()))] += 1
    return dict(hist)


def count_pages(directory):
    hist = page_histogram(directory)
    if hist is None:
        return None, None
    return sum(hist.values()), sum(p * d for p, d in hist.items())


def page_text(hist):
    docs = sum(hist.values())
    return "%d PDFs, %d pages; %s" % (docs, sum(p * d for p, d in hist.items()), ", ".join(
        "%d page%s: %d (%.1f %%)" % (p, "" if p == 1 else "s", d, 100.0 * d / docs) for p, d in sorted(hist.items())))


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt(x, spec="%.2f"):
    return "–" if x is None else spec % x


def truthy(v):
    return str(v).strip().lower() in ("1", "true", "yes", "y", "○", "◯", "〇", "inside", "in")


def zone_ids(path, want_peer):
    """Ids marked inside a flood zone in a CSV, or (None, why)."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        return None, "no CSV (%s)" % e.strerror
    if not rows:
        return set(), None
    cols = list(rows[0].keys())
    idc = next((c for c in cols if c in ("id", "ID")), None)
    if want_peer:
        zc, inside = "in_zone", truthy
    else:
        # sheetgen's CSV: 想定浸水深 is filled exactly when the home is inside a flood zone.
        zc, inside = "想定浸水深", lambda v: bool(v and v.strip())
    if not idc or zc not in cols:
        return None, "columns not recognised (%s)" % ",".join(cols[:12])
    return {r[idc] for r in rows if inside(r[zc])}, None


def machine_info(args):
    info = OrderedDict()
    info["date (UTC)"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    info["cores (nproc)"] = str(os.cpu_count())
    model = "unknown"
    mem = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
                    break
    except OSError:
        pass
    info["CPU"] = model
    info["memory"] = mem
    info["kernel"] = platform.release()
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    info["OS"] = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass

    def run(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    info["sheetgen"] = run([args.sheetgen, "--version"]) or "not built"
    commit = run(["git", "-C", args.root, "rev-parse", "--short", "HEAD"])
    if commit:
        dirty = run(["git", "-C", args.root, "status", "--porcelain", "--untracked-files=no"])
        info["commit"] = commit + (" (with uncommitted changes)" if dirty else "")
    info["peer Python"] = run([args.peer_python, "-c",
                               "import sys, yaml, geopandas, shapely, pandas, reportlab;"
                               "print('Python %d.%d.%d' % sys.version_info[:3], 'PyYAML', yaml.__version__,"
                               "'CSafeLoader' if hasattr(yaml, 'CSafeLoader') else 'SafeLoader',"
                               "'geopandas', geopandas.__version__, 'shapely', shapely.__version__,"
                               "'pandas', pandas.__version__, 'reportlab', reportlab.Version)"]) or "unavailable"
    # Other work on the machine skews every figure: record how busy it was.
    try:
        with open(os.path.join(args.runs_dirs[0], "loadavg-start")) as f:
            info["load average at the start (1/5/15 min)"] = " ".join(f.read().split()[:3])
        with open("/proc/loadavg") as f:
            info["load average at the end (1/5/15 min)"] = " ".join(f.read().split()[:3])
    except OSError:
        pass
    info["command"] = args.command
    return info


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("runs_tsv", nargs="*")
    ap.add_argument("--count-pages", metavar="DIR", help="only print the page histogram of DIR's PDFs")
    ap.add_argument("--sheetgen", default="sheetgen")
    ap.add_argument("--peer-python", default="/usr/bin/python3")
    ap.add_argument("--root", default=".")
    ap.add_argument("--command", default="")
    ap.add_argument("--sizes", default="")
    ap.add_argument("--render", default="")
    ap.add_argument("--runs", default="")
    ap.add_argument("--jobs", default="")
    ap.add_argument("--out")
    a = ap.parse_args(argv)
    if a.count_pages:
        hist = page_histogram(a.count_pages)
        print(page_text(hist) if hist else "no PDFs in %s" % a.count_pages)
        return 0
    if not a.runs_tsv or not a.out:
        ap.error("RUNS_TSV... and --out are required")
    a.runs_dirs = [os.path.dirname(os.path.abspath(t)) for t in a.runs_tsv]

    groups = defaultdict(list)
    set_bytes = {}
    blocks = []
    for tsv, runs_dir in zip(a.runs_tsv, a.runs_dirs):
        with open(tsv, encoding="utf-8") as f:
            for line in f:
                cols = line.rstrip("\n").split("\t")
                kind, tool, config, n, run, rc, d, files, nbytes = cols[:9]
                loads = [float(x) for x in cols[9:11]]
                wall, rss, cpu = parse_time_v(os.path.join(d, "time.txt"))
                phases = parse_phases(os.path.join(d, "stderr.txt"), sheetgen=tool == "sheetgen")
                groups[(kind, int(n), config, tool)].append(
                    dict(rc=int(rc), wall=wall, rss=rss, cpu=cpu, phases=phases, files=int(files),
                         bytes=int(nbytes), dir=d, loads=loads, out=runs_dir))
        try:
            with open(os.path.join(runs_dir, "sets.tsv"), encoding="utf-8") as f:
                for line in f:
                    n, files, nbytes = line.split()
                    set_bytes[int(n)] = int(nbytes)
        except OSError:
            pass
        try:
            with open(os.path.join(runs_dir, "blocks.tsv"), encoding="utf-8") as f:
                blocks += [(os.path.basename(runs_dir),) + tuple(line.rstrip("\n").split("\t")) for line in f]
        except OSError:
            pass

    def stats(rs):
        loads = [x for r in rs for x in r["loads"]]
        return dict(wall=median([r["wall"] for r in rs]), wmin=min((r["wall"] for r in rs if r["wall"] is not None), default=None),
                    wmax=max((r["wall"] for r in rs if r["wall"] is not None), default=None),
                    rss=median([r["rss"] for r in rs]), cpu=median([r["cpu"] for r in rs]),
                    files=median([r["files"] for r in rs]), bytes=median([r["bytes"] for r in rs]),
                    rcs=sorted({r["rc"] for r in rs}), runs=len(rs),
                    load="%.2f–%.2f" % (min(loads), max(loads)) if loads else "–",
                    out=rs[-1]["out"])

    def phase_text(rs):
        names = []
        for r in rs:
            for k in r["phases"]:
                if k not in names and k != "total":
                    names.append(k)
        parts = ["%s %s" % (k, fmt(median([r["phases"].get(k) for r in rs]))) for k in names]
        return ", ".join(parts) if parts else "–"

    lines = ["# sheetgen benchmark results", "",
             "Produced by `bench/run.sh` (see bench/README.md for what each figure means). "
             "Medians of %s run(s); wall time and peak RSS from `/usr/bin/time -v`." % a.runs, ""]
    lines += ["## Machine", "", "| | |", "|---|---|"]
    lines += ["| %s | %s |" % (k, v.replace("|", "\\|")) for k, v in machine_info(a).items()]

    flag_keys = sorted(k for k in groups if k[0] == "flag")
    if flag_keys:
        lines += ["", "## flag: who lives in a flood zone", "",
                  "| N | hazards | tool | runs | wall s (median) | min–max | profiles/s | peak RSS MB | CPU s | exit | load (1 min) | safe_load peer ÷ sheetgen wall | CSafeLoader peer ÷ sheetgen wall | RSS: peer (safe) ÷ sheetgen |",
                  "|---:|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|"]
        for key in flag_keys:
            _, n, config, tool = key
            s = stats(groups[key])
            ratio_safe = ratio_csafe = ratio_r = "–"
            if tool == "sheetgen" and config == "tokyo-real" and s["wall"]:
                for variant in ("safe", "csafe"):
                    peer = groups.get(("flag", n, "tokyo-real", "peer-geopandas-" + variant))
                    if not peer:
                        continue
                    p = stats(peer)
                    r = "%.1f×" % (p["wall"] / s["wall"]) if p["wall"] else "–"
                    if variant == "safe":
                        ratio_safe = r
                        ratio_r = "%.1f×" % (p["rss"] / s["rss"]) if p["rss"] and s["rss"] else "–"
                    else:
                        ratio_csafe = r
            lines.append("| %d | %s | %s | %d | %s | %s–%s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                n, config, tool, s["runs"], fmt(s["wall"]), fmt(s["wmin"]), fmt(s["wmax"]),
                fmt(n / s["wall"] if s["wall"] else None, "%.0f"), fmt(s["rss"] / 1024 if s["rss"] else None, "%.0f"),
                fmt(s["cpu"], "%.1f"), ",".join(map(str, s["rcs"])), s["load"], ratio_safe, ratio_csafe, ratio_r))
        # sheetgen's per-core rates from its --timings (thread CPU time summed over workers).
        rate_lines = []
        for key in flag_keys:
            _, n, config, tool = key
            if tool != "sheetgen":
                continue
            rs = groups[key]
            parse = median([r["phases"].get("parse_cpu") for r in rs])
            overlay_s = median([r["phases"].get("overlay_cpu") for r in rs])
            write = median([r["phases"].get("write") for r in rs])
            if not parse:
                continue
            nbytes = set_bytes.get(n)
            rate_lines.append("| %d | %s | %s | %.0f | %s | %s | %s | %s |" % (
                n, config, fmt(parse), n / parse,
                fmt(nbytes / parse / 1e6 if nbytes else None), fmt(nbytes / n if nbytes else None, "%.0f"),
                fmt(n / overlay_s / 1e6 if overlay_s else None, "%.2f"), fmt(write)))
        if rate_lines:
            lines += ["", "sheetgen phase rates per core (thread CPU time summed over its 2 workers, from `--timings`; "
                      "overlay = one home point against the zone index per household):", "",
                      "| N | hazards | parse CPU s | parsed households/s per core | parse MB/s per core | profile bytes (mean) | overlay M points/s per core | write s |",
                      "|---:|---|---:|---:|---:|---:|---:|---:|"] + rate_lines
        lines += ["", "Phases (median seconds; peer phases from its own clock, sheetgen's from `--timings` when it prints them):", ""]
        for key in flag_keys:
            lines.append("- N=%d %s %s: %s" % (key[1], key[2], key[3], phase_text(groups[key])))
        # Do both tools put the same households inside the Tokyo zones?
        agree = []
        for n in sorted({k[1] for k in flag_keys}):
            if ("flag", n, "tokyo-real", "sheetgen") not in groups:
                continue
            peer_key = ("flag", n, "tokyo-real", "peer-geopandas-csafe")
            if peer_key not in groups:
                continue
            peer_ids, why_p = zone_ids(os.path.join(stats(groups[peer_key])["out"], "peer-csafe-%d.csv" % n), True)
            sg_ids, why_s = zone_ids(os.path.join(stats(groups[("flag", n, "tokyo-real", "sheetgen")])["out"],
                                                  "sheetgen-tokyo-real-%d.csv" % n), False)
            if peer_ids is None or sg_ids is None:
                agree.append("- N=%d: not compared: %s" % (n, why_s or why_p))
            else:
                agree.append("- N=%d: peer %d in zone, sheetgen %d in zone, %d in both, %d only peer, %d only sheetgen"
                             % (n, len(peer_ids), len(sg_ids), len(peer_ids & sg_ids), len(peer_ids - sg_ids),
                                len(sg_ids - peer_ids)))
        if agree:
            lines += ["", "Agreement on the Tokyo layer (last run's CSVs; peer = CSafeLoader variant):", ""] + agree

    render_keys = sorted(k for k in groups if k[0] == "render")
    page_notes = []
    if render_keys:
        lines += ["", "## render: one support sheet per household (--jobs %s)" % a.jobs, "",
                  "| sheets | tool | hazards | runs | wall s (median) | min–max | sheets/s | MB written | bytes/sheet | PDFs | pages | peak RSS MB | CPU s | exit | load (1 min) | peer ÷ sheetgen wall |",
                  "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"]
        for key in render_keys:
            _, n, config, tool = key
            s = stats(groups[key])
            ratio = "–"
            if tool == "sheetgen":
                peer = groups.get(("render", n, "none", "peer-reportlab"))
                if peer and s["wall"] and stats(peer)["wall"]:
                    ratio = "%.1f×" % (stats(peer)["wall"] / s["wall"])
            pdfs = s["files"] or 0
            sheets_dir = os.path.join(s["out"], "%s-sheets" % ("peer" if tool.startswith("peer") else "sheetgen"))
            _, pages = count_pages(sheets_dir)
            hist = page_histogram(sheets_dir)
            if hist:
                page_notes.append("- %s, %d sheets (last run): %s" % (tool, n, page_text(hist)))
            lines.append("| %d | %s | %s | %d | %s | %s–%s | %s | %s | %s | %d | %s | %s | %s | %s | %s | %s |" % (
                n, tool, config, s["runs"], fmt(s["wall"]), fmt(s["wmin"]), fmt(s["wmax"]),
                fmt(n / s["wall"] if s["wall"] else None, "%.1f"), fmt(s["bytes"] / 1e6, "%.1f"),
                fmt(s["bytes"] / pdfs if pdfs else None, "%.0f"), pdfs, fmt(pages, "%d"),
                fmt(s["rss"] / 1024 if s["rss"] else None, "%.0f"), fmt(s["cpu"], "%.1f"),
                ",".join(map(str, s["rcs"])), s["load"], ratio))
        lines += ["", "Pages:", ""] + page_notes
        lines += ["", "Phases (median seconds):", ""]
        for key in render_keys:
            lines.append("- %s: %s" % (key[3], phase_text(groups[key])))

    big_keys = sorted(k for k in groups if k[0] == "render-big")
    for key in big_keys:
        s = stats(groups[key])
        lines += ["", "## render at scale: %d support sheets, one run (--jobs %s)" % (key[1], a.jobs), "",
                  "| sheets | wall s | sheets/s | MB written | bytes/sheet | peak RSS MB | CPU s | exit | load (1 min) |",
                  "|---:|---:|---:|---:|---:|---:|---:|---|---:|",
                  "| %d | %s | %s | %s | %s | %s | %s | %s | %s |" % (
                      key[1], fmt(s["wall"]), fmt(key[1] / s["wall"] if s["wall"] else None, "%.1f"),
                      fmt(s["bytes"] / 1e6, "%.1f"), fmt(s["bytes"] / s["files"] if s["files"] else None, "%.0f"),
                      fmt(s["rss"] / 1024 if s["rss"] else None, "%.0f"), fmt(s["cpu"], "%.1f"),
                      ",".join(map(str, s["rcs"])), s["load"])]
        try:
            with open(os.path.join(s["out"], "render-big-pages.txt"), encoding="utf-8") as f:
                lines += ["", "Pages: " + f.read().strip()]
        except OSError:
            pass

    overlay_keys = sorted(k for k in groups if k[0] == "overlay")
    for key in overlay_keys:
        r = groups[key][-1]
        try:
            with open(os.path.join(r["dir"], "stdout.txt"), encoding="utf-8") as f:
                text = f.read().strip()
        except OSError:
            text = "(no output)"
        lines += ["", "## overlay: `bench_overlay` on the %s layer (%d random points; load %s)" % (
            key[2], key[1], stats(groups[key])["load"]), "", "```", text, "```"]

    if blocks:
        lines += ["", "## Blocks (start time UTC and load average 1/5/15 min at the start)", "",
                  "| runs folder | block | start | load |", "|---|---|---|---|"]
        lines += ["| %s | %s | %s | %s |" % b[:4] for b in blocks if len(b) >= 4]

    missing = [t for t in ("sheetgen",) if not any(k[3] == t for k in groups)]
    if missing:
        lines += ["", "sheetgen was not run (not built, or no hazard config found); see bench/work/build.log."]
    text = "\n".join(lines) + "\n"
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
