"""A thing's size restated otherwise in a later definite noun phrase: "a 12-year concession" ... "the 20-year concession"."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..data.mentions import _CALENDAR as _TIMES
from ..document import split_sentences
from .measures import _MULTIPLIERS, _WORDS

_SCALE = {**_MULTIPLIERS, "m": 1e6, "mn": 1e6, "bn": 1e9, "trillion": 1e12, "tn": 1e12, "crore": 1e7, "lakh": 1e5}
_N = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?i:{'|'.join(_WORDS)}))"
_MULT = r"(?P<mult>(?i:thousand|million|billion|trillion))"
_PERIOD = r"(?P<rate>day|week|month|year|annum|hour)"
_CURRENCY_WORDS = r"euro|dollar|pound|rand|naira|shilling|rupee|yuan|yen|peso|real|franc|ringgit|dirham|riyal|dinar|lira|won|baht|rupiah|cedi|kwacha|birr|dong|taka|zloty|krona|krone|rouble|ruble|sol|leu|lev|hryvnia|tenge|som|manat|lari|dram|kip|riel|kyat|afghani|rial|real"
# What a figure modifies (the words between it and its head): an amount of money ("$240 million", "R2 billion", "2
# billion-euro"), a figure with a unit's symbol ("400 MW"), a figure and a known unit unhyphenated ("400 megawatt"), a
# figure hyphenated to its unit ("12-year", "90,000-barrel-a-day"), or a figure, its unit and a period, unhyphenated
# ("140,000 barrels a day").
_MONEY = (rf"(?P<cur>(?:US|A|C|NZ|HK|S|R)\$|[$€£¥₹₦₱])\s?{_N}(?:\s?(?P<mult>(?i:thousand|million|billion|trillion|crore|lakh)|m|mn|bn|tn)\b)?"
          rf"|(?<![\p{{L}}\d])(?P<cur>KSh|Sh|Rs\.?|Rp|RM|R|N|P|K)\s?{_N}\s?(?P<mult>(?i:million|billion|trillion|crore|lakh)|m|mn|bn|tn)\b")
_MODIFIER = (
    rf"(?:{_MONEY}"
    rf"|{_N}\s?(?P<u>MW|GW|kW|MWh|GWh|km|bpd|mtpa|tpd|TEU|dwt|ha|kV)(?![\p{{L}}\d])"
    rf"|{_N}(?:[\s-]{_MULT})?[\s-](?P<cur>{_CURRENCY_WORDS})s?"
    rf"|{_N}(?:[\s-]{_MULT})?-(?P<u>[a-z]+)(?:-(?:an?|per)-{_PERIOD})?(?!-?(?:old|odd|plus)\b)"
    rf"|{_N}(?:\s{_MULT})?\s(?P<u>[a-z]+?)s?[\s-](?:an?|per)[\s-]{_PERIOD}"
    rf"|{_N}(?:\s{_MULT})?\s(?P<known>[a-z]+))")
_PHRASE_RX = (rf"(?<![\p{{L}}\d.,$€£-])(?:{_MODIFIER})(?:[\s-](?:an?|per)[\s-](?P<rate>year|annum|day|month))?"
              rf"[\s-](?P<head>[a-z]{{3,}})\b(?!-)(?:\s(?P<head2>[a-z]{{3,}})\b(?!-))?")
# A figure said plainly of a noun before it, an earlier mention of the thing: "a deal worth $240 million", "agreed to buy
# Beta for $240 million" (an acquisition), "a concession to run the port for 12 years".
_HEDGE = r"(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|almost\s+|approximately\s+)?"
_PLAIN_RX = (rf"\b(?P<head>[a-z]{{3,}})(?:,\s+(?:which\s+(?:is|was)\s+)?|\s+(?:is\s+|was\s+)?)(?:worth|valued\s+at|costing|"
             rf"totall?ing)\s+{_HEDGE}(?P<fig>{_MONEY})"
             rf"|\b(?P<verb>buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?|purchasing|sell|sells|sold|selling)\s+"
             rf"(?:[\p{{L}}\d'’&.-]+\s+){{1,6}}?for\s+{_HEDGE}(?P<fig>{_MONEY})"
             rf"|\b(?P<head>[a-z]{{3,}})(?:\s+(?:to\s+[a-z]+\s+(?:[\p{{L}}'’-]+\s+){{0,4}}?)?(?:for|of|lasting|running\s+for)|"
             rf",\s+which\s+(?:runs|lasts|will\s+run|will\s+last)\s+for)\s+"
             rf"(?:a\s+(?:period|term)\s+of\s+)?(?P<fig>{_N}\s+(?P<u>year|month|week|day|decade)s?)\b")
_PLAIN_BEFORE = re.compile(r"(?:worth|at|costing|totall?ing|for|of|about|around|some|nearly|roughly|almost|approximately)\s+$")

# A count of things an owner holds: "a fleet of 14 vessels", "its fleet of 14 ships", and "operates 14 vessels", "its nine
# vessels", "Acme's 14 ships", those not followed by words that make them a part ("its two ships in the Gulf", "its two
# ships seized").
_COUNT_N = rf"(?P<n>\d{{1,3}}(?:,\d{{3}})*|(?i:{'|'.join(w for w in _WORDS if w != 'one')}))"
_COUNT_RX = (r"(?:\b(?P<det>(?i:its|their|whose)|\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,3}['’]s)\s+(?:(?:entire|whole)\s+)?)?"
             rf"\bfleet\s+of\s+{_COUNT_N}\s+(?P<head>[a-z]{{3,}}s)\b(?![-\w'’])"
             rf"|\b(?i:all)\s+{_COUNT_N}\s+of\s+(?P<det>(?i:its|their|the\s+[a-z]+['’]s)|\p{{Lu}}[\p{{L}}&.-]*['’]s)\s+"
             r"(?P<head>[a-z]{3,}s)\b(?![-\w'’])"
             r"|(?:\b(?P<det>(?i:its|their|whose)|(?i:the)\s+[a-z]+['’]s|\p{Lu}[\p{L}&.-]*"
             r"(?:\s+\p{Lu}[\p{L}&.-]*){0,3}['’]s)\s+|\b(?:operates|owns|"
             rf"runs|has|operated|owned|controls|manages)\s+){_COUNT_N}\s+(?P<head>[a-z]{{3,}}s)\b"
             r"(?![-\w'’])(?!\s+(?:\w+ed|\w+ing|of|in|at|on|off|near|that|which|who|from|for|to|with|under|currently|"
             r"still|now|already|left|remaining)\b)")
_YEAR = regex.compile(r"\b(?:1[89]|20)\d\d\b")
_FIGURE = regex.compile(rf"\d|\b(?i:{'|'.join(_WORDS)})\b")  # a block without one holds no phrase
_DETERMINER = regex.compile(r"(?<![\p{L}\d'’-])(?P<det>(?i:the|this|that|its|their|whose|an?|another|one)|\p{Lu}[\p{L}&.-]*(?:\s+\p{Lu}[\p{L}&.-]*){0,3}['’]s)\s+$")
_DEFINITE = frozenset("the this that its their whose".split())
_NAME = regex.compile(r"\p{Lu}[\p{L}&-]+(?:\s+(?:of\s+|de\s+)?\p{Lu}[\p{L}&-]+)*")
_SUBJECT = 25  # how near a name before a phrase must be to be its owner ("Acme signed a $2 million deal")
_BEFORE, _AFTER = 40, 30  # how near a word of another figure (near) must be: characters before the figure, after its noun
_PER_PERIOD = {"bpd": ("barrel", "day"), "tpd": ("tonne", "day"), "mtpa": ("tonne", "year")}  # units that hold a period
_SYMBOLS = {"$": "dollar", "us$": "dollar", "€": "euro", "£": "pound", "¥": "yen", "₹": "rupee"}


@dataclass(frozen=True, slots=True)
class Said:
    """One figure modifying a head noun: its unit (a currency, or a unit word and a period), value, head, and whether
    a definite determiner ('the', 'its') makes it a thing named before; span is the figure and unit as written."""

    unit: str
    value: float
    head: str
    heads: frozenset[str]
    definite: bool
    indefinite: bool
    block: int
    start: int
    end: int
    words: str
    sentence: int
    judged: bool
    owner: str
    det: str = ""
    years: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def _phrase() -> regex.Pattern:
    return regex.compile(_PHRASE_RX)


@lru_cache(maxsize=None)
def _plain() -> regex.Pattern:
    return regex.compile(_PLAIN_RX)


@lru_cache(maxsize=None)
def _count() -> regex.Pattern:
    return regex.compile(_COUNT_RX)


def _value(m: regex.Match) -> float | None:
    n = m.group("n").casefold()
    value = float(_WORDS[n]) if n in _WORDS else float(n.replace(",", ""))
    mult = m.group("mult") if "mult" in m.re.groupindex else None
    if mult:
        value *= _SCALE[mult.casefold()]
    return value


def _singular(word: str) -> str:
    word = word.casefold()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# Where a phrase or a count may start, found by plain scans (the patterns' leading alternations make a full scan slow):
# a currency's sign or a digit (with the letters of a currency before it, "US$", "R2 billion"), or a number word.
_SIGN = re.compile(r"[\d$€£¥₹₦₱]")
_DOLLAR_PREFIX = re.compile(r"(?:US|A|C|NZ|HK|S|R)$")
_LETTER_PREFIX = re.compile(r"\b(?:KSh|Sh|Rs\.?|Rp|RM|R|N|P|K)\s?$")
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(_WORDS)}|{'|'.join(w.title() for w in _WORDS)})\b")


def _anchors(text: str) -> list[int]:
    """The positions where a figure may start, in order."""
    found = [m.start() for m in _NUMBER_WORD.finditer(text)]
    for m in _SIGN.finditer(text):
        i = m.start()
        before = text[i - 1] if i else " "
        if before.isdigit() or before in ".," and i > 1 and text[i - 2].isdigit():
            continue  # within a figure
        p = (_DOLLAR_PREFIX if text[i] == "$" else _LETTER_PREFIX if text[i].isdigit() else None)
        p = p and p.search(text, max(0, i - 4), i)
        found.append(p.start() if p else i)
    found.sort()
    return found


def _phrases_in(text: str, anchors: list[int]) -> Iterator[regex.Match]:
    rx, end = _phrase(), 0
    for a in anchors:
        if a >= end:
            m = rx.match(text, a)
            if m is not None:
                end = m.end()
                yield m


def _counts_in(text: str, anchors: list[int]) -> Iterator[regex.Match]:
    rx = _count()
    for a in anchors:
        if _PLURAL_NEXT.match(text, _word_end(text, a)) is None:
            continue
        m = rx.search(text, max(0, a - 80), min(len(text), a + 60))
        while m is not None and m.start("n") < a:
            m = rx.search(text, m.start() + 1, min(len(text), a + 60))
        if m is not None and m.start("n") == a:
            yield m


def _plain_in(text: str, anchors: list[int]) -> Iterator[regex.Match]:
    rx = _plain()
    for a in anchors:
        if _PLAIN_BEFORE.search(text, max(0, a - 14), a) is None:
            continue
        for m in rx.finditer(text, max(0, a - 120), min(len(text), a + 40)):
            if m.start("fig") == a:
                yield m
                break


_PLURAL_NEXT = re.compile(r"\s+(?:of\s+\S+\s+(?:[a-z]+['’]s\s+)?)?[a-z]{2,}s\b")


def _word_end(text: str, i: int) -> int:
    while i < len(text) and (text[i].isalnum() or text[i] == ","):
        i += 1
    return i


def phrases(blocks: list[tuple[int, str]], skip: regex.Pattern, near: regex.Pattern, after: regex.Pattern,
            not_heads: frozenset[str], not_counted: frozenset[str] = frozenset(),
            units: dict[str, str] | None = None, near_later: regex.Pattern | None = None) -> list[Said]:
    """Every figure-with-unit modifying a noun (not one of not_heads), in text order; judged is False when its
    sentence tells of a change or a comparison (skip), a word before it makes it a bound or a part (near), or, for a
    definite phrase, a word before it (near_later) or just after its noun (after) makes it another thing or time. units: a unit's names (folded) -> one name for them all ('mw', 'megawatt')."""
    units = units or {}
    found: list[Said] = []
    sentence_no = 0
    for index, text in blocks:
        if _FIGURE.search(text) is None:
            sentence_no += 1
            continue
        anchors = _anchors(text)
        matches = sorted((*_phrases_in(text, anchors), *_counts_in(text, anchors), *_plain_in(text, anchors)),
                         key=lambda m: m.start())
        spans = split_sentences(text) if matches else [(0, len(text))]
        starts = [s for s, _ in spans]
        judged: dict[int, bool] = {}
        years: dict[int, frozenset[str]] = {}
        for m in matches:
            counted = m.re is _count()
            if m.re is _plain():
                k = bisect_right(starts, m.start("fig")) - 1
                said = _plain_said(m, text, spans[k] if k >= 0 else (0, len(text)), index, sentence_no + k, skip, near,
                                   not_heads, after, near_later)
                if said is not None:
                    found.append(said)
                continue
            head = _singular(m.group("head"))
            if head in not_heads or m.group("head").casefold() in not_heads or counted and head in not_counted:
                continue
            known = None if counted else m.group("known")
            if known is not None and _singular(known) not in units and known.casefold() not in units:
                continue  # "400 people protest": a figure, a word and another word
            head2 = None if counted else m.group("head2")
            heads = frozenset({head} if not head2 or head2 in not_heads else {head, _singular(head2)})
            value = _value(m)
            if value is None:
                continue
            k = bisect_right(starts, m.start()) - 1
            s, e = spans[k] if k >= 0 else (0, len(text))
            if k not in judged:
                judged[k] = skip.search(text, s, e) is None
            told = judged[k] and near.search(text, max(s, m.start() - _BEFORE), m.start()) is None
            cur = None if counted else m.group("cur")
            if counted:
                unit = "count"
            elif cur:
                unit = "money:" + _SYMBOLS.get(cur.casefold(), cur.casefold().removesuffix("s"))
            else:
                word = (known or m.group("u")).casefold()
                unit = units.get(word) or units.get(_singular(word)) or _singular(word)
                if word in _PER_PERIOD:  # "90,000 bpd": barrels a day
                    unit = f"{units.get(_PER_PERIOD[word][0], _PER_PERIOD[word][0])}/{_PER_PERIOD[word][1]}"
            rate = () if counted else m.captures("rate")
            if rate:
                unit += "/" + rate[-1].casefold()
            det = m if counted and m.group("det") else None if counted else \
                _DETERMINER.search(text, max(s, m.start() - 60), m.start())
            word = det.group("det").casefold() if det else ""
            definite = word in _DEFINITE or word.endswith(("'s", "’s"))
            if definite and told:  # which of several things a later phrase names: "the $2 million grant from the council"
                told = after.search(text[m.end("head"):min(e, m.end("head") + _AFTER)]) is None and (
                    near_later is None or near_later.search(text, max(s, m.start() - _BEFORE), m.start()) is None)
            owner = det.group("det")[:-2] if det and word.endswith(("'s", "’s")) and not word.startswith("the ") else ""
            if word in ("whose", "its", "their") or counted and not det:
                owner = _owner(text, s, det.start() if det else m.start())
            elif word in ("the", "a", "an", ""):  # "Gamma signed the $310 million deal": Gamma's
                at = det.start() if det else m.start()
                owner = _owner(text, max(s, at - _SUBJECT), at)
            if counted:
                start, end = m.start("n"), m.end("head")
            else:  # the figure and its unit, without the separator before the head
                start, end = m.start(), m.start("head") - 1
            if k not in years:
                years[k] = frozenset(_YEAR.findall(text, s, e))
            found.append(Said(unit, value, head, heads, definite, word in ("a", "an", "another", "one"), index, start,
                              end, text[start:end], sentence_no + k, told, owner, word, years[k]))
        sentence_no += len(spans) + 1
    return found


