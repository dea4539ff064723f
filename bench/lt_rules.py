"""Each LanguageTool rule measured twice: noise on clean news, precision on real errors (JFLEG + CWEB, tuning part).

    bash scripts/languagetool.sh start
    python bench/lt_rules.py                     # the table (answers cached in $XDG_CACHE_HOME/copylint-bench)
    python bench/lt_rules.py --news 500          # an even sample of the news corpus
    python bench/lt_rules.py --write             # also rewrite the measured tables of languagetool_rules.toml

A rule's hits are counted after copylint's name and variant filters. On the error corpora a hit is correct when its
span overlaps an edit a reference makes (bench/gec_corpora.py); only the tuning part of each corpus is read.
Verdict (the documented default, shipped in copylint/engines/languagetool_rules.toml):
  measured (at least MIN_HITS hits on the error corpora): on when its precision there is >= 0.8, else off;
  not measured: on when it is silent on clean news, off when it fires there.
The verdicts go to the [measured] table of the curation file; the engine turns "off" rules off and "on" rules on
(an "on" verdict overrides a hand-written [disabled] entry; categories in [disabled_categories] stay off).
Rules LanguageTool leaves off by default ("picky" and default-off rules) are measured with --picky; one is turned
on only by the first test.
"""
from __future__ import annotations

import argparse
import collections
import re
import sys
import time
from pathlib import Path

import gec_corpora as gec

from copylint.document import Document, ProseBlock
from copylint.engines.languagetool import CURATION_FILE, LanguageToolEngine, curation, resolve_url
from copylint.formats.plain import parse

NEWS = gec.SHARED / "corpus" / "news"
MIN_HITS = 2
PRECISE = 0.8


def news_files(limit: int | None) -> list[Path]:
    files = sorted(p for p in NEWS.rglob("*.txt"))
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def engine_for(url: str, label: str, picky: bool) -> LanguageToolEngine:
    engine = LanguageToolEngine(url, curated=False, vocabulary=curation().accept_words)
    problem = engine.available()
    if problem:
        raise SystemExit(problem)
    if picky:
        engine._tool.picky = True
    engine._tool = gec.CachedTool(engine._tool, f"{label} {url}" + (" picky" if picky else ""))
    return engine


def verdict(news: int, found: int, correct: int) -> str:
    if found >= MIN_HITS:
        return "on" if correct / found >= PRECISE else "off"
    return "on" if news == 0 else "off"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=None, help="even sample of this many news articles (default: all)")
    ap.add_argument("--url", default=None)
    ap.add_argument("--picky", action="store_true", help="also LanguageTool's picky rules")
    ap.add_argument("--write", action="store_true", help="rewrite the measured tables of languagetool_rules.toml")
    ap.add_argument("--min-rows", type=int, default=0, help="print only rules with at least this many hits")
    args = ap.parse_args()
    url = resolve_url(args.url)
    engine = engine_for(url, "default", args.picky)
    meta: dict[str, str] = {}
    news: collections.Counter[str] = collections.Counter()
    files = news_files(args.news)
    began = time.perf_counter()
    for path in files:
        for f in engine.check(parse(str(path), path.read_text(encoding="utf-8", errors="replace"))):
            news[f.code[3:]] += 1
            meta[f.code[3:]] = dict(f.data)["languagetool_category"]
    print(f"clean news: {len(files)} articles in {time.perf_counter() - began:.0f}s", file=sys.stderr)
    found: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    correct: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    sizes = {}
    for corpus in ("jfleg", "cweb"):
        sentences = gec.load(corpus, "tune")
        sizes[corpus] = len(sentences)
        for sentence in sentences:
            for f in engine.check(Document("sentence.txt", sentence.text, "plain",
                                           [ProseBlock(sentence.text, "paragraph", 0)])):
                rule = f.code[3:]
                meta[rule] = dict(f.data)["languagetool_category"]
                found[rule][corpus] += 1
                correct[rule][corpus] += gec.correct((f.start, f.end), sentence)
    rules = sorted(set(news) | set(found), key=lambda r: (-news[r] - sum(found[r].values()), r))
    print(f"news: {len(files)} articles; error corpora, tuning part: JFLEG {sizes['jfleg']}, CWEB {sizes['cweb']} "
          f"sentences; on = precision >= {PRECISE} over >= {MIN_HITS} hits, or fewer hits and silent on news")
    print(f"{'rule':44s} {'category':22s} {'news':>5s} {'/100':>5s} {'jfleg':>9s} {'cweb':>9s} {'P':>5s}  verdict")
    rows = []
    for rule in rules:
        hits = sum(found[rule].values())
        right = sum(correct[rule].values())
        if news[rule] + hits < args.min_rows:
            continue
        p = right / hits if hits else float("nan")
        v = verdict(news[rule], hits, right)
        rows.append((rule, meta.get(rule, "?"), news[rule], hits, right, v))
        print(f"{rule:44s} {meta.get(rule, '?')[:22]:22s} {news[rule]:5d} {100 * news[rule] / len(files):5.1f} "
              f"{correct[rule]['jfleg']:4d}/{found[rule]['jfleg']:<4d} {correct[rule]['cweb']:4d}/{found[rule]['cweb']:<4d} "
              f"{p:5.2f}  {v}")
    kept = sum(n for rule, _, n, _, _, v in rows if v == "on")
    print(f"news findings per article with these verdicts (before copylint's own merge): {kept / len(files):.3f}")
    if args.write:
        write(rows, len(files), sizes)
    return 0


def write(rows: list[tuple[str, str, int, int, int, str]], articles: int, sizes: dict[str, int]) -> None:
    """Replace the generated [measured] table at the end of the curation file; the hand-written tables stay."""
    text = CURATION_FILE.read_text(encoding="utf-8")
    head = re.split(r"(?m)^# -- generated by bench/lt_rules\.py", text)[0].rstrip() + "\n\n"
    out = [f"# -- generated by bench/lt_rules.py --write: {articles} news articles; tuning parts of JFLEG ({sizes['jfleg']})",
           f"# and CWEB ({sizes['cweb']} sentences). news = hits on clean news after the name filters; found/correct = hits",
           "# on the error corpora and how many overlap a reference edit; verdict as in bench/lt_rules.py.",
           "[measured]"]
    for rule, category, news, hits, right, v in rows:
        p = f"{right / hits:.2f}" if hits else "-"
        out.append(f'{_key(rule)} = {{ verdict = "{v}", news = {news}, found = {hits}, correct = {right}, '
                   f'precision = "{p}", category = "{category}" }}')
    CURATION_FILE.write_text(head + "\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {CURATION_FILE}", file=sys.stderr)


def _key(rule: str) -> str:
    return rule if re.fullmatch(r"[A-Za-z0-9_-]+", rule) else f'"{rule}"'


if __name__ == "__main__":
    sys.exit(main())
