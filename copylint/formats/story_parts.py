"""Furniture inside the story that the page's markup does not name: link lists, teaser links, nested cards, labels."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from .boilerplate import LINK_DENSITY
from .markup import Furniture

if TYPE_CHECKING:
    from .html import _Block

# Names that say only where a block sits (a page-builder 'widget', a chrome word with no role): such an element
# holding a paragraph of running prose is a part of the story, not a box beside it.
WEAK_ROLES = frozenset({"widget", "page"})
PARAGRAPH_WORDS = 25
_SENTENCE_END = frozenset(".!?\"'”’)")


def is_paragraph(block: "_Block", words: int = PARAGRAPH_WORDS) -> bool:
    """Running prose: at least words words, ending as a sentence ends, mostly not link text."""
    text = "".join(block.chars).rstrip()
    return (len(text.split()) >= words and text[-1:] in _SENTENCE_END
            and block.linked * LINK_DENSITY < len(block.chars))


def card_sizes(chosen: list, index: int) -> dict[int, int]:
    """Characters of prose per <article> nested inside the chosen <article> index."""
    sizes: dict[int, int] = {}
    for b, _ in chosen:
        seen = False
        for mark in b.path:
            if mark[0] == "c":
                if seen:
                    sizes[mark[1]] = sizes.get(mark[1], 0) + len(b.chars)
                    break
                seen = mark[1] == index
    return sizes


# A class or id naming a video or a player (a bare '<video' may be a picture polyfill's IE comment).
_VIDEO = regex.compile(r"""\b(?:class|id)\s*=\s*["']?[^"'>]*(?:video|player)""", regex.I)


CAPTION_NAME_WORDS = 3


def _name_only(text: str) -> bool:
    """A caption line of CAPTION_NAME_WORDS words or fewer with no sentence end: a name or a title labelling the
    picture, such as the story names in its own lines (on the tune pages such captions are never only the page's)."""
    text = text.strip()
    return len(text.split()) <= CAPTION_NAME_WORDS and text[-1:] not in ".!?"


def figures(prose: list, total: int, source: str) -> list[Furniture]:
    """One 'figure' item per picture group inside the story (a <figure>, <figcaption> or an element whose name says
    caption), over each run of its caption and alt text that holds a visible caption: not article text, though it
    stays prose (a caption is copy to check; alt text alone is already in its own field). No fix: deleting it would
    delete the picture. Not a picture group: one holding half the story (a misnamed wrapper), one with a heading or
    a paragraph of running prose (a media card, a boxed text), one around a video player (its title and description
    are read as part of the story)."""
    ordered = sorted(prose, key=lambda item: item[0].offs[0])
    runs: list[tuple[int, list]] = []
    for b, _ in ordered:
        # a caption's block may run on past its element (a credit in a sibling span): it is still the caption
        at = next((m[1] for m in b.path if m[0] == "g" and (m not in b.left or b.scope == "caption")), -1)
        if at >= 0 and b.tag == "" and runs and runs[-1][0] == at:
            runs[-1][1].append(b)
        else:
            runs.append((at, [b]))
    sizes: dict[int, int] = {}
    for at, members in runs:
        sizes[at] = sizes.get(at, 0) + sum(len(b.chars) for b in members)
    bad = {at for at, members in runs
           if any(b.tag or (is_paragraph(b) and b.scope not in ("caption", "alt")) for b in members)
           or all(b.scope == "alt" or _name_only("".join(b.chars)) for b in members)}
    items = []
    for at, members in runs:
        if at < 0 or at in bad or members[0].tag or sizes[at] * 2 >= total or all(b.scope == "alt" for b in members):
            continue
        last = members[-1]
        end = last.ends.get(len(last.chars) - 1, last.offs[-1] + 1)
        if _VIDEO.search(source, at, end):
            continue
        items.append(Furniture("figure", members[0].offs[0], end, -1, -1))
    return items


LINK_LIST_RUN = 3  # this many link lines in a row inside the story are a list of links to other pages
LINK_LIST_WORDS = 15
SHOUTED_LINK_WORDS = 30  # a headline set in capitals runs longer than a list item ('X CLEARED TO … : REPORT')


def link_lists(prose: list, total: int) -> tuple[list, list[Furniture]]:
    """A run of LINK_LIST_RUN or more short blocks that are (almost) all link text after the story's last paragraph:
    a list of other stories that the page's markup did not name. Links between paragraphs belong to the story (a
    deal list, sources) unless they read as other stories' headlines: a list or a run of headings whose every item
    is a headline-long link, or one link set all in capitals. Each run is one 'related' item with no element to
    delete (the blocks may not share one), so it has no fix. A short block of links glued side by side (no space
    or word between them) is a strip of buttons or tags, one 'page' item. As for named elements, a run holding half the story's
    text is the story (a round-up of links), not furniture around it."""
    ordered = sorted(prose, key=lambda item: item[0].offs[0])
    kept: list = []
    items: list[Furniture] = []
    run: list = []

    def close(at_end: bool) -> None:
        listed = len(run) >= 2 and (all(b.scope == "list" and _headline_link("".join(b.chars)) for b, _ in run)
                                    or all(b.scope == "heading" and _headline_link("".join(b.chars)) for b, _ in run))
        if (listed or (at_end and len(run) >= LINK_LIST_RUN)) and sum(len(b.chars) for b, _ in run) * 2 < total:
            first, last = run[0][0], run[-1][0]
            end = last.ends.get(len(last.chars) - 1, last.offs[-1] + 1)
            items.append(Furniture("related", first.offs[0], end, -1, -1))
        else:
            kept.extend(run)
        run.clear()

    for item in ordered:
        b = item[0]
        if b.tag != "h1" and b.linked * 10 >= len(b.chars) * 8:
            text = "".join(b.chars)
            words = len(text.split())
            if words <= SHOUTED_LINK_WORDS and _shouting(text):  # another story's headline in capitals
                end = b.ends.get(len(b.chars) - 1, b.offs[-1] + 1)
                items.append(Furniture("related", b.offs[0], end, -1, -1))
                continue
            if b.glued and b.linked * 10 >= len(b.chars) * 9 and words <= LINK_LIST_WORDS:
                # links set side by side with nothing between them ('EmailTwitterPosts', a run of tags): a strip
                # of buttons or tags that shows no words of its own; running text puts a space or a word there
                end = b.ends.get(len(b.chars) - 1, b.offs[-1] + 1)
                items.append(Furniture("page", b.offs[0], end, -1, -1))
                continue
            if words <= LINK_LIST_WORDS:
                run.append(item)
                continue
        close(False)
        kept.append(item)
    close(True)
    return kept, items


# A line that announces other stories ('More Great Science Stories', 'Related', 'You may also like').
_RELATED_LABEL = regex.compile(
    r"(?i)^(?:related|more|other|recommended|popular|latest|top|trending|recent|must[- ]reads?|you\s+(?:may|might)"
    r"(?:\s+also)?\s+like|read\s+(?:more|next)|also\s+read|see\s+also|further\s+reading)\b[^.!?\n]{0,50}$"
)
LABEL_LIST_WORDS = 8


def labelled_lists(prose: list, total: int) -> tuple[list, list[Furniture]]:
    """A list whose items all carry a link, right after a line that announces other stories, is a list of them
    (its items may mix link and text: '👁 A safer way to protect your data; plus, check out the latest'). One
    'related' item per list, no fix; the label line is left to the line rules."""
    ordered = sorted(prose, key=lambda item: item[0].offs[0])
    kept: list = []
    items: list[Furniture] = []
    i = 0
    while i < len(ordered):
        b = ordered[i][0]
        kept.append(ordered[i])
        i += 1
        text = "".join(b.chars).strip()
        if b.scope == "list" or len(text.split()) > LABEL_LIST_WORDS or not _RELATED_LABEL.match(text):
            continue
        j = i
        while j < len(ordered) and ordered[j][0].scope == "list" and ordered[j][0].linked:
            j += 1
        run = [item[0] for item in ordered[i:j]]
        if len(run) >= 2 and sum(len(r.chars) for r in run) * 2 < total:
            end = run[-1].ends.get(len(run[-1].chars) - 1, run[-1].offs[-1] + 1)
            items.append(Furniture("related", run[0].offs[0], end, -1, -1))
            i = j
    return kept, items


CARD_LABEL_WORDS = 4
CARD_REPEATS = 3
CARD_WORDS = 30


def card_lists(prose: list, total: int) -> tuple[list, list[Furniture]]:
    """After the story's last paragraph of running prose, a stretch of short blocks in which one short line comes
    back CARD_REPEATS times or more (a section label or an author's name on every card: 'AUTO NEWS', 'Ana Ruiz') is
    a list of cards for other stories, from the line's first appearance to the end: one 'related' item, no fix. Every
    block of it is short (at most CARD_WORDS words) and the repeated line is a paragraph or heading line (a list or
    table of the story's own repeats its cells), with at least CARD_REPEATS longer lines (the cards' titles) among
    them."""
    ordered = sorted(prose, key=lambda item: item[0].offs[0])
    last = max((i for i, (b, _) in enumerate(ordered) if is_paragraph(b) and b.scope == "paragraph"), default=None)
    if last is None:
        return prose, []
    tail = ordered[last + 1:]
    texts = [" ".join("".join(b.chars).split()) for b, _ in tail]
    if any(len(t.split()) > CARD_WORDS for t in texts):
        return prose, []
    counts: dict[str, int] = {}
    for (b, _), t in zip(tail, texts):
        if t and b.scope in ("paragraph", "heading") and len(t.split()) <= CARD_LABEL_WORDS and not any(
                c.isdigit() for c in t):
            counts[t] = counts.get(t, 0) + 1
    repeated = {t for t, n in counts.items() if n >= CARD_REPEATS}
    if not repeated:
        return prose, []
    first = next(i for i, t in enumerate(texts) if t in repeated)
    run = [b for b, _ in tail[first:]]
    titles = sum(1 for t in texts[first:] if t not in repeated and len(t.split()) > CARD_LABEL_WORDS)
    if titles < CARD_REPEATS or sum(len(b.chars) for b in run) * 2 >= total:
        return prose, []
    end = run[-1].ends.get(len(run[-1].chars) - 1, run[-1].offs[-1] + 1)
    return ordered[:last + 1 + first], [Furniture("related", run[0].offs[0], end, -1, -1)]


LABEL_WORDS = 4
_LABEL_END = frozenset(".!?;,")  # a label may end in a colon ("IN BRIEF:")


# Roles of the template an <article> wraps around its text: share tools, tags, the byline and date line, credits.
TEMPLATE_ROLES = frozenset({"share", "tags", "byline", "date", "meta", "credit", "section"})
BODY_WORDS = 12  # a short lede or closing paragraph still bounds the story's body


def without_template(prose: list, items: list, in_container: bool) -> tuple[list, list]:
    """A picture group (<figure> and its caption) is the page's structure wherever it stands: its blocks leave the
    prose and it is not reported. In an <article>/<main>, a template element (TEMPLATE_ROLES) that stands before the
    story's first paragraph or after its last is the page's too, left out silently; between the paragraphs it is
    still reported (text pasted into the running story)."""
    gone = [item for item in items if item.role == "figure"]
    if in_container:
        body = [b for b, _ in prose if b.scope == "paragraph" and is_paragraph(b, BODY_WORDS)]
        if body:
            first = min(b.offs[0] for b in body)
            last = max(b.offs[-1] for b in body)
            gone += [item for item in items if item.role in TEMPLATE_ROLES and (item.end <= first or item.start > last)]
    if not gone:
        return prose, items
    spans = [(item.start, item.end) for item in gone]
    inside = [b for b, _ in prose if any(b.offs[0] < e and s <= b.offs[-1] for s, e in spans)]
    groups = {m for b in inside for m in b.path if m[0] == "g"}  # the rest of a picture group (its alt text)
    kept, removed = [], []
    for block, span in sorted(prose, key=lambda item: item[0].offs[0]):
        out = any(block.offs[0] < e and s <= block.offs[-1] for s, e in spans) or any(m in groups for m in block.path)
        if out:
            # the picture's alt text just before its caption belongs to the group, however the page nests them
            while kept and kept[-1][0].scope == "alt":
                removed.append(kept.pop())
        (removed if out else kept).append((block, span))
    # alt text repeating a caption that left was checked once, as the caption: it leaves with it
    survivors = {id(b) for b, _ in without_repeated_alt(kept + removed)}
    return [item for item in kept if id(item[0]) in survivors], [item for item in items if item not in gone]


def labels_before_title(raw: list, title: int) -> tuple[list, int, tuple[Furniture, ...]]:
    """Short lines above the headline inside the story are the page's labels for it ('Opinion', 'TV Shows',
    'Earnings Report'): a section, a kicker, a breadcrumb. Each such block of at most LABEL_WORDS words without
    sentence punctuation or digits (a colon may close it: 'IN BRIEF:') is a 'section' item (no fix: it may share its element); other lines above the
    headline (a standfirst placed first, a date) are left to the line rules."""
    kept, items = [], []
    for b, span in raw[:title]:
        text = "".join(b.chars).strip()
        if (len(text.split()) <= LABEL_WORDS and "\n" not in text and text[-1:] not in _LABEL_END
                and not any(c.isdigit() for c in text) and b.scope not in ("alt", "caption")):
            end = b.ends.get(len(b.chars) - 1, b.offs[-1] + 1)
            items.append(Furniture("section", b.offs[0], end, -1, -1))
        else:
            kept.append((b, span))
    return kept + raw[title:], len(kept), tuple(items)


_OFFER = regex.compile(r"[$£€¥₹]\s?\d|\d\s?(?:USD|EUR|GBP)\b|^(?:get|buy|shop|save|order|grab)\b", regex.I)


def _headline_link(text: str) -> bool:
    """A list item that reads as the headline of another story: three words or more, no price and no shopping verb
    (a deals list links its offers: 'Get it on Amazon for $139')."""
    return len(text.split()) >= 3 and _OFFER.search(text) is None


_INSTRUCTION = frozenset("click tap see read view watch download get visit go".split())


def _shouting(text: str) -> bool:
    """A headline of at least three words in capitals ('A LONG HISTORY OF HER FEUDS'); a line that tells the reader
    what to do with the link ('CLICK FOR FULL RESULTS') points to the story's own material instead."""
    words = text.split()
    letters = [c for c in text if c.isalpha()]
    # a plural or a brand keeps its lower-case letters inside a headline in capitals ('AT THE AMAs', 'iPHONE')
    lower = sum(1 for c in letters if not c.isupper())
    return (len(words) >= 3 and len(letters) >= 10 and lower * SHOUTED_LOWER <= len(letters)
            and words[0].lower() not in _INSTRUCTION)


SHOUTED_LOWER = 20  # at most one letter in this many in lower case


def without_repeated_alt(raw: list) -> list:
    """Alt text that repeats a visible line of the story (its caption, the headline) or an earlier alt text is left
    out of the prose: the same words are checked once, where readers see them."""
    seen = {" ".join("".join(b.chars).split()) for b, _ in raw if b.scope != "alt"}
    kept = []
    for item in raw:
        b = item[0]
        if b.scope == "alt":
            key = " ".join("".join(b.chars).split())
            if key in seen:
                continue
            seen.add(key)
        kept.append(item)
    return kept