def _plain_said(m: regex.Match, text: str, span: tuple[int, int], index: int, sentence: int, skip: regex.Pattern,
                near: regex.Pattern, not_heads: frozenset[str], after: regex.Pattern,
                near_later: regex.Pattern | None) -> Said | None:
    """A figure said plainly of a noun ('a deal worth $240 million'; later, 'the deal, worth $310 million', 'the
    concession, which runs for 20 years': definite, a mention of the thing named before)."""
    head = "acquisition" if m.group("verb") else _singular(m.group("head"))
    if head in not_heads:
        return None
    s, e = span
    start, end = m.span("fig")
    told = skip.search(text, s, e) is None and near.search(text, max(s, start - _BEFORE), start) is None
    cur = m.group("cur") if m.start("fig") <= m.start("cur") < end else None
    unit = "money:" + _SYMBOLS.get(cur.casefold(), cur.casefold().removesuffix("s")) if cur else _singular(m.group("u"))
    at = m.start()
    det = None if m.group("verb") else _DETERMINER.search(text, max(s, at - 60), at)
    word = det.group("det").casefold() if det else ""
    definite = word in _DEFINITE or word.endswith(("'s", "’s"))
    if definite and told:  # as for a definite phrase: which of several things it names, or another time (read to past the figure)
        told = after.search(text[m.end("head"):min(e, end + _AFTER)]) is None and (
            near_later is None or near_later.search(text, max(s, at - _BEFORE), at) is None)
    owner = det.group("det")[:-2] if definite and word.endswith(("'s", "’s")) and not word.startswith("the ") else ""
    if word in ("whose", "its", "their"):
        owner = _owner(text, s, det.start())
    elif not owner:
        owner = _owner(text, max(s, (det.start() if det else at) - _SUBJECT), det.start() if det else at)
    return Said(unit, _value(m), head, frozenset({head}), definite, word in ("a", "an", "another", "one"), index, start,
                end, text[start:end], sentence, told, owner, word, frozenset(_YEAR.findall(text, s, e)))


