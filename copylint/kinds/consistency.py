"""Consistency kinds (document level): variant spellings, compound-modifier hyphenation, mixed-case common terms."""
from __future__ import annotations

import collections
from typing import Iterable, Iterator

import regex

from ..document import Document, ProseBlock
from ..errors import RuleError
from ..model import Finding
from ._words import CLAUSE_WORDS, DETERMINERS
from .base import Kind, match_case

_TOKEN = regex.compile(r"[\p{L}]+(?:[-'’][\p{L}]+)*")
_SUFFIXES = ("", "s", "es", "'s", "’s", "s'", "s’", "ed", "d", "ing", "er", "ers", "or", "ors", "ation", "ations",
             "al", "ally", "ly", "ment", "ments", "able", "ably", "ite", "ites", "ful", "less", "hood", "hoods")
_IZE = regex.compile(r"(?P<stem>\p{L}{3,}?)(?P<v>is|iz|ys|yz)(?P<suf>e|es|ed|ing|ation|ations|er|ers|able)", regex.IGNORECASE)
_IZE_SKIP = frozenset({"pr", "s", "se", "capsi", "expert", "franch", "merchand", "advert", "enterpr", "exerc", "compr",
                       "surpr", "superv", "telev", "dev", "rev", "adv", "desp", "disgu", "chast", "improv", "prem", "prom",
                       "dem", "exc", "inc", "w", "r", "ar", "ra", "pra", "no", "po", "cru", "bru", "gu", "repr", "parad"})
PROSE_SCOPES = frozenset({"paragraph", "list", "quote", "caption"})


def _tokens(doc: Document, scopes: frozenset[str]) -> Iterator[tuple[ProseBlock, int, int, str, bool]]:
    """(block, start, end, token, sentence_initial) for every word token of the prose blocks."""
    for block in doc.blocks:
        if block.scope not in scopes:
            continue
        text = block.text
        for m in _TOKEN.finditer(text):
            before = text[: m.start()].rstrip(" \t\"“‘'(")
            initial = not before or before[-1] in ".!?:\n"
            yield block, m.start(), m.end(), m.group(), initial


class VariantSpelling(Kind):
    """Keys: groups (lists of stems, preferred spelling first; inflections are matched by suffix),
    names (groups of proper-noun variants, matched with capitals), ize (also compare -ise/-ize, -yse/-yze words).
    Flags the minority spelling of a word the document spells two ways; ties go to the preferred form."""

    NAME = "variant-spelling"
    KEYS = {"groups": list, "names": list, "ize": bool}
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    @classmethod
    def validate(cls, rule) -> None:
        for key in ("groups", "names"):
            for i, group in enumerate(rule.params.get(key, [])):
                if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) for w in group):
                    raise RuleError(rule.path, f"{key}[{i}]", "must list two or more spellings")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.stems: dict[str, tuple[int, int]] = {}
        for g, group in enumerate(rule.params.get("groups", [])):
            for v, stem in enumerate(group):
                self.stems[stem.lower()] = (g, v)
        self.names: dict[str, tuple[int, int]] = {}
        for g, group in enumerate(rule.params.get("names", [])):
            for v, name in enumerate(group):
                self.names[name.lower()] = (g, v)
        self.forms = [list(group) for group in rule.params.get("groups", [])]
        self.name_forms = [list(group) for group in rule.params.get("names", [])]
        self.ize = rule.params.get("ize", False)

    def _key(self, token: str, capitalised_midsentence: bool) -> tuple[tuple, int, str] | None:
        """(family key, variant index, suffix) of a token, or None when it has no variants."""
        lower = token.lower().replace("’", "'")
        if lower in self.names:
            g, v = self.names[lower]
            return ("name", g), v, ""
        if capitalised_midsentence:  # "Labour", "Kennedy Center", "Mr Gray": proper nouns keep their spelling
            return None
        for suffix in _SUFFIXES:
            if suffix and not lower.endswith(suffix):
                continue
            stem = lower[: len(lower) - len(suffix)] if suffix else lower
            if stem in self.stems:
                g, v = self.stems[stem]
                return ("table", g, suffix), v, suffix
        if self.ize:
            m = _IZE.fullmatch(lower)
            if m and m.group("stem") not in _IZE_SKIP:
                vowel = m.group("v")[0]
                return ("ize", m.group("stem"), vowel, m.group("suf")), int(m.group("v")[1] == "z"), m.group("suf")
        return None

    def _spelling(self, family: tuple, variant: int, suffix: str) -> str:
        if family[0] == "name":
            return self.name_forms[family[1]][variant]
        if family[0] == "table":
            return self.forms[family[1]][variant] + suffix
        _, stem, vowel, suf = family
        return f"{stem}{vowel}{'z' if variant else 's'}{suf}"

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        seen: dict[tuple, list[tuple[int, ProseBlock, int, int, str]]] = collections.defaultdict(list)
        for block, start, end, token, initial in _tokens(doc, scopes):
            key = self._key(token, token[0].isupper() and not initial)
            if key is not None:
                family, variant, _ = key
                # Inflected forms of one family vote together ("protesters" and "protestor" disagree).
                vote_family = family if family[0] != "table" else ("table", family[1])
                seen[vote_family].append((variant, block, start, end, token, family))
        for occurrences in seen.values():
            counts = collections.Counter(o[0] for o in occurrences)
            if len(counts) < 2:
                continue
            first_seen = {}
            for o in occurrences:
                first_seen.setdefault(o[0], len(first_seen))
            # Majority wins; a tie goes to the preferred (first-listed) form, or for -ise/-ize to the first used.
            tie_break = (lambda v: -v) if occurrences[0][5][0] != "ize" else (lambda v: -first_seen[v])
            majority = max(counts, key=lambda v: (counts[v], tie_break(v)))
            for variant, block, start, end, token, family in occurrences:
                if variant == majority:
                    continue
                suffix = family[2] if family[0] == "table" else (family[3] if family[0] == "ize" else "")
                right = self._spelling(family, majority, suffix)
                yield self.finding(doc, block, start, end, match_case(token, right),
                                   majority=right, count=counts[majority], minority=counts[variant])


