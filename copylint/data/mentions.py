"""Mentions: the ways news copy places a town in a country ("X in northern Y", "X, Y", "the Y city of X" ...)."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import regex

# A capitalised word: "Guinea-Bissau", "N'Djamena", "Stoke-on-Trent"; never swallows a possessive 's.
_LETTERS = r"\p{Lu}(?:[\p{L}\p{M}]|-(?=\p{L})|['’](?!s\b)(?=\p{L}))*"
_INITIALS = r"(?:\p{Lu}\.){2,}(?!\p{L})"
_WORD = rf"(?:{_LETTERS}|{_INITIALS})"
_PARTICLE = r"(?:de|del|della|di|da|do|dos|das|du|des|la|le|les|el|al|es|en|of|upon|am|im|an|der|den|sur|d['’])"
_SAINT = r"(?:(?:St|Ste|Mt|Ft)\.?\s)"
NAME = rf"(?:{_SAINT}?{_WORD}(?:\s(?:{_PARTICLE}\s)?{_WORD}){{0,4}})"

COMPASS_ADJ = rf"(?:(?i:far[- ])?(?i:(?:north|south)(?:[- ]?(?:east|west))?ern|(?:east|west)ern|central|mid-?western))"
COMPASS_NOUN = r"(?:(?:far[- ])?(?:north|south)(?:[- ]?(?:east|west))?|(?:far[- ])?(?:east|west)|centre|center|heart)"
LOC_PREP = (r"(?:in|at|near|from|into|outside|around|across|throughout|towards?|via|to|hit|struck|rocked|visited|"
            r"reached|(?:city|town|village|port|suburb|district)\s+of)")
_STRONG_PREP = r"(?:in|near|outside|around|across|throughout|into)"
PLACE_NOUN = (r"(?:city|town|village|port|province|state|region|district|county|municipality|island|resort|"
              r"enclave|oblast|capital|border town|border city|port city|oil town|mining town|industrial city)")

# What follows the first name of each pattern but "noun" (X, or Y for "poss"), matched from that name's end.
_TAILS = {
    # X in Y's (far) east
    "in-poss": rf",?\s+in\s+(?P<the>the\s+)?(?P<y>{NAME})['’]s\s+(?P<comp>{COMPASS_NOUN})\b",
    # X, in the north of Y
    "in-the": rf",?\s+in\s+the\s+(?P<comp>{COMPASS_NOUN})\s+of\s+(?P<the>the\s+)?(?P<y>{NAME})",
    # X in (the) (northern) Y
    "in": rf",?\s+in\s+(?P<the>the\s+)?(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})(?P<poss>['’]s)?",
    # X, Y   (a dateline or "in Lyon, France")
    "comma": rf",\s+(?P<the>the\s+)?(?P<y>{NAME})",
    # X (Y)
    "paren": rf"\s+\((?P<the>the\s+)?(?P<y>{NAME})\)",
    # in Y's (northern) X
    "poss": rf"['’]s\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?(?:(?:city|town|port)\s+of\s+)?(?P<x>{NAME})",
}
# The patterns, in the order they are tried (an earlier one's mention of the same X and Y wins). Each but
# "noun" is matched as its tail after an anchor: the same match, since X can only end where the longest
# name from its start ends (see _candidates).
_PATTERNS = {
    **{name: (rf"\b(?P<pre>{LOC_PREP})\s+(?P<x>{NAME}){_TAILS[name]}", 0) for name in ("in-poss", "in-the", "in")},
    "comma": (rf"(?:\b(?P<pre>{LOC_PREP})\s+|^)(?P<x>{NAME}){_TAILS['comma']}", regex.M),
    "paren": (rf"\b(?P<pre>{LOC_PREP})\s+(?P<x>{NAME}){_TAILS['paren']}", 0),
    # the (southern) Y city of X
    "noun": (rf"\b(?i:the)\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})\s+(?P<noun>{PLACE_NOUN})"
             rf"(?:\s+city)?(?:\s+of\s+|,\s+|\s+)(?P<x>{NAME})", 0),
    "poss": (rf"\b(?P<pre>{_STRONG_PREP})\s+(?P<y>{NAME}){_TAILS['poss']}", 0),
}
_STRONG_PREPS = frozenset(("in", "near", "outside", "around", "across", "throughout", "into"))
# After "X, Y": a list ("Kabul, Pakistan and India") or a longer name means Y is not X's country.
_LIST_AFTER = r"\s*(?:,\s*(?:and\s+|or\s+)?\p{Lu}|(?:and|or|&)\s+\p{Lu}|\s*/)"
# "X, Y" must end there: punctuation, the line's end, or a word that starts a phrase ("in Lyon, France, on Monday"),
# not a verb ("in Paris, Ireland face ...").
_END_AFTER = (r"\s*(?:[,.;:!?)\]—–\"”’'-]|$|(?:on|in|at|last|this|earlier|since|for|where|when|and|or|but|"
              r"before|after|during|until|with|near|from|to)\b)")
_LIST_BEFORE = rf"(?:{NAME}),\s*$"
# NAME with initials tried first ("D.F." before "D"): its match ends where the longest name from there ends.
_LONGEST = NAME.replace(f"(?:{_LETTERS}|{_INITIALS})", f"(?:{_INITIALS}|{_LETTERS})")
# A capitalised name after a preposition: where every pattern but "noun" can start. Led by the name, so the
# regex module scans for capitals, where trying the long alternation at every position is slow.
# The first look-behind (a preposition's last letter or more white space, then white space) is implied by the
# second and cheaper: it rules out most capitals before that is tried.
_PREP_ENDS = "ntrmoedsakf"  # the last letters of LOC_PREP's words
_PREP_ANCHOR = rf"(?<=[{_PREP_ENDS}\s]\s)(?<=\b(?P<pre>{LOC_PREP})\s+)(?=\p{{Lu}}){_LONGEST}"
# The dateline branch of "X, Y": a name and a comma (the longest name: a shorter one is never followed by one).
_LINE_NAME = rf"(?P<x>(?>{_LONGEST})),\s"
# Words one of which the "the Y city of X" pattern needs (as whole words: white space precedes each).
PLACE_NOUN_WORDS = frozenset(("city", "town", "village", "port", "province", "state", "region", "district", "county",
                              "municipality", "island", "resort", "enclave", "oblast", "capital"))
# What the regex module's \s matches (Unicode White_Space).
SPACE = frozenset("\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                  "\u200a\u2028\u2029\u202f\u205f\u3000")


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A place X said to lie in Y (a country, a demonym or a region), maybe with a compass word."""

    pattern: str
    x: Span
    y: Span
    compass: Span | None
    the: Span | None  # an article before Y or before the compass word ("in the western US")
    noun: str = ""

    @property
    def y_is_adjective(self) -> bool:
        return self.pattern == "noun"


