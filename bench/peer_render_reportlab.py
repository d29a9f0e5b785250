#!/usr/bin/env python3
"""Peer for `sheetgen render`: one A4 Japanese support sheet per profile with ReportLab.

    python3 bench/peer_render_reportlab.py PROFILE_DIR --count N --out DIR [--jobs J]

Takes the first N profiles (sorted path order) under PROFILE_DIR, loads them with
PyYAML and draws, per profile, a one-page sheet with the same font as sheetgen
(IPAexGothic TrueType, which ReportLab subsets into each PDF): a title, a
key-value table of the person and home, a devices table, a contacts table, a
verdict box and a map frame with a few filled zone polygons and the home.

The peer has no hazard overlay or risk rules: the verdict box holds a
stand-in text of similar length and the map polygons are made up from the
household id. It measures drawing and PDF writing only. Output is
deterministic (rl_config.invariant). Prints sheets/s and bytes/sheet, and
`phase <name> <seconds>` lines on stderr for bench/run.sh.
"""

import argparse
import os
import random
import sys
import time
from multiprocessing import Pool

FONT_PATH = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
FONT = "IPAexGothic"

CARE_JA = {"ventilator": "人工呼吸器", "tracheostomy": "気管切開", "suction": "吸引", "oxygen": "酸素療法",
           "tube_feeding": "経管栄養", "iv": "中心静脈栄養", "dialysis": "透析", "catheterisation": "導尿",
           "ostomy": "ストーマ", "blood_glucose": "血糖測定", "nebuliser": "吸入", "other": "その他"}
DEVICE_JA = {"ventilator": "人工呼吸器", "suction": "吸引器", "oxygen_concentrator": "酸素濃縮装置",
             "oxygen_cylinder": "酸素ボンベ", "feeding_pump": "経腸栄養ポンプ", "humidifier": "加温加湿器",
             "pulse_oximeter": "パルスオキシメーター", "infusion_pump": "輸液ポンプ", "cough_assist": "排痰補助装置",
             "bed": "電動ベッド", "air_mattress": "エアマットレス", "other": "その他"}
ROLE_JA = {"doctor": "主治医", "hospital": "病院", "visiting_nurse": "訪問看護", "device_vendor": "医療機器業者",
           "consultation_specialist": "相談支援専門員", "care_coordinator": "医療的ケア児等コーディネーター",
           "power_company": "電力会社", "relative": "親族", "neighbour_supporter": "近隣の支援者",
           "municipality": "市役所・保健所", "other": "その他"}
SEX_JA = {"male": "男", "female": "女", "other": "その他", "unknown": "不明"}
BUILDING_JA = {"detached": "戸建て", "apartment": "集合住宅", "other": "その他"}

_state = {}


def setup():
    """Per process: font registration and imports (done once, as a real script would)."""
    from reportlab import rl_config
    rl_config.invariant = 1  # no timestamps or random IDs: byte-identical reruns
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    import yaml
    pdfmetrics.registerFont(TTFont(FONT, FONT_PATH))
    _state["loader"] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def map_drawing(pid, width, height):
    from reportlab.graphics.shapes import Drawing, Polygon, Rect, Circle, String
    from reportlab.lib import colors
    r = random.Random(pid)
    d = Drawing(width, height)
    d.add(Rect(0, 0, width, height, fillColor=colors.Color(0.96, 0.96, 0.94), strokeColor=colors.black, strokeWidth=0.8))
    blues = [colors.Color(0.97, 0.96, 0.66), colors.Color(1.0, 0.85, 0.75), colors.Color(1.0, 0.72, 0.72),
             colors.Color(1.0, 0.57, 0.57), colors.Color(0.95, 0.52, 0.80)]
    for _ in range(r.randrange(3, 7)):
        cx, cy = r.uniform(0.1, 0.9) * width, r.uniform(0.1, 0.9) * height
        pts = []
        n = r.randrange(8, 20)
        for k in range(n):
            import math
            ang = 2 * math.pi * k / n
            rad = r.uniform(0.08, 0.25) * min(width, height)
            pts += [max(0, min(width, cx + rad * math.cos(ang))), max(0, min(height, cy + rad * math.sin(ang)))]
        d.add(Polygon(pts, fillColor=r.choice(blues), strokeColor=colors.Color(0.4, 0.4, 0.6), strokeWidth=0.3))
    d.add(Circle(width / 2, height / 2, 4, fillColor=colors.red, strokeColor=colors.white, strokeWidth=1))
    d.add(String(width / 2 + 6, height / 2 - 3, "自宅", fontName=FONT, fontSize=8))
    d.add(Rect(width - 60, 6, 54, 4, fillColor=colors.black, strokeColor=None))
    d.add(String(width - 60, 12, "500 m", fontName=FONT, fontSize=7))
    return d


