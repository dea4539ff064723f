"""Dump every finding on the comparison sets to one file, to prove an engine change leaves output identical.

Usage: python bench/snapshot.py OUT.jsonl [--sets news,scrapinghub,seed,blind] [--files N]   (COPYLINT_SHARED: ../shared)
       python bench/snapshot.py --compare BEFORE.jsonl AFTER.jsonl
Run both sides with the same PYTHONHASHSEED (set iteration order reaches a few messages). One JSON line per input: set, name, and each finding's code, span, message, suggestions and fix edits (in-process,
LanguageTool off). Blind texts are linted but their names and findings are stored only as digests (they may not be
read); --compare prints counts of inputs that differ per set, and the names of differing non-blind inputs.
"""
from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get("COPYLINT_SHARED", os.path.normpath(os.path.join(HERE, "..", "..", "shared")))
REPO = os.path.normpath(os.path.join(HERE, ".."))


def inputs(name: str, limit: int) -> list[tuple[str, str, str]]:
    """(path, format, text) of one comparison set."""
    if name == "news":
        paths = sorted(glob.glob(os.path.join(SHARED, "corpus", "news", "bbc", "*", "*.txt"))
                       + glob.glob(os.path.join(SHARED, "corpus", "news", "onestopenglish", "*.txt")))
        out = [(p, "plain", open(p, encoding="utf-8").read()) for p in paths]
    elif name == "scrapinghub":
        paths = sorted(glob.glob(os.path.join(SHARED, "corpus", "web", "scrapinghub", "html", "*.html.gz")))
        out = [(p[: -len(".gz")], "html", gzip.open(p, "rt", encoding="utf-8", errors="replace").read()) for p in paths]
    elif name == "seed":
        paths = sorted(glob.glob(os.path.join(REPO, "seeds", "*.txt")))
        out = [(p, "plain", open(p, encoding="utf-8").read()) for p in paths]
    elif name == "blind":
        paths = sorted(p for p in glob.glob(os.path.join(HERE, "blind", "*", "**", "*"), recursive=True)
                       if p.endswith((".txt", ".md", ".html")))
        out = [(p, None, open(p, encoding="utf-8", errors="replace").read()) for p in paths]
    else:
        raise SystemExit(f"unknown set {name!r}")
    return out[:limit] if limit else out


def row(finding) -> list:
    fix = None
    if finding.fix is not None:
        fix = [[e.start, e.end, e.content] for e in finding.fix.edits] + [str(finding.fix.applicability)]
    return [finding.code, finding.start, finding.end, finding.message, list(finding.suggestions), fix]


def snapshot(out: str, sets: list[str], limit: int) -> None:
    from copylint.api import Linter

    linter = Linter(languagetool=False)
    with open(out, "w", encoding="utf-8") as handle:
        for name in sets:
            began, count = time.process_time(), 0
            for path, fmt, text in inputs(name, limit):
                rows = [row(f) for f in linter.lint_source(path, text, fmt)]
                label = os.path.relpath(path, {"seed": REPO, "blind": HERE}.get(name, SHARED))
                if name == "blind":
                    label = hashlib.sha256(label.encode()).hexdigest()[:16]
                    rows = [hashlib.sha256(json.dumps(rows).encode()).hexdigest()]
                handle.write(json.dumps({"set": name, "name": label, "findings": rows}, ensure_ascii=False) + "\n")
                count += 1
            print(f"{name}: {count} inputs, {time.process_time() - began:.1f} s CPU", file=sys.stderr)


def compare(before: str, after: str) -> int:
    def load(path: str) -> dict:
        with open(path, encoding="utf-8") as handle:
            return {(r["set"], r["name"]): r["findings"] for r in map(json.loads, handle)}

    old, new = load(before), load(after)
    differing = 0
    for name in sorted({s for s, _ in old} | {s for s, _ in new}):
        keys = {k for k in old if k[0] == name} | {k for k in new if k[0] == name}
        bad = sorted(k for k in keys if old.get(k) != new.get(k))
        findings = sum(len(v) for k, v in new.items() if k[0] == name)
        print(f"{name}: {len(keys)} inputs, {findings} finding rows, {len(bad)} differ")
        if name != "blind":
            for key in bad[:20]:
                print(f"  {key[1]}")
        differing += len(bad)
    return 1 if differing else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--sets", default="news,scrapinghub,seed,blind")
    ap.add_argument("--files", type=int, default=0, help="at most N inputs per set (0: all)")
    ap.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    if not args.out:
        ap.error("give OUT.jsonl or --compare BEFORE AFTER")
    snapshot(args.out, args.sets.split(","), args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
