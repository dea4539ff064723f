"""conversion: a quantity given in two units that do not agree ("10 miles (25 km)", "a mile is 1.2 km")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

import regex

from ..document import Document
from ..errors import RuleError
from ..model import Finding
from .base import Kind

_UNIT_KEYS = {"name": str, "aliases": list, "dimension": str, "factor": (int, float, list), "offset": (int, float),
              "source": str}
# A figure in digits, or a number word ("five miles (eight kilometres)").
_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                     "fifteen sixteen seventeen eighteen nineteen twenty".split(), 1)}
_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
               "hundred": 100})
_NUMBER = (r"(?P<{g}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:" + "|".join(_WORDS) + r")\b)"
           r"(?:\s*(?P<{g}s>million|billion|thousand))?")
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\s", re.I)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# Between the two quantities: a bracket, "or", "about", "the same as", "equals" ...
_NEAR = (r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|approximately\s+|close\s+to\s+|just\s+(?:over|"
         r"under)\s+|more\s+than\s+|over\s+|c\.\s*)?")
_JOIN = (rf"(?:\s*[(\[]\s*(?:or\s+|that\s+is,?\s+|i\.e\.,?\s+)?{_NEAR}"
         rf"|\s+[-–—]\s+{_NEAR}"
         rf"|,?\s+(?:or|equivalent\s+to|equal\s+to|(?:which|that)\s+is|which\s+equals|(?:which|that)\s+(?:is\s+)?(?:equals?|equivalent)\s+to)\s+{_NEAR}"
         r"|,?\s+(?:or|about|around|roughly|some|nearly|approximately)\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?"
         # "short tons, a unit of 907 kg": the unit's own definition, whatever figure came before it
         r"|,\s+(?P<unitof>(?:a|one)\s+unit\s+(?:of|equal\s+to|equivalent\s+to|that\s+equals|which\s+equals)\s+)"
         r"|\s+(?:is|equals|is\s+equal\s+to|(?:being|which\s+is|that\s+is)\s+equal\s+to|equal\s+to|is\s+the\s+same\s+as|=|"
         r"is\s+equivalent\s+to|holds|contains|measures)\s+"
         r"(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|nearly\s+|almost\s+|just\s+(?:over|under)\s+)?)")
# The extent a figure measures, between it and its conversion ("10 miles long, or 16 km").
_EXTENT = r"(?:long|wide|high|tall|deep|thick|across|in\s+(?:length|width|height|depth|diameter|area))"
# A definition's leading quantity: "a mile", "one hectare".
_ONE = r"(?P<one>\b(?:an?|one|each|per)\s+)"
_FEET_BEFORE = re.compile(r"(\d+)\s*(?:ft|feet|foot|['’])\s*$")
# A unit written against its number ("50km", "6ft"): one word the phrase automaton does not see as a unit.
_GLUED = re.compile(r"\d(?:°|[^\W\d_]{1,3}\b)")
# Every character str.isdigit() holds true, and the digits of later Unicode versions the regex module may know.
_DIGITISH = regex.compile(r"[\p{Numeric_Type=Decimal}\p{Numeric_Type=Digit}]")


def has_digit(text: str) -> bool:
    """Whether any character of text is a digit to str.isdigit() ('²' too): one scan in C, not a test per character."""
    found = _DIGITISH.search(text)
    while found is not None and not found.group().isdigit():
        found = _DIGITISH.search(text, found.end())
    return found is not None


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
    KEYS = {"unit": list, "tolerance": float, "currency": list}
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
        for i, entry in enumerate(rule.params.get("currency", [])):
            if set(entry) != {"name", "symbols", "usd", "source"} or not isinstance(entry["symbols"], list) or \
                    not isinstance(entry["usd"], list) or len(entry["usd"]) != 2:
                raise RuleError(rule.path, f"currency[{i}]", "needs name, symbols, usd = [low, high] and source")

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
        # currency symbol -> (name, value in US dollars: lowest, highest over the years, source)
        self.money = {sym: (c["name"], float(c["usd"][0]), float(c["usd"][1]), c["source"])
                      for c in rule.params.get("currency", []) for sym in c["symbols"]}
        self._money_rx: re.Pattern | None = None
        self._rx: re.Pattern | None = None
        self._matcher = None

    def _pattern(self) -> re.Pattern:
        if self._rx is None:
            unit = "|".join(re.escape(a) for a in self._aliases)
            first = rf"(?:{_ONE}|(?P<na>[-−–]|\bminus\s+)?\b{_NUMBER.format(g='a')}\s*(?:-\s*)?)(?P<ua>{unit})(?![\w])(?:\s+{_EXTENT})?"
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
        if not has_digit(prose) and not _NUMBER_WORD.search(prose):
            return
        rx = self._pattern()
        if self._matcher is None:
            from ..phrases import PhraseMatcher

            self._matcher = PhraseMatcher({a: True for a in self.units})
        for _, block in self.blocks(doc):
            text = block.text
            if not has_digit(text) and not _NUMBER_WORD.search(text):
                continue
            if self.money and "(" in text and any(sym in text for sym in self.money):
                yield from self._money(doc, block)
            folded = text.casefold()  # as the case-insensitive pattern reads it ('ſtone' is 'stone')
            found = self._matcher.finditer(folded) if len(folded) == len(text) else None
            if found is not None and (next(found, None) is None or next(found, None) is None) \
                    and not _GLUED.search(text):
                continue  # every match names two units (one automaton pass finds them; 30C is one word)
            for m in rx.finditer(text):
                found = self._judge(doc, block, m)
                if found is not None:
                    yield found

    def _money(self, doc, block) -> Iterable[Finding]:
        """'$100m (£500m)': a sum and its conversion beyond any exchange rate of the years the table covers
        (and 10% more): a slip of a digit or a scale, not a dated rate."""
        if self._money_rx is None:
            self._money_rx = _money_pattern(self.money)
        for m in self._money_rx.finditer(block.text):
            (na, la, ha, sa), (nb, lb, hb, sb) = self.money[m.group("sa")], self.money[m.group("sb")]
            if na == nb:
                continue
            a = float(m.group("a").replace(",", "")) * _MONEY_SCALE.get((m.group("as") or "").casefold(), 1.0)
            b = float(m.group("b").replace(",", "")) * _MONEY_SCALE.get((m.group("bs") or "").casefold(), 1.0)
            if not a or not b:
                continue
            low, high = la / hb / (1 + self.tolerance), ha / lb * (1 + self.tolerance)
            if low <= b / a <= high:
                continue
            said = m.string[m.start("sa"):m.end("as") if m.group("as") else m.end("a")]
            wordy = (m.group("bs") or m.group("as") or "m")[:2].casefold() in ("mi", "bi", "th", "tr")
            shown = [m.group("sb") + _money_text(v, wordy) for v in (a * la / hb, a * ha / lb)]
            yield self.finding(doc, block, m.start("sb"), m.end("bs") if m.group("bs") else m.end("b"), None,
                               fact=f"{said} has been worth between {shown[0]} and {shown[1]} at the exchange "
                                    f"rates of the years the data covers", source=sa if sa == sb else f"{sa}; {sb}")

    def _judge(self, doc, block, m: re.Match) -> Finding | None:
        ua, ub = self._unit(m.group("ua")), self._unit(m.group("ub"))
        if ua.dimension != ub.dimension or ua is ub:
            return None
        defined = bool(m.group("one") or m.group("unitof"))
        a = 1.0 if defined else _value(m.group("a"), m.group("as")) * (-1 if m.group("na") else 1)
        whole = _FEET_BEFORE.search(m.string, max(0, m.start() - 12), m.start())
        if whole is not None and ua.name == "inch":  # "6ft 2in (1.88m)": the feet count too
            a += float(whole.group(1)) * 12
        b = _value(m.group("b"), m.group("bs")) * (-1 if m.group("nb") else 1)
        if defined and ua.offset:
            return None  # "one degree" is a difference, not a temperature
        candidates = [((a * fa + ua.offset) - ub.offset) / fb for fa in ua.factors for fb in ub.factors]
        # a definition ("a tonne is 2,000 pounds") is held to half the tolerance of a rounded conversion
        share = self.tolerance / 2 if defined else self.tolerance
        for expected in candidates:
            tolerance = abs(expected) * share if defined else max(abs(expected) * share,
                                                                         _precision(m.group("b")))
            if ua.offset or ub.offset:
                tolerance = max(tolerance, 2.0)
            if abs(b - expected) <= tolerance or not (defined or ua.offset or ub.offset) \
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


_MONEY_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
                "tn": 1e12, "trillion": 1e12}


def _money_pattern(symbols) -> re.Pattern:
    sym = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
    amount = r"(?P<{g}>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<{g}s>bn|billion|mn|m|million|k|thousand|tn|trillion)?\b"
    return re.compile(rf"(?<![A-Za-z$])(?P<sa>{sym})\s?{amount.format(g='a')}\s*\(\s*(?:about\s+|around\s+|roughly\s+|"
                      rf"some\s+|nearly\s+|almost\s+|approximately\s+|more\s+than\s+|over\s+|c\.\s*)?"
                      rf"(?P<sb>{sym})\s?{amount.format(g='b')}\s*\)")


def _money_text(value: float, wordy: bool) -> str:
    """A sum as copy writes it: '679 million' (or '679m'), '1.75 billion', '2.38'."""
    for size, word, short in ((1e12, " trillion", "tn"), (1e9, " billion", "bn"), (1e6, " million", "m")):
        if value >= size:
            return f"{value / size:.3g}{word if wordy else short}"
    return f"{value:,.0f}" if value >= 100 else f"{value:.2f}"


def _value(number: str, scale: str | None) -> float:
    word = _WORDS.get(number.casefold())
    return (float(word) if word is not None else float(number.replace(",", ""))) * \
        _SCALE.get((scale or "").casefold(), 1.0)


def _precision(figure: str) -> float:
    """Half a unit in the last place a figure gives ('1' -> 0.5, '2.5' -> 0.05); none for trailing zeros,
    whose precision is unknown ('2,000')."""
    digits = figure.replace(",", "")
    if figure.casefold() in _WORDS:
        digits = str(_WORDS[figure.casefold()])
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
    if m.group("unitof"):  # "3 million short tons, a unit of ...": the unit itself
        unit = m.group("ua")
        return f"one {unit[:-1] if unit.endswith('s') and len(unit) > 3 else unit}"
    return m.string[m.start(): m.end("ua")].strip()