def render_one(job):
    path, out_dir = job
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Table, TableStyle, Spacer
    import yaml

    t0 = time.process_time()  # CPU seconds: workers share the cores
    with open(path, encoding="utf-8") as fh:
        p = yaml.load(fh, Loader=_state["loader"])
    t1 = time.process_time()

    person, home = p["person"], p["household"]
    body = ParagraphStyle("b", fontName=FONT, fontSize=7.5, leading=9.5, wordWrap="CJK")
    head = ParagraphStyle("h", fontName=FONT, fontSize=10, leading=13, spaceBefore=4, spaceAfter=2)
    title = ParagraphStyle("t", fontName=FONT, fontSize=15, leading=19)

    def P(text):
        return Paragraph(str(text) if text is not None else "", body)

    grid = TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7.5), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)])
    header_grid = TableStyle(grid.getCommands() + [("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.88, 0.91, 0.96))])
    kv_grid = TableStyle(grid.getCommands() + [("BACKGROUND", (0, 0), (0, -1), colors.Color(0.93, 0.93, 0.93)),
                                               ("BACKGROUND", (2, 0), (2, -1), colors.Color(0.93, 0.93, 0.93))])

    b = home["building"]
    meds = "、".join("%s %s（%s）" % (m["name"], m.get("dose", ""), m.get("timing", ""))
                    for m in person.get("medications", []))
    kv = [
        ["氏名", P(person["name"]), "ふりがな", P(person.get("kana", ""))],
        ["生年月日", P(person["birthdate"]), "性別・血液型", P("%s・%s" % (SEX_JA.get(person.get("sex"), ""), person.get("blood_type", "")))],
        ["体重", P("%s kg" % person.get("weight_kg", "")), "診断名", P("、".join(person.get("diagnoses", [])))],
        ["医療的ケア", P("、".join(CARE_JA.get(c, c) for c in person.get("care_needs", []))), "ケアの注意", P(person.get("care_notes", ""))],
        ["移動", P(person.get("mobility", "")), "意思疎通", P(person.get("communication", ""))],
        ["アレルギー", P("、".join(person.get("allergies", [])) or "なし"), "服薬", P(meds or "なし")],
        ["住所", P(home["address"]), "建物", P("%s %d階建て（居室 %d階、エレベーター%s）" % (
            BUILDING_JA.get(b["type"], ""), b["storeys"], home["living_floor"], "あり" if b.get("elevator") else "なし"))],
        ["同居家族", P("、".join("%s %s（%s歳）" % (m["relation"], m["name"], m.get("age", "")) for m in home.get("members", []))),
         "避難先", P("%s／%s" % (p.get("evacuation", {}).get("shelter", "未定"), p.get("evacuation", {}).get("welfare_shelter", "")))],
    ]
    cw = (A4[0] - 24 * mm)
    story = [Paragraph("災害時個別支援シート（医療的ケア）　%s" % p["id"], title), Spacer(1, 2 * mm),
             Table(kv, colWidths=[cw * 0.12, cw * 0.38, cw * 0.12, cw * 0.38], style=kv_grid)]

    devices = p.get("devices", [])
    story.append(Paragraph("医療機器と電源", head))
    rows = [["機器", "機種", "使用時間", "消費電力", "内蔵電池", "外部電池", "停電時の代替"]]
    for dv in devices:
        ext = dv.get("external_batteries")
        rows.append([P(dv.get("name") or DEVICE_JA.get(dv["kind"], dv["kind"])), P(dv.get("model", "")),
                     "%s時間/日" % dv.get("hours_per_day", ""), "%s W" % dv.get("watts", ""),
                     "%s時間" % dv.get("internal_battery_h", 0),
                     "%d個×%s時間" % (ext["count"], ext["hours_each"]) if ext else "なし",
                     P(dv.get("manual_fallback", ""))])
    if not devices:
        rows.append(["電源を要する機器なし", "", "", "", "", "", ""])
    story.append(Table(rows, colWidths=[cw * f for f in (0.17, 0.2, 0.1, 0.09, 0.09, 0.13, 0.22)], style=header_grid))
    for pb in p.get("power_backup", []):
        story.append(P("予備電源: %s %s Wh（出力 %s W）" % (pb.get("model", pb["kind"]), pb.get("capacity_wh", "-"), pb.get("output_w", "-"))))

    story.append(Paragraph("緊急連絡先", head))
    rows = [["役割", "氏名", "所属", "電話"]]
    for c in p.get("contacts", []):
        rows.append([P(ROLE_JA.get(c["role"], c["role"])), P(c.get("name", "")), P(c.get("organisation", "")), c.get("phone", "")])
    story.append(Table(rows, colWidths=[cw * 0.22, cw * 0.2, cw * 0.38, cw * 0.2], style=header_grid))

    # Stand-in verdict of the same shape as sheetgen's (level + three reasons).
    story.append(Paragraph("避難の判定", head))
    verdict = [[P("判定 B: 避難（警戒レベル4で避難開始）")],
               [P("・自宅は洪水浸水想定区域の内側にあり、想定される浸水深は居室の床より高い可能性があります。")],
               [P("・停電時、電源を要する機器は予備電源を含めて約%d時間しか使えません。" % (4 + len(devices) * 3))],
               [P("・計画している避難先 %s は洪水時に使える指定緊急避難場所か確認が必要です。" % p.get("evacuation", {}).get("shelter", "（未定）"))]]
    story.append(Table(verdict, colWidths=[cw], style=TableStyle([
        ("BOX", (0, 0), (-1, -1), 1.2, colors.Color(0.8, 0.1, 0.1)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(1.0, 0.9, 0.9)), ("FONT", (0, 0), (-1, -1), FONT, 8)])))

    story.append(Paragraph("自宅周辺の浸水想定区域", head))
    story.append(map_drawing(p["id"], cw, 62 * mm))

    out = os.path.join(out_dir, "%s.pdf" % p["id"])
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=10 * mm,
                            bottomMargin=10 * mm, title="災害時個別支援シート", author="bench peer")
    doc.build(story)
    t2 = time.process_time()
    return os.path.getsize(out), t1 - t0, t2 - t1


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("profile_dir")
    ap.add_argument("--count", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    a = ap.parse_args(argv)

    t_start = time.perf_counter()
    files = []
    for root, subdirs, names in os.walk(a.profile_dir):
        subdirs.sort()
        files.extend(os.path.join(root, n) for n in sorted(names) if n.endswith((".yaml", ".yml")))
    files = files[: a.count]
    if len(files) < a.count:
        print("peer_render_reportlab: only %d profiles under %s" % (len(files), a.profile_dir), file=sys.stderr)
    os.makedirs(a.out, exist_ok=True)
    jobs = [(f, a.out) for f in files]
    t_setup = time.perf_counter()
    if a.jobs > 1:
        with Pool(a.jobs, initializer=setup) as pool:
            results = pool.map(render_one, jobs, chunksize=8)
    else:
        setup()
        results = [render_one(j) for j in jobs]
    total = time.perf_counter() - t_start
    n = len(results)
    size = sum(r[0] for r in results)
    err = sys.stderr
    print("peer_render_reportlab: %d sheets, jobs %d, %.1f sheets/s, %.1f MB written, %d bytes/sheet"
          % (n, a.jobs, n / total if total else 0, size / 1e6, size // max(n, 1)), file=err)
    # Per-sheet phases are CPU seconds summed over workers.
    print("phase list %.3f" % (t_setup - t_start), file=err)
    print("phase parse_cpu %.3f" % sum(r[1] for r in results), file=err)
    print("phase render_cpu %.3f" % sum(r[2] for r in results), file=err)
    print("phase total %.3f" % total, file=err)
    print("sheets %d bytes %d" % (n, size), file=err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
