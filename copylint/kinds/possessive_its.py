"""possessive-its: "it's" (it is) written for the possessive "its" ("the company and it's workers", "for it's work")."""
from __future__ import annotations

from typing import Iterable

import regex

from ..data.lexicon import word_classes
from ..document import Document
from ..model import Finding
from . import _prose
from .base import Kind, match_case

_ITS = _prose.lazy(r"(?<![\w'’-])(?P<its>it['’]s)(?P<next>(?:[ \t]+[a-z]+(?![\w'’-])){1,3})", regex.IGNORECASE)
_WORD_BEFORE = _prose.lazy(r"(?:(?P<w2>[A-Za-z]+)[ \t]+)?(?P<w>[A-Za-z]+)[ \t]+$")
_NOUN = frozenset({"NN", "NNS"})
_PHRASE_START = _NOUN | {"JJ"}  # a noun phrase after a preposition opens with one of these
_PARTICIPLES = frozenset({"VBG", "VBN"})
_NOT_NOUN_ONLY = frozenset({"JJ", "RB", "VBG", "VBN", "VBD", "VBZ"})


class PossessiveIts(Kind):
    """Keys: prepositions (after one of them "it's" cannot be "it is": "for it's work", "on it's own"), quantities
    (words before "of" that make "of it's" a contraction: "most of it's gone"), auxiliaries (modals and auxiliaries
    that, right after "it's" and a noun, show the noun is the subject: "it's members would", so "it's" is "its").
    Evidence from the word-class table (copylint/data/lexicon): after a preposition the next word must be able to
    start a noun phrase (a noun or an adjective); otherwise the noun right after "it's" (an adjective-only word may
    come between) must be followed by an auxiliary, or, when the noun can be nothing but a noun, by a verb that can be
    nothing but a finite verb ("it's workers agreed"). "It's time", "it's people who", "it's going" stay."""

    NAME = "possessive-its"
    KEYS = {"prepositions": list, "quantities": list, "auxiliaries": list}
    REQUIRED = ("prepositions", "auxiliaries")

    def __init__(self, rule) -> None:
        super().__init__(rule)
        p = rule.params
        self.prepositions = frozenset(w.lower() for w in p["prepositions"])
        self.quantities = frozenset(w.lower() for w in p.get("quantities", ()))
        self.auxiliaries = frozenset(w.lower() for w in p["auxiliaries"])

    def check(self, doc: Document) -> Iterable[Finding]:
        if not doc.has_any({"it's"}):
            return
        classes = word_classes()
        for _, block in self.blocks(doc):
            text = block.text
            for m in _ITS().finditer(text):
                following = m.group("next").split()
                if self._possessive(text[max(0, m.start() - 40):m.start()], following, classes):
                    its = m.group("its")
                    yield self.finding(doc, block, m.start("its"), m.end("its"), match_case(its, its[:2] + "s"))

    def _possessive(self, before: str, following: list[str], classes) -> bool:
        """before: up to 40 characters before "it's"."""
        words = _WORD_BEFORE().search(before)
        previous = words.group("w").lower() if words else ""
        first = classes.of(following[0])
        if previous in self.prepositions:
            if previous == "of" and (words.group("w2") or "").lower() in self.quantities:
                return False  # "most of it's gone"
            return bool(first & _PHRASE_START) and not first & _PARTICIPLES
        rest = following
        if first == {"JJ"} and len(following) > 1:  # an adjective that is nothing else: "it's new members would"
            rest = following[1:]
        noun = classes.of(rest[0])
        if not noun & _NOUN or noun & _NOT_NOUN_ONLY or len(rest) < 2:
            return False
        verb = rest[1]
        if verb in self.auxiliaries:
            return True
        verb_tags = classes.of(verb)
        return noun <= _NOUN and bool(verb_tags) and verb_tags <= {"VBD", "VBZ", "VBN"} and bool(verb_tags & {"VBD", "VBZ"})
