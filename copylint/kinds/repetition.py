"""repetition: the same word twice in a row ("the the"), except pairs that are grammatical ("had had") and a name
before the verb it is spelled like ("Edward Said said")."""
from __future__ import annotations

from typing import Iterable

import re

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
                if _name_before_verb(block.text, m.start(), word, m.group(3)):
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