_SKIP_AFTER = CLAUSE_WORDS | DETERMINERS | frozenset(
    """he she they we it i you there here this below above beneath beside behind near via per like unlike amid
    despite plus up down out off through away back because although though well again too very really alone
    yourself himself herself itself themselves myself ourselves""".split()
)
# "wake up teenagers", "shut down plants": a verb and its particle, not a compound modifier.
_PARTICLES = frozenset("up down out off in on over back away through about around along for with to by".split())


class CompoundHyphenation(Kind):
    """No keys. A compound modifier the document hyphenates ("flood-hit towns") written open before a noun
    elsewhere ("flood hit areas"): the open form is flagged when it is not the majority (ties go to the hyphen)."""

    NAME = "compound-hyphenation"
    DEFAULT_SCOPES = PROSE_SCOPES
    DOCUMENT_LEVEL = True

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        hyphenated: dict[str, list[tuple[ProseBlock, int, int, str]]] = collections.defaultdict(list)
        blocks = [b for b in doc.blocks if b.scope in scopes]
        for block in blocks:
            for m in regex.finditer(r"(?<![\p{L}-])(\p{Ll}{2,})-(\p{Ll}{2,})(?![\p{L}-])", block.text):
                if m.group(2) not in _PARTICLES and self._attributive(block.text, m.end()):
                    hyphenated[f"{m.group(1)} {m.group(2)}"].append((block, m.start(), m.end(), m.group()))
        if not hyphenated:
            return
        for pair, hyphen_uses in hyphenated.items():
            open_uses = []
            words = r"\s+".join(regex.escape(w) for w in pair.split())
            pattern = regex.compile(r"(?<![\p{L}-])" + words + r"(?![\p{L}-])")
            for block in blocks:
                for m in pattern.finditer(block.text):
                    if self._attributive(block.text, m.end()):
                        open_uses.append((block, m.start(), m.end(), m.group()))
            if not open_uses:
                continue
            # Before a noun the hyphen is the style: flag the open form when it is the minority (or a tie);
            # a hyphenated minority is left alone rather than "fixed" into the open form.
            if len(open_uses) > len(hyphen_uses):
                continue
            for block, start, end, text in open_uses:
                yield self.finding(doc, block, start, end, "-".join(text.split()), majority=pair.replace(" ", "-"))

    @staticmethod
    def _attributive(text: str, end: int) -> bool:
        """True when a lowercase word that can be a noun follows directly (the compound modifies it)."""
        m = regex.match(r"[ \t]+(\p{Ll}[\p{Ll}-]*)", text[end:])
        return bool(m) and m.group(1) not in _SKIP_AFTER and not m.group(1).endswith("ly")


