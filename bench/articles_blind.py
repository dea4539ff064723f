"""Score copylint on blind whole-article sets (gold in the seed's format) with ../shared/tools/score.py, per family.

Usage: python bench/articles_blind.py [SET_DIR ...] [--languagetool] [--families a,b] [--code-prefix CL1,CL2] [--show]
Each SET_DIR holds NAME.{txt,md,html} beside NAME.gold.toml (default: every set under bench/blind/ that has gold
files). By default only aggregate counts are printed (hits and misses per family and tier, false positives per code),
so that rule authors can tune on classes of misses without reading the blind texts; --show prints score.py's
per-item lines as well (for the one who reads the set, not for rule authors).
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "score.py"))
ITEM_LINE = re.compile(r"^(HIT |MISS) (\S+) \[(\w+)/([\w-]+)\]")
FP_LINE = re.compile(r"^FP   line \S+: (\S+)")
SUMMARY = re.compile(r"^(PASS|FAIL): (.*)$")


def article_pairs(set_dir: str) -> list[tuple[str, str]]:
    pairs = []
    for gold in sorted(glob.glob(os.path.join(set_dir, "*.gold.toml"))):
        stem = gold[: -len(".gold.toml")]
        texts = [stem + ext for ext in (".txt", ".md", ".markdown", ".html", ".htm") if os.path.exists(stem + ext)]
        if texts:
            pairs.append((gold, texts[0]))
    return pairs


def run_copylint(texts: list[str], languagetool: bool) -> dict[str, list[dict]]:
    cmd = [sys.executable, "-m", "copylint", "check", "--format", "json", "--no-cache"]
    if not languagetool:
        cmd.append("--no-languagetool")
    proc = subprocess.run(cmd + texts, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"copylint exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
    by_path: dict[str, list[dict]] = collections.defaultdict(list)
    for finding in json.loads(proc.stdout or "[]"):
        by_path[os.path.abspath(finding["path"])].append(finding)
    return by_path


def score(gold: str, text: str, findings: list[dict], families: str | None, prefix: str | None) -> list[str]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(findings, handle)
    cmd = [sys.executable, SCORE, gold, text, "--findings", handle.name]
    if families:
        cmd += ["--families", families]
    if prefix:
        cmd += ["--code-prefix", prefix]
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()
    finally:
        os.unlink(handle.name)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--languagetool", action="store_true", help="include LanguageTool (needs the server)")
    ap.add_argument("--families")
    ap.add_argument("--code-prefix")
    ap.add_argument("--show", action="store_true", help="print per-item lines (not for rule authors)")
    args = ap.parse_args()
    sets = args.sets or sorted(d for d in glob.glob(os.path.join(HERE, "blind", "*")) if article_pairs(d))
    if not os.path.exists(SCORE):
        print(f"scorer not found at {SCORE}; nothing to measure")
        return 0
    for set_dir in sets:
        pairs = article_pairs(set_dir)
        if not pairs:
            print(f"{set_dir}: no gold files")
            continue
        found = run_copylint([text for _, text in pairs], args.languagetool)
        tally: dict[tuple[str, str], collections.Counter[str]] = collections.defaultdict(collections.Counter)
        fp_codes: collections.Counter[str] = collections.Counter()
        clean_fp = collections.Counter()
        print(f"== {os.path.relpath(set_dir)} ({len(pairs)} articles)")
        for gold, text in pairs:
            lines = score(gold, text, found.get(os.path.abspath(text), []), args.families, args.code_prefix)
            items, fps = 0, 0
            for line in lines:
                if m := ITEM_LINE.match(line):
                    items += 1
                    tally[(m.group(4), m.group(3))]["hit" if m.group(1) == "HIT " else "miss"] += 1
                elif m := FP_LINE.match(line):
                    fp_codes[m.group(1)] += 1
                    fps += 1
                if args.show and not SUMMARY.match(line):
                    print("   ", line)
            summary = next((m.group(2) for line in lines if (m := SUMMARY.match(line))), "?")
            if items == 0:
                clean_fp["articles"] += 1
                clean_fp["fps"] += fps
            print(f"  {os.path.basename(text):<14} {summary}" + ("  (clean)" if items == 0 else ""))
        print("  family/tier          hit  miss  recall")
        totals = collections.Counter()
        for (family, tier), counts in sorted(tally.items()):
            n = counts["hit"] + counts["miss"]
            totals[tier + ":hit"] += counts["hit"]
            totals[tier + ":n"] += n
            print(f"  {family + '/' + tier:<20} {counts['hit']:>3}  {counts['miss']:>4}  {counts['hit'] / n:6.0%}")
        for tier in ("must", "should"):
            if totals[tier + ":n"]:
                print(f"  ALL/{tier:<16} {totals[tier + ':hit']:>3}  {totals[tier + ':n'] - totals[tier + ':hit']:>4}"
                      f"  {totals[tier + ':hit'] / totals[tier + ':n']:6.0%}")
        print(f"  false positives: {sum(fp_codes.values())} ({clean_fp['fps']} on {clean_fp['articles']} clean articles)"
              f"  by code: {dict(sorted(fp_codes.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
