#!/usr/bin/env python3
"""Validate the gold files of this blind set.

For every article NAME.{txt,md,html} there must be NAME.gold.toml in the seed's format:
[[item]] with id, line, quote, family, tier, fix (optional also_lines) and optional
[[neutral]] with line, quote. Each quote must be a substring of its (1-based) line.
Clean articles (l*) must have no items. Finally the official scorer is run with an empty
findings list and must not print "gold error".
"""
import glob
import os
import subprocess
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = "/work/shared/tools/score.py"
FAMILIES = {"markup", "boilerplate", "fact-geo", "fact", "tortured", "garbled", "collocation",
            "grammar", "spelling", "redundancy", "repetition", "consistency", "casing"}
TIERS = {"must", "should"}
ITEM_KEYS = {"id", "line", "quote", "family", "tier", "fix"}


def main():
    errors = []
    articles = sorted(p for ext in ("txt", "md", "html") for p in glob.glob(os.path.join(HERE, f"[bl][0-9][0-9].{ext}")))
    if not articles:
        errors.append("no articles found")
    for art in articles:
        name = os.path.basename(art)
        stem = name.rsplit(".", 1)[0]
        gold_path = os.path.join(HERE, stem + ".gold.toml")
        if not os.path.exists(gold_path):
            errors.append(f"{name}: missing {stem}.gold.toml")
            continue
        with open(art, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        words = len(text.split())
        try:
            with open(gold_path, "rb") as f:
                gold = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            errors.append(f"{stem}.gold.toml: TOML error {e}")
            continue
        items = gold.get("item", [])
        neutrals = gold.get("neutral", [])
        extra = set(gold) - {"item", "neutral"}
        if extra:
            errors.append(f"{stem}: unexpected top-level keys {extra}")
        if stem.startswith("l") and (items or neutrals):
            errors.append(f"{stem}: clean article must have no items")
        if stem.startswith("b") and not 8 <= len(items) <= 15:
            errors.append(f"{stem}: {len(items)} items (want 8-15)")
        ids = set()
        for it in items:
            missing = ITEM_KEYS - set(it)
            if missing:
                errors.append(f"{stem}: item {it.get('id')} missing {missing}")
                continue
            if set(it) - ITEM_KEYS - {"also_lines"}:
                errors.append(f"{stem}: item {it['id']} unexpected keys {set(it) - ITEM_KEYS}")
            if it["id"] in ids:
                errors.append(f"{stem}: duplicate id {it['id']}")
            ids.add(it["id"])
            if it["family"] not in FAMILIES:
                errors.append(f"{stem}: item {it['id']} unknown family {it['family']}")
            if it["tier"] not in TIERS:
                errors.append(f"{stem}: item {it['id']} unknown tier {it['tier']}")
            for ln in [it["line"], *it.get("also_lines", [])]:
                if not (1 <= ln <= len(lines)) or it["quote"] not in lines[ln - 1]:
                    errors.append(f"{stem}: item {it['id']} quote {it['quote']!r} not on line {ln}")
        for nt in neutrals:
            if set(nt) != {"line", "quote"}:
                errors.append(f"{stem}: neutral has keys {set(nt)}")
                continue
            ln = nt["line"]
            if not (1 <= ln <= len(lines)) or nt["quote"] not in lines[ln - 1]:
                errors.append(f"{stem}: neutral {nt['quote']!r} not on line {ln}")
        proc = subprocess.run([sys.executable, SCORE, gold_path, art, "--findings", "/dev/stdin"],
                              input="[]", capture_output=True, text=True)
        out = proc.stdout + proc.stderr
        if "gold error" in out or "Traceback" in out:
            errors.append(f"{stem}: scorer: {out.strip().splitlines()[-1]}")
        summary = out.strip().splitlines()[-1] if out.strip() else ""
        print(f"{name:10} {words:4d} words  {len(items):2d} items  {len(neutrals)} neutral  | {summary}")
    if errors:
        print("\nERRORS:")
        for e in errors:
            print("  " + e)
        return 1
    print("\nall gold files OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
