"""Measure LanguageTool on the clean news corpus, per rule: raw, after the name/variant filters, after curation.

    bash scripts/languagetool.sh start
    python bench/lt_news_rules.py                      # every article in ../shared/corpus/news
    python bench/lt_news_rules.py --limit 300 --examples 3 --json /tmp/lt_news.json

Counts feed copylint/engines/languagetool_rules.toml (the `count` of each disabled rule).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from dataclasses import replace

from copylint.engines.languagetool import LanguageToolEngine
from copylint.formats.plain import parse

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news"


def articles(root: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in root.rglob("*.txt") if p.name != "README.md")
    if limit and limit < len(files):
        step = len(files) / limit  # an even sample across both sources and all sections
        files = [files[int(i * step)] for i in range(limit)]
    return files


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="evenly spaced sample of this many articles")
    ap.add_argument("--examples", type=int, default=2, help="examples kept per rule")
    ap.add_argument("--json", type=Path, default=None, help="write per-rule counts and examples here")
    ap.add_argument("--url", default=None)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    engine = LanguageToolEngine(args.url, curated=False)
    problem = engine.available()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    curated = LanguageToolEngine(args.url)  # applies the curation to the same raw matches, offline
    after_rules: Counter[str] = Counter()
    files = articles(args.corpus, args.limit)
    raw: Counter[str] = Counter()
    filtered: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    meta: dict[str, str] = {}
    spelling_words: Counter[str] = Counter()
    began = time.perf_counter()
    for path in files:
        doc = parse(str(path), path.read_text(encoding="utf-8", errors="replace"))
        query = engine.query(doc)
        if query is None:
            continue
        raw.update(m.rule_id for m in query.matches)
        meta.update((m.rule_id, f"{m.category}/{m.rule_issue_type}") for m in query.matches)
        kept = replace(query, matches=tuple(m for m in query.matches if not curated.server_disables(m)))
        after_rules.update(f.code[3:] for f in curated.findings(doc, kept))
        for f in engine.findings(doc, query):
            rule = f.code[3:]
            filtered[rule] += 1
            if rule.startswith("MORFOLOGIK"):
                spelling_words[f.text] += 1
            if len(examples[rule]) < args.examples:
                line = doc.source[max(0, f.start - 40): f.end + 40].replace("\n", " ")
                examples[rule].append(f"{path.parent.name}/{path.name}: …{line}… [{f.text!r} -> {f.suggestions[:2]}]")
    elapsed = time.perf_counter() - began
    n = len(files)
    after = sum(after_rules.values())
    print(f"articles: {n}  ({elapsed:.0f}s, {elapsed / max(n, 1) * 1000:.0f} ms/article)")
    print(f"LanguageTool default rules, raw matches:        {sum(raw.values()):6d}  {sum(raw.values()) / n:.2f}/article")
    print(f"after name + other-variant spelling filters:    {sum(filtered.values()):6d}  {sum(filtered.values()) / n:.2f}/article")
    print(f"after copylint's curation:                      {after:6d}  {after / n:.2f}/article")
    by_category: Counter[str] = Counter()
    for rule, count in after_rules.items():
        by_category[meta.get(rule, "?")] += count
    print("still on, by category/issue type:", ", ".join(f"{k} {v}" for k, v in by_category.most_common()))
    print("\nrule                                        raw  filtered  after")
    for rule, count in sorted(filtered.items(), key=lambda kv: -kv[1])[:80]:
        print(f"{rule:42s} {raw[rule]:5d} {count:8d} {after_rules[rule]:6d}")
    if args.json:
        args.json.write_text(json.dumps({"articles": n, "raw": raw, "filtered": filtered, "after": after_rules, "meta": meta,
                                         "spelling_words": spelling_words.most_common(), "examples": examples},
                                        indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
