"""Mentions: the ways news copy places a town in a country ("X in northern Y", "X, Y", "the Y city of X" ...)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

# A capitalised word: "Guinea-Bissau", "N'Djamena", "Stoke-on-Trent"; never swallows a possessive 's.
_WORD = r"(?:\p{Lu}(?:[\p{L}\p{M}]|-(?=\p{L})|['’](?!s\b)(?=\p{L}))*|(?:\p{Lu}\.){2,}(?!\p{L}))"
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

_PATTERNS = {
    # X in Y's (far) east
    "in-poss": (rf"\b(?P<pre>{LOC_PREP})\s+(?P<x>{NAME}),?\s+in\s+(?P<the>the\s+)?(?P<y>{NAME})['’]s\s+"
                             rf"(?P<comp>{COMPASS_NOUN})\b", 0),
    # X, in the north of Y
    "in-the": (rf"\b(?P<pre>{LOC_PREP})\s+(?P<x>{NAME}),?\s+in\s+the\s+(?P<comp>{COMPASS_NOUN})"
                            rf"\s+of\s+(?P<the>the\s+)?(?P<y>{NAME})", 0),
    # X in (the) (northern) Y
    "in": (rf"\b(?P<pre>{LOC_PREP})\s+(?P<x>{NAME}),?\s+in\s+(?P<the>the\s+)?"
                        rf"(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})(?P<poss>['’]s)?", 0),
    # X, Y   (a dateline or "in Lyon, France")
    "comma": (rf"(?:\b(?P<pre>{LOC_PREP})\s+|^)(?P<x>{NAME}),\s+(?P<the>the\s+)?(?P<y>{NAME})", regex.M),
    # X (Y)
    "paren": (rf"\b(?P<pre>{LOC_PREP})\s+(?P<x>{NAME})\s+\((?P<the>the\s+)?(?P<y>{NAME})\)", 0),
    # the (southern) Y city of X
    "noun": (rf"\b(?i:the)\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?(?P<y>{NAME})\s+(?P<noun>{PLACE_NOUN})"
                          rf"(?:\s+city)?(?:\s+of\s+|,\s+|\s+)(?P<x>{NAME})", 0),
    # in Y's (northern) X
    "poss": (rf"\b(?P<pre>{_STRONG_PREP})\s+(?P<y>{NAME})['’]s\s+(?:(?P<comp>{COMPASS_ADJ})\s+)?"
                          rf"(?:(?:city|town|port)\s+of\s+)?(?P<x>{NAME})", 0),
}
# After "X, Y": a list ("Kabul, Pakistan and India") or a longer name means Y is not X's country.
_LIST_AFTER = regex.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?\p{Lu}|(?:and|or|&)\s+\p{Lu}|\s*/)")
# "X, Y" must end there: punctuation, the line's end, or a word that starts a phrase ("in Lyon, France, on Monday"),
# not a verb ("in Paris, Ireland face ...").
_END_AFTER = regex.compile(r"\s*(?:[,.;:!?)\]—–\"”’'-]|$|(?:on|in|at|last|this|earlier|since|for|where|when|and|or|but|"
                           r"before|after|during|until|with|near|from|to)\b)", regex.M)
_LIST_BEFORE = regex.compile(rf"(?:{NAME}),\s*$")


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


@lru_cache(maxsize=None)
def _compiled() -> dict[str, regex.Pattern]:
    """The mention patterns, compiled on first use (a run without geography rules never pays for them)."""
    return {name: regex.compile(pattern, flags) for name, (pattern, flags) in _PATTERNS.items()}


def _span(m: regex.Match, group: str) -> Span | None:
    if group not in m.re.groupindex or m.group(group) is None:
        return None
    return Span(m.group(group), m.start(group), m.end(group))


def find_mentions(text: str) -> tuple[Mention, ...]:
    """Every candidate mention; the caller decides which names are places and countries. Cached, since the
    place and compass rules read the same blocks."""
    return _find_mentions(text)


@lru_cache(maxsize=256)
def _find_mentions(text: str) -> tuple[Mention, ...]:
    return tuple(_mentions(text))


def _mentions(text: str) -> Iterator[Mention]:
    seen: set[tuple[int, int]] = set()
    for pattern, rx in _compiled().items():
        for m in rx.finditer(text, overlapped=True):
            x, y = _span(m, "x"), _span(m, "y")
            if (x.start, y.start) in seen:
                continue
            if pattern == "comma" and (_LIST_AFTER.match(text, m.end()) or not _END_AFTER.match(text, m.end())
                                       or text.startswith(("'s", "’s"), m.end())
                                       or _LIST_BEFORE.search(text, 0, x.start)):
                continue
            seen.add((x.start, y.start))
            yield Mention(pattern, x, y, _span(m, "comp"), _span(m, "the"),
                          m.group("noun") if "noun" in m.re.groupindex else "")


def capitalised_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of maximal runs of capitalised words (with particles), for telling a place from part of a longer name."""
    for m in _RUN.finditer(text):
        yield m.start(), m.end()


