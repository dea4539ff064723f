#!/usr/bin/env python3
"""Validate every gold file in this blind set (or in the folder given: python3 check.py ../articles-c2).

For each article NAME.{txt,md,html} with NAME.gold.toml:
  * the TOML parses; items have id/line/quote/family/tier/fix; ids are unique; tier is must|should;
  * every quote (items and neutrals) is a substring of its 1-based line (and of each also_lines line);
  * damaged articles (a*) have 8-15 items, clean articles (k*) have none;
  * the article is 400-900 words (HTML tags stripped);
  * score.py run with empty findings does not print "gold error".
Exit status 0 when everything is clean.
"""
import glob
import os
import re
import subprocess
import sys
import tomllib

# The set to check: a folder given on the command line (articles-c2 shares this script), else this one.
HERE = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
SCORE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "tools", "score.py")
FAMILIES = {"markup", "boilerplate", "fact", "fact-geo", "tortured", "garbled", "collocation", "grammar",
            "spelling", "redundancy", "repetition", "consistency", "casing", "names"}


def main():
    problems = []
    golds = sorted(glob.glob(os.path.join(HERE, "*.gold.toml")))
    texts = sorted(p for p in glob.glob(os.path.join(HERE, "*"))
                   if re.search(r"/[ak]\d\d\.(txt|md|html)$", p))
    if len(golds) != len(texts):
        problems.append(f"{len(golds)} gold files for {len(texts)} articles")
    for text_path in texts:
        base = text_path.rsplit(".", 1)[0]
        name = os.path.basename(text_path)
        gold_path = base + ".gold.toml"
        if not os.path.exists(gold_path):
            problems.append(f"{name}: no gold file")
            continue
        with open(gold_path, "rb") as f:
            try:
                gold = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                problems.append(f"{name}: TOML error {e}")
                continue
        with open(text_path, encoding="utf-8") as f:
            text = f.read()
        lines = text.split("\n")
        items = gold.get("item", [])
        ids = [it.get("id") for it in items]
        if len(ids) != len(set(ids)):
            problems.append(f"{name}: duplicate ids")
        for it in items:
            for key in ("id", "line", "quote", "family", "tier", "fix"):
                if key not in it:
                    problems.append(f"{name}: item {it.get('id')} lacks {key}")
            if it.get("tier") not in ("must", "should"):
                problems.append(f"{name}: item {it.get('id')} bad tier {it.get('tier')}")
            if it.get("family") not in FAMILIES:
                problems.append(f"{name}: item {it.get('id')} unknown family {it.get('family')}")
        for kind, entries in (("item", items), ("neutral", gold.get("neutral", []))):
            for it in entries:
                for ln in [it.get("line"), *it.get("also_lines", [])]:
                    if not isinstance(ln, int) or not 1 <= ln <= len(lines):
                        problems.append(f"{name}: {kind} {it.get('id', '')} line {ln} out of range")
                    elif not it.get("quote") or it["quote"] not in lines[ln - 1]:
                        problems.append(f"{name}: {kind} {it.get('id', '')} quote {it.get('quote')!r} not on line {ln}")
        clean = name.startswith("k")
        if clean and items:
            problems.append(f"{name}: clean article has {len(items)} items")
        if not clean and not 8 <= len(items) <= 15:
            problems.append(f"{name}: {len(items)} items (want 8-15)")
        words = len(re.sub(r"<[^>]+>", " ", text).split())
        if not 400 <= words <= 900:
            problems.append(f"{name}: {words} words (want 400-900)")
        proc = subprocess.run(["bash", "-c", f"python3 {SCORE} '{gold_path}' '{text_path}' --findings <(echo '[]')"],
                              capture_output=True, text=True)
        out = proc.stdout + proc.stderr
        if "gold error" in out or "Traceback" in out:
            problems.append(f"{name}: score.py: {out.strip().splitlines()[-1]}")
        last = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else "(no output)"
        print(f"{name:10s} {len(items):2d} items  {words:4d} words  score.py: {last}")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
