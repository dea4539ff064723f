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
# ... or a disclosure the publication must print with the story ('ad-disclaimer', 'affiliate-disclosure').
_LIKELY = regex.compile(r"article|body|content|main|story|entry|post-text|text|embed|disclaimer|disclosure", regex.I)
_CAMEL = regex.compile(r"(?<=[a-z])(?=[A-Z])")


# Words cross-checked against the boilerplate class/id list of goose3's document cleaner (Apache-2.0): its generic
# names are here (retweet, pagetools, socialtools, replies, shoutbox, post-attributes); its site-specific ones are not.
# What an element inside the story is, from the words of its class, id, role, itemprop, rel and aria-label: the
# last telling word of a name decides ("ArticlePage-authorName" is a byline, "recommended-stories-title" a related
# list); a content word ("entry-content", "article-body") says it is the story itself.
_ROLE_WORDS = {
    "credit": "credit", "credits": "credit", "copyright": "credit", "attribution": "credit",
    "byline": "byline", "bylines": "byline", "author": "byline", "authors": "byline", "contributor": "byline",
    "contributors": "byline", "writer": "byline", "vcard": "byline", "bio": "byline", "biography": "byline",
    "date": "date", "dateline": "date", "timestamp": "date", "published": "date", "pubdate": "date",
    "datepublished": "date", "datemodified": "date", "timeago": "date", "updated": "date", "posted": "date",
    "meta": "meta", "postmeta": "meta", "postinfo": "meta", "metadata": "meta",
    "tags": "tags", "tag": "tags", "tagged": "tags", "filed": "tags", "keywords": "tags", "categories": "tags", "category": "tags",
    "topics": "tags",
    "share": "share", "sharing": "share", "social": "share", "sociable": "share", "sharedaddy": "share",
    "addthis": "share", "actionbar": "share", "print": "share", "reblog": "share", "retweet": "share",
    "pagetools": "share", "socialtools": "share", "attributes": "meta",
    "related": "related", "recommended": "related", "recommends": "related", "readmore": "related",
    "popular": "related", "trending": "related", "outbrain": "related", "taboola": "related", "latest": "related",
    "recirc": "related", "recirculation": "related", "similar": "related", "prevnext": "related", "prev": "related",
    "previous": "related", "recent": "related", "explore": "related", "teaser": "related", "teasers": "related", "upnext": "related",
    "pagination": "related", "breaking": "related", "ticker": "related", "breadcrumb": "page", "breadcrumbs": "page",
    "correction": "page", "corrections": "page",
    "newsletter": "newsletter", "subscribe": "newsletter", "subscription": "newsletter", "signup": "newsletter",
    "cta": "newsletter", "paywall": "newsletter", "regwall": "newsletter", "login": "newsletter",
    "toc": "toc",
    "ad": "ad", "ads": "ad", "advert": "ad", "advertisement": "ad", "sponsor": "ad", "sponsored": "ad", "promo": "ad",
    "comments": "comments", "disqus": "comments", "likes": "comments", "replies": "comments", "shoutbox": "comments",
    "widget": "widget", "widgettitle": "widget", "sidebar": "widget", "rail": "widget",
    "caption": "figure", "captions": "figure", "figcaption": "figure",
}
# Words that say "this is the story": a name that has one before its role word is not furniture.
_STORY_WORDS = frozenset("content body text article story entry main copy prose richtext".split())
# Words that say nothing about what an element is; they are skipped when reading a name from its end.
_GENERIC_WORDS = frozenset(
    """box wrap wrapper container block area section list links link item items title name inner holder module
    label heading headline head text-wrap group row col column full line lines info details detail icon icons
    bar tools tool zone panel unit slot top bottom left right wide small large sm md lg xs default single
    news stories story-list posts articles headlines rich part component blk outer""".split()
) - _STORY_WORDS
# A credit word in a name that also says quote ('Quote-attribution', 'pullquote-credit') names who said a quote.
_QUOTE_WORDS = frozenset("quote quotes pullquote blockquote testimonial".split())
# A caption word in a name that also says video or embedded media names the caption of a video or an embed.
_MEDIA_WORDS = frozenset("video videos player media vid".split())
# Text hidden from sight: kept for screen readers, or shown only when the page is printed.
_HIDDEN_CLASS = regex.compile(
    r"(?<![a-z])(?:sr-only|screen-reader-text|visually-hidden|visuallyhidden|print-only|printonly|visible-print|"
    r"show-for-print|print-header|print-footer)(?![a-z])", regex.I
)
_ROLE_ATTRS = regex.compile(
    r"""\b(class|id|role|itemprop|rel|aria-label)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", regex.I
)
_NAME_WORDS = regex.compile(r"[a-z]+")
# A WordPress taxonomy class on a post ("tag-politics", "category-news") names its topic, not its role.
# ... unless the rest of the name names a part ('author-bio-box', 'author-name', 'category-link').
_PART_WORDS = frozenset("name names box link links list wrap wrapper container info title label avatar".split())
_TAXONOMY = regex.compile(r"^(?:(?:tag|category|format|status|type|author)-|(?:post|postid|page-id|page)-\d)", regex.I)
_ROLE_TAGS: dict[str, str] = {"figure": "figure", "figcaption": "figure"}


def _name_role(name: str) -> str:
    words = _NAME_WORDS.findall(_CAMEL.sub("-", name).lower())
    if _TAXONOMY.match(name) and not (_ROLE_WORDS.keys() | _PART_WORDS).intersection(words[1:]):
        return ""
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if _neighbour(words, i):
            return "related"
        if word in _STORY_WORDS:
            return _modifier_role(words[:i])
        role = _ROLE_WORDS.get(word)
        if role == "credit" and _QUOTE_WORDS.intersection(words):
            return ""
        if role == "figure" and _MEDIA_WORDS.intersection(words):
            return ""  # 'embeddedMediaCaption', 'video-caption': the caption of a video, read as part of the story
        if word == "time" and i and words[i - 1] in ("read", "reading"):
            return "meta"  # 'estimated-read-time'
        if word == "widget" and _STORY_WORDS.intersection(words[:i]):
            return ""  # 'article-widget': a component of the story (a video, a quote box), not a sidebar box
        if role:
            return role
        if word not in _GENERIC_WORDS:
            return ""
    return ""


_NEIGHBOUR_WORDS = frozenset("next previous prev more other".split())
_ITEM_WORDS = frozenset("post posts story stories article articles".split())


def _neighbour(words: list[str], i: int) -> bool:
    """'next-post', 'more-stories': a link to the page's other items."""
    return words[i] in _ITEM_WORDS and i > 0 and words[i - 1] in _NEIGHBOUR_WORDS


def _modifier_role(words: list[str]) -> str:
    """The role a name ending in a story word ('content', 'text', 'body') has from the word that qualifies it:
    'related-content' and 'author-box__text' are furniture, 'entry-content' and 'article-body' the story."""
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if _neighbour(words, i):
            return "related"
        if word in _STORY_WORDS or word in _GENERIC_WORDS:
            continue
        role = _ROLE_WORDS.get(word, "")
        return "" if role == "widget" else role
    return ""


def furniture_role(tag: str, attrs: str) -> str:
    """The furniture an element is by its tag or attributes (caption, credit, byline, date, share, related, …), or ''."""
    role = _ROLE_TAGS.get(tag, "")
    if role or not attrs:
        return role
    for m in _ROLE_ATTRS.finditer(attrs):
        value = m.group(2) or m.group(3) or m.group(4) or ""
        for name in value.split():
            role = _name_role(name)
            if role:
                return role
    return ""


def screen_reader_only(attrs: str) -> bool:
    """Text hidden from sight: for screen readers ('Skip to content') or for print only (a print header)."""
    return bool(attrs) and _HIDDEN_CLASS.search(attrs) is not None


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