_RUN = regex.compile(NAME)


# --- capitals, borders and ranks ------------------------------------------------------------------
CAPITAL_RE = [
    # X, the capital of Y / X is the capital of Y
    regex.compile(rf"(?P<x>{NAME})(?:,\s+(?:(?:which|that)\s+is\s+)?|\s+is\s+)the\s+capital(?:\s+city)?\s+of\s+"
                  rf"(?:the\s+)?(?P<y>{NAME})(?!['’]s)"),
    # Y's capital, X / Y's capital city of X
    regex.compile(rf"(?P<y>{NAME})['’]s\s+capital(?:\s+city)?(?:,\s+|\s+(?:is\s+|of\s+)?)(?P<x>{NAME})"),
    # the Australian capital, X
    regex.compile(rf"\b(?i:the)\s+(?P<y>{NAME})\s+capital(?:\s+city)?(?:,\s+|\s+(?:of\s+)?)(?P<x>{NAME})"),
    # X, the Australian capital
    regex.compile(rf"(?P<x>{NAME}),\s+the\s+(?P<y>{NAME})\s+capital\b(?!['’]s)"),
]
# What after a capital claim makes it about a subdivision or about the past.
CAPITAL_AFTER_SKIP = regex.compile(
    r"\s*(?:province|state|region|district|territory|county|oblast|governorate|prefecture|department|"
    r"until|before|since|from|between|at\s+the\s+time|in\s+\d{4}|during|under|then)\b", regex.I)

DIRECTION = (r"(?:north|south)(?:[- ]?(?:east|west))?|east|west")
BORDER_RE = regex.compile(
    rf"(?P<y>{NAME})(?:,\s+which)?\s+(?:borders|shares\s+(?:a\s+)?(?:[\w-]+\s+){{0,2}}borders?\s+with|"
    rf"has\s+(?:a\s+)?(?:[\w-]+\s+){{0,2}}borders?\s+with)\s+")
BORDER_ITEM = regex.compile(
    rf"(?:the\s+)?(?P<z>{NAME})(?:\s+(?P<dir>(?:to|on|in)\s+(?:the|its)\s+(?P<d>{DIRECTION})))?")
BORDER_SEP = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")

ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split(), 1)}
_ORD = r"(?:" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
SCOPES = {"world": None, "globe": None, "planet": None, "earth": None, "africa": "AF", "europe": "EU",
          "asia": "AS", "south america": "SA", "north america": "NA", "oceania": "OC"}
RANK_RE = regex.compile(
    rf"(?P<y>{NAME})(?:\s+is|,)\s+(?:now\s+|still\s+)?the\s+(?P<world>world['’]s\s+)?"
    rf"(?P<ord>{_ORD})?(?P<sep>[\s-])?(?P<what>largest|biggest|most[\s-]populous|most[\s-]populated)\s+"
    rf"(?P<noun>country|nation)\b(?P<scope>\s+(?:in|on|of)\s+(?:the\s+)?(?P<where>(?:South\s+|North\s+)?\p{{L}}+)"
    rf"|\s+by\s+(?P<by>area|land\s+area|landmass|size|territory|population))?")
