"""Which part of an HTML page is the story: main-container choice and page-chrome heuristics (roles, classes)."""
from __future__ import annotations

from typing import Any

import regex

MAIN_SHARE = 4  # an <article>/<main> must hold at least 1/MAIN_SHARE of the page's prose to be the main content
LINK_DENSITY = 2  # outside a main element, a block at least 1/LINK_DENSITY link text is navigation

_HIDDEN = regex.compile(r"""(?:^|\s)(?:hidden(?:\s|=|$)|aria-hidden\s*=\s*["']?true)|display\s*:\s*none""", regex.I)
# Page chrome by ARIA role, and by class/id words (as Readability does) unless the name also says "content".
_ROLE = regex.compile(
    r"\brole\s*=\s*[\"']?(navigation|banner|contentinfo|complementary|search|dialog|menu|menubar|toolbar)\b", regex.I
)
_CLASS_ID = regex.compile(r"""\b(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", regex.I)
_CHROME_WORDS = (
    r"ad|ads|advert\w*|actionbar|banner|breadcrumbs?|close|comments?|community|cookie\w*|disqus|dropdown|footer|gdpr|"
    r"hamburger|masthead|menu|modal|nav|navbar|navigation|newsletter|outbrain|pagination|pager|popular|popup|promo\w*|"
    r"related|share|sharing|sidebar|sidenav|skyscraper|social|sponsor\w*|subscribe|subscription|taboola|toolbar|"
    r"trending"
)
_UNLIKELY = regex.compile(rf"(?<![a-z])(?:{_CHROME_WORDS})(?![a-z])", regex.I)
# The last word of a class names what it is ("article-sidebar" is a sidebar; "social-media-embed" an embed).
_HEAD_UNLIKELY = regex.compile(rf"(?<![a-z])(?:{_CHROME_WORDS})$", regex.I)
_LIKELY = regex.compile(r"article|body|content|main|story|entry|post-text|text|embed", regex.I)
_CAMEL = regex.compile(r"(?<=[a-z])(?=[A-Z])")


def looks_like_chrome(attrs: str) -> bool:
    """A navigation/banner/footer role, or a class or id naming page chrome (share bar, ads, related links)."""
    if _ROLE.search(attrs):
        return True
    for m in _CLASS_ID.finditer(attrs):
        value = m.group(1) or m.group(2) or m.group(3) or ""
        for name in _CAMEL.sub("-", value).split():
            if _HEAD_UNLIKELY.search(name) or (_UNLIKELY.search(name) and not _LIKELY.search(name)):
                return True
    return False


def without_chrome(blocks: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """(block, span) pairs outside chrome-named elements (block.path holds ("u", element) marks); an element
    holding half the page's prose is a misnamed wrapper and is kept."""
    sizes: dict[int, int] = {}
    total = 0
    for b, _ in blocks:
        total += len(b.chars)
        for mark in b.path:
            if mark[0] == "u":
                sizes[mark[1]] = sizes.get(mark[1], 0) + len(b.chars)
    chrome = {element for element, size in sizes.items() if size * 2 < total}
    return [(b, s) for b, s in blocks if not any(mark[0] == "u" and mark[1] in chrome for mark in b.path)]


def choose_container(names: list[str], sizes: list[int]) -> int | None:
    articles = [i for i, name in enumerate(names) if name == "article" and sizes[i]]
    mains = [i for i, name in enumerate(names) if name == "main" and sizes[i]]
    best_article = max(articles, key=sizes.__getitem__, default=None)
    best_main = max(mains, key=sizes.__getitem__, default=None)
    if best_article is not None and (best_main is None or sizes[best_article] * 2 >= sizes[best_main]):
        return best_article
    return best_main


def inside(path: tuple, chosen: int) -> bool:
    seen = False
    for mark in path:
        if mark[0] == "c" and mark[1] == chosen:
            seen = True
        elif seen and mark[0] == "f":
            return False
    return seen


def hidden(attrs: str) -> bool:
    low = attrs.lower()
    if "hidden" not in low and "none" not in low:
        return False
    return bool(_HIDDEN.search(low))
