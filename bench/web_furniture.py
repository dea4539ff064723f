"""Boilerplate recall and false alarms on real web pages: the scrapinghub pages, split once into tune / held parts.

Usage: python bench/web_furniture.py [--split held|tune|all] [--select CL1,CL2] [--show N] [--corpus DIR] [--json F]

Every text line copylint keeps as prose is labelled from the page's gold articleBody: "article" when it is a line
of the gold body (or a long stretch of it), "boilerplate" when no part of it is in the gold body; short lines that
occur inside a gold sentence, lines that mix gold and other text and lines the page shows more often than the gold
holds them (a caption repeating the lead paragraph: which one is the gold's?) are "unclear" and left out. Reported:
- boilerplate recall: the share of boilerplate lines kept as prose that get a finding of the selected codes;
- boilerplate the main-content choice leaves out (visible page lines never kept as prose), separately;
- findings on article lines per page (false alarms), and per site the worst cases.
The split is fixed by a hash of the page id (`split_of`): scripts that learn from pages read only the tune part,
and this script prints no line of a held page (only counts), so the held part stays unseen.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import hashlib
import json
import os
import re
import sys
import unicodedata
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
DEFAULT_CORPUS = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "corpus", "web", "scrapinghub"))
HELD_SHARE = 3  # one page in HELD_SHARE is held apart
_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")


def split_of(page_id: str) -> str:
    """'held' or 'tune', fixed for ever by a salted hash of the page id."""
    digest = hashlib.sha256(("copylint-web-split-1:" + page_id).encode()).digest()
    return "held" if digest[0] % HELD_SHARE == 0 else "tune"


def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _SPACE.sub(" ", text).strip()


def pages(corpus: str, split: str) -> list[tuple[str, str, str, str]]:
    """(id, url, html, gold body) of the pages of a split, in id order."""
    truth_path = os.path.join(corpus, "ground-truth.json")
    if not os.path.exists(truth_path):
        return []
    with open(truth_path, encoding="utf-8") as handle:
        truth = json.load(handle)
    out = []
    for key in sorted(truth):
        if split != "all" and split_of(key) != split:
            continue
        path = os.path.join(corpus, "html", key + ".html.gz")
        if os.path.exists(path):
            with gzip.open(path) as handle:
                html = handle.read().decode("utf-8", "replace")
            out.append((key, truth[key]["url"], html, truth[key]["articleBody"]))
    return out


class Gold:
    """A page's gold body: its lines and its whole text, normalised."""

    def __init__(self, body: str) -> None:
        self.text = normal(body)
        self.lines = {normal(line) for line in body.split("\n") if line.strip()}

    def label(self, line: str, shown: int = 1) -> str:
        """shown: how many lines of the page read the same; more than the gold holds and the page shows the text
        again where the gold does not (a caption repeating the lead paragraph): which one is the gold's is unclear."""
        n = normal(line)
        if not _WORDS.search(n):
            return "empty"
        if shown > 1 and 0 < self.text.count(n) < shown:
            return "unclear"
        if n in self.lines:
            return "article"
        if n in self.text:
            return "article" if len(n.split()) >= 6 else "unclear"
        if len(n) >= 60 and (n[:40] in self.text or n[-40:] in self.text):
            return "unclear"  # part of it is gold: a paragraph joined with a caption, or split differently
        return "boilerplate"


def page_lines(html: str) -> list[tuple[str, int, int, bool]]:
    """(text, source start, source end, reference) of every visible text line of the page before the main-content
    choice (elements that are never prose, such as <nav> and <script>, excepted); reference is True for a line the
    main-content choice keeps in the story as prose or furniture element, chrome-named elements excepted (what
    copylint kept as prose before it learned furniture elements: the denominator of the recall)."""
    from copylint.formats.html import _Walker

    walker = _Walker(html)
    walker.run()
    chosen = {id(b) for b, _ in walker.select()} - getattr(walker, "dropped", set())
    out = []
    for block, _ in walker.out:
        text = "".join(block.chars)
        pos = 0
        for line in text.split("\n"):
            lead = len(line) - len(line.lstrip())
            body = line.strip()
            if body:
                first, last = pos + lead, pos + lead + len(body) - 1
                end = block.ends.get(last, block.offs[last] + 1)
                out.append((body, block.offs[first], end, id(block) in chosen))
            pos += len(line) + 1
    return out