def restated(found: list[Said], tolerance: float, same: tuple[tuple[str, ...], ...],
             counted: tuple[tuple[str, ...], ...] = (), single: frozenset[str] = frozenset()) -> Iterator[tuple[Said, Said]]:
    """(earlier, later) for a later definite phrase ('the 20-year concession') whose head (or a word for it, same)
    and unit were given before with one other figure only ('a 12-year concession'), in another sentence, neither
    sentence telling of a change or another thing; a count of things ('its nine vessels') is of the same noun or one
    of a group of counted. The earlier phrase after "the" counts only for a noun of single (one thing, not a kind: "the
    12-week course" and "the 10-week course" are two kinds); two sentences giving other years tell of two times."""
    def names(head: str, unit: str) -> frozenset[str]:
        return frozenset({head}.union(*(g for g in (counted if unit == "count" else same) if head in g)))

    def close(a: float, b: float) -> bool:
        return abs(a - b) <= tolerance * max(a, b)

    for i, later in enumerate(found):
        if not later.definite:
            continue
        group = frozenset().union(*(names(h, later.unit) for h in later.heads))
        earlier = [m for m in found[:i] if m.unit == later.unit and m.heads & group]
        if not earlier or any(close(m.value, later.value) for m in earlier):
            continue
        first = earlier[0]
        if any(not close(m.value, first.value) for m in earlier):
            continue  # two figures before: two things, or a change
        if not later.judged or any(not m.judged for m in earlier) or any(m.sentence == later.sentence for m in earlier):
            continue
        if first.owner and later.owner and not _same_owner(first.owner, later.owner):
            continue
        if first.det in ("the", "this", "that") and not first.heads & single:
            continue
        if first.years and later.years and not first.years & later.years:
            continue  # "signed a two-year contract in 2019" ... "the three-year contract runs to 2025"
        if any(m.unit == later.unit and m.heads & group and close(m.value, later.value) for m in found[i + 1:]):
            continue  # the figure is said again later: two things
        yield first, later


