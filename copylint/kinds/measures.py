"""One measure written two ways in an article: "the 450-megawatt plant" and "about 500 megawatts" for the same thing."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                     "fifteen sixteen seventeen eighteen nineteen twenty".split(), 1)}
_NUMBER = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{'|'.join(_WORDS)}))"
_SENTENCE_END = regex.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?\p{Lu})|\n")


@dataclass(frozen=True, slots=True)
class Measure:
    """A figure with its unit as written: 'c' a compound modifier ('450-megawatt plant', noun 'plant'), 'p' plain."""

    form: str
    unit: str
    value: float
    block: int
    start: int
    end: int
    words: str
    noun: str


@lru_cache(maxsize=None)
def _patterns(units: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[regex.Pattern, regex.Pattern, dict[str, str]]:
    alias = {a.casefold(): name for name, aliases in units for a in aliases}
    words = "|".join(sorted((regex.escape(a) for a in alias), key=len, reverse=True))
    compound = regex.compile(rf"\b{_NUMBER}-(?P<u>{words})(?:-(?:long|high|tall|wide|deep|strong))?\s+"
                             rf"(?P<noun>[a-z]+)", regex.I)
    plain = regex.compile(rf"\b{_NUMBER}\s+(?P<u>{words})(?:e?s)?\b", regex.I)
    return compound, plain, alias


def _sentence(text: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    m = _SENTENCE_END.search(text, pos)
    return start, m.start() + 1 if m else len(text)


def measures(blocks: list[tuple[int, str]], units: tuple[tuple[str, tuple[str, ...]], ...],
             skip: regex.Pattern) -> list[Measure]:
    """Every figure with one of the units, but those whose sentence tells of a change, a comparison, a part or
    another time (skip)."""
    compound, plain, alias = _patterns(units)
    found: list[Measure] = []
    for index, text in blocks:
        taken: set[int] = set()
        for form, rx in (("c", compound), ("p", plain)):
            for m in rx.finditer(text):
                if m.start() in taken:
                    continue
                taken.add(m.start())
                unit = alias.get(m.group("u").casefold())
                if unit is None:
                    continue
                s, e = _sentence(text, m.start())
                if skip.search(text, s, e):
                    unit = f"{unit}?"  # said, but not judged: it still counts as a second figure
                n = m.group("n").casefold()
                value = float(_WORDS[n]) if n in _WORDS else float(n.replace(",", ""))
                noun = m.group("noun") if form == "c" else ""
                end = m.end("u") if form == "c" else m.end()
                found.append(Measure(form, unit, value, index, m.start(), end, text[m.start():end], noun))
    return found


def conflicts(found: list[Measure], tolerance: float) -> Iterator[tuple[Measure, Measure]]:
    """(earlier, later) for each unit the article gives exactly two figures, one as a compound modifier and one
    plain, both in sentences that tell of no change or comparison, and more than `tolerance` apart."""
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
        ordered = sorted(items, key=lambda m: (m.block, m.start))
        first = ordered[0]
        later = next(m for m in ordered if m.value != first.value)
        yield first, later