def _role(message: str) -> str:
    """':byline', ':share', … for a furniture-element finding (its message names the role), else ''."""
    m = re.search(r"\((\w+) element\)", message)
    return ":" + m.group(1) if m else ""


def site_of(url: str) -> str:
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


def measure(corpus: str, split: str, select: list[str], show: int, languagetool: bool = False) -> dict:
    from copylint.api import Linter

    linter = Linter(select=select, languagetool=languagetool)
    total = collections.Counter()
    sites: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    missed: collections.Counter = collections.Counter()
    false_alarms: list[tuple[str, str, str]] = []
    codes_on_boilerplate: collections.Counter = collections.Counter()
    codes_on_article: collections.Counter = collections.Counter()
    missed_scopes: collections.Counter = collections.Counter()
    chosen = pages(corpus, split)
    for key, url, html, body in chosen:
        gold = Gold(body)
        doc = linter.parse(key + ".html", html, "html")
        findings = linter.lint_source(key + ".html", html, "html")
        site = site_of(url)
        counts = collections.Counter(pages=1)
        title = {block.to_source(0) for block in doc.blocks if block.scope == "title"}
        kept_starts = set()
        caption_starts = set()
        alt_starts = set()
        scope_of: dict[int, str] = {}
        for block in doc.blocks:
            starts = {block.source_span(s, e)[0] for s, e in block.lines() if block.text[s:e].strip()}
            kept_starts.update(starts)
            scope_of.update(dict.fromkeys(starts, block.scope))
            if block.scope == "caption":
                caption_starts.update(starts)
            elif block.scope == "alt":
                alt_starts.update(starts)
        lines = page_lines(html)
        shown = collections.Counter(normal(text) for text, *_ in lines)
        for text, start, end, reference in lines:
            if start in title:
                continue
            label = gold.label(text, shown[normal(text)])
            hits = [f for f in findings if f.start < end and f.end > start]
            in_prose = start in kept_starts
            counts[label] += 1
            if label == "boilerplate":
                if hits:
                    codes_on_boilerplate.update({f.code for f in hits})
                if reference:
                    if hits:
                        counts["flagged" if in_prose else "flagged_elements"] += 1
                    elif in_prose:
                        counts["missed"] += 1
                        counts["missed_captions"] += start in caption_starts
                        counts["missed_alt"] += start in alt_starts
                        missed_scopes[scope_of.get(start, "?")] += 1
                        missed[normal(text)[:80]] += 1
                    else:
                        counts["dropped"] += 1
                elif hits:
                    counts["flagged_chrome"] += 1
                else:
                    counts["left_out"] += 1
            elif label == "article":
                if not in_prose and not hits:
                    counts["article_left_out"] += 1
                if hits:
                    counts["false_alarms"] += len(hits)
                    codes_on_article.update(f.code + _role(f.message) for f in hits)
                    false_alarms.extend((site, f.code, normal(f.text)[:80]) for f in hits)
        sites[site].update(counts)
        total.update(counts)
    caught = total["flagged"] + total["flagged_elements"] + total["dropped"]
    considered = caught + total["missed"]
    report = {
        "split": split,
        "pages": total["pages"],
        "boilerplate_lines_kept_as_prose_by_reference": considered,
        "flagged_prose_lines": total["flagged"],
        "flagged_as_furniture_elements": total["flagged_elements"],
        "left_out_since": total["dropped"],
        "missed": total["missed"],
        "boilerplate_recall": caught / considered if considered else 0.0,
        "missed_in_figure_captions": total["missed_captions"],
        "boilerplate_recall_without_captions": (
            caught / (considered - total["missed_captions"]) if considered > total["missed_captions"] else 0.0),
        "missed_in_alt_text": total["missed_alt"],
        "boilerplate_recall_without_captions_and_alt_text": (
            caught / (considered - total["missed_captions"] - total["missed_alt"])
            if considered > total["missed_captions"] + total["missed_alt"] else 0.0),
        "missed_by_block_scope": dict(missed_scopes.most_common()),
        "chrome_lines_in_story_flagged": total["flagged_chrome"],
        "boilerplate_left_out_by_main_content": total["left_out"],
        "article_lines": total["article"],
        "article_lines_left_out": total["article_left_out"],
        "unclear_lines": total["unclear"],
        "findings_on_article_lines": total["false_alarms"],
        "findings_per_20_pages": 20 * total["false_alarms"] / total["pages"] if total["pages"] else 0.0,
        "codes_on_boilerplate": dict(codes_on_boilerplate.most_common()),
        "codes_on_article": dict(codes_on_article.most_common()),
        "sites": {s: dict(c) for s, c in sites.items()},
    }
    print(f"split {split}: {report['pages']} pages; boilerplate lines the main-content choice keeps as prose "
          f"{considered}: caught {caught} ({100 * report['boilerplate_recall']:.1f}%: {total['flagged']} flagged "
          f"prose lines, {total['flagged_elements']} in flagged furniture elements, {total['dropped']} left out), "
          f"missed {total['missed']}, of them {total['missed_captions']} in captions kept as prose (a <figure> leaves "
          f"the prose; these are captions the page marks otherwise): "
          f"{100 * report['boilerplate_recall_without_captions']:.1f}% without them; "
          f"{total['missed_alt']} more in image alt text (not a visible line; checked as alt text): "
          f"{100 * report['boilerplate_recall_without_captions_and_alt_text']:.1f}% without captions and alt text")
    print(f"missed lines by the scope of their prose block: {report['missed_by_block_scope']}")
    print(f"also flagged: {total['flagged_chrome']} lines of chrome-named elements inside the story; left out by "
          f"the main-content choice: {total['left_out']} boilerplate lines")
    print(f"article lines {total['article']} (left out {total['article_left_out']}, unclear {total['unclear']}); "
          f"findings on article lines {total['false_alarms']} ({report['findings_per_20_pages']:.2f} per 20 pages)")
    print(f"codes on boilerplate lines: {report['codes_on_boilerplate']}")
    print(f"codes on article lines: {report['codes_on_article']}")
    worst = sorted(sites.items(), key=lambda kv: (-kv[1]["missed"], -kv[1]["false_alarms"]))
    print("worst sites by boilerplate lines missed (site: missed / in the story, findings on article lines):")
    for site, c in worst[:10]:
        story = c["missed"] + c["flagged"] + c["flagged_elements"] + c["dropped"]
        print(f"  {site:34} {c['missed']:4}/{story:<4} article findings {c['false_alarms']}")
    alarmed = sorted((kv for kv in sites.items() if kv[1]["false_alarms"]), key=lambda kv: -kv[1]["false_alarms"])
    if alarmed:
        print("sites with findings on article lines: " + ", ".join(f"{s} {c['false_alarms']}" for s, c in alarmed))
    if show and split != "tune":
        print("(lines of held-apart pages are never printed: --show works with --split tune only)")
    elif show:
        print(f"\nmost frequent missed boilerplate lines (of {sum(missed.values())}):")
        for text, n in missed.most_common(show):
            print(f"  {n:3}  {text!r}")
        print("\nfindings on article lines:")
        for site, code, text in false_alarms[:show]:
            print(f"  {code:7} {site:28} {text!r}")
    return report


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--split", choices=("held", "tune", "all"), default="held")
    ap.add_argument("--select", default="CL1,CL2")
    ap.add_argument("--show", type=int, default=0, help="print N missed lines and false alarms (tune split only)")
    ap.add_argument("--languagetool", action="store_true")
    ap.add_argument("--json", default="")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.corpus, "ground-truth.json")):
        print(f"no scrapinghub corpus at {args.corpus}; nothing to measure")
        return 0
    report = measure(args.corpus, args.split, [s for s in args.select.split(",") if s], args.show, args.languagetool)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(report, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