_NOT_OWNER = frozenset("the a an it its their this that these those in on at by for but and as after before when while "
                       "if since under with from to of".split())


_LETTERS = "abcdefghijklmnopqrstuvwxyz,0123456789"


def _owner(text: str, start: int, end: int) -> str:
    """The last capitalised name between start and end, but a sentence's first word when it is a common word ('The')."""
    for m in reversed(list(_NAME.finditer(text, start, end))):
        words = m.group().split()
        initial = not text[max(0, m.start() - 4):m.start()].rstrip(" \"“‘'(").endswith(tuple(_LETTERS))
        if initial and (words[0].casefold() in _NOT_OWNER or len(words) == 1):
            words = words[1:]  # "The ...", or one word starting a sentence: maybe a common word ("Analysts said")
        if words and (words[-1].casefold() in _TIMES or "-" in words[-1] and not words[-1][words[-1].index("-") + 1:][:1].isupper()):
            continue  # "on Monday", "the Oslo-listed firm": no owner
        if words:
            return " ".join(words)
    return ""


def _same_owner(a: str, b: str) -> bool:
    from .contradiction import same_term

    return same_term(a, b) or a.split()[0] == b.split()[0]


@dataclass(frozen=True, slots=True)
class Kind:
    """A word for a kind of thing ('bulk carrier'), where: its group in the family (-1 a general word, 'ship'), the
    name it is given ('the bulk carrier Ocean Star', 'Ocean Star, a bulk carrier') and the determiner before it."""

    group: int
    block: int
    start: int
    end: int
    words: str
    name: str
    det: str
    changed: bool = False  # "a former bulk carrier", "converted into a tanker": a change of kind told