_SOURCES = {
    "noun": _PATTERNS["noun"], **{f"tail:{k}": (v, 0) for k, v in _TAILS.items()},
    "anchor": (_PREP_ANCHOR, 0), "line-name": (_LINE_NAME, 0),
    "list-after": (_LIST_AFTER, 0), "end-after": (_END_AFTER, regex.M), "list-before": (_LIST_BEFORE, 0),
    "run": (r"(?=\p{Lu})" + NAME, 0),  # every name starts with a capital; the look-ahead speeds the scan
}


class _Compiled(dict):
    """The mention patterns and their helpers, each compiled the first time a text needs it (a run without
    geography rules never pays for them)."""

    def __missing__(self, name: str) -> regex.Pattern:
        pattern, flags = _SOURCES[name]
        compiled = self[name] = regex.compile(pattern, flags)
        return compiled


_COMPILED = _Compiled()


def _compiled() -> _Compiled:
    return _COMPILED


def _span(m: regex.Match, group: str) -> Span | None:
    if group not in m.re.groupindex or m.group(group) is None:
        return None
    return Span(m.group(group), m.start(group), m.end(group))


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every candidate mention; the caller decides which names are places and countries."""
    rx = _compiled()
    anchors = [(*m.span("pre"), *m.span()) for m in rx["anchor"].finditer(text, overlapped=True)]
    return tuple(_mentions(text, anchors, PLACE_NOUN_WORDS))


def mentions_in(doc, text: str) -> tuple[Mention, ...]:
    """find_mentions(text) for a block of doc, from one pass over the whole document, kept for the document
    (the place and compass rules read the same blocks)."""
    return document_mentions(doc).of(text)


def document_mentions(doc) -> "_DocumentMentions":
    """The document's mentions, block by block (.of(block text)), shared by the rules that read them."""
    return doc.memo("facts:mentions", lambda: _DocumentMentions(doc))


