"""Count copylint findings on the clean news corpus (../shared/corpus/news) for a code selection, and list them.

Usage: python bench/corpus_findings.py --select CL1,CL2 [--corpus ../shared/corpus/news] [--show 50] [--languagetool]
Clean, edited news: every finding is a false positive until someone reads it and shows otherwise.
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "news"))


def news_files(corpus: str) -> list[str]:
    return sorted(glob.glob(os.path.join(corpus, "bbc", "*", "*.txt")) + glob.glob(os.path.join(corpus, "onestopenglish", "*.txt")))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--select", default="CL1,CL2")
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--show", type=int, default=100)
    ap.add_argument("--languagetool", action="store_true")
    args = ap.parse_args()
    files = news_files(args.corpus)
    if not files:
        print(f"corpus not found at {args.corpus}; nothing to measure")
        return 0
    from copylint.api import Linter
    from copylint.inputs import read_text

    linter = Linter(select=args.select.split(","), languagetool=args.languagetool)
    t0 = time.perf_counter()
    findings = []
    for path in files:
        findings.extend(linter.lint_source(path, read_text(path)))
    elapsed = time.perf_counter() - t0
    by_code = collections.Counter(f.code for f in findings)
    print(f"{len(files)} articles, {len(findings)} findings ({100 * len(findings) / len(files):.2f} per 100 articles) "
          f"in {elapsed:.1f}s; by code: {dict(by_code.most_common())}")
    for f in findings[: args.show]:
        print(f"  {os.path.relpath(f.path, args.corpus)}:{f.start} {f.code} {f.text[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
