"""repetition: the same word twice in a row ("the the"), except pairs that are grammatical ("had had"), a name
before the verb it is spelled like ("Edward Said said") and an adjective before the noun it is spelled like ("the
second second")."""
from __future__ import annotations

from typing import Iterable

import re

from ..data.lexicon import word_classes
from ..document import Document
from ..model import Finding
from .base import Kind

# The stdlib engine runs this backreference about twice as fast as the regex module; the possessive \w++ spares it
# retrying every shorter prefix of each word (none can be followed by white space, so none can match).
_DOUBLED = re.compile(r"\b(\w++)(\s+)((?i:\1))\b")


class Repetition(Kind):
    """Keys: allow (word pairs that are grammatical when doubled)."""

    NAME = "repetition"
    KEYS = {"allow": list}

    def __init__(self, rule) -> None:
        super().__init__(rule)
        self.allow = {w.lower() for w in rule.params.get("allow", [])}

    def check(self, doc: Document) -> Iterable[Finding]:
        for _, block in self.blocks(doc):
            for m in _DOUBLED.finditer(block.text):
                word = m.group(1)
                if word.lower() in self.allow or word.isdigit() or "\n" in m.group(2):
                    continue
                if word[0].isupper() and m.group(3)[0].isupper():  # names and titles: Duran Duran, Mau Mau
                    continue
                if _name_before_verb(block.text, m.start(), word, m.group(3)) or \
                        adjective_before_noun(block.text, m.start(), m.end(), word):
                    continue
                yield self.source_finding(doc, block.to_source(m.start()), block.to_source(m.end() - 1) + 1,
                                          word, suggestions=(word,), word=word)



def _name_before_verb(text: str, start: int, first: str, second: str) -> bool:
    """A capitalised word mid-sentence, then the same word in lower case: a name and the verb (or noun) it is spelled
    like ("as the critic Edward Said said", "Mr Young young voters"). At a sentence's start the capital proves
    nothing ("The the vote")."""
    if not (first[:1].isupper() and second.islower()):
        return False
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\"“‘'(:\n"


_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|a|an|this|that|each|every|its|his|her|their|our|my|your)[ \t]+)$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)")


def adjective_before_noun(text: str, start: int, end: int, word: str) -> bool:
    """A determiner, a word the table lists as adjective and noun, the same word, then no noun: the adjective before
    the noun it is spelled like ("the second second of the race", "a minute minute"). With a noun after it the
    pair is a slip before that noun ("the last last year")."""
    if not word.islower() or _DETERMINER_BEFORE.search(text[max(0, start - 12):start]) is None:
        return False
    classes = word_classes()
    if not {"JJ", "NN"} <= classes.of(word):
        return False
    after = _WORD_AFTER.match(text, end)
    return after is None or not classes.of(after.group(1)) & {"NN", "NNS"} or after.group(1).lower() in _NOT_NOUNS


_NOT_NOUNS = frozenset("of in on at to for and or but as by with from than that was is were are had has".split())