# Where a dateline "X, Y" may start: a line opening with a capital whose first comma is followed by white
# space, maybe "the", and a capital (as _line_names and the "comma" tail need). Over the prose, a superset of
# each block's starts (the standard library's \s is a superset of the regex module's; [A-Z] or non-ASCII of
# what isupper() and \p{Lu} take).
# After a line break (a literal: a fast search); the text's start is tried apart.
_LINE = r"(?=(?:[A-Z]|[^\x00-\x7f])[^,]*,\s+(?:the\s+)?(?:[A-Z]|[^\x00-\x7f]))"
_FIRST_LINE, _NEXT_LINE = re.compile(_LINE), re.compile(r"\n" + _LINE)


class _DocumentMentions:
    """The anchors (a preposition and the capitalised name after it) of every block, found in one pass over
    the document's prose, and the blocks where a dateline or a place noun may give a mention; each block's
    mentions are worked out when first asked for, and only those blocks' at all."""

    def __init__(self, doc) -> None:
        self.blocks: dict[str, int] = {}
        starts = doc.block_starts
        ends = [start + len(block.text) for start, block in zip(starts, doc.blocks)]
        for index, block in enumerate(doc.blocks):
            self.blocks.setdefault(block.text, index)
        self.anchors: dict[int, list[tuple[int, int, int, int]]] = {}
        prose = doc.prose
        index = 0
        for m in _compiled()["anchor"].finditer(prose, overlapped=True):
            pre_start, pre_end = m.span("pre")
            while ends[index] < pre_start:  # anchors come in order: walk the blocks along
                index += 1
            if m.end() <= ends[index]:  # the name must be in the preposition's block
                base = starts[index]
                self.anchors.setdefault(index, []).append(
                    (pre_start - base, pre_end - base, m.start() - base, m.end() - base))
        self.lines = {bisect_right(starts, m.end()) - 1 for m in _NEXT_LINE.finditer(prose)}
        if _FIRST_LINE.match(prose):
            self.lines.add(0)
        # The place nouns the document holds as words, if one follows a name anywhere (_after_a_name over the
        # prose says yes wherever it does over a block).
        nouns = PLACE_NOUN_WORDS & doc.words
        self.nouns = nouns if nouns and _after_a_name(prose, nouns) else frozenset()
        self.found: dict[str, tuple[Mention, ...]] = {}

    def of(self, text: str) -> tuple[Mention, ...]:
        found = self.found.get(text)
        if found is None:
            index = self.blocks.get(text)
            if index is None:  # not one of the document's blocks
                return find_mentions(text)
            anchors, datelines = self.anchors.get(index, ()), index in self.lines
            found = self.found[text] = tuple(_mentions(text, anchors, self.nouns, datelines)) \
                if anchors or self.nouns or datelines else ()
        return found


def space_after(text: str, pos: int) -> int:
    """The end of the white space (regex \\s) starting at pos."""
    n = len(text)
    while pos < n and text[pos] in SPACE:
        pos += 1
    return pos


_NO_CANDIDATES: dict[str, list[tuple[int, int, int]]] = {
    "in": [], "in-the": [], "in-poss": [], "comma": [], "paren": [], "poss": []}  # never changed
# How COMPASS_NOUN (lower case only) starts.
_COMPASS_NOUN_STARTS = ("far", "north", "south", "east", "west", "centre", "center", "heart")


def _candidates(text: str, anchors: Iterable[tuple[int, int, int, int]]) -> dict[str, list[tuple[int, int, int]]]:
    """Which patterns may match at each anchor, judged by what follows its name: (match start, name start,
    name end) per pattern. The name in a match ends where the anchor's longest name does: a shorter one is
    followed by a letter, a '.', an apostrophe before a letter, or one space and a capitalised word or a
    particle, never by what the tails need next (',', 'in', '(', "'s")."""
    if not anchors:
        return _NO_CANDIDATES
    found: dict[str, list[tuple[int, int, int]]] = {
        "in": [], "in-the": [], "in-poss": [], "comma": [], "paren": [], "poss": []}
    n = len(text)
    for start, pre_end, name, end in anchors:
        c = text[end:end + 1]
        after = space_after(text, end + 1 if c == "," else end)
        if c == "," and after > end + 1:
            found["comma"].append((start, name, end))
        if (c == "," and after > end + 1 or c in SPACE) and text.startswith("in", after) \
                and after + 2 < n and text[after + 2] in SPACE:
            found["in"].append((start, name, end))
            the = space_after(text, after + 2)
            if text.startswith("the", the) and the + 3 < n and text[the + 3] in SPACE \
                    and text.startswith(_COMPASS_NOUN_STARTS, space_after(text, the + 3)):
                found["in-the"].append((start, name, end))
        elif c in SPACE and text.startswith("(", after):
            found["paren"].append((start, name, end))
        elif c in ("'", "’") and text.startswith("s", end + 1) and end + 2 < n and text[end + 2] in SPACE \
                and text[start:pre_end] in _STRONG_PREPS:
            found["poss"].append((start, name, end))
    if found["in"] and _possessive_compass(text):
        found["in-poss"] = found["in"]
    return found


