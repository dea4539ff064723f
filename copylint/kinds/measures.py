"""One measure written two ways in an article: "the 450-megawatt plant" and "about 500 megawatts" for the same thing."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..document import split_sentences

_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                     "fifteen sixteen seventeen eighteen nineteen twenty".split(), 1)}
_NUMBER = (rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{'|'.join(_WORDS)}))"
           r"(?:[\s-](?P<mult>(?i:thousand|million|billion)))?")
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# A clause ends at a semicolon, colon or dash, or at a comma before a conjunction that starts a new clause.
_CLAUSE_END = regex.compile(r"[;:—–]|\s-\s|,\s+(?:but|and|while|whereas|although|though)\s", regex.I)
_WORD = regex.compile(r"\p{L}+")
# A change word this near a figure (characters) tells of the figure's change; farther off, of another clause's.
_NEAR = 60
_DEFINITE = regex.compile(r"\b(?:the|this|that|its|their|our)\s+$", regex.I)
_INDEFINITE = regex.compile(r"\b(?:an?|another|one)\s+$", regex.I)
_PERIOD = r"hour|day|week|month|year|annum|minute|second"
# A figure given per period ("60 km an hour", "2,000 tonnes a year") is a rate: of another kind than the plain figure,
# but for a stock (units in `stock`: tonnes, barrels), whose compound names the rate ("a 50,000-tonne plant").
_RATE = regex.compile(rf"\s+(?:an?|per|each)\s+(?P<rate>{_PERIOD})\b|/(?P<rate>{_PERIOD}|yr|h|d)\b", regex.I)


@dataclass(frozen=True, slots=True)
class Measure:
    """A figure with its unit as written: 'c' a compound modifier ('450-megawatt plant', noun 'plant'), 'p' plain
    (clause: the lower-case words of the clause that holds it, to tell what the figure measures)."""

    form: str
    unit: str
    value: float
    block: int
    start: int
    end: int
    words: str
    noun: str
    clause: frozenset[str] = frozenset()
    definite: bool = False  # a compound after "the", "this", "its": the thing said before
    indefinite: bool = False  # a compound after "a", "another": a thing named for the first time
    lead: frozenset[str] = frozenset()  # a plain figure's sentence words before it (where its subject is)


@lru_cache(maxsize=None)
def _patterns(units: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    alias = {a.casefold(): name for name, aliases in units for a in aliases}
    words = "|".join(sorted((regex.escape(a) for a in alias), key=len, reverse=True))
    compound = regex.compile(rf"\b{_NUMBER}-(?P<u>{words})(?:-(?:long|high|tall|wide|deep|strong))?"
                             rf"(?:-(?:an?|per)-(?P<rate>{_PERIOD}))?\s+(?P<noun>[a-z]+)", regex.I)
    plain = regex.compile(rf"\b{_NUMBER}\s+(?P<u>{words})(?P<pl>e?s)?\b(?:\s+of\s+(?P<of>[a-z]+))?", regex.I)
    return compound, plain, alias


def _clause(text: str, start: int, end: int, pos: int, ends: dict[int, tuple[list[int], list[int]]] | None = None,
            words: dict[tuple[int, int], frozenset[str]] | None = None) -> frozenset[str]:
    """The folded words of the clause of [start, end) that holds pos (ends, words: per-block memos, so a long
    sentence with many figures is read once)."""
    ends = {} if ends is None else ends
    words = {} if words is None else words
    if start not in ends:
        found = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text, start, end)]
        ends[start] = ([a for a, _ in found], [b for _, b in found])
    starts_, ends_ = ends[start]
    k = bisect_right(ends_, pos)  # clause marks ending at or before pos: the last one opens the clause
    left = ends_[k - 1] if k else start
    j = bisect_left(starts_, pos, k)  # the first later mark starting at or after pos closes it
    right = starts_[j] if j < len(starts_) else end
    if (left, right) not in words:
        words[left, right] = frozenset(w.casefold() for w in _WORD.findall(text, left, right))
    return words[left, right]


def measures(blocks: list[tuple[int, str]], units: tuple[tuple[str, tuple[str, ...]], ...],
             skip: regex.Pattern, stock: frozenset[str] = frozenset(), land: frozenset[str] = frozenset()) -> list[Measure]:
    """Every figure with one of the units, but those whose sentence tells of a change, a comparison, a part or
    another time (skip); a figure per period is a unit of its own (a rate), but for the units in stock. For a
    unit of land, "of W" names the ground's kind ("400 hectares of hillside"), not another thing measured."""
    compound, plain, alias = _patterns(units)
    found: list[Measure] = []
    for index, text in blocks:
        taken: set[int] = set()
        skipped: dict[int, list[tuple[int, int]]] = {}
        clause_ends: dict[int, tuple[list[int], list[int]]] = {}
        clause_words: dict[tuple[int, int], frozenset[str]] = {}
        spans = split_sentences(text)
        starts = [s for s, _ in spans]
        for form, rx in (("c", compound), ("p", plain)):
            for m in rx.finditer(text):
                if m.start() in taken:
                    continue
                taken.add(m.start())
                unit = alias.get(m.group("u").casefold())
                if unit is None:
                    continue
                k = bisect_right(starts, m.start()) - 1
                s, e = spans[k] if k >= 0 else (0, len(text))
                if k not in skipped:  # the sentence's change words, found once ("up from", "fell", "planned")
                    skipped[k] = [] if skip.search(text, s, e) is None else \
                        [(w.start(), w.end()) for w in skip.finditer(text, s, e)]
                end = m.end("u") if form == "c" else max(m.end("u"), m.end("pl"))
                rate = m.group("rate") if form == "c" else None
                if form == "p":
                    after = _RATE.match(text, end) or (_RATE.match(text, m.end()) if m.group("of") else None)
                    rate = after.group("rate") if after else None
                if rate and unit not in stock:
                    unit = f"{unit}/{rate.casefold()}"
                if any(a < end + _NEAR and b > m.start() - _NEAR for a, b in skipped[k]):
                    unit = f"{unit}?"  # said, but not judged: it still counts as a second figure
                n = m.group("n").casefold()
                value = float(_WORDS[n]) if n in _WORDS else float(n.replace(",", ""))
                if m.group("mult"):
                    value *= _MULTIPLIERS[m.group("mult").casefold()]
                noun = m.group("noun") if form == "c" else ""
                before = (text, max(0, m.start() - 12), m.start())
                definite = form == "c" and _DEFINITE.search(*before) is not None
                indefinite = _INDEFINITE.search(*before) is not None
                lead = frozenset(w.casefold() for w in _WORD.findall(text, s, m.start())) if form == "p" else frozenset()
                clause = _clause(text, s, e, m.start(), clause_ends, clause_words) if form == "p" else frozenset()
                if form == "p" and m.group("of") and unit.rstrip("?") not in land:
                    of = frozenset({f"of {m.group('of').casefold()}"})  # '2,000 tonnes of grain' measures grain,
                    clause = clause | of if rate and "/" not in unit else of  # but 'of steel a year' a plant's output
                found.append(Measure(form, unit, value, index, m.start(), end, text[m.start():end], noun, clause, definite,
                                     indefinite, lead))
    return found


