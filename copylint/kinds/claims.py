"""Claim kinds: a sourced table of statements copy gets wrong (fuels, units), and organisations' seats and members."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

import re

import regex

from ..data.literals import fold, holds, prefix, required_all
from ..data.triggers import exact_words, phrase_candidates
from ..document import Document, ProseBlock
from ..errors import RuleError
from ..model import Finding
from ..phrases import WordIndex
from ..registry import compile_regex
from .base import Kind, match_case

_CLAIM_KEYS = {"id": str, "subjects": list, "wrong": list, "correction": str, "fact": str, "source": str,
               "expected": (int, float, list), "tolerance": (int, float), "window": int, "triggers": list}


@lru_cache(maxsize=None)
def _patterns() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """Negation, clause end and number, compiled on first use."""
    # Between a subject and its claim, these words turn the claim round ("LPG is not used to make petrol").
    negation = regex.compile(r"(?i)\b(?:not|never|no\s+longer|nor|rather\s+than|instead\s+of|unlike|than|myth|"
                             r"mistaken(?:ly)?|wrongly|false(?:ly)?|contrary|misconception|n['’]t)\b|n['’]t\b")
    return negation, regex.compile(r";|:|\s[—–]\s|\s-\s"), regex.compile(r"-?\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class _Claim:
    id: str
    subjects: tuple[str, ...]
    wrong: tuple[str, ...]  # patterns, compiled on first use (Claim._compiled)
    correction: str | None
    fact: str
    source: str
    expected: tuple[float, ...]
    tolerance: float
    window: int
    triggers: frozenset[str]


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
    correction, fact, source, window (characters after a subject, default 90), triggers (for a claim without
    subjects: lower-case words, one of which every match holds as a whole word; the claim is tried only on
    documents with one of them).

    Nothing is compiled up front: a document without every word of some subject or any claim's trigger word
    costs a few set comparisons, and a pattern is compiled and run only where the text holds the literal
    strings every match of it needs (data.literals.required_all) and its leading words (data.literals.prefix,
    a standard-library pattern: cheap to compile)."""

    NAME = "claim"
    KEYS = {"claim": list}
    REQUIRED = ("claim",)

    @classmethod
    def validate(cls, rule) -> None:
        for entry in _entries(rule, "claim", _CLAIM_KEYS, ("id", "wrong", "fact", "source")):
            where = f"claim.{entry['id']}"
            if "expected" in entry and not all("(?P<value>" in w for w in entry["wrong"]):
                raise RuleError(rule.path, f"{where}.wrong", "a numeric claim needs a (?P<value>...) group")
            for w in entry["wrong"]:
                compile_regex(rule, f"{where}.wrong", w, regex.IGNORECASE)
            triggers = entry.get("triggers", [])
            if entry.get("subjects") and triggers:
                raise RuleError(rule.path, f"{where}.triggers", "a claim with subjects is triggered by them")
            if not all(isinstance(t, str) and regex.fullmatch(r"[a-z0-9]+", t) for t in triggers):
                raise RuleError(rule.path, f"{where}.triggers", "expected lower-case words")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.claims: list[_Claim] = []
        for entry in rule.params["claim"]:
            expected = entry.get("expected", [])
            self.claims.append(_Claim(
                id=entry["id"], subjects=tuple(entry.get("subjects", ())), wrong=tuple(entry["wrong"]),
                correction=entry.get("correction"), fact=entry["fact"], source=entry["source"],
                expected=tuple(float(e) for e in (expected if isinstance(expected, list) else [expected])),
                tolerance=float(entry.get("tolerance", 0.05)), window=entry.get("window", 90),
                triggers=frozenset(entry.get("triggers", ())),
            ))
        self._subjects = WordIndex(s for c in self.claims for s in c.subjects)
        self._free = [i for i, c in enumerate(self.claims) if not c.subjects]
        self._triggered: dict[str, set[int]] = {}  # trigger word -> the claims it may set off
        for i in self._free:
            for word in self.claims[i].triggers:
                self._triggered.setdefault(word, set()).add(i)
        self._triggers = frozenset(self._triggered)
        self._with_triggers = sum(1 for i in self._free if self.claims[i].triggers)
        self._matchers = None
        self._wrong: dict[tuple[int, int], regex.Pattern] = {}
        self._needs = [tuple(required_all(_searchable(w)) for w in c.wrong) for c in self.claims]

    def _free_claims(self, doc: Document) -> list[int]:
        """The claims without subjects that the document may hold: untriggered ones, and those one of whose
        trigger words it holds (every one, when its words are no faithful guide)."""
        if not self._free:
            return self._free
        hit = set().union(*(self._triggered[w] for w in doc.words & self._triggers))
        if len(hit) < self._with_triggers and not exact_words(doc):
            return self._free
        return [i for i in self._free if not self.claims[i].triggers or i in hit]

    def _subject_matchers(self):
        """Acronym subjects ('LPG') match case-sensitively, names case-insensitively; built on first use."""
        if self._matchers is None:
            from ..phrases import PhraseMatcher

            subjects_cs: dict[str, list[int]] = {}
            subjects_ci: dict[str, list[int]] = {}
            for index, claim in enumerate(self.claims):
                for subject in claim.subjects:
                    table = subjects_cs if subject.isupper() else subjects_ci
                    table.setdefault(subject, []).append(index)
            self._matchers = (PhraseMatcher(subjects_cs, case_sensitive=True), PhraseMatcher(subjects_ci))
        return self._matchers

    def _compiled(self, index: int, n: int) -> regex.Pattern:
        found = self._wrong.get((index, n))
        if found is None:
            claim = self.claims[index]
            found = compile_regex(self.rule, f"claim.{claim.id}.wrong", claim.wrong[n], regex.IGNORECASE)
            self._wrong[(index, n)] = found
        return found

    def check(self, doc: Document) -> Iterable[Finding]:
        with_subjects = bool(phrase_candidates(doc, self._subjects))
        free = self._free_claims(doc)
        if not with_subjects and not free:
            return
        negation, clause_end, _ = _patterns()
        for _, block in self.blocks(doc):
            text = block.text
            done: set[tuple[int, int]] = set()
            if with_subjects:
                acronyms, names = self._subject_matchers()
                hits = sorted([*acronyms.finditer(text), *names.finditer(text)])
                ends = _sentence_ends(text) if hits else []
                for n, (start, end, indexes) in enumerate(hits):
                    sentence_start = _sentence_start(ends, text, start)
                    if negation.search(text, max(sentence_start, start - 25), start):
                        continue  # "unlike natural gas, ..."
                    # A claim belongs to the nearest subject: it may not start after another subject begins.
                    other = next((h[0] for h in hits[n + 1:] if not set(h[2]) & set(indexes)), len(text))
                    limit = _next_end(ends, end, len(text))
                    clause = clause_end.search(text, end, limit)
                    limit = clause.start() if clause else limit
                    for index in indexes:
                        claim = self.claims[index]
                        stop = min(limit, end + claim.window)
                        for found in self._search(index, text, end, stop, end, other, fold(text[end:stop])):
                            if found[:2] not in done:
                                done.add(found[:2])
                                yield self._finding(doc, block, claim, *found)
            folded = fold(text) if free else ""
            for index in free:
                claim = self.claims[index]
                for found in self._search(index, text, 0, len(text), None, len(text), folded):
                    if found[:2] not in done:
                        done.add(found[:2])
                        yield self._finding(doc, block, claim, *found)

    def _search(self, index: int, text: str, pos: int, limit: int, subject_end: int | None,
                latest: int, folded: str) -> Iterator[tuple[int, int, str | None]]:
        """The claim's matches in text[pos:limit] (folded, by data.literals.fold: `folded`), as (start, end,
        correction)."""
        claim = self.claims[index]
        negation = _patterns()[0]
        ends = None
        for n, needs in enumerate(self._needs[index]):
            if not holds(folded, needs):
                continue  # no match can lack a string every match holds
            lead = prefix(_searchable(claim.wrong[n]))
            if lead is not None and lead.search(folded) is None:
                continue  # nor can one be without its leading words
            rx = self._compiled(index, n)
            for m in rx.finditer(text, pos, limit):
                if m.start() > latest:
                    continue
                if subject_end is not None:
                    if negation.search(text, subject_end, m.start()):
                        continue
                else:
                    ends = ends if ends is not None else _sentence_ends(text)
                    if negation.search(text, max(_sentence_start(ends, text, m.start()), m.start() - 25), m.start()):
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


