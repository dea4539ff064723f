"""Build rules/furniture/recurring-furniture.toml (CL207): whole lines of page furniture that recur across sites.

Mined from the TUNE part of the scrapinghub pages only (bench/web_furniture.split_of; the held part is never read):
every visible text line of a page that is not in the page's gold article body is boilerplate. A line is kept when
  * it is short (1-6 words, at most 40 characters), has letters and no digits (dates and counts are shapes, CL208);
  * it recurs: boilerplate on at least MIN_SITES sites, one of them inside the story (the chosen <article>/<main>),
    or on at least MIN_PAGE_SITES sites anywhere on the page (site-wide UI: 'Privacy Policy', 'Contact Us');
  * it is never article text: not a line of any tune page's gold body, not a whole line of any clean news text
    (../shared/corpus/news), and, when it is one word, not a common word of news prose (in at most
    MAX_NEWS_SHARE of the news texts: 'World' or 'Business' are section names there, but words of the story too);
  * page-furniture (CL201) does not list it already (one line, one rule).
The file keeps only these short generic UI strings (never article text) and records how it was made.
Usage: python scripts/build_furniture_lines.py [--corpus DIR] [--news DIR] [--out PATH]
"""
from __future__ import annotations

import argparse
import collections
import glob
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import web_furniture  # noqa: E402  (bench module: the split and the gold labels)

MIN_SITES = 3
MIN_PAGE_SITES = 6
MAX_NEWS_SHARE = 0.01
MAX_WORDS = 6
MAX_CHARS = 40
OUT = ROOT / "rules" / "furniture" / "recurring-furniture.toml"
_WORD = re.compile(r"[a-z][a-z'+-]*")


def candidates(corpus: str) -> tuple[dict[str, set[str]], dict[str, set[str]], set[str], int]:
    """Per normalised boilerplate line: the sites it is on anywhere and inside the story; every gold line."""
    from copylint.formats.html import _Walker
    from copylint.kinds.line import normalize_line

    page_sites: dict[str, set[str]] = collections.defaultdict(set)
    story_sites: dict[str, set[str]] = collections.defaultdict(set)
    gold_lines: set[str] = set()
    pages = web_furniture.pages(corpus, "tune")
    for _, url, html, body in pages:
        gold = web_furniture.Gold(body)
        gold_lines.update(normalize_line(line) for line in body.split("\n"))
        walker = _Walker(html)
        walker.run()
        story = {id(b) for b, _ in walker.select()}
        site = web_furniture.site_of(url)
        for block, _ in walker.out:
            for text in "".join(block.chars).split("\n"):
                text = text.strip()
                if not text or gold.label(text) != "boilerplate":
                    continue
                key = normalize_line(text)
                if not (1 <= len(key.split()) <= MAX_WORDS and len(key) <= MAX_CHARS):
                    continue
                if not any(c.isalpha() for c in key) or any(c.isdigit() for c in key):
                    continue
                page_sites[key].add(site)
                if id(block) in story:
                    story_sites[key].add(site)
    return page_sites, story_sites, gold_lines, len(pages)


def news_evidence(news: str) -> tuple[set[str], collections.Counter, int]:
    """Whole lines of the clean news texts (normalised) and, per word, how many texts use it."""
    from copylint.kinds.line import normalize_line

    files = sorted(glob.glob(f"{news}/bbc/*/*.txt") + glob.glob(f"{news}/onestopenglish/*.txt"))
    lines: set[str] = set()
    words: collections.Counter = collections.Counter()
    for path in files:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        lines.update(normalize_line(line) for line in text.split("\n") if line.strip())
        words.update(set(_WORD.findall(text.lower())))
    return lines, words, len(files)


def listed_by_page_furniture() -> set[str]:
    import tomllib

    from copylint.kinds.line import normalize_line

    with open(ROOT / "rules" / "furniture" / "furniture-line.toml", "rb") as handle:
        data = tomllib.load(handle)
    return {normalize_line(x) for x in data["lines"]}


def select(corpus: str, news: str) -> tuple[list[tuple[str, int, int]], int, int]:
    page_sites, story_sites, gold_lines, pages = candidates(corpus)
    news_lines, news_words, news_texts = news_evidence(news)
    if not news_texts:
        raise SystemExit(f"no clean news texts under {news}: the negative evidence is required")
    listed = listed_by_page_furniture()
    kept = []
    for key, sites in page_sites.items():
        inside = story_sites.get(key, set())
        if not ((len(sites) >= MIN_SITES and inside) or len(sites) >= MIN_PAGE_SITES):
            continue
        if key in gold_lines or key in news_lines or key in listed:
            continue
        words = key.split()
        if len(words) == 1 and news_words[key] > MAX_NEWS_SHARE * news_texts:
            continue
        kept.append((key, len(sites), len(inside)))
    kept.sort(key=lambda item: (-item[1], item[0]))
    return kept, pages, news_texts


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render(kept: list[tuple[str, int, int]], pages: int, news_texts: int) -> str:
    example = next(k for k, _, inside in kept if inside and " " not in k)
    lines = ",\n".join(f"  {toml_string(k)}" for k, _, _ in kept)
    return f'''# Generated by scripts/build_furniture_lines.py — do not edit by hand; run the script again.
# Source: the tune part ({pages} pages) of the scrapinghub article-extraction benchmark pages (MIT; pages are the
# publishers'); only short generic UI strings are kept, never article text. Negative evidence: {news_texts} clean
# news texts. Thresholds: on >= {MIN_SITES} sites with one inside the story, or >= {MIN_PAGE_SITES} sites anywhere.
code = "CL207"
name = "recurring-furniture"
kind = "line"
severity = "warning"
fix = "safe"
defer_to = ["CL201"]
message = "Web page furniture left in the article: '{{match}}'. Delete the line."
description = """
Whole lines that real web pages put around and inside their articles on several different sites — share
buttons, site menus, sign-in links, section labels — learned from pages with a known article body: each line
here was page text outside the article on at least {MIN_SITES} sites and never article text, never a whole line of
clean news copy, and (when one word) rare in news prose. The line must be the whole line (case, bullets and end
punctuation ignored); a sentence that contains one is never flagged. The fix deletes the line."""
source = "scripts/build_furniture_lines.py over the scrapinghub pages (tune split)"
scopes = ["paragraph", "list", "quote", "caption", "table"]
max_words = {MAX_WORDS}
lines = [
{lines},
]

[[examples]]
bad = "The council approved the harbour plan on Monday.\\n\\n⟦{example.title()}⟧\\n\\nWork starts in May."
correction = ""

[[examples]]
good = "The council approved the harbour plan on Monday, and the mayor posted about it on {example.title()} later."
'''


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=web_furniture.DEFAULT_CORPUS)
    ap.add_argument("--news", default=str(ROOT.parent / "shared" / "corpus" / "news"))
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    kept, pages, news_texts = select(args.corpus, args.news)
    if not pages:
        print(f"no scrapinghub pages under {args.corpus}", file=sys.stderr)
        return 2
    Path(args.out).write_text(render(kept, pages, news_texts), encoding="utf-8")
    print(f"{len(kept)} lines from {pages} tune pages -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
