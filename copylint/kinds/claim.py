"""claim: a sourced table of statements copy gets wrong (fuels, units)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator

import regex

from ..data.literals import fold, holds, prefix, required_all, required_words
from ..data.triggers import exact_words, phrase_candidates
from ..document import Document, ProseBlock
from ..errors import RuleError
from ..model import Finding
from ..phrases import WordIndex
from ..registry import compile_regex
from ._claims import _entries
from .base import Kind, match_case


_CLAIM_KEYS = {"id": str, "subjects": list, "wrong": list, "correction": str, "fact": str, "source": str,
               "expected": (int, float, list), "tolerance": (int, float), "window": int}


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


class Claim(Kind):
    """Keys: [[claim]] tables — subjects (aliases; none: the pattern names its subject), wrong (regexes; the
    group 'span' is flagged, else the whole match; a group 'value' is compared with expected ± tolerance),
    correction, fact, source, window (characters after a subject, default 90).

    Nothing is compiled up front: a claim without subjects is tried only on documents holding, for one of its
    patterns, the whole words every match of it holds (data.literals.required_words), so a document without
    every word of some subject or of such a pattern costs a few set comparisons; a pattern is compiled and run
    only where the text holds the literal strings every match of it needs (data.literals.required_all) and
    its leading words (data.literals.prefix, a standard-library pattern: cheap to compile)."""

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
            ))
        self._subjects = WordIndex(s for c in self.claims for s in c.subjects)
        self._free = [i for i, c in enumerate(self.claims) if not c.subjects]
        # per claim without subjects: for each pattern, the word sets every match holds one of each of
        # (None when some pattern has none: the claim is always tried)
        self._words: dict[int, tuple[tuple[frozenset[str], ...], ...] | None] = {}
        for i in self._free:
            words = tuple(required_words(_searchable(w)) for w in self.claims[i].wrong)
            self._words[i] = words if all(words) else None
        self._matchers = None
        self._wrong: dict[tuple[int, int], regex.Pattern] = {}
        self._needs = [tuple(required_all(_searchable(w)) for w in c.wrong) for c in self.claims]

    def _free_claims(self, doc: Document) -> list[int]:
        """The claims without subjects that the document may hold: those one of whose patterns has all its
        required words in the document, or has none (every one, when its words are no faithful guide)."""
        if not self._free or not exact_words(doc):
            return self._free
        words = doc.words
        return [i for i in self._free if self._words[i] is None
                or any(all(not s.isdisjoint(words) for s in sets) for sets in self._words[i])]

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
