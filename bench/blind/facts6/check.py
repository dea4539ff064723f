#!/usr/bin/env python3
"""Validate the facts6 blind set and print counts per class, file and region.

Checks: headline + blank line, no further blank lines, 250-450 words of body; gold keys exactly
id line quote family tier class fix; unique ids; each quote occurs exactly once on its line; family matches
class (fact-geo for the six geography classes, fact for claim/contradiction); tier "must"; 7 items and at most one class missing in
every f-file; contradiction fixes name an earlier line; class minimums; control gold files hold no items.
Exit 1 on any error.
"""
import re
import sys
from collections import Counter
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
GEO = ["wrong-country", "wrong-division", "compass", "capital", "neighbour", "rank"]
FACT = ["claim", "contradiction"]
CLASSES = GEO + FACT
KEYS = {"id", "line", "quote", "family", "tier", "class", "fix"}
MINIMUM = {c: 10 for c in CLASSES}
REGION = {
    "f01": "Europe (Iberia)", "f02": "Europe (Baltic states)", "f03": "Europe (Central Europe)",
    "f04": "Middle East (Iran / Iraq / Gulf)", "f05": "East Africa", "f06": "West Africa / Sahel",
    "f07": "South America (Andes)", "f08": "South America (Southern Cone / Brazil)", "f09": "South Asia (India)",
    "f10": "South-East Asia (Indonesia / Philippines)", "f11": "East Asia (Korea / Japan)",
    "f12": "North America (Canada / US)",
}
MIN_WORDS, MAX_WORDS = 250, 450
PER_FILE = 7

errors = []


def err(msg):
    errors.append(msg)


def check_text(path):
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if len(lines) < 4 or not lines[0].strip() or lines[1] != "":
        err(f"{path.name}: must start with a headline and one blank line")
    for i, line in enumerate(lines[2:], 3):
        if not line.strip():
            err(f"{path.name}: blank line {i} in the body")
    words = len(" ".join(lines[2:]).split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        err(f"{path.name}: {words} words (want {MIN_WORDS}-{MAX_WORDS})")
    return text.split("\n"), words


def main():
    per_class, per_file, per_region, per_family = Counter(), {}, Counter(), Counter()
    ids = set()
    words_of = {}
    f_files = sorted(HERE.glob("f[0-9][0-9].txt"))
    c_files = sorted(HERE.glob("c[0-9][0-9].txt"))
    for txt in f_files + c_files:
        stem = txt.stem
        lines, words = check_text(txt)
        words_of[stem] = words
        gold_path = txt.with_name(stem + ".gold.toml")
        if not gold_path.exists():
            err(f"{stem}: missing gold file")
            continue
        with open(gold_path, "rb") as fh:
            gold = tomllib.load(fh)
        items = gold.get("item", [])
        if set(gold) - {"item"}:
            err(f"{gold_path.name}: unexpected top-level keys {sorted(set(gold) - {'item'})}")
        if stem.startswith("c"):
            if items:
                err(f"{gold_path.name}: control gold must be empty")
            continue
        classes = Counter()
        for it in items:
            where = f"{gold_path.name} {it.get('id')}"
            if set(it) != KEYS:
                err(f"{where}: keys {sorted(it)} != {sorted(KEYS)}")
                continue
            if it["id"] in ids:
                err(f"{where}: duplicate id")
            ids.add(it["id"])
            ln = it["line"]
            if not isinstance(ln, int) or not 3 <= ln <= len(lines):
                err(f"{where}: bad line {ln}")
                continue
            n = lines[ln - 1].count(it["quote"])
            if n == 1:
                # the quote's absolute offset, as score.py computes it
                off = sum(len(l) + 1 for l in lines[: ln - 1]) + lines[ln - 1].find(it["quote"])
                if "\n".join(lines)[off: off + len(it["quote"])] != it["quote"]:
                    err(f"{where}: offset mismatch")
            if n != 1:
                err(f"{where}: quote {it['quote']!r} occurs {n} times on line {ln}")
            cls = it["class"]
            if cls not in CLASSES:
                err(f"{where}: unknown class {cls}")
                continue
            want = "fact-geo" if cls in GEO else "fact"
            if it["family"] != want:
                err(f"{where}: family {it['family']} but class {cls} needs {want}")
            if it["tier"] != "must":
                err(f"{where}: tier must be 'must'")
            if not it["fix"].strip():
                err(f"{where}: empty fix")
            if cls == "contradiction":
                refs = [int(x) for x in re.findall(r"\bline (\d+)", it["fix"])]
                if not refs or not all(3 <= r < ln for r in refs):
                    err(f"{where}: contradiction fix must name an earlier line (got {refs})")
            classes[cls] += 1
            per_class[cls] += 1
            per_family[it["family"]] += 1
        if len(items) != PER_FILE:
            err(f"{stem}: {len(items)} items, want {PER_FILE}")
        missing = [c for c in CLASSES if not classes[c]]
        if len(missing) > 1:
            err(f"{stem}: missing classes {missing}")
        per_file[stem] = len(items)
        per_region[REGION.get(stem, "?")] += len(items)
    for c in CLASSES:
        if per_class[c] < MINIMUM[c]:
            err(f"class {c}: {per_class[c]} items, minimum {MINIMUM[c]}")

    print("per class:")
    for c in CLASSES:
        print(f"  {c:15s} {per_class[c]:3d}")
    print(f"  {'total':15s} {sum(per_class.values()):3d}")
    print("per family:", dict(per_family))
    print("per file:")
    for stem in sorted(words_of):
        print(f"  {stem}: {per_file.get(stem, 0)} items, {words_of[stem]} words  {REGION.get(stem, 'control')}")
    print("per region:")
    for r, n in per_region.items():
        print(f"  {r:32s} {n}")
    print(f"f-files {len(f_files)}, c-files {len(c_files)}")
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