def _searchable(pattern: str) -> str:
    """The pattern without a leading \\G (an assertion: the strings its matches hold are the same)."""
    return pattern[2:] if pattern.startswith("\\G") else pattern


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
    m = _patterns()[2].fullmatch(text.strip())
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
# What seat_word (see _org_words) needs: one of these strings.
_SEAT_WORD_NEEDS = ("based", "headquarter", "HQ", "head", "secretariat", "seat")
# What each pattern (in _org_sources' order) needs around its alias: before it (ending where the alias starts)
# and after it. Each stands for part of the pattern and matches wherever that part does (the standard
# library's \s is a superset of the regex module's).
_ORG_CONTEXT: dict[str, tuple[tuple[re.Pattern | None, re.Pattern | None], ...]] = {
    "seat": (
        (re.compile(r"-based\s+(?:the\s+)?\Z"), None),
        (None, re.compile(r"(?:['’]s)?\s+(?:headquarters|HQ|head\s+office|secretariat|seat)\s")),
        (None, re.compile(r"(?:,\s+(?:which\s+is\s+)?|\s+is\s+)(?:based|headquartered)\s+in\s")),
    ),
    "member": (
        (None, re.compile(r"\s+(?:member|ally)")),
        (re.compile(r",\s+(?:a|an|another|the|also\s+an?)\s+(?:fellow\s+)?\Z"), re.compile(r"\s+(?:member|ally)")),
        (re.compile(r"is\s+(?:a|an|also\s+a|also\s+an)\s+(?:full\s+)?member\s+of\s+(?:the\s+)?\Z"), None),
    ),
}


