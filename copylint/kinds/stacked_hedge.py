"""stacked-hedge: a hedge stacked on a hedge ("It is possible that … could")."""
from __future__ import annotations

from typing import Iterable

import regex

from ..document import Document
from ..model import Applicability, Finding
from . import _prose
from .base import Kind


_OPENERS = _prose.lazy(
    r"\b(?P<open>(?:(?:it\s+is|it['’]s|it\s+was|it\s+may\s+be|it\s+might\s+be|it\s+could\s+be)(?=\s+(?:possible|conceivable))|there\s+is\s+a\s+(?:chance|possibility))"
    r"(?:\s+(?:possible|conceivable))?\s+that)\s+(?=\p{L})",
    regex.IGNORECASE,
)
_MODALS = _prose.lazy(r"\b(?:could|may|might|possibly|perhaps|maybe|potentially)\b", regex.IGNORECASE)
_DOUBLE_MODAL = _prose.lazy(
    r"\b(?P<m>may|might)\s+(?P<adv>possibly|perhaps|maybe)\b(?!\s+(?:not|never)\b)", regex.IGNORECASE
)
_CLAUSE_END = _prose.lazy(r"[.;:!?]|,\s+(?:but|and|while|although|though)\b")
_NEXT_WORD = _prose.lazy(r"[\p{L}\p{N}'’-]+")
# Words every match holds (whole, as doc.words has them): a document without them is not scanned.
_OPENER_WORDS = frozenset({"possible", "conceivable", "chance", "possibility"})
_MODAL_WORDS = frozenset({"may", "might"})
_MODAL_ADVERBS = frozenset({"possibly", "perhaps", "maybe"})


class StackedHedge(Kind):
    """No keys. Flags a hedging opener whose clause hedges again ("It is possible that X could be") and
    "may possibly"-style doubled modals; the fix drops the opener (or the adverb)."""

    NAME = "stacked-hedge"

    def check(self, doc: Document) -> Iterable[Finding]:
        words = doc.words
        openers = not words.isdisjoint(_OPENER_WORDS)
        doubled = not words.isdisjoint(_MODAL_WORDS) and not words.isdisjoint(_MODAL_ADVERBS)
        if not openers and not doubled:
            return
        for _, block in self.blocks(doc):
            text = block.text
            for m in _OPENERS().finditer(text) if openers else ():
                end_m = _CLAUSE_END().search(text, m.end())
                clause_end = end_m.start() if end_m else len(text)
                if not _MODALS().search(text, m.end(), clause_end):
                    continue
                yield self._drop_opener(doc, block, m.start(), m.end())
            for m in _DOUBLE_MODAL().finditer(text) if doubled else ():
                yield self.finding(doc, block, m.start(), m.end(), m.group("m"))

    def _drop_opener(self, doc: Document, block, start: int, end: int) -> Finding:
        """The span is the opener plus the next word; the fix keeps only that word (capitalised at a sentence start)."""
        text = block.text
        word = _NEXT_WORD().match(text, end).group()
        new_word = word[0].upper() + word[1:] if text[start].isupper() else word
        return self.finding(doc, block, start, end + len(word), new_word, applicability=Applicability.UNSAFE)