_CHANGED = regex.compile(r"(?i)\b(?:former|formerly|once|ex|converted|conversion|rebuilt|refitted|renamed|now|sister)\b")


@lru_cache(maxsize=None)
def _kinds_rx(words: tuple[str, ...]) -> regex.Pattern:
    alternation = "|".join(regex.escape(w).replace("\\ ", "[\\s-]") for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}-])(?i:{alternation})(?![\p{{L}}-])")


_QUOTE = "\"“”'‘’"
_NAME_AFTER = regex.compile(rf"\s+[{_QUOTE}]?(?P<name>\p{{Lu}}[\p{{L}}\d-]*(?:\s+\p{{Lu}}[\p{{L}}\d-]*){{0,3}})")
_NAME_BEFORE = regex.compile(rf"(?P<name>\p{{Lu}}[\p{{L}}\d-]*(?:\s+\p{{Lu}}[\p{{L}}\d-]*){{0,3}})[{_QUOTE}]?,\s+"
                             r"(?:which\s+is\s+|is\s+|was\s+)?(?P<det>an?|the)\s+(?:[\p{L}\d-]+\s+){0,3}$")
_DET_BEFORE = regex.compile(r"(?<![\p{L}-])(?P<det>(?i:the|an?|another|its|their|this|that|one))\s+"
                            r"(?:(?!(?i:the|an?|another|its|their|this|that|one|of|and|or|with|by|to|for)\s)[\p{L}\d-]+\s+){0,3}$")
