"""Claim kinds: a sourced table of statements copy gets wrong (fuels, units), and organisations' seats and members."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Iterator

import regex

from ..document import Document, ProseBlock
from ..errors import RuleError
from ..model import Finding
from ..phrases import PhraseMatcher
from ..registry import compile_regex
from .base import Kind, match_case

# Between a subject and its claim, these words turn the claim round ("LPG is not used to make petrol").
_NEGATION = regex.compile(r"(?i)\b(?:not|never|no\s+longer|nor|rather\s+than|instead\s+of|unlike|than|myth|"
                          r"mistaken(?:ly)?|wrongly|false(?:ly)?|contrary|misconception|n['’]t)\b|n['’]t\b")
_CLAUSE_END = regex.compile(r";|:|\s[—–]\s|\s-\s")
_NUMBER = regex.compile(r"-?\d[\d,]*(?:\.\d+)?")
_CLAIM_KEYS = {"id": str, "subjects": list, "wrong": list, "correction": str, "fact": str, "source": str,
               "expected": (int, float, list), "tolerance": (int, float), "window": int}


@dataclass(frozen=True)
class _Claim:
    id: str
    subjects: tuple[str, ...]
    wrong: tuple[Any, ...]
    correction: str | None
    fact: str
    source: str
    expected: tuple[float, ...]
    tolerance: float
    window: int


def _entries(rule, key: str, keys: dict[str, Any], required: tuple[str, ...]) -> list[dict[str, Any]]:
    entries = rule.params.get(key, [])
    if not isinstance(entries, list) or not entries:
        raise RuleError(rule.path, key, "expected a non-empty array of tables")
    for i, entry in enumerate(entries):
        where = f"{key}[{i}]"
        if not isinstance(entry, dict):
            raise RuleError(rule.path, where, "must be a table")
        for k, v in entry.items():
            if k not in keys:
                raise RuleError(rule.path, f"{where}.{k}", "unknown key")
            if not isinstance(v, keys[k]):
                raise RuleError(rule.path, f"{where}.{k}", "wrong type")
        for k in required:
            if k not in entry:
                raise RuleError(rule.path, f"{where}.{k}", "missing")
    return entries


class Claim(Kind):
    """Keys: [[claim]] tables — subjects (aliases; none: the pattern names its subject), wrong (regexes; the
    group 'span' is flagged, else the whole match; a group 'value' is compared with expected ± tolerance),
    correction, fact, source, window (characters after a subject, default 90)."""

    NAME = "claim"
    KEYS = {"claim": list}
    REQUIRED = ("claim",)

    @classmethod
    def validate(cls, rule) -> None:
        for entry in _entries(rule, "claim", _CLAIM_KEYS, ("id", "wrong", "fact", "source")):
            if "expected" in entry and not all("(?P<value>" in w for w in entry["wrong"]):
                raise RuleError(rule.path, f"claim.{entry['id']}.wrong", "a numeric claim needs a (?P<value>...) group")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.claims: list[_Claim] = []
        subjects_cs: dict[str, list[int]] = {}
        subjects_ci: dict[str, list[int]] = {}
        for index, entry in enumerate(rule.params["claim"]):
            expected = entry.get("expected", [])
            self.claims.append(_Claim(
                id=entry["id"], subjects=tuple(entry.get("subjects", ())),
                wrong=tuple(compile_regex(rule, f"claim.{entry['id']}.wrong", w, regex.IGNORECASE)
                            for w in entry["wrong"]),
                correction=entry.get("correction"), fact=entry["fact"], source=entry["source"],
                expected=tuple(float(e) for e in (expected if isinstance(expected, list) else [expected])),
                tolerance=float(entry.get("tolerance", 0.05)), window=entry.get("window", 90),
            ))
            for subject in entry.get("subjects", ()):
                table = subjects_cs if subject.isupper() else subjects_ci
                table.setdefault(subject, []).append(index)
        self._acronyms = PhraseMatcher(subjects_cs, case_sensitive=True)
        self._names = PhraseMatcher(subjects_ci)
        self._free = [i for i, c in enumerate(self.claims) if not c.subjects]

    def check(self, doc: Document) -> Iterable[Finding]:
        for _, block in self.blocks(doc):
            text = block.text
            hits = sorted([*self._acronyms.finditer(text), *self._names.finditer(text)])
            ends = _sentence_ends(text)
            done: set[tuple[int, int]] = set()
            for n, (start, end, indexes) in enumerate(hits):
                sentence_start = _sentence_start(ends, text, start)
                if _NEGATION.search(text, max(sentence_start, start - 25), start):
                    continue  # "unlike natural gas, ..."
                # A claim belongs to the nearest subject: it may not start after another subject begins.
                other = next((h[0] for h in hits[n + 1:] if not set(h[2]) & set(indexes)), len(text))
                limit = _next_end(ends, end, len(text))
                clause = _CLAUSE_END.search(text, end, limit)
                limit = clause.start() if clause else limit
                for index in indexes:
                    claim = self.claims[index]
                    for found in self._search(claim, text, end, min(limit, end + claim.window), end, other):
                        if found[:2] not in done:
                            done.add(found[:2])
                            yield self._finding(doc, block, claim, *found)
            for index in self._free:
                claim = self.claims[index]
                for found in self._search(claim, text, 0, len(text), None, len(text)):
                    if found[:2] not in done:
                        done.add(found[:2])
                        yield self._finding(doc, block, claim, *found)

    def _search(self, claim: _Claim, text: str, pos: int, limit: int, subject_end: int | None,
                latest: int) -> Iterator[tuple[int, int, str | None]]:
        ends = None
        for rx in claim.wrong:
            for m in rx.finditer(text, pos, limit):
                if m.start() > latest:
                    continue
                if subject_end is not None:
                    if _NEGATION.search(text, subject_end, m.start()):
                        continue
                else:
                    ends = ends if ends is not None else _sentence_ends(text)
                    if _NEGATION.search(text, max(_sentence_start(ends, text, m.start()), m.start() - 25), m.start()):
                        continue
                if claim.expected:
                    value = _number(m.group("value"))
                    if value is None or any(abs(value - e) <= abs(e) * claim.tolerance for e in claim.expected):
                        continue
                group = "span" if "span" in rx.groupindex and m.group("span") is not None else 0
                correction = claim.correction
                if correction is not None:
                    correction = _same_case(m.group(group), m.expand(correction) if "\\" in correction else correction)
                yield m.start(group), m.end(group), correction

    def _finding(self, doc: Document, block: ProseBlock, claim: _Claim, start: int, end: int,
                 correction: str | None) -> Finding:
        return self.finding(doc, block, start, end, correction, fact=claim.fact, source=claim.source, claim=claim.id)


def _same_case(original: str, replacement: str) -> str:
    """Capitalise like the original, but an acronym ('US') does not make the replacement shout."""
    if original.isupper() and len(original) <= 4:
        return replacement
    return match_case(original, replacement)


def _sentence_start(ends: list[int], text: str, pos: int) -> int:
    from bisect import bisect_right

    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def _number(text: str) -> float | None:
    m = _NUMBER.fullmatch(text.strip())
    return float(m.group().replace(",", "")) if m else None


def _sentence_ends(text: str) -> list[int]:
    from ..document import split_sentences

    return [e for _, e in split_sentences(text)]


def _next_end(ends: list[int], pos: int, default: int) -> int:
    from bisect import bisect_left

    i = bisect_left(ends, pos)
    return ends[i] if i < len(ends) else default


# --- organisations --------------------------------------------------------------------------------------
_ORG_KEYS = {"name": str, "aliases": list, "members": list, "seat": list, "source": str, "note": str}
# "non-EU member", "would-be Nato member": the country is not claimed to be a member.
_NOT_MEMBER = regex.compile(r"(?i)(?:non|would[- ]be|aspiring|future|prospective|potential|candidate|applicant|"
                            r"associate|partner|observer|former|ex|founding\s+non)[\s-]*$")
_SEAT_WORD = regex.compile(r"-based|headquarter|\bHQ\b|head\s+office|secretariat|\bseat\b|\bbased\s+in")
_PERSON_AFTER = regex.compile(r"\s+(?:officials?|diplomats?|spokes(?:man|woman|person)|envoys?|ambassadors?|"
                              r"analysts?|experts?|correspondents?|representatives?|delegation|mission|office|"
                              r"bureau|branch|staff|researchers?|economists?|troops|forces|soldiers)\b", regex.I)


class Organisation(Kind):
    """Keys: [[organisation]] tables — name, aliases, seat (cities of its headquarters), members (ISO 3166
    alpha-2 codes of every state ever a member), source. Checks "the Geneva-based X", "X's headquarters in
    Y", "X, based in Y", and "X member Y" / "Y, an X member" / "Y is a member of X"."""

    NAME = "organisation"
    KEYS = {"organisation": list}
    REQUIRED = ("organisation",)

    @classmethod
    def validate(cls, rule) -> None:
        _entries(rule, "organisation", _ORG_KEYS, ("name", "aliases", "source"))

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.orgs = rule.params["organisation"]
        self.by_alias = {alias: i for i, org in enumerate(self.orgs) for alias in org["aliases"]}
        self._patterns: tuple[list, list] | None = None

    def _compile(self) -> tuple[list, list]:
        """The seat and member patterns, built on first use (they embed the long place-name pattern)."""
        if self._patterns is not None:
            return self._patterns
        from ..data.mentions import NAME

        by_alias = self.by_alias
        alias_rx = "|".join(sorted((regex.escape(a) for a in by_alias), key=len, reverse=True))
        org = rf"(?P<org>{alias_rx})(?![\w+-])"
        self.seat_res = [
            regex.compile(rf"(?<![\w-])(?P<city>{NAME})-based\s+(?:the\s+)?{org}"),
            regex.compile(rf"(?<![\w-]){org}(?:['’]s)?\s+(?:headquarters|HQ|head\s+office|secretariat|seat)\s+"
                          rf"(?:is\s+|are\s+)?in\s+(?P<city>{NAME})"),
            regex.compile(rf"(?<![\w-]){org}(?:,\s+(?:which\s+is\s+)?|\s+is\s+)(?:based|headquartered)\s+in\s+"
                          rf"(?P<city>{NAME})"),
        ]
        self.member_res = [
            regex.compile(rf"(?<![\w-]){org}\s+(?:member|member\s+state|member\s+country|ally)\s+(?P<c>{NAME})"),
            regex.compile(rf"(?P<c>{NAME}),\s+(?:a|an|another|the|also\s+an?)\s+(?:fellow\s+)?{org}\s+"
                          rf"(?:member|member\s+state|member\s+country|ally)\b"),
            regex.compile(rf"(?P<c>{NAME})\s+is\s+(?:a|an|also\s+a|also\s+an)\s+(?:full\s+)?member\s+of\s+"
                          rf"(?:the\s+)?{org}"),
        ]
        self._patterns = (self.seat_res, self.member_res)
        return self._patterns

    def check(self, doc: Document) -> Iterable[Finding]:
        g = None
        for _, block in self.blocks(doc):
            text = block.text
            seats = _SEAT_WORD.search(text) is not None
            members = "member" in text
            if not (seats or members):
                continue
            self._compile()
            for rx in self.seat_res if seats else ():
                for m in rx.finditer(text):
                    org = self.orgs[self.by_alias[m.group("org")]]
                    if not org.get("seat") or (rx is self.seat_res[0] and _PERSON_AFTER.match(text, m.end())):
                        continue
                    g = g or _gaz()
                    found = self._seat(doc, block, g, org, m)
                    if found is not None:
                        yield found
            for rx in self.member_res if members else ():
                for m in rx.finditer(text):
                    org = self.orgs[self.by_alias[m.group("org")]]
                    if not org.get("members") or _NOT_MEMBER.search(text, 0, m.start("org")):
                        continue
                    if rx is self.member_res[0] and _NOT_MEMBER.search(text, max(0, m.start() - 20), m.start()):
                        continue
                    g = g or _gaz()
                    found = self._member(doc, block, g, org, m)
                    if found is not None:
                        yield found

    def _seat(self, doc, block, g, org, m) -> Finding | None:
        from ..data.names import name_key

        city = m.group("city")
        seats = {name_key(s) for s in org["seat"]}
        if name_key(city) in seats or not g.readings(city) and not g.countries_named(city):
            return None
        seat_countries = {p.country for s in org["seat"] for p in g.places(s)[:1]}
        if g.countries_named(city):
            if set(g.countries_named(city)) & seat_countries:
                return None
        elif any(g.fits(r, tuple(seat_countries)) for r in g.readings(city)) and len(city.split()) == 1 \
                and not g.places(city):
            return None  # a district or suburb of the seat's country
        where = " and ".join(org["seat"])
        return self.finding(doc, block, m.start("city"), m.end("city"), org["seat"][0] if len(org["seat"]) == 1 else None,
                            suggestions=org["seat"], org=m.group("org"),
                            fact=f"{org['name']} is based in {where}", source=org["source"])

    def _member(self, doc, block, g, org, m) -> Finding | None:
        country = m.group("c")
        codes = g.countries_named(country)
        if len(codes) != 1 or g.is_historic(country) or g.regions_named(country):
            return None
        if codes[0] in org["members"]:
            return None
        return self.finding(doc, block, m.start("c"), m.end("c"), None, org=m.group("org"),
                            fact=f"{country} has never been a member of {org['name']}", source=org["source"])


def _gaz():
    from ..data.gazetteer import gazetteer

    return gazetteer()
