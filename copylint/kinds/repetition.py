"""repetition: the same word twice in a row ("the the"), except pairs that are grammatical ("had had")."""
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
                yield self.source_finding(doc, block.to_source(m.start()), block.to_source(m.end() - 1) + 1,
                                          word, suggestions=(word,), word=word)