def _names(noun: str, same: tuple[tuple[str, ...], ...], of: tuple[str, ...]) -> set[str]:
    """The noun, its plural and the words that may stand for it ('plant': 'station', 'facility'), and 'of W' for the
    words W of a figure that still measures the noun ('500 megawatts of power')."""
    noun = noun.casefold()
    names = {f"of {w}" for w in of} | {noun, f"{noun}s", f"{noun}es", f"{noun[:-1]}ies" if noun.endswith("y") else noun}
    for group in same:
        if noun in group:
            names.update(group)
    return names


def conflicts(found: list[Measure], tolerance: float,
              same: tuple[tuple[str, ...], ...] = (), of: tuple[str, ...] = ()) -> Iterator[tuple[Measure, Measure]]:
    """(earlier, later) for each thing the article gives exactly two figures of one unit, one as a compound modifier
    and one plain, both in sentences that tell of no change or comparison, more than `tolerance` apart. A thing is a
    compound's noun with the words that may stand for it (same): the compounds with one of those nouns, and the plain
    figures whose clause names one ('the 12-room hotel' and 'two rooms upstairs' measure different things)."""
    by_unit: dict[str, list[Measure]] = {}
    for m in found:
        by_unit.setdefault(m.unit.rstrip("?"), []).append(m)
    for items in by_unit.values():
        if not any(m.form == "c" for m in items):
            yield from _plain_pair(items, tolerance, same)
            continue
        done: set[frozenset[str]] = set()
        for c in (m for m in items if m.form == "c"):
            names = frozenset(_names(c.noun, same, of))
            if names in done:
                continue
            done.add(names)
            linked = [m for m in items if (m.noun.casefold() in names if m.form == "c" else m.clause & names)]
            values = {m.value for m in linked}
            forms = {m.form for m in linked}
            # two compounds: the later one, definite, names the thing said before ("a 40-room hotel" ... "the 60-room hotel")
            told = forms == {"c", "p"} or len(linked) == 2 and sorted(linked, key=lambda m: (m.block, m.start))[1].definite
            if len(values) != 2 or not told or any(m.unit.endswith("?") for m in linked):
                continue
            a, b = sorted(values)
            if b - a <= tolerance * b:
                continue
            ordered = sorted(linked, key=lambda m: (m.block, m.start))
            first = ordered[0]
            later = next(m for m in ordered if m.value != first.value)
            if later.indefinite:
                continue  # "The hospital has 250 beds. A 300-bed hospital nearby ...": another one
            yield first, later


def _plain_pair(items: list[Measure], tolerance: float, same: tuple[tuple[str, ...], ...]) -> Iterator[tuple[Measure, Measure]]:
    """A unit the article gives exactly twice, both plain, both judged, neither after "a", each in a clause that
    names one thing of a group of `same` before the figure ("the plant will generate 2 gigawatts" ... "the station
    would deliver 3 gigawatts"), more than `tolerance` apart."""
    if len(items) != 2 or any(m.unit.endswith("?") or m.indefinite for m in items):
        return
    a, b = sorted(items, key=lambda m: (m.block, m.start))
    if abs(a.value - b.value) <= tolerance * max(a.value, b.value):
        return
    if any(a.clause & a.lead & set(group) and b.clause & b.lead & set(group) for group in same):
        yield a, b  # the thing named before each figure, as its subject: "a 3.5 km road leads to the bridge" is no bridge's
