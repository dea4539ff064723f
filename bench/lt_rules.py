"""Each LanguageTool rule measured twice: noise on clean news, precision on real errors (JFLEG + CWEB, tuning part).

    bash scripts/languagetool.sh start
    python bench/lt_rules.py                     # the table (answers cached in $XDG_CACHE_HOME/copylint-bench)
    python bench/lt_rules.py --news 500          # an even sample of the news corpus
    python bench/lt_rules.py --write             # also rewrite the measured tables of languagetool_rules.toml

A rule's hits are counted after copylint's name and variant filters. On the error corpora a hit is correct when its
span overlaps an edit a reference makes (bench/gec_corpora.py); only the tuning part of each corpus is read.
Verdict (the documented default, shipped in copylint/engines/languagetool_rules.toml):
  measured (at least MIN_HITS hits on the error corpora; MIN_NEWS_HITS for a rule that fires on clean news, MIN_NOISY_HITS
  for one that fires in more than one article in 100, MIN_OFF_HITS for one the hand-written tables switch off by id,
  glob or category): on when its precision there is >= 0.8, else off;
  not measured (fewer hits): on when it is silent on clean news, off when it fires there.
The verdicts go to the [measured] table of the curation file; the engine turns "off" rules off (except in unedited
text, dense with errors, for an "off" rule with precision >= 2/3 there: copylint/engines/languagetool.py) and "on" rules on
(an "on" verdict overrides a hand-written [disabled] entry; a rule in a category of [disabled_categories] or under a
disabled glob such as "*_COMPOUNDS" runs only when it is "on" and silent on clean news: the engine asks for it by id).
A hand-written [reviewed] table in the same file (never rewritten here) turns on a rule whose every clean-news hit was
read and found a real slip: those hits are errors, not noise, whatever this table's verdict.
Rules LanguageTool leaves off by default (default="off" in its grammar.xml and style.xml) are measured with
--default-off (use --news 600 or so: each needs its own pass over the news); one is turned on only with positive
evidence: at least MIN_OFF_HITS hits on the error corpora at precision >= 0.8, and at most one hit per 100 news
articles. Their verdicts go to the same table, marked default_off; the engine then asks the server for them.
"""
from __future__ import annotations

import argparse
import collections
import fnmatch
import os
import re
import sys
import time
import zipfile
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import gec_corpora as gec

from copylint.document import Document, ProseBlock
from copylint.engines.languagetool import CURATION_FILE, LanguageToolEngine, curation, resolve_url
from copylint.formats.plain import parse

NEWS = gec.SHARED / "corpus" / "news"
ROOT = Path(__file__).resolve().parents[1]
MIN_HITS = 1
# Evidence grows with a rule's noise on clean news: a rule that fires there at all is kept on for its precision on real
# errors over MIN_NEWS_HITS hits, and one that fires in more than MAX_QUIET_NEWS articles in 100 over MIN_NOISY_HITS
# (one right hit does not outweigh 150 on clean copy: "won best director").
MIN_NEWS_HITS = 2
MIN_NOISY_HITS = 5
MAX_QUIET_NEWS = 0.01
PRECISE = 0.8
MIN_OFF_HITS = 2
MAX_OFF_NEWS = 0.01  # hits per news article


def news_files(limit: int | None) -> list[Path]:
    files = sorted(p for p in NEWS.rglob("*.txt"))
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def engine_for(url: str, label: str, enable: frozenset[str] = frozenset()) -> LanguageToolEngine:
    engine = LanguageToolEngine(url, curated=False, vocabulary=curation().accept_words)
    problem = engine.available()
    if problem:
        raise SystemExit(problem)
    engine._tool.enabled_rules = set(enable)
    engine._tool = gec.CachedTool(engine._tool, f"{label} {url}")
    return engine


def default_off_rules() -> frozenset[str]:
    """Ids of the rules and rule groups LanguageTool 6.8 ships with default="off" (grammar.xml, style.xml)."""
    jar = next(p for p in (Path(os.environ.get("LANGUAGETOOL_HOME", ROOT / ".languagetool")) / "lib-6.8" / "language-en-6.8.jar",
                           Path.home() / ".m2/repository/org/languagetool/language-en/6.8/language-en-6.8.jar")
               if p.is_file())
    ids = set()
    with zipfile.ZipFile(jar) as zf:
        for name in ("org/languagetool/rules/en/grammar.xml", "org/languagetool/rules/en/style.xml"):
            xml = zf.read(name).decode("utf-8")
            for m in re.finditer(r"<(?:rule|rulegroup)\b([^>]*)>", xml):
                ident = re.search(r'\bid="([^"]+)"', m.group(1))
                if ident and re.search(r'\bdefault="(?:off|temp_off)"', m.group(1)):
                    ids.add(ident.group(1))
    return frozenset(ids)


def verdict(news: int, found: int, correct: int, articles: int = 1, default_off: bool = False,
            switched_off: bool = False) -> str:
    """switched_off: the hand-written tables turn the rule off (by id, glob or category); "on" then overrides them and
    needs the evidence a default-off rule needs."""
    if default_off:
        precise = found >= MIN_OFF_HITS and correct / found >= PRECISE
        return "on" if precise and news <= MAX_OFF_NEWS * articles else "off"
    needed = MIN_NOISY_HITS if news > MAX_QUIET_NEWS * articles else MIN_NEWS_HITS if news else MIN_HITS
    if switched_off:
        needed = max(needed, MIN_OFF_HITS)
        if found < needed:
            return "off"
    if found >= needed:
        return "on" if correct / found >= PRECISE else "off"
    return "on" if news == 0 else "off"