@lru_cache(maxsize=None)
def _org_words() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """Not-a-member words, seat words and the words that make "the X-based Y" a person; compiled on first use."""
    # "non-EU member", "would-be Nato member": the country is not claimed to be a member.
    not_member = regex.compile(r"(?i)(?:non|would[- ]be|aspiring|future|prospective|potential|candidate|applicant|"
                               r"associate|partner|observer|former|ex|founding\s+non)[\s-]*$")
    seat_word = regex.compile(r"-based|headquarter|\bHQ\b|head\s+office|secretariat|\bseat\b|\bbased\s+in")
    person_after = regex.compile(r"\s+(?:officials?|diplomats?|spokes(?:man|woman|person)|envoys?|ambassadors?|"
                                 r"analysts?|experts?|correspondents?|representatives?|delegation|mission|office|"
                                 r"bureau|branch|staff|researchers?|economists?|troops|forces|soldiers)\b", regex.I)
    return not_member, seat_word, person_after


@lru_cache(maxsize=256)
def _org_pattern(which: str, n: int, aliases: tuple[str, ...]) -> regex.Pattern:
    """The n-th seat or member pattern over these aliases (longest first, as over all of them)."""
    alias_rx = "|".join(sorted((regex.escape(a) for a in aliases), key=len, reverse=True))
    return regex.compile(_org_sources(alias_rx, which)[n])


