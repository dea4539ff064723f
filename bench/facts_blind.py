"""Score the fact rules (CL3xx) on a blind set, printing aggregates only: recall per error class, and false
positives per code on the clean articles.

Usage: python bench/facts_blind.py [--blind bench/blind/facts] [--min-geo R] [--min-claims R]

A blind set is a folder of articles (NAME.txt) with gold annotations (NAME.gold.toml, the seed's gold format
with a `class` key per item); an article whose gold has no items is a clean one. The set was written by
someone who never read the rules, so this script never prints a text, a quote or a fix: only counts. It runs
copylint's CL3 rules (those on by default) in-process, writes their JSON, and scores each article with
../shared/tools/score.py --findings --code-prefix CL3.
"""
from __future__ import annotations

import argparse
import collections
import glob
import json
import os
import subprocess
import sys
import tempfile

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BLIND = os.path.join(HERE, "blind", "facts")
SCORER = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "tools", "score.py"))
GEO_FAMILY, CLAIM_FAMILY = "fact-geo", "fact"


def findings_json(linter, path: str, text: str) -> str:
    found = [f for f in linter.lint_source(path, text) if f.code.startswith("CL3")]
    return json.dumps([{"code": f.code, "start": f.start, "end": f.end} for f in found])


def score(gold: str, text: str, findings: str) -> tuple[set[str], list[str]]:
    """The gold ids hit, and the codes of the false positives, as score.py judges them."""
    out = subprocess.run([sys.executable, SCORER, gold, text, "--findings", findings, "--code-prefix", "CL3"],
                         capture_output=True, text=True, check=False).stdout
    hit, fps = set(), []
    for line in out.splitlines():
        if line.startswith("HIT "):
            hit.add(line.split()[1])
        elif line.startswith("FP "):
            fps.append(line.split(": ", 1)[1].split()[0])
    return hit, fps


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--blind", default=DEFAULT_BLIND)
    ap.add_argument("--min-geo", type=float, default=0.0, help="exit 1 below this geography recall")
    ap.add_argument("--min-claims", type=float, default=0.0, help="exit 1 below this claims recall")
    args = ap.parse_args()
    golds = sorted(glob.glob(os.path.join(args.blind, "*.gold.toml")))
    if not golds:
        print(f"no blind set under {args.blind} (skipped)", file=sys.stderr)
        return 0
    if not os.path.isfile(SCORER):
        print(f"no scorer at {SCORER}", file=sys.stderr)
        return 2
    from copylint.api import Linter

    linter = Linter(languagetool=False)
    total, hits = collections.Counter(), collections.Counter()
    family_total, family_hits = collections.Counter(), collections.Counter()
    clean_fp, error_fp = collections.Counter(), collections.Counter()
    articles = clean = 0
    with tempfile.TemporaryDirectory() as tmp:
        for gold_path in golds:
            text_path = gold_path[: -len(".gold.toml")] + ".txt"
            with open(gold_path, "rb") as handle:
                items = tomllib.load(handle).get("item", [])
            with open(text_path, encoding="utf-8") as handle:
                text = handle.read()
            found = os.path.join(tmp, "findings.json")
            with open(found, "w", encoding="utf-8") as handle:
                handle.write(findings_json(linter, text_path, text))
            hit, fps = score(gold_path, text_path, found)
            articles += 1
            clean += not items
            (error_fp if items else clean_fp).update(fps)
            for item in items:
                cls = item.get("class", "?")
                total[cls] += 1
                family_total[item["family"]] += 1
                if item["id"] in hit:
                    hits[cls] += 1
                    family_hits[item["family"]] += 1
    print(f"{articles} articles ({clean} clean), {sum(total.values())} planted errors")
    print(f"{'class':<16}{'hit':>5}{'of':>5}{'missed':>8}{'recall':>9}")
    for cls in sorted(total):
        print(f"{cls:<16}{hits[cls]:>5}{total[cls]:>5}{total[cls] - hits[cls]:>8}{hits[cls] / total[cls]:>9.0%}")
    recall = {}
    for family in sorted(family_total):
        recall[family] = family_hits[family] / family_total[family]
        print(f"family {family}: {family_hits[family]}/{family_total[family]} ({recall[family]:.0%})")
    print(f"must {sum(hits.values())}/{sum(total.values())}")
    print(f"false positives on clean articles: {sum(clean_fp.values())} {dict(sorted(clean_fp.items()))}")
    print(f"false positives on error articles: {sum(error_fp.values())} {dict(sorted(error_fp.items()))}")
    ok = recall.get(GEO_FAMILY, 1.0) >= args.min_geo and recall.get(CLAIM_FAMILY, 1.0) >= args.min_claims
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
