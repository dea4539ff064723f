"""Per-file cost of the LanguageTool engine on a warm server (median over N news articles).

    bash scripts/languagetool.sh start
    python bench/lt_overhead.py            # 100 articles
    python bench/lt_overhead.py -n 300

Reports, per file: the engine's request + mapping time on text the server has not seen (first pass) and on
text it has just checked (second pass: the server's result cache, as in editor / pre-commit re-runs), the
built-in rules' time for comparison when copylint.api works, and the JVM start-up that a warm server saves.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from copylint.engines.languagetool import LanguageToolEngine
from copylint.formats.plain import parse

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news" / "bbc"


def quantiles(values: list[float]) -> str:
    values = sorted(values)
    p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
    return f"median {statistics.median(values) * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100)
    ap.add_argument("--url", default=None)
    args = ap.parse_args()
    files = sorted(CORPUS.rglob("*.txt"))
    if not files:
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 2
    step = max(1, len(files) // args.n)
    files = files[::step][: args.n]
    engine = LanguageToolEngine(args.url)
    problem = engine.available()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    docs = [parse(str(p), p.read_text(encoding="utf-8", errors="replace")) for p in files]
    words = statistics.median(d.word_count for d in docs)
    engine.check(parse("warm.txt", "Warm-up text.\n\nThe server loads its rules on the first request."))

    def timed(fn) -> list[float]:
        out = []
        for doc in docs:
            began = time.perf_counter()
            fn(doc)
            out.append(time.perf_counter() - began)
        return out

    first = timed(engine.check)
    second = timed(engine.check)
    print(f"{len(docs)} BBC articles, median {words:.0f} words")
    print(f"LanguageTool engine, first pass (uncached):   {quantiles(first)}")
    print(f"LanguageTool engine, second pass (cached):    {quantiles(second)}")
    try:
        from copylint.api import Linter

        linter = Linter(languagetool=False)
        own = timed(lambda d: linter.lint_source(d.path, d.source))
        print(f"built-in rules (copylint.api, no LT):         {quantiles(own)}")
    except Exception as exc:  # the API or a rule pack may be mid-change; the engine numbers stand alone
        print(f"built-in rules: not measured ({type(exc).__name__}: {str(exc)[:80]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
