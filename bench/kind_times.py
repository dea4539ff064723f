"""Time every selected rule over the clean news corpus, in-process, to find the slow ones.

Usage: python bench/kind_times.py [--corpus ../shared/corpus/news] [--files N] [--select CL3] [--top 25]
Prints each rule's share of the linting time and its words/second alone, plus parsing and the rest of
lint_source (directives, suppression, sorting). Single process; medians are not needed for a ranking.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import DEFAULT_CORPUS, news_files, spread  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--files", type=int, default=0, help="a spread subset (0: every text)")
    ap.add_argument("--select", default="")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    from copylint.api import Linter

    files = spread(news_files(args.corpus), args.files)
    if not files:
        print(f"no news texts under {args.corpus}", file=sys.stderr)
        return 2
    texts = [(p, open(p, encoding="utf-8").read()) for p in files]
    words = sum(len(t.split()) for _, t in texts)
    t0 = time.perf_counter()
    linter = Linter(select=tuple(s for s in args.select.split(",") if s), languagetool=False)
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    for path, text in texts:
        linter.lint_source(path, text)
    total = time.perf_counter() - t0
    t0 = time.perf_counter()
    docs = [linter.parse(path, text) for path, text in texts]
    parse = time.perf_counter() - t0
    import regex

    from copylint.kinds import KINDS

    builds = {}
    for rule in linter.rules:  # construction again, one at a time (modules are imported by now)
        regex.purge()  # else regex's own cache answers every compile
        t0 = time.perf_counter()
        KINDS[rule.kind](rule)
        builds[rule.code] = time.perf_counter() - t0
    times = []
    for kind in linter.kinds:
        t0 = time.perf_counter()
        for doc in docs:
            for _ in kind.check(doc):
                pass
        times.append((time.perf_counter() - t0, kind.rule.code, kind.rule.name, type(kind).__module__))
    times.sort(reverse=True)
    kinds_total = sum(t for t, *_ in times)
    print(f"{len(texts)} texts, {words} words; Linter built in {build:.2f} s; lint_source total {total:.2f} s "
          f"= {words / total:,.0f} words/s; parse {parse:.2f} s; rules {kinds_total:.2f} s "
          f"(each rule timed after the others, so document caches are warm)")
    print(f"{'seconds':>8} {'share':>6} {'words/s alone':>14} {'build s':>8}  rule")
    for seconds, code, name, module in times[: args.top]:
        print(f"{seconds:>8.3f} {seconds / total:>6.1%} {words / max(seconds, 1e-9):>14,.0f} {builds[code]:>8.3f}  "
              f"{code} {name} ({module})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