def hand_off(rule: str, category: str) -> bool:
    """Whether languagetool_rules.toml's hand-written tables switch the rule off (by id, glob or category)."""
    with open(CURATION_FILE, "rb") as handle:
        data = tomllib.load(handle)
    disabled = data.get("disabled", {})
    return rule in disabled or category in data.get("disabled_categories", {}) or any(
        "*" in pattern and fnmatch.fnmatchcase(rule, pattern) for pattern in disabled)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", type=int, default=None, help="even sample of this many news articles (default: all)")
    ap.add_argument("--url", default=None)
    ap.add_argument("--default-off", action="store_true", help="measure the rules LanguageTool leaves off by default")
    ap.add_argument("--write", action="store_true", help="rewrite the measured tables of languagetool_rules.toml")
    ap.add_argument("--min-rows", type=int, default=0, help="print only rules with at least this many hits")
    args = ap.parse_args()
    url = resolve_url(args.url)
    only = default_off_rules() if args.default_off else None
    engine = engine_for(url, "default-off" if only else "default", only or frozenset())
    meta: dict[str, str] = {}
    news: collections.Counter[str] = collections.Counter()
    files = news_files(args.news)
    began = time.perf_counter()
    for path in files:
        for f in engine.check(parse(str(path), path.read_text(encoding="utf-8", errors="replace"))):
            if only is not None and f.code[3:] not in only:
                continue
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
                if only is not None and rule not in only:
                    continue
                meta[rule] = dict(f.data)["languagetool_category"]
                found[rule][corpus] += 1
                correct[rule][corpus] += gec.correct((f.start, f.end), sentence)
    rules = sorted(set(news) | set(found), key=lambda r: (-news[r] - sum(found[r].values()), r))
    print(f"news: {len(files)} articles; error corpora, tuning part: JFLEG {sizes['jfleg']}, CWEB {sizes['cweb']} "
          f"sentences; on = precision >= {PRECISE} over >= {MIN_HITS} hits ({MIN_NEWS_HITS} when on news, {MIN_NOISY_HITS} when on news > {MAX_QUIET_NEWS:.0%}), "
          "or fewer hits and silent on news")
    print(f"{'rule':44s} {'category':22s} {'news':>5s} {'/100':>5s} {'jfleg':>9s} {'cweb':>9s} {'P':>5s}  verdict")
    rows = []
    for rule in rules:
        hits = sum(found[rule].values())
        right = sum(correct[rule].values())
        if news[rule] + hits < args.min_rows:
            continue
        p = right / hits if hits else float("nan")
        v = verdict(news[rule], hits, right, len(files), only is not None, hand_off(rule, meta.get(rule, "")))
        rows.append((rule, meta.get(rule, "?"), news[rule], hits, right, v))
        print(f"{rule:44s} {meta.get(rule, '?')[:22]:22s} {news[rule]:5d} {100 * news[rule] / len(files):5.1f} "
              f"{correct[rule]['jfleg']:4d}/{found[rule]['jfleg']:<4d} {correct[rule]['cweb']:4d}/{found[rule]['cweb']:<4d} "
              f"{p:5.2f}  {v}")
    kept = sum(n for rule, _, n, _, _, v in rows if v == "on")
    print(f"news findings per article with these verdicts (before copylint's own merge): {kept / len(files):.3f}")
    if args.write:
        write(rows, len(files), sizes, only is not None)
    return 0


def write(rows: list[tuple[str, str, int, int, int, str]], articles: int, sizes: dict[str, int],
          default_off: bool) -> None:
    """Replace this run's half (default-on or default-off rules) of the generated [measured] table at the end of the
    curation file; the other half and the hand-written tables stay."""
    text = CURATION_FILE.read_text(encoding="utf-8")
    head, _, generated = text.partition("# -- generated by bench/lt_rules.py")
    kept = {rule: entry for rule, entry in tomllib.loads(generated.partition("\n")[2] or "").get("measured", {}).items()
            if entry.get("default_off", False) != default_off}
    for rule, category, news, hits, right, v in rows:
        kept[rule] = {"verdict": v, "news": news, "found": hits, "correct": right,
                      "precision": f"{right / hits:.2f}" if hits else "-", "category": category,
                      **({"default_off": True, "articles": articles} if default_off else {})}
    out = [f"# -- generated by bench/lt_rules.py --write: tuning parts of JFLEG ({sizes['jfleg']}) and CWEB ({sizes['cweb']}",
           "# sentences); news = hits on clean news after the name filters (default-on rules: all 2,315 articles;",
           "# default_off rules: the `articles` sample); found/correct = hits on the error corpora and how many overlap a",
           "# reference edit; verdict as in bench/lt_rules.py.",
           "[measured]"]
    for rule in sorted(kept, key=lambda r: (kept[r].get("default_off", False), -kept[r]["news"] - kept[r]["found"], r)):
        e = kept[rule]
        extra = f', default_off = true, articles = {e["articles"]}' if e.get("default_off") else ""
        out.append(f'{_key(rule)} = {{ verdict = "{e["verdict"]}", news = {e["news"]}, found = {e["found"]}, '
                   f'correct = {e["correct"]}, precision = "{e["precision"]}", category = "{e["category"]}"{extra} }}')
    CURATION_FILE.write_text(head.rstrip() + "\n\n" + "\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {CURATION_FILE}", file=sys.stderr)


def _key(rule: str) -> str:
    return rule if re.fullmatch(r"[A-Za-z0-9_-]+", rule) else f'"{rule}"'


if __name__ == "__main__":
    sys.exit(main())