def _possessive_compass(text: str) -> bool:
    """Whether "'s" and white space come before a compass noun somewhere in text (as "in-poss" needs)."""
    for mark in ("'s", "’s"):
        pos = text.find(mark)
        while pos != -1:
            after = space_after(text, pos + 2)
            if after > pos + 2 and text.startswith(_COMPASS_NOUN_STARTS, after):
                return True
            pos = text.find(mark, pos + 2)
    return False


def _line_names(text: str) -> list[tuple[int, int, int]]:
    """Line starts where a capitalised name and a comma begin (the dateline branch of "X, Y"), as
    (match start, name start, name end)."""
    found = []
    rx = None
    pos = 0
    while True:
        comma = text.find(",", pos)
        if comma == -1:
            return found
        # \p{Lu} is upper case; a name holds at most nine spaces (a saint, five words, four particles)
        if text[pos:pos + 1].isupper() and text.count(" ", pos, comma) <= 9:
            rx = rx or _compiled()["line-name"]
            m = rx.match(text, pos)
            if m is not None:
                found.append((pos, pos, m.end("x")))
        newline = text.find("\n", pos)
        if newline == -1:
            return found
        pos = newline + 1


_NOUN_FIRST_WORDS = frozenset(("border", "port", "oil", "mining", "industrial"))  # of two-word place nouns


def _after_a_name(text: str, nouns: Iterable[str]) -> bool:
    """Whether one of the place nouns follows white space and a capitalised word (Y's last), directly or
    after the first word of a two-word noun ("border town"), somewhere in text, as the "noun" pattern needs."""
    for word in nouns:
        pos = text.find(word)
        while pos != -1:
            token, start = token_before(text, pos)
            if token[:1].isupper() or token in _NOUN_FIRST_WORDS and token_before(text, start)[0][:1].isupper():
                return True
            pos = text.find(word, pos + 1)
    return False


def _listed_before(text: str, pos: int) -> bool:
    """Whether a name and a comma come just before pos ("Kabul, Pakistan, India"): _LIST_BEFORE, tried only
    when a comma ends the text before pos."""
    end = space_before(text, pos)
    return end > 0 and text[end - 1] == "," and _compiled()["list-before"].search(text, 0, pos) is not None


def space_before(text: str, pos: int) -> int:
    """The start of the white space (regex \\s) ending at pos."""
    while pos > 0 and text[pos - 1] in SPACE:
        pos -= 1
    return pos


def token_before(text: str, pos: int) -> tuple[str, int]:
    """The run of non-space characters ending at the white space before pos ('' if none), and its start."""
    end = space_before(text, pos)
    if end == pos:
        return "", pos
    start = end
    while start > 0 and text[start - 1] not in SPACE:
        start -= 1
    return text[start:end], start


def _mentions(text: str, anchors: Iterable[tuple[int, int, int, int]], nouns: frozenset[str],
              datelines: bool = True) -> Iterator[Mention]:
    """The mentions in text, given its anchors, the place nouns its document holds as words, and whether a
    dateline may start a line (see _LINE)."""
    rx = _compiled()
    candidates = _candidates(text, anchors)
    lines = _line_names(text) if datelines and "," in text else []
    nouns = bool(nouns) and _after_a_name(text, nouns)
    if not (nouns or lines or any(candidates.values())):
        return
    seen: set[tuple[int, int]] = set()
    for pattern in _PATTERNS:
        if pattern == "noun":
            for m in rx["noun"].finditer(text, overlapped=True) if nouns else ():
                x, y = _span(m, "x"), _span(m, "y")
                if (x.start, y.start) not in seen:
                    seen.add((x.start, y.start))
                    yield Mention(pattern, x, y, _span(m, "comp"), _span(m, "the"), m.group("noun"))
            continue
        starts = sorted({*candidates["comma"], *lines}) if pattern == "comma" else candidates[pattern]
        tail = rx[f"tail:{pattern}"] if starts else None
        for _, name, end in starts:
            m = tail.match(text, end)
            if m is None:
                continue
            first = Span(text[name:end], name, end)
            x, y = (_span(m, "x"), first) if pattern == "poss" else (first, _span(m, "y"))
            if (x.start, y.start) in seen:
                continue
            if pattern == "comma" and (rx["list-after"].match(text, m.end()) or not rx["end-after"].match(text, m.end())
                                       or text.startswith(("'s", "’s"), m.end()) or _listed_before(text, x.start)):
                continue
            seen.add((x.start, y.start))
            yield Mention(pattern, x, y, _span(m, "comp"), _span(m, "the"))


