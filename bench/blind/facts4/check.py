#!/usr/bin/env python3
"""Validate the facts4 blind set and print its composition (counts only, no content).

Checks: every fNN.txt / cNN.txt has a gold file and vice versa; texts are a headline, a blank line and one
paragraph per line (no further blank lines), 280-420 words; gold items have exactly the keys id, line, quote,
family, tier, class, fix; ids are unique; each quote occurs exactly once on its line; family matches class;
tier is "must"; control gold files hold no items; each f-file has one item of every class; a contradiction's
fix names an earlier line ("(line N)"); class minimums over the set. Exit 1 on any problem.
"""
import collections
import pathlib
import re
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

HERE = pathlib.Path(__file__).resolve().parent
GEO = ("wrong-country", "wrong-division", "compass", "capital", "neighbour", "rank")
FACT = ("claim", "contradiction")
CLASSES = GEO + FACT
MINIMUM = {"wrong-country": 11, "wrong-division": 11, "compass": 11, "capital": 11,
           "neighbour": 11, "rank": 11, "claim": 12, "contradiction": 11}
MIN_TOTAL = 90
KEYS = {"id", "line", "quote", "family", "tier", "class", "fix"}
REGION = {
    "f01": "Latin America", "f02": "West Africa", "f03": "Middle East", "f04": "South-East Asia",
    "f05": "East Asia", "f06": "Central Europe", "f07": "Eastern Europe", "f08": "South Asia",
    "f09": "South Asia", "f10": "Oceania", "f11": "East Africa", "f12": "North America",
}
WORDS = (280, 420)

problems = []


def bad(msg):
    problems.append(msg)


def check_text(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if text.endswith("\n"):
        lines = lines[:-1]
    if len(lines) < 4 or not lines[0].strip() or lines[1] != "":
        bad(f"{path.name}: must start with a headline line and a blank line")
    for n, line in enumerate(lines[2:], 3):
        if not line.strip():
            bad(f"{path.name}: blank line {n} (one paragraph per line, no blank lines after the headline)")
        if line != line.strip():
            bad(f"{path.name}: line {n} has leading/trailing whitespace")
    words = len(text.split())
    if not WORDS[0] <= words <= WORDS[1]:
        bad(f"{path.name}: {words} words, outside {WORDS[0]}-{WORDS[1]}")
    return text.split("\n"), words


def main():
    texts = sorted(HERE.glob("[fc][0-9][0-9].txt"))
    golds = sorted(HERE.glob("[fc][0-9][0-9].gold.toml"))
    stems_t = {p.stem for p in texts}
    stems_g = {p.name[:-len(".gold.toml")] for p in golds}
    for s in sorted(stems_t ^ stems_g):
        bad(f"{s}: text without gold or gold without text")

    per_class = collections.Counter()
    per_family = collections.Counter()
    per_file = {}
    per_region = collections.Counter()
    words_of = {}
    ids = set()
    for tpath in texts:
        stem = tpath.stem
        lines, words_of[stem] = check_text(tpath)
        gpath = HERE / f"{stem}.gold.toml"
        if not gpath.exists():
            continue
        try:
            gold = tomllib.loads(gpath.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as e:
            bad(f"{gpath.name}: TOML error {e}")
            continue
        if set(gold) - {"item"}:
            bad(f"{gpath.name}: unknown top-level keys {sorted(set(gold) - {'item'})}")
        items = gold.get("item", [])
        if stem.startswith("c"):
            if items:
                bad(f"{gpath.name}: control gold must hold no items")
            per_file[stem] = collections.Counter()
            continue
        if stem not in REGION:
            bad(f"{stem}: no region in check.py")
        counts = collections.Counter()
        for it in items:
            where = f"{gpath.name} {it.get('id', '?')}"
            if set(it) != KEYS:
                bad(f"{where}: keys {sorted(set(it))} != {sorted(KEYS)}")
                continue
            if it["id"] in ids:
                bad(f"{where}: duplicate id")
            ids.add(it["id"])
            if it["class"] not in CLASSES:
                bad(f"{where}: unknown class {it['class']!r}")
                continue
            want = "fact-geo" if it["class"] in GEO else "fact"
            if it["family"] != want:
                bad(f"{where}: family {it['family']!r} should be {want!r} for class {it['class']}")
            if it["tier"] != "must":
                bad(f"{where}: tier {it['tier']!r} (all items are must)")
            ln = it["line"]
            if not isinstance(ln, int) or not 3 <= ln <= len(lines):
                bad(f"{where}: line {ln!r} out of range (body lines start at 3)")
                continue
            n = lines[ln - 1].count(it["quote"])
            if n != 1:
                bad(f"{where}: quote {it['quote']!r} occurs {n} times on line {ln}")
            if not it["fix"].strip():
                bad(f"{where}: empty fix")
            if it["class"] == "contradiction":
                m = re.search(r"\(line (\d+)\)", it["fix"])
                if not m or int(m.group(1)) >= ln:
                    bad(f"{where}: contradiction fix must name the earlier first mention as '(line N)'")
            counts[it["class"]] += 1
            per_class[it["class"]] += 1
            per_family[it["family"]] += 1
            per_region[REGION.get(stem, "?")] += 1
        for c in CLASSES:
            if counts[c] < 1:
                bad(f"{gpath.name}: no item of class {c}")
        per_file[stem] = counts

    total = sum(per_class.values())
    for c, m in MINIMUM.items():
        if per_class[c] < m:
            bad(f"class {c}: {per_class[c]} < minimum {m}")
    if total < MIN_TOTAL:
        bad(f"total {total} < minimum {MIN_TOTAL}")

    print("per class:")
    for c in CLASSES:
        print(f"  {c:15s} {per_class[c]:3d}  (min {MINIMUM[c]})")
    print(f"  {'total':15s} {total:3d}  (min {MIN_TOTAL})")
    print("per family: " + ", ".join(f"{k} {v}" for k, v in sorted(per_family.items())))
    print("per file:")
    for stem in sorted(per_file):
        cnt = per_file[stem]
        extra = ", ".join(f"{c} {cnt[c]}" for c in CLASSES if cnt[c] > 1)
        label = REGION.get(stem, "control")
        print(f"  {stem}  {sum(cnt.values()):2d} items  {words_of.get(stem, 0):3d} words  {label}"
              + (f"  (extra: {extra})" if extra else ""))
    print("per region: " + ", ".join(f"{k} {v}" for k, v in sorted(per_region.items())))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  " + p)
        return 1
    print("\nOK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
