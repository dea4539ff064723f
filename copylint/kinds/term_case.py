"""term-case (document level): a common term written in mixed case."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..model import Finding
from ..phrases import fold
from . import _prose
from .base import PROSE_SCOPES, Kind


_ORG_HEADS = frozenset(
    """organization organisation council union party agency bank fund association committee commission ministry
    department office institute university court service corporation company group front army force authority
    league federation alliance movement board bureau centre center foundation society assembly parliament congress
    senate treaty programme program""".split()
)
_FUNCTION = frozenset("of and for the on in to a an at by with de la du des".split())
_LEAD_STOP = frozenset("me him her us them it you we they he she his its their our my your who which that this".split())
# Three to six capitals standing alone; the look-behind comes after three capitals, which the engine finds fast.
_ACRONYM = _prose.lazy(r"\p{Lu}{3}(?<![\p{L}\p{N}]\p{Lu}{3})\p{Lu}{0,3}(?![\p{L}\p{N}])")
_ACRONYM_ASCII = regex.compile(r"[A-Z]{3}(?<![\p{L}\p{N}][A-Z]{3})[A-Z]{0,3}(?![\p{L}\p{N}])")
_OTHER_CAPITAL = _prose.lazy(r"[^\x00-\x7f](?<=\p{Lu})")


_RUN_OF_WORDS = _prose.lazy(r"\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*)+")
_LOWER_WORD = _prose.lazy(r"\b\p{Ll}+\b")
_EXPANSION_WORD = _prose.lazy(r"\p{L}[\p{L}'’]*")
# Lowercase letters whose str.upper() is a capital other than their own (CPython 3.11 Unicode tables, escaped so
# no editor normalises them; a test recomputes it): an expansion may start with any lowercase letter that
# upper-cases to the acronym's first letter.
_OTHER_LOWER = {"\u039c": "\u00b5", "I": "\u0131", "S": "\u017f", "\u0399": "\u0345\u1fbe", "\u03a3": "\u03c2",
                "\u0392": "\u03d0", "\u0398": "\u03d1", "\u03a6": "\u03d5", "\u03a0": "\u03d6", "\u039a": "\u03f0",
                "\u03a1": "\u03f1", "\u0395": "\u03f5", "\u0412": "\u1c80", "\u0414": "\u1c81", "\u041e": "\u1c82",
                "\u0421": "\u1c83", "\u0422": "\u1c84\u1c85", "\u042a": "\u1c86", "\u0462": "\u1c87",
                "\ua64a": "\u1c88", "\u1e60": "\u1e9b"}
_LEADS: dict[str, regex.Pattern | None] = {}


def _lead(letter: str) -> regex.Pattern | None:
    """Where an expansion of an acronym starting with letter can start: a word of three or more characters at a
    word start (not after "x'") opening with a lowercase form of letter, then spaces and a word whose first
    letter is not lowercase (checked again with str.isupper: the regex and Python Unicode tables can differ).
    The literal first letter lets the engine skip ahead; None when no lowercase letter upper-cases to letter."""
    if letter not in _LEADS:
        firsts = {c for c in letter.lower() + _OTHER_LOWER.get(letter, "") if c.islower() and c.upper() == letter}
        if len(_LEADS) > 512:
            _LEADS.clear()
        _LEADS[letter] = regex.compile(
            r"(?<!\p{L}['’]*)([" + "".join(regex.escape(c) for c in sorted(firsts)) + r"][\p{L}'’-]{2,})"
            r"(?=\s+([^\P{L}\p{Ll}]))") if firsts else None
    return _LEADS[letter]


_WORD_PART = regex.compile(r"\w+")


def _spell(text: str, start: int, acronym: str) -> int | None:
    """End of the words from start whose initials spell acronym (function words skipped after the first)."""
    k, n = 0, len(acronym)
    for m in _EXPANSION_WORD().finditer(text, start):
        word = m.group()
        if k and word.lower() in _FUNCTION:
            continue
        if word[0].upper() != acronym[k]:
            return None
        k += 1
        if k == n:
            return m.end()
    return None


def _term_words(term: str) -> tuple[frozenset[str], frozenset[str] | None]:
    """(needs, triggers) for a term: needs are parts every match puts among doc.words exactly (parts of middle
    words, inner parts of the end words); triggers are the outer parts of the end words, one of which is there
    unless both ends are glued to digits. None triggers: a term no word test can rule out."""
    words = [fold(w) for w in term.split()]
    parts = [w.replace("-", " ").replace("'", " ").split() for w in words]
    if len(words) < 2 or not all(_WORD_PART.fullmatch(p) for ps in parts for p in ps):
        return frozenset(), None
    needs = {p for ps in parts[1:-1] for p in ps} | set(parts[0][1:]) | set(parts[-1][:-1])
    return frozenset(needs), frozenset((parts[0][-1], parts[-1][0]))


class TermCase(Kind):
    """Keys: terms (common-noun phrases written in lowercase). Flags a phrase whose words mix capitals and
    lowercase mid-sentence ("liquefied Petroleum Gas"): a listed term, or the expansion of an acronym the
    document uses. Common terms are fixed to lowercase, organisation names to Title Case."""

    NAME = "term-case"
    KEYS = {"terms": list}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def __init__(self, rule) -> None:
        super().__init__(rule)
        # Longest first, as the original single alternation tried them; each term is searched on its own (in the
        # lower-cased text, compiled on first use) and the alternation's leftmost-longest choice is replayed.
        self.terms = sorted(rule.params.get("terms", []), key=len, reverse=True)
        self._patterns: dict[int, regex.Pattern] = {}
        self.needs: list[frozenset[str]] = []  # words every match of the term puts among doc.words
        self.by_trigger: dict[str, list[int]] = {}  # end words: one of them is among doc.words for any match
        self.always: list[int] = []  # terms no word test can rule out
        for index, term in enumerate(self.terms):
            needs, triggers = _term_words(term)
            self.needs.append(needs)
            if triggers is None:
                self.always.append(index)
            for trigger in triggers or ():
                self.by_trigger.setdefault(trigger, []).append(index)
        self.triggers = frozenset(self.by_trigger)

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        in_scope = [b.scope in scopes for b in doc.blocks]
        terms = self._term_matches(doc, in_scope)
        acronyms = self._acronyms(doc, in_scope)
        expansions = self._expansions(doc, acronyms, in_scope) if acronyms else {}
        if not terms and not expansions:
            return
        lowercase_words: set[str] | None = None
        for index, block in enumerate(doc.blocks):
            if index not in terms and index not in expansions:
                continue
            text = block.text
            flagged: set[int] = set()
            for start, end in terms.get(index, ()):
                phrase = text[start:end]
                if phrase.islower():  # no capital: _lowercase_lead needs one
                    continue
                if self._lowercase_lead(phrase, strict=False) and self._mixed(text, start, phrase):
                    flagged.add(start)
                    yield self.finding(doc, block, start, end, self._fix(text, start, phrase, common=True))
            for start, end in expansions.get(index, ()):
                if start in flagged:
                    continue
                phrase = text[start:end]
                # Only "liquefied Petroleum Gas": a lowercase word opening an otherwise capitalised expansion,
                # inside one run of words (names like "Cambridge University, said" cross punctuation).
                if not self._lowercase_lead(phrase, strict=True):
                    continue
                # The capitalised words are common nouns the document also writes in lowercase ("gas"),
                # not a name ("chief executive Doug Smith").
                if lowercase_words is None:
                    lowercase_words = {m.group() for i, b in enumerate(doc.blocks) if in_scope[i]
                                       for m in _LOWER_WORD().finditer(b.text)}
                if not any(w.lower() in lowercase_words for w in phrase.split()[1:] if w[0].isupper()):
                    continue
                if self._mixed(text, start, phrase):
                    flagged.add(start)
                    yield self.finding(doc, block, start, end, self._fix(text, start, phrase, common=None),
                                       suggestions=self._options(text, start, phrase))

    def _pattern(self, index: int) -> regex.Pattern:
        """The term in lower case, not inside a word; the look-behind after the first word, so that the engine
        scans for that word (a literal) first."""
        pattern = self._patterns.get(index)
        if pattern is None:
            words = [regex.escape(w) for w in self.terms[index].lower().split()]
            pattern = self._patterns[index] = regex.compile(
                words[0] + r"(?<![\p{L}-]" + words[0] + ")" + "".join(r"\s+" + w for w in words[1:]) + r"(?![\p{L}-])")
        return pattern

    def _term_matches(self, doc: Document, in_scope: list[bool]) -> dict[int, list[tuple[int, int]]]:
        """Block index -> (start, end) of the listed terms, as one case-insensitive alternation of all terms
        (longest first, leftmost, non-overlapping) would find them block by block."""
        words = doc.words
        hits = words & self.triggers
        if not hits and not self.always:
            return {}
        candidates = set(self.always)
        for word in hits:
            candidates.update(self.by_trigger[word])
        candidates = [i for i in candidates if self.needs[i] <= words]
        if not candidates:
            return {}
        lowered = _prose.lowered(doc)
        found = []
        for index in candidates:
            pattern = self._pattern(index)
            if pattern.search(lowered) is None:  # the usual case; a plain search is the cheaper scan
                continue
            for m in pattern.finditer(lowered, overlapped=True):
                found.append((m.start(), index, m.end()))
        prose = doc.prose
        if all(prose[start:end].islower() for start, _, end in found):
            return {}  # a finding needs a capital inside the term
        found.sort()
        out: dict[int, list[tuple[int, int]]] = {}
        last_end = -1
        for start, _, end in found:
            if start < last_end:
                continue
            place = _prose.locate(doc, start, end)
            if place is None:  # across a block break: the per-block search never sees it
                continue
            last_end = end
            block, offset = place
            if in_scope[block]:
                out.setdefault(block, []).append((offset, offset + end - start))
        return out

    @staticmethod
    def _acronyms(doc: Document, in_scope: list[bool]) -> list[str]:
        """The distinct acronyms of the checked blocks, in order of first use."""
        prose = doc.prose
        # Without capitals outside A-Z, [A-Z] is \p{Lu} and the engine scans for it much faster.
        pattern = _ACRONYM_ASCII if prose.isascii() or not _OTHER_CAPITAL().search(prose) else _ACRONYM()
        if all(in_scope):
            return list(dict.fromkeys(pattern.findall(prose)))
        return list(dict.fromkeys(a for i, b in enumerate(doc.blocks) if in_scope[i] for a in pattern.findall(b.text)))

    @staticmethod
    def _expansions(doc: Document, acronyms: list[str], in_scope: list[bool]) -> dict[int, list[tuple[int, int]]]:
        """Block index -> (start, end) of runs of words (function words allowed between) whose initials spell
        an acronym, acronym by acronym, each in text order; only runs that open with a lowercase word of three
        or more characters followed by a capitalised word (no other run survives _lowercase_lead)."""
        hits = []
        for letter in dict.fromkeys(a[0] for a in acronyms):
            lead = _lead(letter)
            if lead is None:
                continue
            for m in lead.finditer(doc.prose, overlapped=True):  # "self-driving Car": "driving" starts one too
                if not m.group(2).isupper() or m.group(1).lower() in _LEAD_STOP:
                    continue
                place = _prose.locate(doc, m.start(), m.end(2))  # the capitalised word in the same block
                if place is None or not in_scope[place[0]]:
                    continue
                block, start = place
                for index, acronym in enumerate(acronyms):
                    if acronym[0] == letter:
                        end = _spell(doc.blocks[block].text, start, acronym)
                        if end is not None:
                            hits.append((block, index, start, end))
        out: dict[int, list[tuple[int, int]]] = {}
        for block, _, start, end in sorted(hits):
            out.setdefault(block, []).append((start, end))
        return out

    @staticmethod
    def _lowercase_lead(phrase: str, strict: bool) -> bool:
        """A lowercase content word opens the phrase and capitals follow ("liquefied Petroleum Gas"); strict:
        every later content word is capitalised and the words form one run (no punctuation between)."""
        if not _RUN_OF_WORDS().fullmatch(phrase):
            return False
        words = phrase.split()
        if not words[0][0].islower() or words[0].lower() in _LEAD_STOP or len(words[0]) < 3:
            return False
        if strict and words[1].lower() in _FUNCTION:
            return False
        later = [w for w in words[1:] if w.lower() not in _FUNCTION]
        return all(w[0].isupper() for w in later) if strict else any(w[0].isupper() for w in later)

    @staticmethod
    def _mixed(text: str, start: int, phrase: str) -> bool:
        before = text[:start].rstrip(" \t\"“‘'(")
        sentence_initial = not before or before[-1] in ".!?:\n"
        content = [w for w in phrase.split() if w.lower() not in _FUNCTION]
        if sentence_initial:
            content = content[1:]
        caps = [w[0].isupper() for w in content]
        return len(content) >= 1 and any(caps) and not all(caps) and not any(w.isupper() and len(w) > 1 for w in content)

    def _options(self, text: str, start: int, phrase: str) -> tuple[str, ...]:
        lower = self._fix(text, start, phrase, common=True)
        title = self._fix(text, start, phrase, common=False)
        last = phrase.split()[-1].lower()
        return (title, lower) if last in _ORG_HEADS else (lower, title)

    def _fix(self, text: str, start: int, phrase: str, common: bool | None) -> str:
        if common is None:
            return self._options(text, start, phrase)[0]
        words = phrase.split(" ")
        if common:
            out = [w.lower() if not (w.isupper() and len(w) > 1) else w for w in words]
        else:
            out = [w if w.lower() in _FUNCTION and i else w[:1].upper() + w[1:] for i, w in enumerate(words)]
        before = text[:start].rstrip(" \t\"“‘'(")
        if common and (not before or before[-1] in ".!?:\n"):
            out[0] = out[0][:1].upper() + out[0][1:]
        return " ".join(out)
