#!/usr/bin/env python3
"""Peer for bench_intake: what an analyst writes with the standard library and
PyYAML. Reads the Shift_JIS ledger with csv, normalises each address with
regular expressions, looks the town up in a dict built from the GeoJSON
gazetteer, and writes one YAML profile per row with yaml.safe_dump.
Prints key=value lines like bench_intake (matcher alone, then everything)."""
import argparse, csv, json, os, re, sys, time, unicodedata

KANJI = "〇一二三四五六七八九"

def kanji(n):
    if n < 10:
        return KANJI[n]
    t, o = divmod(n, 10)
    return ("" if t == 1 else KANJI[t]) + "十" + ("" if o == 0 else KANJI[o])

def fold(s):
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"[‐‑–—―−ー](?=\d)|(?<=\d)[‐‑–—―−ー]", "-", s)
    s = s.replace("ヶ", "ケ").replace("が", "ケ").replace(" ", "")
    return re.sub(r"^(東京都)?(多摩市)?", "", s)

def load_towns(path):
    towns = {}
    for f in json.load(open(path, encoding="utf-8"))["features"]:
        lon, lat = f["geometry"]["coordinates"]
        towns[fold(f["properties"]["town"])] = (lat, lon)
    return towns

ADDR = re.compile(r"^(?P<town>[^\d]+)(?:(?P<chome>\d+)丁目|(?P<dash>\d+)-)?(?P<rest>.*)$")

def geocode(address, towns):
    a = fold(address)
    m = ADDR.match(a)
    if not m:
        return None
    town = m.group("town")
    n = m.group("chome") or m.group("dash")
    if n and town + kanji(int(n)) + "丁目" in towns:
        return towns[town + kanji(int(n)) + "丁目"]
    return towns.get(town)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("ledger")
    ap.add_argument("--gazetteer", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    import yaml
    towns = load_towns(args.gazetteer)
    with open(args.ledger, encoding="cp932", newline="") as f:
        rows = list(csv.DictReader(f))
    t0 = time.process_time()
    matched = sum(geocode(r["住所"], towns) is not None for r in rows)
    match_cpu = time.process_time() - t0
    os.makedirs(args.out, exist_ok=True)
    w0 = time.monotonic()
    with open(args.ledger, encoding="cp932", newline="") as f:
        for r in csv.DictReader(f):
            p = geocode(r["住所"], towns)
            if p is None:
                continue
            doc = {"schema": "sheetgen/profile-v1", "id": r["管理番号"], "updated": "2026-11-01", "draft": True,
                   "person": {"name": r["氏名"], "kana": r["ふりがな"], "birthdate": r["生年月日"]},
                   "household": {"address": r["住所"], "location": {"lat": p[0], "lon": p[1]}},
                   "consent": {"share_with_supporters": r["情報提供の同意"] in ("有", "済", "○")}}
            path = os.path.join(args.out, r["管理番号"] + ".yaml")
            with open(path, "w", encoding="utf-8") as out:
                yaml.safe_dump(doc, out, allow_unicode=True, sort_keys=False)
    wall = time.monotonic() - w0
    print(f"rows={len(rows)} matched={matched} match_cpu_s={match_cpu:.3f} addresses_per_s={len(rows) / match_cpu:.0f}")
    print(f"import_wall_s={wall:.2f} rows_per_s={len(rows) / wall:.0f}")

if __name__ == "__main__":
    main()
