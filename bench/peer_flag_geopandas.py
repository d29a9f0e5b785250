#!/usr/bin/env python3
"""Peer for `sheetgen flag`: the script an analyst would write with PyYAML + GeoPandas.

    python3 bench/peer_flag_geopandas.py PROFILE_DIR... --zones SHAPEFILE -o out.csv

Loads every *.yaml / *.yml under the directories with PyYAML: `--loader safe`
(the default) calls `yaml.safe_load(f)`, PyYAML's pure-Python SafeLoader, as an
analyst writes it; `--loader csafe` is the tuned variant,
`yaml.load(f, Loader=yaml.CSafeLoader)` (libyaml). The loader used is printed.
It then builds a GeoDataFrame of household points (EPSG:4326),
reads the flood layer with geopandas.read_file, reprojects it to EPSG:4326,
spatial-joins points to zones, keeps one row per household and writes
id,name,in_zone. Phase timings go to stderr as `phase <name> <seconds>` lines,
which bench/run.sh parses.

No validation, no risk rules, no shelters: this is the minimum an analyst needs
for "who lives inside a flood zone", so it flatters the peer, not sheetgen.
"""

import argparse
import os
import sys
import time


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", metavar="PROFILE_DIR")
    ap.add_argument("--zones", required=True, help="flood-zone polygon layer (any OGR format)")
    ap.add_argument("-o", "--out", required=True, help="CSV to write")
    ap.add_argument("--predicate", choices=("within", "intersects"), default="within")
    ap.add_argument("--loader", choices=("safe", "csafe"), default="safe",
                    help="safe: yaml.safe_load (pure Python, the default); csafe: yaml.CSafeLoader (libyaml)")
    a = ap.parse_args(argv)

    phases = []
    t_start = t = time.perf_counter()

    def lap(name):
        nonlocal t
        now = time.perf_counter()
        phases.append((name, now - t))
        t = now

    import geopandas as gpd  # imports are timed: they are part of what the analyst waits for
    import pandas as pd
    import yaml
    if a.loader == "csafe":
        if not hasattr(yaml, "CSafeLoader"):
            print("peer_flag_geopandas: this PyYAML was built without libyaml: no CSafeLoader", file=sys.stderr)
            return 3

        def load(fh):
            return yaml.load(fh, Loader=yaml.CSafeLoader)
        loader_name = "CSafeLoader (libyaml)"
    else:
        load, loader_name = yaml.safe_load, "safe_load (pure-Python SafeLoader)"
    lap("import")

    files = []
    for d in a.dirs:
        if os.path.isfile(d):
            files.append(d)
            continue
        for root, subdirs, names in os.walk(d):
            subdirs.sort()
            files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith((".yaml", ".yml")))
    lap("list")

    ids, names, lons, lats = [], [], [], []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            doc = load(fh)
        loc = doc["household"]["location"]
        ids.append(str(doc["id"]))
        names.append(doc["person"]["name"])
        lons.append(float(loc["lon"]))
        lats.append(float(loc["lat"]))
    lap("parse")

    points = gpd.GeoDataFrame({"id": ids, "name": names},
                              geometry=gpd.points_from_xy(lons, lats), crs="EPSG:4326")
    lap("points")

    zones = gpd.read_file(a.zones)
    lap("read_zones")
    zones = zones[["geometry"]].to_crs(epsg=4326)
    lap("reproject")

    joined = gpd.sjoin(points, zones, how="left", predicate=a.predicate)
    # A point inside several overlapping zones comes back once per zone.
    hit = joined["index_right"].notna().groupby(level=0).any()
    result = pd.DataFrame({"id": points["id"], "name": points["name"], "in_zone": hit.reindex(points.index)})
    lap("overlay")

    result.to_csv(a.out, index=False, encoding="utf-8")
    lap("write")

    total = time.perf_counter() - t_start
    err = sys.stderr
    print("peer_flag_geopandas: yaml loader %s, geopandas %s, predicate %s" % (loader_name, gpd.__version__, a.predicate), file=err)
    print("peer_flag_geopandas: %d profiles, %d zone polygons, %d in a zone"
          % (len(points), len(zones), int(result["in_zone"].sum())), file=err)
    for name, secs in phases:
        print("phase %s %.3f" % (name, secs), file=err)
    print("phase total %.3f" % total, file=err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
