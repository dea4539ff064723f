#!/usr/bin/env python3
"""Validate the blind fact-check set facts3: every gold quote lies on its line, structure is right,
clean controls have no items; print per-class, per-file and per-region counts."""
import collections, glob, os, sys
try:
    import tomllib
except ModuleNotFoundError:
    import tomli as tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
CLASSES = {"wrong-country": 11, "wrong-division": 11, "compass": 11, "capital": 11,
           "neighbour": 11, "rank": 11, "claim": 12, "contradiction": 11}
MIN_WORDS, MAX_WORDS, MIN_TOTAL = 280, 420, 90
GEO = {"wrong-country", "wrong-division", "compass", "capital", "neighbour", "rank"}
REGION = {
    "f01": "Latin America (Mexico)", "f02": "Latin America (Argentina/Chile)", "f03": "South-East Asia (Vietnam/Malaysia)",
    "f04": "Central Asia (Kazakhstan)", "f05": "East Africa (Ethiopia/Horn)", "f06": "North Africa (Morocco/Maghreb)",
    "f07": "Central Europe (Poland/Ukraine)", "f08": "Southern Europe (Spain)", "f09": "Southern Europe (Italy/Adriatic)",
    "f10": "North America (Canada)", "f11": "East Asia (South Korea)", "f12": "Middle East (Egypt/Saudi Arabia)",
    "c01": "Global (same-name places)", "c02": "Global (border twin towns)", "c03": "Global (correct ranks)",
    "c04": "Global (organisations, units, currencies, languages)", "c05": "Global (regional capitals, split seats)",
    "c06": "Global (compass parts, disputed/renamed places)",
}
errors = []
cls_count = collections.Counter()
region_count = collections.Counter()
rows = []
for txt in sorted(glob.glob(os.path.join(HERE, "[fc][0-9][0-9].txt"))):
    name = os.path.basename(txt)[:-4]
    gold_path = txt[:-4] + ".gold.toml"
    text = open(txt, encoding="utf-8").read()
    lines = text.split("\n")
    words = len(text.split())
    if not (MIN_WORDS <= words <= MAX_WORDS):
        errors.append(f"{name}: {words} words (want {MIN_WORDS}-{MAX_WORDS})")
    if len(lines) < 3 or not lines[0].strip() or lines[1] != "":
        errors.append(f"{name}: expected headline on line 1 and blank line 2")
    if not os.path.exists(gold_path):
        errors.append(f"{name}: missing gold file"); continue
    with open(gold_path, "rb") as f:
        gold = tomllib.load(f)
    items = gold.get("item", [])
    if name.startswith("c") and items:
        errors.append(f"{name}: clean control has {len(items)} items")
    ids = set()
    for it in items:
        for key in ("id", "line", "quote", "family", "tier", "fix", "class"):
            if key not in it:
                errors.append(f"{name} {it.get('id')}: missing key {key}")
        if it["id"] in ids:
            errors.append(f"{name}: duplicate id {it['id']}")
        ids.add(it["id"])
        for ln in [it["line"], *it.get("also_lines", [])]:
            if not (1 <= ln <= len(lines)) or it["quote"] not in lines[ln - 1]:
                errors.append(f"{name} {it['id']}: quote {it['quote']!r} not on line {ln}")
            elif lines[ln - 1].count(it["quote"]) > 1:
                errors.append(f"{name} {it['id']}: quote {it['quote']!r} occurs more than once on line {ln}")
        c = it.get("class")
        if c not in CLASSES:
            errors.append(f"{name} {it['id']}: unknown class {c!r}")
        want_fam = "fact-geo" if c in GEO else "fact"
        if it.get("family") != want_fam:
            errors.append(f"{name} {it['id']}: family {it.get('family')!r}, expected {want_fam!r}")
        if it.get("tier") != "must":
            errors.append(f"{name} {it['id']}: tier should be 'must'")
        cls_count[c] += 1
        region_count[REGION.get(name, "?")] += 1
    rows.append((name, REGION.get(name, "?"), words, len(items),
                 ", ".join(f"{k}={v}" for k, v in sorted(collections.Counter(i['class'] for i in items).items()))))

print(f"{'file':5} {'region':52} {'words':>5} {'items':>5}  classes")
for r in rows:
    print(f"{r[0]:5} {r[1]:52} {r[2]:5} {r[3]:5}  {r[4]}")
print("\nclass counts (minimum):")
for c, m in CLASSES.items():
    flag = "" if cls_count[c] >= m else "  <-- BELOW MINIMUM"
    print(f"  {c:15} {cls_count[c]:3} (>= {m}){flag}")
    if cls_count[c] < m:
        errors.append(f"class {c}: {cls_count[c]} < {m}")
print(f"  {'TOTAL':15} {sum(cls_count.values()):3} (>= {MIN_TOTAL})")
if sum(cls_count.values()) < MIN_TOTAL:
    errors.append(f"fewer than {MIN_TOTAL} planted errors")
fam = collections.Counter("fact-geo" if c in GEO else "fact" for c in cls_count.elements())
print(f"  families: fact-geo {fam['fact-geo']}, fact {fam['fact']}")
print("\nplanted errors per region:")
for r, n in sorted(region_count.items()):
    print(f"  {r:52} {n}")
nf = sum(1 for r in rows if r[0].startswith("f")); nc = sum(1 for r in rows if r[0].startswith("c"))
print(f"\nfact articles: {nf} (>= 12), clean articles: {nc} (>= 6)")
if nf < 12 or nc < 6:
    errors.append("not enough articles")
if errors:
    print("\nERRORS:"); [print("  " + e) for e in errors]; sys.exit(1)
print("\nOK")