def name_runs(text: str) -> Iterator[regex.Match]:
    """Maximal runs of capitalised words (with particles), for telling a place from part of a longer name."""
    return _compiled()["run"].finditer(text)


def name_run_texts(text: str) -> list[str]:
    """The texts of name_runs(text), in one call."""
    return _compiled()["run"].findall(text)


def capitalised_runs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of name_runs(text)."""
    for m in name_runs(text):
        yield m.span()


# --- capitals, borders and ranks (compiled on first use) --------------------------------------------------
_CAPITAL = (
    # X, the capital of Y / X is the capital of Y
    rf"(?P<x>{NAME})(?:,\s+(?:(?:which|that)\s+is\s+)?|\s+is\s+)the\s+capital(?:\s+city)?\s+of\s+"
    rf"(?:the\s+)?(?P<y>{NAME})(?!['’]s)",
    # Y's capital, X / Y's capital city of X
    rf"(?P<y>{NAME})['’]s\s+capital(?:\s+city)?(?:,\s+|\s+(?:is\s+|of\s+)?)(?P<x>{NAME})",
    # the Australian capital, X
    rf"\b(?i:the)\s+(?P<y>{NAME})\s+capital(?:\s+city)?(?:,\s+|\s+(?:of\s+)?)(?P<x>{NAME})",
    # X, the Australian capital
    rf"(?P<x>{NAME}),\s+the\s+(?P<y>{NAME})\s+capital\b(?!['’]s)",
)
# What after a capital claim makes it about a subdivision or about the past.
_CAPITAL_AFTER_SKIP = (
    r"\s*(?:province|state|region|district|territory|county|oblast|governorate|prefecture|department|"
    r"until|before|since|from|between|at\s+the\s+time|in\s+\d{4}|during|under|then)\b")

DIRECTION = (r"(?:north|south)(?:[- ]?(?:east|west))?|east|west")
_BORDER = (
    rf"(?P<y>{NAME})(?:,\s+which)?\s+(?:borders|shares\s+(?:a\s+)?(?:[\w-]+\s+){{0,2}}borders?\s+with|"
    rf"has\s+(?:a\s+)?(?:[\w-]+\s+){{0,2}}borders?\s+with)\s+")
_BORDER_ITEM = rf"(?:the\s+)?(?P<z>{NAME})(?:\s+(?P<dir>(?:to|on|in)\s+(?:the|its)\s+(?P<d>{DIRECTION})))?"
_BORDER_SEP = r"\s*,\s*(?:and\s+)?|\s+and\s+"

ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORD = r"(?:" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
SCOPES = {"world": None, "globe": None, "planet": None, "earth": None, "africa": "AF", "europe": "EU",
          "asia": "AS", "south america": "SA", "north america": "NA", "oceania": "OC"}
_RANK = (
    rf"(?P<y>{NAME})(?:\s+is|,)\s+(?:now\s+|still\s+)?the\s+(?P<world>world['’]s\s+)?"
    rf"(?P<ord>{_ORD})?(?P<sep>[\s-])?(?P<what>largest|biggest|most[\s-]populous|most[\s-]populated)\s+"
    rf"(?P<noun>country|nation)\b(?P<scope>\s+(?:in|on|of)\s+(?:the\s+)?(?P<where>(?:South\s+|North\s+)?\p{{L}}+)"
    rf"|\s+by\s+(?P<by>area|land\s+area|landmass|size|territory|population))?")


@lru_cache(maxsize=None)
def capital_patterns() -> tuple[tuple[regex.Pattern, ...], regex.Pattern]:
    """The capital claims (in order: two with the country named, then two with its adjective) and the skip words."""
    return tuple(regex.compile(p) for p in _CAPITAL), regex.compile(_CAPITAL_AFTER_SKIP, regex.I)


@lru_cache(maxsize=None)
def border_pattern() -> regex.Pattern:
    """A border claim ("Y borders", "Y shares a border with")."""
    return regex.compile(_BORDER)


@lru_cache(maxsize=None)
def border_list_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """One listed neighbour, and the separator between neighbours."""
    return regex.compile(_BORDER_ITEM), regex.compile(_BORDER_SEP)


@lru_cache(maxsize=None)
def rank_pattern() -> regex.Pattern:
    return regex.compile(_RANK)