def _org_sources(alias_rx: str, which: str) -> list[str]:
    from ..data.mentions import NAME

    org = rf"(?P<org>{alias_rx})(?![\w+-])"
    if which == "seat":
        return [
            rf"(?<![\w-])(?P<city>{NAME})-based\s+(?:the\s+)?{org}",
            rf"(?<![\w-]){org}(?:['’]s)?\s+(?:headquarters|HQ|head\s+office|secretariat|seat)\s+"
            rf"(?:is\s+|are\s+)?in\s+(?P<city>{NAME})",
            rf"(?<![\w-]){org}(?:,\s+(?:which\s+is\s+)?|\s+is\s+)(?:based|headquartered)\s+in\s+"
            rf"(?P<city>{NAME})",
        ]
    return [
        rf"(?<![\w-]){org}\s+(?:member|member\s+state|member\s+country|ally)\s+(?P<c>{NAME})",
        rf"(?P<c>{NAME}),\s+(?:a|an|another|the|also\s+an?)\s+(?:fellow\s+)?{org}\s+"
        rf"(?:member|member\s+state|member\s+country|ally)\b",
        rf"(?P<c>{NAME})\s+is\s+(?:a|an|also\s+a|also\s+an)\s+(?:full\s+)?member\s+of\s+"
        rf"(?:the\s+)?{org}",
    ]


class Organisation(Kind):
    """Keys: [[organisation]] tables — name, aliases, seat (cities of its headquarters), members (ISO 3166
    alpha-2 codes of every state ever a member), source. Checks "the Geneva-based X", "X's headquarters in
    Y", "X, based in Y", and "X member Y" / "Y, an X member" / "Y is a member of X".

    Every match holds an alias, as whole words: only aliases all of whose words doc.words holds are looked
    for, and only blocks holding "member" or a seat word and an alias are read. A pattern there names only
    the aliases that stand where it needs one (_ORG_CONTEXT), compiled once per such set: it matches where
    the pattern over every alias does, as the others fail wherever they are tried."""

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
        self._aliases = WordIndex(self.by_alias)
        self._order = {alias: i for i, alias in enumerate(self.by_alias)}

    def _present(self, doc: Document) -> list[str]:
        """The aliases the document holds (as case-sensitive substrings of its prose)."""
        prose = doc.prose
        return [alias for alias in phrase_candidates(doc, self._aliases) if alias in prose]

    def _patterns(self, which: str, text: str, present: list[str]) -> Iterator[tuple[int, regex.Pattern]]:
        """The seat or member patterns (by number) that may match in text, each over the aliases standing
        where it needs one."""
        for n, (before, after) in enumerate(_ORG_CONTEXT[which]):
            aliases = tuple(sorted((a for a in present if _in_context(text, a, before, after)), key=self._order.get))
            if aliases:
                yield n, _org_pattern(which, n, aliases)

    def check(self, doc: Document) -> Iterable[Finding]:
        present = self._present(doc)
        if not present:
            return
        g = None
        for _, block in self.blocks(doc):
            text = block.text
            members = "member" in text
            seats = any(s in text for s in _SEAT_WORD_NEEDS) and _org_words()[1].search(text) is not None
            if not (seats or members) or not any(alias in text for alias in present):
                continue
            not_member, _, person_after = _org_words()
            for n, rx in self._patterns("seat", text, present) if seats else ():
                for m in rx.finditer(text):
                    org = self.orgs[self.by_alias[m.group("org")]]
                    if not org.get("seat") or (n == 0 and person_after.match(text, m.end())):
                        continue
                    g = g or _gaz()
                    found = self._seat(doc, block, g, org, m)
                    if found is not None:
                        yield found
            for n, rx in self._patterns("member", text, present) if members else ():
                for m in rx.finditer(text):
                    org = self.orgs[self.by_alias[m.group("org")]]
                    if not org.get("members") or not_member.search(text, 0, m.start("org")):
                        continue
                    if n == 0 and not_member.search(text, max(0, m.start() - 20), m.start()):
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


def _in_context(text: str, alias: str, before: re.Pattern | None, after: re.Pattern | None) -> bool:
    """Whether alias occurs in text with what comes before it and after it matching (None: anything)."""
    pos = text.find(alias)
    while pos != -1:
        if (before is None or before.search(text, 0, pos)) and (after is None or after.match(text, pos + len(alias))):
            return True
        pos = text.find(alias, pos + 1)
    return False


def _gaz():
    from ..data.gazetteer import gazetteer

    return gazetteer()