_ORG_HEADS = frozenset(
    """organization organisation council union party agency bank fund association committee commission ministry
    department office institute university court service corporation company group front army force authority
    league federation alliance movement board bureau centre center foundation society assembly parliament congress
    senate treaty programme program""".split()
)
_FUNCTION = frozenset("of and for the on in to a an at by with de la du des".split())
_LEAD_STOP = frozenset("me him her us them it you we they he she his its their our my your who which that this".split())
_ACRONYM = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}{3,6}(?![\p{L}\p{N}])")


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
        terms = rule.params.get("terms", [])
        alternation = "|".join(r"\s+".join(regex.escape(w) for w in t.split()) for t in sorted(terms, key=len, reverse=True))
        self.terms = regex.compile(r"(?<![\p{L}-])(?:" + alternation + r")(?![\p{L}-])", regex.IGNORECASE) if terms else None

    def check(self, doc: Document) -> Iterable[Finding]:
        scopes = self.rule.scopes or self.DEFAULT_SCOPES
        blocks = [b for b in doc.blocks if b.scope in scopes]
        acronyms = {m.group() for b in blocks for m in _ACRONYM.finditer(b.text)}
        lowercase_words = {m.group() for b in blocks for m in regex.finditer(r"\b\p{Ll}+\b", b.text)}
        flagged: set[tuple[int, int]] = set()
        for block in blocks:
            text = block.text
            if self.terms is not None:
                for m in self.terms.finditer(text):
                    if self._lowercase_lead(m.group(), strict=False) and self._mixed(text, m.start(), m.group()):
                        flagged.add((id(block), m.start()))
                        yield self.finding(doc, block, m.start(), m.end(), self._fix(text, m.start(), m.group(), common=True))
            for acronym in acronyms:
                for start, end in self._expansions(text, acronym):
                    if (id(block), start) in flagged:
                        continue
                    phrase = text[start:end]
                    # Only "liquefied Petroleum Gas": a lowercase word opening an otherwise capitalised expansion,
                    # inside one run of words (names like "Cambridge University, said" cross punctuation).
                    if not self._lowercase_lead(phrase, strict=True):
                        continue
                    # The capitalised words are common nouns the document also writes in lowercase ("gas"),
                    # not a name ("chief executive Doug Smith").
                    if not any(w.lower() in lowercase_words for w in phrase.split()[1:] if w[0].isupper()):
                        continue
                    if self._mixed(text, start, phrase):
                        flagged.add((id(block), start))
                        yield self.finding(doc, block, start, end, self._fix(text, start, phrase, common=None),
                                           suggestions=self._options(text, start, phrase))

    @staticmethod
    def _lowercase_lead(phrase: str, strict: bool) -> bool:
        """A lowercase content word opens the phrase and capitals follow ("liquefied Petroleum Gas"); strict:
        every later content word is capitalised and the words form one run (no punctuation between)."""
        if not regex.fullmatch(r"\p{L}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*)+", phrase):
            return False
        words = phrase.split()
        if not words[0][0].islower() or words[0].lower() in _LEAD_STOP or len(words[0]) < 3:
            return False
        if strict and words[1].lower() in _FUNCTION:
            return False
        later = [w for w in words[1:] if w.lower() not in _FUNCTION]
        return all(w[0].isupper() for w in later) if strict else any(w[0].isupper() for w in later)

    @staticmethod
    def _expansions(text: str, acronym: str) -> Iterator[tuple[int, int]]:
        """Spans of consecutive content words (function words allowed between) whose initials spell acronym."""
        words = [(m.start(), m.end(), m.group()) for m in regex.finditer(r"\p{L}[\p{L}'’]*", text)]
        n = len(acronym)
        for i in range(len(words)):
            j, k = i, 0
            while j < len(words) and k < n:
                w = words[j][2]
                if w.lower() in _FUNCTION and k > 0:
                    j += 1
                    continue
                if w[0].upper() != acronym[k]:
                    break
                j, k = j + 1, k + 1
            if k == n and j - i >= n:
                yield words[i][0], words[j - 1][1]

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
