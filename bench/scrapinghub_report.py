"""Where do copylint's findings on real HTML pages fall: inside the gold article body or outside it?

Usage: python bench/scrapinghub_report.py [--corpus ../shared/corpus/web/scrapinghub] [--split all|tune|held]
       [--select CL] [--show 25] [--languagetool] [--json out.json]
The scrapinghub benchmark gives each page's full gold articleBody. A finding is "inside" when the prose around it
(its line, or 40 characters either side) occurs in the gold body; "outside" findings are on text copylint took as
main content that the gold excludes (bylines, teasers, captions, related links) — each is noise or furniture.
Texts are printed for the tune split only (bench/web_furniture.split_of): of held pages only counts are shown.
Also counted: spans reported by two codes at once, and findings of the false-alarm classes issue 13 names
(repeated sentence CL607, placeholder CL104, orphan label CL204, echo ending CL606) inside the gold body.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "web", "scrapinghub"))
_SPACE = re.compile(r"\s+")


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", text).strip()


def place(doc, gold: str, start: int, end: int) -> str:
    """inside / outside the gold body, or 'markup' when the finding is on no prose block."""
    for block in doc.blocks:
        if not block.text or block.to_source(0) > start or block.source_end(len(block.text) - 1) < end:
            continue
        first = next((i for i in range(len(block.text)) if block.to_source(i) >= start), None)
        if first is None:
            continue
        last = max(first, next((i for i in range(len(block.text) - 1, -1, -1) if block.to_source(i) < end), first))
        line_start = block.text.rfind("\n", 0, first) + 1
        line_end = block.text.find("\n", last)
        line = block.text[line_start : len(block.text) if line_end < 0 else line_end]
        window = block.text[max(line_start, first - 40) : last + 41]
        window = window.split("\n")[0] if "\n" in block.text[first : last + 1] else window
        if normal(line) in gold or normal(window) in gold:
            return "inside"
        return "outside"
    return "markup"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--split", choices=("all", "tune", "held"), default="all")
    ap.add_argument("--select", default="")
    ap.add_argument("--show", type=int, default=25)
    ap.add_argument("--languagetool", action="store_true")
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    truth_path = os.path.join(args.corpus, "ground-truth.json")
    if not os.path.exists(truth_path):
        print(f"no scrapinghub corpus at {args.corpus}", file=sys.stderr)
        return 2
    from copylint.api import Linter

    truth = json.load(open(truth_path, encoding="utf-8"))
    linter = Linter(select=[s for s in args.select.split(",") if s], languagetool=args.languagetool)
    counts: collections.Counter[str] = collections.Counter()
    by_code: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    outside_texts: collections.Counter[tuple[str, str]] = collections.Counter()
    inside_texts: collections.Counter[tuple[str, str]] = collections.Counter()
    examples: list[dict] = []
    pages = 0
    began = time.perf_counter()
    sys.path.insert(0, HERE)
    from web_furniture import split_of

    twice = 0
    for key in sorted(truth):
        if args.split != "all" and split_of(key) != args.split:
            continue
        path = os.path.join(args.corpus, "html", key + ".html.gz")
        if not os.path.exists(path):
            continue
        pages += 1
        source = gzip.open(path).read().decode("utf-8", "replace")
        doc = linter.parse(key + ".html", source, "html")
        gold = normal(truth[key]["articleBody"])
        findings = linter.lint_source(key + ".html", source, "html")
        spans = collections.Counter((f.start, f.end) for f in findings)
        twice += sum(n - 1 for n in spans.values() if n > 1)
        for finding in findings:
            where = place(doc, gold, finding.start, finding.end)
            counts[where] += 1
            by_code[finding.code][where] += 1
            short = normal(finding.text)[:60]
            if where == "inside":
                inside_texts[(finding.code, short)] += 1
            else:
                outside_texts[(finding.code, short)] += 1
                examples.append({"page": truth[key]["url"], "code": finding.code, "where": where, "text": short})
    elapsed = time.perf_counter() - began
    total = sum(counts.values())
    print(f"{pages} pages, {total} findings in {elapsed:.1f}s: inside the gold body {counts['inside']}, "
          f"outside {counts['outside']}, on markup/no prose block {counts['markup']}")
    print(f"spans reported by more than one code: {twice}")
    alarms = {code: by_code[code]["inside"] for code in ("CL607", "CL104", "CL204", "CL606")}
    print(f"inside the gold body, findings of the false-alarm classes of issue 13: {alarms}")
    print("\nby code (inside / outside / markup):")
    for code in sorted(by_code):
        c = by_code[code]
        print(f"  {code:24} {c['inside']:5} {c['outside']:5} {c['markup']:5}")
    if args.split != "tune":
        if args.show:
            print("\n(texts of held-apart pages are never printed: --show prints texts with --split tune only)")
        return _save(args.json, pages, counts, by_code, [])
    print(f"\ntop inside texts (of {counts['inside']}):")
    for (code, text), n in inside_texts.most_common(args.show):
        print(f"  {n:4}  {code:10} {text!r}")
    print(f"\ntop outside texts (of {counts['outside'] + counts['markup']}):")
    for (code, text), n in outside_texts.most_common(args.show):
        print(f"  {n:4}  {code:10} {text!r}")
    return _save(args.json, pages, counts, by_code, examples)


def _save(path: str, pages: int, counts, by_code, examples: list) -> int:
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"pages": pages, "counts": counts, "by_code": by_code, "outside": examples}, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
