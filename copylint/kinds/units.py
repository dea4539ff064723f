"""conversion: a quantity given in two units that do not agree ("10 miles (25 km)", "a mile is 1.2 km")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from .base import Kind

_UNIT_KEYS = {"name": str, "aliases": list, "dimension": str, "factor": (int, float, list), "offset": (int, float),
              "source": str}
_NUMBER = r"(?P<{g}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<{g}s>million|billion|thousand))?"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Between the two quantities: a bracket, "or", "about", "the same as", "equals" ...
_JOIN = (r"(?:\s*\(\s*(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|approximately\s+|or\s+|c\.\s*)?"
         r"|,?\s+(?:or|about|around|roughly|some|nearly|approximately)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?"
         r"|\s+(?:is|equals|is\s+equal\s+to|is\s+the\s+same\s+as|=|is\s+equivalent\s+to|holds|contains|measures)\s+"
         r"(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?)")
# A definition's leading quantity: "a mile", "one hectare".
_ONE = r"(?P<one>\b(?:an?|one|each|per)\s+)"
# A unit written against its number ("50km", "6ft"): one word the phrase automaton does not see as a unit.
_GLUED = re.compile(r"\d(?:°|[^\W\d_]{1,3}\b)")


@dataclass(frozen=True, slots=True)
class _Unit:
    name: str
    dimension: str
    factors: tuple[float, ...]  # the unit in the dimension's base unit (several: US and imperial gallons)
    offset: float  # added after the factor (temperatures)
    source: str


class Conversion(Kind):
    """Keys: [[unit]] tables — name, aliases (as copy writes them: 'km', 'kilometres'), dimension (units of one
    dimension convert), factor (the unit in the dimension's base unit), offset (temperatures), source.

    Reads a quantity and its conversion ("10 miles (16 km)", "10 miles, or 16 km", "30C (86F)") and a unit's
    definition ("a mile is 1.6 km", "a barrel holds 42 gallons"); flags the second figure when it is off by more
    than the tolerance: 10% (rounded conversions pass), and for temperatures 2 degrees as well."""

    NAME = "conversion"
    KEYS = {"unit": list, "tolerance": float}
    REQUIRED = ("unit",)

    @classmethod
    def validate(cls, rule) -> None:
        units = rule.params.get("unit")
        if not isinstance(units, list) or not units:
            raise RuleError(rule.path, "unit", "expected a non-empty array of tables")
        for i, entry in enumerate(units):
            for key, value in entry.items():
                if key not in _UNIT_KEYS:
                    raise RuleError(rule.path, f"unit[{i}].{key}", "unknown key")
                if not isinstance(value, _UNIT_KEYS[key]):
                    raise RuleError(rule.path, f"unit[{i}].{key}", "wrong type")
            for key in ("name", "aliases", "dimension", "factor", "source"):
                if key not in entry:
                    raise RuleError(rule.path, f"unit[{i}].{key}", "missing")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.tolerance = float(rule.params.get("tolerance", 0.1))
        self.units: dict[str, _Unit] = {}
        for entry in rule.params["unit"]:
            factor = entry["factor"]
            factors = tuple(float(f) for f in (factor if isinstance(factor, list) else [factor]))
            unit = _Unit(entry["name"], entry["dimension"], factors, float(entry.get("offset", 0.0)), entry["source"])
            for alias in entry["aliases"]:
                self.units[alias.casefold()] = unit
        self._aliases = tuple(sorted(self.units, key=len, reverse=True))
        self._rx: re.Pattern | None = None
        self._matcher = None

    def _pattern(self) -> re.Pattern:
        if self._rx is None:
            unit = "|".join(re.escape(a) for a in self._aliases)
            first = rf"(?:{_ONE}|(?P<na>[-−–]|\bminus\s+)?\b{_NUMBER.format(g='a')}\s*(?:-\s*)?)(?P<ua>{unit})(?![\w])"
            second = rf"(?P<nb>[-−–]|minus\s+)?{_NUMBER.format(g='b')}\s*(?:-\s*)?(?P<ub>{unit})(?![\w])"
            self._rx = re.compile(rf"{first}{_JOIN}{second}", re.I)
        return self._rx

    def _unit(self, text: str) -> _Unit:
        """The unit an alias matched by the case-insensitive pattern names ('MİLE' too)."""
        found = self.units.get(text.casefold())
        if found is None:
            found = next(u for a, u in self.units.items() if re.fullmatch(re.escape(a), text, re.I))
        return found

    def check(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        if not any(c.isdigit() for c in prose):
            return
        rx = self._pattern()
        if self._matcher is None:
            from ..phrases import PhraseMatcher

            self._matcher = PhraseMatcher({a: True for a in self.units})
        for _, block in self.blocks(doc):
            text = block.text
            if not any(c.isdigit() for c in text):
                continue
            folded = text.casefold()  # as the case-insensitive pattern reads it ('ſtone' is 'stone')
            found = self._matcher.finditer(folded) if len(folded) == len(text) else None
            if found is not None and (next(found, None) is None or next(found, None) is None) \
                    and not _GLUED.search(text):
                continue  # every match names two units (one automaton pass finds them; 30C is one word)
            for m in rx.finditer(text):
                found = self._judge(doc, block, m)
                if found is not None:
                    yield found

    def _judge(self, doc, block, m: re.Match) -> Finding | None:
        ua, ub = self._unit(m.group("ua")), self._unit(m.group("ub"))
        if ua.dimension != ub.dimension or ua is ub:
            return None
        a = 1.0 if m.group("one") else _value(m.group("a"), m.group("as")) * (-1 if m.group("na") else 1)
        b = _value(m.group("b"), m.group("bs")) * (-1 if m.group("nb") else 1)
        if m.group("one") and ua.offset:
            return None  # "one degree" is a difference, not a temperature
        candidates = [((a * fa + ua.offset) - ub.offset) / fb for fa in ua.factors for fb in ub.factors]
        # a definition ("a tonne is 2,000 pounds") is held to half the tolerance of a rounded conversion
        share = self.tolerance / 2 if m.group("one") else self.tolerance
        for expected in candidates:
            tolerance = abs(expected) * share if m.group("one") else max(abs(expected) * share,
                                                                         _precision(m.group("b")))
            if ua.offset or ub.offset:
                tolerance = max(tolerance, 2.0)
            if abs(b - expected) <= tolerance or not (m.group("one") or ua.offset or ub.offset) \
                    and _rounded_alike(b, expected):
                return None  # (a temperature is never rounded to tens: 40C is not 'about 90F')
        expected = candidates[0]
        shown = _shown(expected, m.group("b"))
        gap = m.string[m.end("b"):m.start("ub")]
        fix = f"{shown}{gap}{m.group('ub')}" if not m.group("bs") else None
        start = m.start("nb") if m.group("nb") else m.start("b")
        return self.finding(doc, block, start, m.end("ub"), fix, fact=f"{_quantity(m)} is about "
                            f"{shown} {m.group('ub')}", source=ua.source if ua.source == ub.source else
                            f"{ua.source}; {ub.source}")


def _value(number: str, scale: str | None) -> float:
    return float(number.replace(",", "")) * _SCALE.get((scale or "").casefold(), 1.0)


def _precision(figure: str) -> float:
    """Half a unit in the last place a figure gives ('1' -> 0.5, '2.5' -> 0.05); none for trailing zeros,
    whose precision is unknown ('2,000')."""
    digits = figure.replace(",", "")
    if "." in digits:
        return 0.5 * 10 ** -len(digits.partition(".")[2])
    return 0.0 if digits.endswith("0") else 0.5


def _rounded_alike(claimed: float, expected: float) -> bool:
    """'about 100 miles' for 93: a round figure within 15% of the value."""
    return claimed != 0 and claimed % 10 == 0 and abs(claimed - expected) <= abs(expected) * 0.15


def _shown(value: float, like: str) -> str:
    """The value with the precision of the figure it replaces (at least two significant digits)."""
    decimals = len(like.partition(".")[2])
    if decimals == 0 and abs(value) < 10:
        decimals = 1
    text = f"{value:,.{decimals}f}" if "," in like or abs(value) >= 10_000 else f"{value:.{decimals}f}"
    return text


def _quantity(m: re.Match) -> str:
    return m.string[m.start(): m.end("ua")].strip()
