"""Sentence-level grammar detection on JFLEG test (span-level, with a held-apart split: bench/grammar_eval.py): copylint (curated LanguageTool + CL5xx) vs LanguageTool
default rules vs Harper, in one run.

Commands (from the repo root):
    bash scripts/languagetool.sh start
    pip install harper-py
    python bench/jfleg_eval.py                      # all 747 test sentences
    python bench/jfleg_eval.py --limit 200          # quicker look

Gold: JFLEG gives each learner sentence four human corrections. A sentence counts as *erroneous* when the
majority of its references (at least 3 of 4) change it, and as *clean* otherwise; whitespace is normalised
before comparing. The "any ref" columns use the looser definition (erroneous when at least one reference
changes it). A system *detects* a sentence when it reports at least one finding anywhere in it.
Precision = detected-and-erroneous / detected; recall = detected-and-erroneous / erroneous.

The sources are tokenised ("society ." / "do n't"); they are detokenised first so that no system is
rewarded for flagging the tokeniser's spaces. JFLEG is learner prose, not news: it measures grammar
recall, while the clean-news corpus (bench/lt_news_rules.py) measures false alarms.

Systems:
- copylint: LanguageToolEngine with copylint's news curation and name/variant filters, plus the CL5xx
  grammar rules through copylint.api.Linter(select=["CL5"]) when those exist.
- LanguageTool (default rules): the same server, every default rule on, no copylint filtering.
- Harper: harper-py, in process, American dialect, plain text, default rules.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

from gec_corpora import detokenize

from copylint.document import Document, ProseBlock
from copylint.engines.languagetool import LanguageToolEngine

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "grammar" / "jfleg" / "test"


def load(limit: int | None) -> tuple[list[str], list[int]]:
    src = (CORPUS / "test.src").read_text(encoding="utf-8").splitlines()
    refs = [(CORPUS / f"test.ref{i}").read_text(encoding="utf-8").splitlines() for i in range(4)]
    norm = lambda s: " ".join(s.split())  # noqa: E731
    changed = [sum(norm(r[i]) != norm(src[i]) for r in refs) for i in range(len(src))]
    if limit:
        src, changed = src[:limit], changed[:limit]
    return [detokenize(s) for s in src], changed


def lt_system(engine: LanguageToolEngine, raw: bool) -> Callable[[str], bool]:
    def detect(sentence: str) -> bool:
        doc = Document("jfleg.txt", sentence, "plain", [ProseBlock(sentence, "paragraph", 0)])
        query = engine.query(doc)
        if query is None:
            return False
        return bool(query.matches) if raw else bool(engine.findings(doc, query))
    return detect


def copylint_system(engine: LanguageToolEngine) -> tuple[Callable[[str], bool], str]:
    lt_detect = lt_system(engine, raw=False)
    try:
        from copylint.api import Linter

        linter = Linter(select=["CL5"], languagetool=False)  # built once: rules compiled once
        if not linter.rules:
            return lt_detect, "LT curated only (no CL5xx rules yet)"
        linter.lint_source("jfleg.txt", "A test sentence.")
    except Exception as exc:  # API missing or a rule pack broken: LanguageTool alone, and say so
        return lt_detect, f"LT curated only (CL5xx unavailable: {type(exc).__name__})"

    def detect(sentence: str) -> bool:
        own = linter.lint_source("jfleg.txt", sentence)
        return bool(own) or lt_detect(sentence)
    return detect, f"LT curated + {len(linter.rules)} CL5xx rules"


def harper_system() -> Callable[[str], bool] | None:
    try:
        import harper
    except ImportError:
        return None
    linter = harper.Linter(harper.Dialect.AMERICAN)
    return lambda sentence: bool(linter.lint(sentence, language=harper.Language.PLAINTEXT))


def score(flags: list[bool], changed: list[int], threshold: int) -> tuple[float, float, float]:
    gold = [c >= threshold for c in changed]
    tp = sum(f and g for f, g in zip(flags, gold))
    detected, erroneous = sum(flags), sum(gold)
    p = tp / detected if detected else 0.0
    r = tp / erroneous if erroneous else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description="JFLEG sentence-level detection: copylint vs LanguageTool vs Harper")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--url", default=None)
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"JFLEG not found at {CORPUS}", file=sys.stderr)
        return 2
    sentences, changed = load(args.limit)
    curated = LanguageToolEngine(args.url)
    default = LanguageToolEngine(args.url, curated=False)
    problem = curated.available() or default.available()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    cl_detect, cl_label = copylint_system(curated)
    systems: list[tuple[str, Callable[[str], bool]]] = [
        (f"copylint ({cl_label})", cl_detect),
        ("LanguageTool 6.8, default rules", lt_system(default, raw=True)),
    ]
    harper = harper_system()
    if harper is None:
        print("harper-py not installed (pip install harper-py): Harper row skipped", file=sys.stderr)
    else:
        systems.append(("Harper (harper-py)", harper))

    n = len(sentences)
    majority = sum(c >= 3 for c in changed)
    print(f"JFLEG test: {n} sentences; erroneous by majority (>=3/4 refs change it): {majority}; "
          f"by any ref: {sum(c >= 1 for c in changed)}")
    print(f"{'system':52s} {'flagged':>7s} {'P(maj)':>7s} {'R(maj)':>7s} {'F1(maj)':>7s} "
          f"{'P(any)':>7s} {'R(any)':>7s} {'ms/sent':>7s}")
    for label, detect in systems:
        began = time.perf_counter()
        flags = [detect(s) for s in sentences]
        ms = (time.perf_counter() - began) / n * 1000
        pm, rm, fm = score(flags, changed, 3)
        pa, ra, _ = score(flags, changed, 1)
        print(f"{label:52s} {sum(flags):7d} {pm:7.3f} {rm:7.3f} {fm:7.3f} {pa:7.3f} {ra:7.3f} {ms:7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
