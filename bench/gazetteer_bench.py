"""Gazetteer cost: cold index build, cached load, and a ~1,000-word article linted with and without geography rules.

Usage: python bench/gazetteer_bench.py [--runs 5] [--corpus ../shared/corpus/news]
Every figure is the median of --runs fresh subprocesses (so imports and loads are really cold); the cold build uses
a throw-away cache directory (COPYLINT_CACHE_DIR), the others the user cache.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_CORPUS = os.path.normpath(os.path.join(ROOT, "..", "shared", "corpus", "news"))
GEO = ["CL301", "CL302", "CL303", "CL304", "CL305"]

# What the gazetteer adds to a run that has already imported copylint: its module, the index open and the
# small tables unpickled (the big tables stay in SQLite and are read per lookup).
_LOAD = """
import time, json
import copylint.api
t0 = time.perf_counter()
from copylint.data.gazetteer import gazetteer
g = gazetteer()
g.places("Paris")
print(json.dumps({"seconds": time.perf_counter() - t0}))
"""

_LINT = """
import json, sys, time
from copylint.api import Linter
ignore = json.loads(sys.argv[1])
text = open(sys.argv[2], encoding="utf-8").read()
linter = Linter(ignore=ignore, languagetool=False)
t0 = time.perf_counter()
linter.lint_source("article.txt", text)
first = time.perf_counter() - t0
t1 = time.perf_counter()
linter.lint_source("article.txt", text)
print(json.dumps({"first": first, "again": time.perf_counter() - t1}))
"""


def article(corpus: str) -> str:
    """About 1,000 words: the seed article, topped up with clean news when the corpus is there."""
    text = open(os.path.join(ROOT, "seeds", "000_20e4f73a90754451.txt"), encoding="utf-8").read()
    extra = sorted(glob.glob(os.path.join(corpus, "bbc", "world*", "*.txt")) +
                   glob.glob(os.path.join(corpus, "bbc", "politics", "*.txt")))
    for path in extra:
        if len(text.split()) >= 1000:
            break
        text += "\n\n" + open(path, encoding="utf-8", errors="replace").read()
    while len(text.split()) < 1000:
        text += "\n\n" + text
    return " ".join(text.split(" ")[:1000]) if len(text.split()) > 1100 else text


def run(code: str, *args: str, env: dict[str, str] | None = None) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})}, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as cache:
        cold = run(_LOAD, env={"COPYLINT_CACHE_DIR": cache})["seconds"]
    run(_LOAD)  # make sure the user cache exists
    cached = median([run(_LOAD)["seconds"] for _ in range(args.runs)])

    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(article(args.corpus))
        path = handle.name
    words = len(open(path, encoding="utf-8").read().split())
    try:
        without = [run(_LINT, json.dumps(GEO), path) for _ in range(args.runs)]
        with_geo = [run(_LINT, json.dumps([]), path) for _ in range(args.runs)]
    finally:
        os.unlink(path)

    def ms(x: float) -> str:
        return f"{x * 1000:.1f} ms"

    print(f"gazetteer cold build (fresh cache dir):     {cold:.2f} s")
    print(f"gazetteer cached load (median of {args.runs}):     {ms(cached)}")
    print(f"{words}-word article, built-in rules, LanguageTool off (median of {args.runs} processes):")
    print(f"  without geography (CL301-CL305): first lint {ms(median([r['first'] for r in without]))}, "
          f"again {ms(median([r['again'] for r in without]))}")
    print(f"  with geography:                  first lint {ms(median([r['first'] for r in with_geo]))}, "
          f"again {ms(median([r['again'] for r in with_geo]))}")
    added = median([r["first"] for r in with_geo]) - median([r["first"] for r in without])
    print(f"  geography adds {ms(added)} to the first lint (gazetteer load included), "
          f"{ms(median([r['again'] for r in with_geo]) - median([r['again'] for r in without]))} per later article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
