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
_NUMBER = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{'|'.join(_WORDS)}))"
# A clause ends at a semicolon, colon or dash, or at a comma before a conjunction that starts a new clause.
_CLAUSE_END = regex.compile(r"[;:—–]|\s-\s|,\s+(?:but|and|while|whereas|although|though)\s", regex.I)
_WORD = regex.compile(r"\p{L}+")


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


@lru_cache(maxsize=None)
def _patterns(units: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    alias = {a.casefold(): name for name, aliases in units for a in aliases}
    words = "|".join(sorted((regex.escape(a) for a in alias), key=len, reverse=True))
    compound = regex.compile(rf"\b{_NUMBER}-(?P<u>{words})(?:-(?:long|high|tall|wide|deep|strong))?\s+"
                             rf"(?P<noun>[a-z]+)", regex.I)
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
             skip: regex.Pattern) -> list[Measure]:
    """Every figure with one of the units, but those whose sentence tells of a change, a comparison, a part or
    another time (skip)."""
    compound, plain, alias = _patterns(units)
    found: list[Measure] = []
    for index, text in blocks:
        taken: set[int] = set()
        skipped: dict[int, bool] = {}
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
                if k not in skipped:
                    skipped[k] = skip.search(text, s, e) is not None
                if skipped[k]:
                    unit = f"{unit}?"  # said, but not judged: it still counts as a second figure
                n = m.group("n").casefold()
                value = float(_WORDS[n]) if n in _WORDS else float(n.replace(",", ""))
                noun = m.group("noun") if form == "c" else ""
                end = m.end("u") if form == "c" else max(m.end("u"), m.end("pl"))
                clause = _clause(text, s, e, m.start(), clause_ends, clause_words) if form == "p" else frozenset()
                if form == "p" and m.group("of"):
                    clause = frozenset({f"of {m.group('of').casefold()}"})  # '2,000 tonnes of grain' measures grain
                found.append(Measure(form, unit, value, index, m.start(), end, text[m.start():end], noun, clause))
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
    """(earlier, later) for each unit the article gives exactly two figures, one as a compound modifier and one
    plain, both in sentences that tell of no change or comparison, more than `tolerance` apart, and the plain
    figure's clause names the compound's noun or a word for it (same): 'the 12-room hotel' and 'two rooms
    upstairs' measure different things."""
    by_unit: dict[str, list[Measure]] = {}
    for m in found:
        by_unit.setdefault(m.unit.rstrip("?"), []).append(m)
    for items in by_unit.values():
        values = {m.value for m in items}
        if len(values) != 2 or {m.form for m in items} != {"c", "p"}:
            continue
        if any(m.unit.endswith("?") for m in items):
            continue
        a, b = sorted(values)
        if b - a <= tolerance * b:
            continue
        if not any(p.form == "p" and c.form == "c" and p.value != c.value and p.clause & _names(c.noun, same, of)
                   for c in items for p in items):
            continue
        ordered = sorted(items, key=lambda m: (m.block, m.start))
        first = ordered[0]
        later = next(m for m in ordered if m.value != first.value)
        yield first, later
