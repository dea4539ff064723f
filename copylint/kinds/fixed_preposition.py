"""fixed-preposition: a verb or adjective that governs one preposition, followed by one text never uses after it
("comply to the rules" -> "comply with"), from a table of bigram counts."""
from __future__ import annotations

from typing import Iterable

import regex

from ..data.lexicon import word_classes
from ..document import Document
from ..errors import RuleError
from ..model import Finding
from .base import Kind, match_case


_BASE_VERBS = frozenset({"be", "have", "do"})  # the word-class table lists no auxiliaries


class FixedPreposition(Kind):
    """Keys: governs (word -> [its preposition, then every other one real text uses after it]), checked (the
    prepositions that may be flagged), allow (word-preposition pairs a house style accepts: "separate to"). "To"
    before a word that can be a base verb is an infinitive ("willing to go") and is never flagged."""

    NAME = "fixed-preposition"
    KEYS = {"governs": dict, "checked": list, "allow": list}
    REQUIRED = ("governs", "checked")

    @classmethod
    def validate(cls, rule) -> None:
        for word, preps in rule.params["governs"].items():
            if not isinstance(preps, list) or not preps or not all(isinstance(p, str) for p in preps):
                raise RuleError(rule.path, "governs", f"{word!r}: a non-empty list of prepositions")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.governs = {w.lower(): tuple(preps) for w, preps in p["governs"].items()}
        self.checked = frozenset(w.lower() for w in p["checked"])
        self.allow = frozenset(" ".join(a.lower().split()) for a in p.get("allow", ()))
        self.words = frozenset(self.governs)
        words = "|".join(sorted(self.governs, key=len, reverse=True))
        preps = "|".join(sorted(self.checked, key=len, reverse=True))
        self.pattern = regex.compile(rf"(?<![\w'’-])(?P<w>(?i:{words}))[ \t]+(?P<p>{preps})(?![\w'’-])"
                                     rf"(?:[ \t]+(?P<n>[A-Za-z]+))?")

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.has_any(self.words) or not doc.has_any(self.checked):
            return
        classes = None
        for _, block in self.blocks(doc):
            for m in self.pattern.finditer(block.text):
                word, prep = m.group("w").lower(), m.group("p")
                governed = self.governs[word]
                if prep in governed or f"{word} {prep}" in self.allow:
                    continue
                following = (m.group("n") or "").lower()
                if prep == "to" and following:
                    classes = classes or word_classes()
                    if following in _BASE_VERBS or "VB" in classes.of(following):
                        continue  # an infinitive: "reluctant to go"
                yield self.finding(doc, block, m.start("p"), m.end("p"), match_case(prep, governed[0]),
                                   word=m.group("w"))