_NEXT_WORD = regex.compile(r"\s+(\p{Ll}+)\b")


def kinds(blocks: list[tuple[int, str]], general: tuple[str, ...], groups: tuple[tuple[str, ...], ...]) -> list[Kind]:
    """Every mention of a word of the family (general words and groups), in text order, with the name it is given."""
    group_of = {w.casefold(): -1 for w in general} | {w.casefold(): i for i, g in enumerate(groups) for w in g}
    rx = _kinds_rx(tuple(group_of))
    cased = {w for w in (*general, *(w for g in groups for w in g)) if not w.islower()}  # as written: "LNG carrier"
    found: list[Kind] = []
    for index, text in blocks:
        for m in rx.finditer(text):
            if not m.group().islower() and m.group() not in cased:
                continue  # part of a name ("the Type 45 Destroyer")
            following = _NEXT_WORD.match(text, m.end())
            if following and _modified(following.group(1)):
                continue  # a modifier of another noun ("tanker aircraft", "ferry service")
            word = regex.sub(r"[\s-]+", " ", m.group().casefold())
            group = group_of.get(word, group_of.get(word.replace(" ", "-"), -1))
            before = _NAME_BEFORE.search(text, max(0, m.start() - 120), m.start())
            after = _NAME_AFTER.match(text, m.end())
            det = _DET_BEFORE.search(text, max(0, m.start() - 60), m.start())
            name = before.group("name") if before else after.group("name") if after else ""
            if name.split()[0].casefold() in _NOT_OWNER if name else False:
                name = " ".join(name.split()[1:])
            found.append(Kind(group, index, m.start(), m.end(), m.group(), name,
                              (before or det).group("det").casefold() if before or det else "",
                              _CHANGED.search(text, max(0, m.start() - 40), m.start()) is not None))
    return found


