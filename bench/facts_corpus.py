"""Count and list the fact rules' (CL3xx) findings on the clean news corpus, with context, to check precision.

Usage: python bench/facts_corpus.py [--corpus ../shared/corpus/news] [--all]
By default only rules on by default run (what `copylint check` does); --all adds the off-by-default ones (CL311).
Prints every finding with its line and surrounding text, then per-code counts and the rate per 200 articles.
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
    return sorted(glob.glob(os.path.join(corpus, "bbc", "*", "*.txt"))) + sorted(
        glob.glob(os.path.join(corpus, "onestopenglish", "*.txt")))


def context(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[max(line_start, start - 110):min(line_end, end + 70)].replace("\n", " ")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--all", action="store_true", help="also run CL3 rules that are off by default")
    args = ap.parse_args()
    files = news_files(args.corpus)
    if not files:
        print(f"no news articles under {args.corpus}", file=sys.stderr)
        return 2
    from copylint.api import Linter

    linter = Linter(select=["CL3"], languagetool=False) if args.all else Linter(languagetool=False)
    counts: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    for path in files:
        text = open(path, encoding="utf-8", errors="replace").read()
        for f in linter.lint_source(path, text):
            if not f.code.startswith("CL3"):
                continue
            counts[f.code] += 1
            line = text.count("\n", 0, f.start) + 1
            print(f"{os.path.relpath(path, args.corpus)}:{line} {f.code} {f.text!r} -> {list(f.suggestions)}")
            print(f"    {f.message}")
            print(f"    …{context(text, f.start, f.end)}…")
    total = sum(counts.values())
    rate = total * 200 / len(files)
    print(f"\n{len(files)} articles, {total} CL3 findings ({rate:.2f} per 200 articles) in "
          f"{time.perf_counter() - started:.1f}s; by code: {dict(sorted(counts.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
