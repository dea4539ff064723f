"""Count and list the fact rules' (CL3xx) findings on the clean news corpus, with context, to check precision.

Usage: python bench/facts_corpus.py [--corpus ../shared/corpus/news] [--all] [--speed N]
By default only rules on by default run (what `copylint check` does); --all adds the off-by-default ones (CL311).
Prints every finding with its line and surrounding text, then per-code counts and the rate per 200 articles.
--speed N instead times each CL3 rule alone over N texts: fresh documents with the core's shared passes
(doc.words, doc.prose) already made, garbage collected first, best of three; and the Linter's build.
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
    ap.add_argument("--speed", type=int, default=0, metavar="N", help="time each rule alone over N texts")
    args = ap.parse_args()
    files = news_files(args.corpus)
    if not files:
        print(f"no news articles under {args.corpus}", file=sys.stderr)
        return 2
    if args.speed:
        return speed(files[:: max(1, len(files) // args.speed)][: args.speed])
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


def speed(files: list[str]) -> int:
    import gc

    t0 = time.perf_counter()
    from copylint.api import Linter

    linter = Linter(select=["CL3"], languagetool=False)
    built = time.perf_counter() - t0
    texts = [(p, open(p, encoding="utf-8", errors="replace").read()) for p in files]
    words = sum(len(t.split()) for _, t in texts)
    for path, text in texts:  # warm up: patterns compiled, gazetteer loaded
        linter.lint_source(path, text)
    best: dict[str, float] = {}
    for _ in range(3):
        for kind in linter.kinds:
            docs = [linter.parse(p, t) for p, t in texts]
            for doc in docs:
                doc.words, doc.prose
            gc.collect()
            start = time.process_time()
            for doc in docs:
                for _ in kind.check(doc):
                    pass
            best[kind.rule.code] = min(best.get(kind.rule.code, 1e9), time.process_time() - start)
    print(f"{len(texts)} texts, {words} words; Linter (CL3) built in {built:.2f} s with imports")
    for code, seconds in sorted(best.items()):
        print(f"  {code}: {seconds * 1000:7.1f} ms  {words / max(seconds, 1e-9) / 1e6:6.1f}M words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