def _modified(word: str) -> bool:
    """Whether a word after a kind's word is a noun it modifies: a noun that is no verb, adverb or function word."""
    from ..data.lexicon import word_classes

    tags = word_classes().of(word)
    return any(t.startswith("NN") for t in tags) and not any(t.startswith(("VB", "RB", "IN", "MD", "DT", "CC", "WD", "PRP", "TO", "JJ"))
                                                             for t in tags)


def retyped(found: list[Kind]) -> Iterator[tuple[Kind, Kind]]:
    """(naming, later) when the text names one thing of the family two kinds ('Ocean Star, a bulk carrier' ... 'the tanker
    Ocean Star'), or introduces one thing of one kind ('Ocean Star, a bulk carrier', 'a bulk carrier ran aground') and
    later calls something 'the' + another kind ('the tanker') that it never introduces ('a tanker'); never when a
    change of kind is told ('a former tanker')."""
    introduced = [k for k in found if k.group >= 0 and (k.name or k.det in ("a", "an"))]
    names = {k.name.casefold() for k in found if k.name}
    if any(k.changed for k in found) or len(names) > 1:
        return  # a change of kind told, or two named things of the family
    named = [k for k in introduced if k.name]
    if named and len({k.group for k in named}) > 1:  # "Ocean Star, a bulk carrier" ... "Ocean Star, the tanker"
        yield named[0], next(k for k in named if k.group != named[0].group)
        return
    if not introduced or len({k.group for k in introduced}) != 1:
        return  # two things of the family, or none said of one kind
    first = introduced[0]
    for k in found:
        if k.group < 0 or k.group == first.group or k.name or (k.block, k.start) < (first.block, first.start):
            continue
        if k.det != "the":
            continue
        if any(o.group == k.group and (o.det != "the" or o.name) for o in found):
            continue  # another thing of that kind is in the story
        yield first, k
        return
