"""duration-phrase: "<a/an> <noun> of <number> <unit>s" where news uses a hyphenated modifier ("a two-week curfew")."""
from __future__ import annotations

import dataclasses
from typing import Iterable

import regex

from ..document import Document
from ..errors import RuleError
from ..data.spin_lexicon import lexicon
from ..model import Finding, Severity
from ..phrases import fold
from ._words import NUMBER_WORDS, first_part, indefinite_article, last_part
from .base import Kind, match_case

_NUMBER = r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine))"


# Words that can stand where the noun does without being one ("a lot of two", "a few of ten").
_NOT_NOUNS = frozenset("lot few couple number maximum minimum total average".split())


class DurationPhrase(Kind):
    """Keys: nouns (noun as matched -> noun as written in the fix: the declared states that are flagged as
    warnings); units (singular time or measure units); adjectives (modifiers allowed between the article and the
    noun); any_noun (also flag, as info, any other noun that news never gives an "of <duration>": the spin
    lexicon lists those that take one, "a period of two weeks", "a sentence of 16 months")."""

    NAME = "duration-phrase"
    KEYS = {"nouns": dict, "units": list, "adjectives": list, "any_noun": bool}
    REQUIRED = ("nouns", "units")

    @classmethod
    def validate(cls, rule) -> None:
        if not rule.params["units"] or not rule.params["nouns"]:
            raise RuleError(rule.path, "nouns", "nouns and units must not be empty")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.nouns = {k.lower(): v for k, v in p["nouns"].items()}
        self.any_noun = p.get("any_noun", False)
        nouns = "|".join(regex.escape(n) for n in sorted(self.nouns, key=len, reverse=True))
        if self.any_noun:
            nouns += r"|\p{Ll}[\p{Ll}-]+"
        units = "|".join(regex.escape(u) for u in sorted(p["units"], key=len, reverse=True))
        adjectives = "|".join(regex.escape(a) for a in p.get("adjectives", []))
        adjective_part = rf"(?:(?P<adj>{adjectives})\s+)?" if adjectives else ""
        self.source = (rf"\b(?P<art>an?)\s+{adjective_part}(?P<noun>{nouns})\s+of\s+(?P<num>{_NUMBER})"
                       rf"\s+(?P<unit>{units})s?\b")
        self._pattern: regex.Pattern | None = None  # compiled on first need
        # Every match holds the last word of a noun and a unit (singular or plural), whole (doc.words).
        self.noun_words = frozenset(last_part(fold(n.split()[-1])) for n in self.nouns)
        self.unit_words = frozenset(w for u in p["units"] for w in (first_part(fold(u)), first_part(fold(u + "s"))))

    @property
    def pattern(self) -> regex.Pattern:
        if self._pattern is None:
            self._pattern = regex.compile(self.source, regex.IGNORECASE)
        return self._pattern

    def check(self, doc: Document) -> Iterable[Finding]:
        if doc.words.isdisjoint(self.unit_words) or not self.any_noun and doc.words.isdisjoint(self.noun_words):
            return
        allowed = lexicon().duration_nouns if self.any_noun else frozenset()
        for _, block in self.blocks(doc):
            for m in self.pattern.finditer(block.text):
                written = m.group("noun").lower()
                listed = written in self.nouns
                if not listed and (written in allowed or written in _NOT_NOUNS):
                    continue
                number = m.group("num")
                modifier = f"{number}-{m.group('unit').lower()}"
                adjective = f"{m.group('adj')} " if m.groupdict().get("adj") else ""
                noun = self.nouns.get(written, m.group("noun"))
                phrase = f"{indefinite_article(number)} {modifier} {adjective}{noun}"
                finding = self.finding(doc, block, m.start(), m.end(), match_case(m.group(), phrase))
                yield finding if listed else dataclasses.replace(finding, severity=Severity.INFO)
